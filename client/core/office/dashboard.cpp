// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard.h"

#include "storage/planqueries.h"
#include "model/hlc.h"

#include <QHash>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonValue nullable(const QString &value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

QString isoTime(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

QJsonObject DashboardRow::toJson() const
{
    QJsonObject byStatus;
    for (auto it = measuresByStatus.cbegin(); it != measuresByStatus.cend(); ++it)
        byStatus.insert(it.key().isEmpty() ? u"none"_s : it.key(), it.value());
    return { { u"municipality_id"_s, municipalityId }, { u"municipality"_s, name }, { u"state"_s, state },
             { u"cluster"_s, cluster }, { u"plan"_s, nullable(planId) }, { u"review_status"_s, nullable(reviewStatus) },
             { u"measures"_s, measures }, { u"measures_by_status"_s, byStatus },
             { u"completeness"_s, qRound(completeness * 1000) / 1000.0 }, { u"open_review_notes"_s, openReviewNotes },
             { u"last_change"_s, nullable(isoTime(lastChange)) },
             { u"last_submission"_s, nullable(isoTime(lastSubmission)) } };
}

Result<QList<DashboardRow>> Dashboard::compute(ReplicaStore &store, Parts parts)
{
    PlanQueries queries(store);
    QList<DashboardRow> rows;
    QHash<QString, qsizetype> byPlan;
    const auto municipalities = queries.liveMunicipalities();
    if (!municipalities)
        return municipalities.error();
    QHash<QString, qsizetype> byMunicipality;
    for (const PlanQueries::MunicipalityRow &municipality : municipalities.value()) {
        DashboardRow row;
        row.municipalityId = municipality.id;
        row.name = municipality.name;
        row.state = municipality.state;
        row.cluster = municipality.cluster;
        byMunicipality.insert(row.municipalityId, rows.size());
        rows << row;
    }
    // A municipality's plan (the first by id, should it have two), with its review status; one pass over the
    // plans, as plans have no index by municipality.
    const auto plans = queries.livePlans();
    if (!plans)
        return plans.error();
    for (const PlanQueries::PlanRow &plan : plans.value()) {
        const auto at = byMunicipality.constFind(plan.municipalityId);
        if (at == byMunicipality.cend() || !rows[*at].planId.isEmpty())
            continue;
        rows[*at].planId = plan.id;
        rows[*at].reviewStatus = plan.reviewStatus;
        byPlan.insert(rows[*at].planId, *at);
    }
    auto rowOf = [&](const QString &plan) -> DashboardRow * {
        const auto it = byPlan.constFind(plan);
        return it == byPlan.cend() ? nullptr : &rows[*it];
    };

    const auto counts = queries.measureStatusCounts();
    if (!counts)
        return counts.error();
    QHash<DashboardRow *, int> completeByRow;
    for (const PlanQueries::StatusCount &count : counts.value()) {
        if (DashboardRow *row = rowOf(count.planId)) {
            row->measuresByStatus[count.status] += count.measures;
            row->measures += count.measures;
            completeByRow[row] += count.complete;
        }
    }
    for (auto it = completeByRow.cbegin(); it != completeByRow.cend(); ++it)
        it.key()->completeness = it.key()->measures > 0 ? double(it.value()) / it.key()->measures : 0;

    const auto openNotes = queries.openReviewNotes();
    if (!openNotes)
        return openNotes.error();
    for (auto it = openNotes->cbegin(); it != openNotes->cend(); ++it) {
        if (DashboardRow *row = rowOf(it.key()))
            row->openReviewNotes = it.value();
    }

    const auto submissions = queries.lastSubmissions();
    if (!submissions)
        return submissions.error();
    for (auto it = submissions->cbegin(); it != submissions->cend(); ++it) {
        if (DashboardRow *row = rowOf(it.key()))
            row->lastSubmission = QDateTime::fromString(it.value(), Qt::ISODate);
    }

    if (parts == Parts::All) {
        if (Status ok = addLastChanges(store, rows); !ok)
            return ok.error();
    }
    std::sort(rows.begin(), rows.end(), [](const DashboardRow &a, const DashboardRow &b) {
        if (const int c = a.cluster.localeAwareCompare(b.cluster); c != 0)
            return c < 0;
        if (const int c = a.name.localeAwareCompare(b.name); c != 0)
            return c < 0;
        return a.municipalityId < b.municipalityId;
    });
    return rows;
}

Status Dashboard::addLastChanges(ReplicaStore &store, QList<DashboardRow> &rows)
{
    QHash<QString, DashboardRow *> byPlan;
    for (DashboardRow &row : rows) {
        if (!row.planId.isEmpty())
            byPlan.insert(row.planId, &row);
    }
    auto newer = [&](const QPair<QString, QString> &planAndStamp) {
        DashboardRow *row = byPlan.value(planAndStamp.first);
        const Hlc stamp = Hlc::fromString(planAndStamp.second);
        if (!row || stamp.isNull())
            return;
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(stamp.wallMs, Qt::UTC);
        if (!row->lastChange.isValid() || time > row->lastChange)
            row->lastChange = time;
    };
    // The plan's own changes apart, as its review status is the office's, not the municipality's work.
    PlanQueries queries(store);
    const auto content = queries.newestContentChanges();
    if (!content)
        return content.error();
    for (const auto &planAndStamp : content.value())
        newer(planAndStamp);
    const auto own = queries.newestPlanChanges();
    if (!own)
        return own.error();
    for (const auto &planAndStamp : own.value())
        newer(planAndStamp);
    return Ok {};
}
