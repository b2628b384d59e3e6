// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardmodel.h"
#include "applogging.h"

#include "session/session.h"
#include "session/vocabulary.h"

#include <QTimer>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

DashboardModel::DashboardModel(QObject *parent)
    : RowListModel({ "municipalityId", "name", "federalState", "cluster", "planId", "reviewStatusKey", "reviewStatus",
                     "measures", "segments", "completeness", "openReviewNotes", "lastChange", "lastSubmission" },
                   parent)
{ }

void DashboardModel::setFilter(QString &member, const QString &value)
{
    if (member == value)
        return;
    member = value;
    Q_EMIT filterChanged();
    scheduleRefresh();
}

void DashboardModel::setCluster(const QString &cluster)
{
    setFilter(m_cluster, cluster);
}

void DashboardModel::setFederalState(const QString &federalState)
{
    setFilter(m_federalState, federalState);
}

void DashboardModel::setSortBy(const QString &sortBy)
{
    setFilter(m_sortBy, sortBy);
}

void DashboardModel::setDescending(bool descending)
{
    if (descending == m_descending)
        return;
    m_descending = descending;
    Q_EMIT filterChanged();
    scheduleRefresh();
}

void DashboardModel::addLastChanges(int revision)
{
    Session *s = session();
    if (revision != m_computedRevision || m_lastChangesKnown || !s || !s->replica())
        return; // read again since, or signed out
    if (Status ok = Dashboard::addLastChanges(s->replica()->store(), m_computed); !ok)
        qCWarning(lcApp) << "the overview's newest changes could not be read:" << ok.error().message;
    m_lastChangesKnown = true;
    refresh();
}

QList<RowListModel::Row> DashboardModel::readRows()
{
    Session &s = *session();
    if (m_computedRevision != s.revision()) {
        auto computed = Dashboard::compute(s.replica()->store(), Dashboard::Parts::WithoutLastChange);
        m_computed = computed ? *computed : QList<DashboardRow> {};
        m_computedRevision = s.revision();
        m_lastChangesKnown = false;
        QTimer::singleShot(0, this, [this, revision = m_computedRevision] { addLastChanges(revision); });
        QSet<QString> clusters, states;
        for (const DashboardRow &row : std::as_const(m_computed)) {
            clusters.insert(row.cluster);
            states.insert(row.state);
        }
        m_clusters = clusters.values();
        m_federalStates = states.values();
        m_clusters.sort();
        m_federalStates.sort();
    }

    QList<const DashboardRow *> shown;
    for (const DashboardRow &row : std::as_const(m_computed)) {
        if ((m_cluster.isEmpty() || row.cluster == m_cluster) && (m_federalState.isEmpty() || row.state == m_federalState))
            shown.append(&row);
    }
    // The review status sorts in workflow order; names break every tie.
    const QStringList statusOrder = Schema::instance().entity(u"plan"_s)->field(u"review_status"_s)->choices;
    const auto key = [&](const DashboardRow &row) -> QVariant {
        if (m_sortBy == u"cluster"_s)
            return row.cluster;
        if (m_sortBy == u"reviewStatus"_s)
            return statusOrder.indexOf(row.reviewStatus);
        if (m_sortBy == u"measures"_s)
            return row.measures;
        if (m_sortBy == u"completeness"_s)
            return row.completeness;
        if (m_sortBy == u"openReviewNotes"_s)
            return row.openReviewNotes;
        if (m_sortBy == u"lastChange"_s)
            return row.lastChange.toMSecsSinceEpoch();
        if (m_sortBy == u"lastSubmission"_s)
            return row.lastSubmission.isValid() ? row.lastSubmission.toMSecsSinceEpoch() : 0;
        return row.name;
    };
    std::stable_sort(shown.begin(), shown.end(), [&](const DashboardRow *a, const DashboardRow *b) {
        const auto order = QVariant::compare(key(*a), key(*b));
        if (order != QPartialOrdering::Equivalent)
            return m_descending ? order == QPartialOrdering::Greater : order == QPartialOrdering::Less;
        return QString::localeAwareCompare(a->name, b->name) < 0;
    });

    const QStringList statuses = Schema::instance().entity(u"measure"_s)->field(u"status"_s)->choices;
    const auto shownTime = [](const QDateTime &when) { return when.isValid() ? Vocabulary::dateTime(when) : QString(); };
    const auto lastChange = [&](const DashboardRow &row) { return m_lastChangesKnown ? shownTime(row.lastChange) : u"…"_s; };
    QList<Row> rows;
    rows.reserve(shown.size());
    for (const DashboardRow *row : std::as_const(shown)) {
        QVariantList segments;
        for (const QString &status : statuses) {
            if (const int n = row->measuresByStatus.value(status))
                segments.append(QVariantMap { { u"status"_s, status },
                                              { u"label"_s, Vocabulary::choiceLabel(u"status"_s, status) },
                                              { u"count"_s, n } });
        }
        rows.append(Row { row->municipalityId, row->name, row->state, row->cluster, row->planId, row->reviewStatus,
                          Vocabulary::choiceLabel(u"review_status"_s, row->reviewStatus), row->measures, segments,
                          row->completeness, row->openReviewNotes, lastChange(*row),
                          shownTime(row->lastSubmission) });
    }
    return rows;
}
