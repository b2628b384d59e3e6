// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboard.h"

#include "storage/replicastore.h"
#include "model/hlc.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

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

// The plan of every entity in a plan's content but the plan itself: measures reach it through goal and field.
const QString contentOfPlans = u"WITH content(id, plan) AS ("
                               "SELECT id, plan FROM fields_of_action "
                               "UNION ALL SELECT id, plan FROM plan_versions "
                               "UNION ALL SELECT g.id, f.plan FROM goals g JOIN fields_of_action f ON f.id = g.field_of_action "
                               "UNION ALL SELECT m.id, f.plan FROM measures m JOIN goals g ON g.id = m.goal "
                               "JOIN fields_of_action f ON f.id = g.field_of_action "
                               "UNION ALL SELECT s.id, f.plan FROM milestones s JOIN measures m ON m.id = s.measure "
                               "JOIN goals g ON g.id = m.goal JOIN fields_of_action f ON f.id = g.field_of_action) "_s;

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
    QSqlQuery q(store.database());
    auto run = [&q](const QString &sql) -> Status {
        if (!q.exec(sql))
            return Error { u"storage_error"_s, q.lastError().text() };
        return Ok {};
    };

    QList<DashboardRow> rows;
    QHash<QString, qsizetype> byPlan;
    if (Status ok = run(u"SELECT id, name, state, cluster FROM municipalities WHERE _state = 'live'"_s); !ok)
        return ok.error();
    QHash<QString, qsizetype> byMunicipality;
    while (q.next()) {
        DashboardRow row;
        row.municipalityId = q.value(0).toString();
        row.name = q.value(1).toString();
        row.state = q.value(2).toString();
        row.cluster = q.value(3).toString();
        byMunicipality.insert(row.municipalityId, rows.size());
        rows << row;
    }
    // A municipality's plan (the first by id, should it have two), with its review status; one pass over the
    // plans, as plans have no index by municipality.
    if (Status ok = run(u"SELECT id, municipality, review_status FROM plans WHERE _state = 'live' ORDER BY id"_s); !ok)
        return ok.error();
    while (q.next()) {
        const auto at = byMunicipality.constFind(q.value(1).toString());
        if (at == byMunicipality.cend() || !rows[*at].planId.isEmpty())
            continue;
        rows[*at].planId = q.value(0).toString();
        rows[*at].reviewStatus = q.value(2).toString();
        byPlan.insert(rows[*at].planId, *at);
    }
    auto rowOf = [&](const QVariant &plan) -> DashboardRow * {
        const auto it = byPlan.constFind(plan.toString());
        return it == byPlan.cend() ? nullptr : &rows[*it];
    };

    QHash<DashboardRow *, int> completeByRow;
    if (Status ok = run(u"SELECT f.plan, coalesce(m.status, ''), count(*), "
                        "sum(CASE WHEN (m.start_date IS NOT NULL OR m.end_date IS NOT NULL) "
                        "AND coalesce(m.responsible, '') <> '' THEN 1 ELSE 0 END) "
                        "FROM measures m JOIN goals g ON g.id = m.goal JOIN fields_of_action f ON f.id = g.field_of_action "
                        "WHERE m._state = 'live' GROUP BY f.plan, coalesce(m.status, '')"_s);
        !ok)
        return ok.error();
    while (q.next()) {
        if (DashboardRow *row = rowOf(q.value(0))) {
            row->measuresByStatus[q.value(1).toString()] += q.value(2).toInt();
            row->measures += q.value(2).toInt();
            completeByRow[row] += q.value(3).toInt();
        }
    }
    for (auto it = completeByRow.cbegin(); it != completeByRow.cend(); ++it)
        it.key()->completeness = it.key()->measures > 0 ? double(it.value()) / it.key()->measures : 0;

    if (Status ok = run(u"SELECT plan, count(*) FROM comments WHERE _state = 'live' AND kind = 'review' "
                        "AND reply_to IS NULL AND coalesce(resolved, 0) = 0 GROUP BY plan"_s);
        !ok)
        return ok.error();
    while (q.next()) {
        if (DashboardRow *row = rowOf(q.value(0)))
            row->openReviewNotes = q.value(1).toInt();
    }

    if (Status ok = run(u"SELECT plan, max(submitted_at) FROM plan_versions "
                        "WHERE _state = 'live' AND snapshot IS NOT NULL GROUP BY plan"_s);
        !ok)
        return ok.error();
    while (q.next()) {
        if (DashboardRow *row = rowOf(q.value(0)))
            row->lastSubmission = QDateTime::fromString(q.value(1).toString(), Qt::ISODate);
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
    QSqlQuery q(store.database());
    auto run = [&q](const QString &sql) -> Status {
        if (!q.exec(sql))
            return Error { u"storage_error"_s, q.lastError().text() };
        return Ok {};
    };
    QHash<QString, DashboardRow *> byPlan;
    for (DashboardRow &row : rows) {
        if (!row.planId.isEmpty())
            byPlan.insert(row.planId, &row);
    }
    auto rowOf = [&](const QVariant &plan) { return byPlan.value(plan.toString()); };

    // HLC text order is stamp order, so max() finds the newest stamp. One index seek per entity
    // (changes_by_entity_time holds entity and stamp); the plan's own changes apart, as its review
    // status is the office's, not the municipality's work.
    auto newer = [&](const QVariant &plan, const QVariant &hlc) {
        DashboardRow *row = rowOf(plan);
        const Hlc stamp = Hlc::fromString(hlc.toString());
        if (!row || stamp.isNull())
            return;
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(stamp.wallMs, Qt::UTC);
        if (!row->lastChange.isValid() || time > row->lastChange)
            row->lastChange = time;
    };
    if (Status ok = run(contentOfPlans
                        + u"SELECT plan, max(newest) FROM (SELECT content.plan AS plan, "
                          "(SELECT max(c.hlc) FROM changes c WHERE c.entity_id = content.id) AS newest FROM content) "
                          "GROUP BY plan"_s);
        !ok)
        return ok;
    while (q.next())
        newer(q.value(0), q.value(1));
    if (Status ok = run(u"SELECT p.id, (SELECT max(c.hlc) FROM changes c WHERE c.entity_id = p.id "
                        "AND c.field <> 'review_status') FROM plans p"_s);
        !ok)
        return ok;
    while (q.next())
        newer(q.value(0), q.value(1));

    return Ok {};
}
