// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinemodel.h"

#include "session/session.h"
#include "session/vocabulary.h"

#include <algorithm>
#include <numeric>

using namespace Qt::Literals::StringLiterals;

namespace {

QDate quarterStart(QDate date)
{
    return QDate(date.year(), (date.month() - 1) / 3 * 3 + 1, 1);
}

struct Dated
{
    const EntityRecord *record;
    QDate start;
    QDate end; ///< inclusive
};

} // namespace

TimelineModel::TimelineModel(QObject *parent)
    : RowListModel({ "entityId", "title", "statusKey", "status", "period", "from", "to", "lane" }, parent)
{ }

void TimelineModel::setPlanId(const QString &planId)
{
    if (planId == m_planId)
        return;
    m_planId = planId;
    Q_EMIT planIdChanged();
    scheduleRefresh();
}

QList<int> TimelineModel::packLanes(const QList<Span> &spans, int *laneCount)
{
    QList<int> order(spans.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        return spans[a].from != spans[b].from ? spans[a].from < spans[b].from : spans[a].to < spans[b].to;
    });
    constexpr double touching = 1e-9; // a bar may start where the one before it ends
    QList<double> laneEnds;
    QList<int> lanes(spans.size(), 0);
    for (int i : std::as_const(order)) {
        auto free = std::find_if(laneEnds.begin(), laneEnds.end(),
                                 [&](double end) { return end <= spans[i].from + touching; });
        if (free == laneEnds.end()) {
            laneEnds.append(spans[i].to);
            lanes[i] = int(laneEnds.size()) - 1;
        } else {
            *free = spans[i].to;
            lanes[i] = int(free - laneEnds.begin());
        }
    }
    if (laneCount)
        *laneCount = int(laneEnds.size());
    return lanes;
}

void TimelineModel::buildAxis(QDate first, QDate afterLast)
{
    const double days = double(first.daysTo(afterLast));
    const auto at = [&](QDate date) { return std::clamp(first.daysTo(date) / days, 0.0, 1.0); };
    for (QDate q = first; q < afterLast; q = q.addMonths(3))
        m_quarters.append(QVariantMap { { u"from"_s, at(q) }, { u"to"_s, at(q.addMonths(3)) },
                                        { u"label"_s, tr("Q%1").arg((q.month() - 1) / 3 + 1) } });
    for (int year = first.year(); year <= afterLast.addDays(-1).year(); ++year)
        m_years.append(QVariantMap { { u"from"_s, at(QDate(year, 1, 1)) }, { u"to"_s, at(QDate(year + 1, 1, 1)) },
                                     { u"label"_s, QString::number(year) } });
    const QDate today = QDate::currentDate();
    m_today = today >= first && today < afterLast ? at(today) : -1;
}

QList<RowListModel::Row> TimelineModel::readRows()
{
    m_laneCount = 0;
    m_undatedCount = 0;
    m_years.clear();
    m_quarters.clear();
    m_today = -1;
    QList<Row> rows;
    if (m_planId.isEmpty())
        return rows;

    // The plan's measures in outline order: fields of action → goals → measures.
    const Schema &schema = Schema::instance();
    ReplicaView &view = *session()->view();
    QList<EntityRecord> measures;
    for (const EntityRecord &field : view.orderedChildren(*schema.entity(u"field_of_action"_s), m_planId)) {
        for (const EntityRecord &goal : view.orderedChildren(*schema.entity(u"goal"_s), field.id))
            measures.append(view.orderedChildren(*schema.entity(u"measure"_s), goal.id));
    }

    QList<Dated> dated;
    for (const EntityRecord &measure : std::as_const(measures)) {
        QDate start = QDate::fromString(measure.value(u"start_date"_s), Qt::ISODate);
        QDate end = QDate::fromString(measure.value(u"end_date"_s), Qt::ISODate);
        if (!start.isValid() && !end.isValid()) {
            ++m_undatedCount;
            continue;
        }
        if (!start.isValid())
            start = end;
        if (!end.isValid())
            end = start;
        if (end < start)
            std::swap(start, end);
        dated.append({ &measure, start, end });
    }
    if (dated.isEmpty())
        return rows;

    QDate first = dated.first().start;
    QDate last = dated.first().end;
    for (const Dated &d : std::as_const(dated)) {
        first = std::min(first, d.start);
        last = std::max(last, d.end);
    }
    first = quarterStart(first);
    const QDate afterLast = quarterStart(last).addMonths(3);
    const double days = double(first.daysTo(afterLast));

    QList<Span> spans;
    for (const Dated &d : std::as_const(dated)) {
        Span span { first.daysTo(d.start) / days, first.daysTo(d.end.addDays(1)) / days };
        if (span.to - span.from < minimumWidth) {
            span.to = std::min(1.0, span.from + minimumWidth);
            span.from = span.to - minimumWidth;
        }
        spans.append(span);
    }
    const QList<int> lanes = packLanes(spans, &m_laneCount);
    buildAxis(first, afterLast);

    for (qsizetype i = 0; i < dated.size(); ++i) {
        const EntityRecord &m = *dated[i].record;
        const QString status = m.value(u"status"_s);
        const auto shown = [](QDate date) {
            return Vocabulary::displayValue(u"measure"_s, u"start_date"_s, date.toString(Qt::ISODate));
        };
        const QString period = dated[i].start == dated[i].end
                ? shown(dated[i].start)
                : u"%1 – %2"_s.arg(shown(dated[i].start), shown(dated[i].end));
        rows.append(Row { m.id, m.value(u"title"_s), status, Vocabulary::displayValue(u"measure"_s, u"status"_s, status),
                          period, spans[i].from, spans[i].to, lanes[i] });
    }
    return rows;
}
