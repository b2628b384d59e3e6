// SPDX-License-Identifier: GPL-3.0-or-later
#include "planversions.h"

#include "storage/planqueries.h"
#include "storage/replicastore.h"


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
    const auto rows = PlanQueries(m_store).planVersions(planId);
    if (!rows) // logged by the query; the plan shows no versions rather than wrong ones
        return versions;
    for (const PlanQueries::VersionRow &row : rows.value())
        versions.append({ row.id, row.planId, row.label, row.submittedAt, row.author });
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
