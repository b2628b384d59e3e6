// SPDX-License-Identifier: GPL-3.0-or-later
#include "planversions.h"

#include "storage/replicastore.h"

#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

QJsonObject PlanVersionInfo::toJson() const
{
    return { { u"id"_s, id }, { u"plan"_s, planId }, { u"label"_s, label.isNull() ? QJsonValue() : QJsonValue(label) },
             { u"submitted_at"_s, submittedAt }, { u"author"_s, author } };
}

PlanVersions::PlanVersions(ReplicaStore &store)
    : m_store(store)
{ }

QList<PlanVersionInfo> PlanVersions::list(const QString &planId)
{
    QList<PlanVersionInfo> versions;
    QSqlQuery q(m_store.database());
    // The author is the one who created the version (its create change); the create's stamp orders
    // versions submitted within the same millisecond.
    q.prepare(u"SELECT v.id, v.plan, v.label, v.submitted_at, c.author FROM plan_versions v "
              "LEFT JOIN changes c ON c.entity_id = v.id AND c.op = 'create' "
              "WHERE v._state = 'live' AND v.plan = ? AND v.snapshot IS NOT NULL "
              "ORDER BY v.submitted_at, c.hlc, v.id"_s);
    q.addBindValue(planId);
    if (!q.exec())
        return versions;
    while (q.next())
        versions.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                          q.value(3).toString(), q.value(4).toString() });
    return versions;
}

Result<PlanSnapshot> PlanVersions::snapshot(const QString &versionId)
{
    const auto version = m_store.record(versionId);
    if (!version || !version->isLive() || version->spec->name != u"plan_version"_s)
        return Error { u"not_found"_s, u"no submitted version %1 in this replica"_s.arg(versionId) };
    return PlanSnapshot::decode(version->value(u"snapshot"_s));
}

Result<PlanSnapshot> PlanVersions::current(const QString &planId)
{
    const auto plan = m_store.record(planId);
    if (!plan || !plan->isLive() || plan->spec->name != u"plan"_s)
        return Error { u"not_found"_s, u"no plan %1 in this replica"_s.arg(planId) };
    return PlanSnapshot::build(*plan, [this](const EntitySpec &spec, const QString &parent) {
        return m_store.children(spec, parent);
    });
}
