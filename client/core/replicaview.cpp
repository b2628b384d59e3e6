// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicaview.h"

#include "model/ownership.h"
#include "storage/replicastore.h"

#include <QDateTime>

#include <algorithm>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonValue nullable(const QString &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value);
}

QJsonObject versionJson(const FieldVersion &version)
{
    return { { u"value"_s, nullable(version.value) }, { u"author"_s, version.author },
        { u"device"_s, version.device }, { u"time"_s, ReplicaView::timeOf(version.hlc) },
        { u"hlc"_s, version.hlc.toString() }, { u"change"_s, version.changeId } };
}

} // namespace

ReplicaView::ReplicaView(ReplicaStore &store)
    : m_store(store), m_queries(store)
{ }

QString ReplicaView::timeOf(const Hlc &hlc)
{
    return QDateTime::fromMSecsSinceEpoch(hlc.wallMs, Qt::UTC).toString(Qt::ISODate);
}

QString ReplicaView::planOf(const EntityRecord &record)
{
    const auto cached = m_planCache.constFind(record.id);
    if (cached != m_planCache.cend())
        return *cached;
    const auto plan = Ownership::planOf(record, [this](const QString &id) { return m_store.record(id); });
    const QString result = plan.value_or(QString());
    if (!result.isEmpty()) // an unknown plan may arrive with the next pull
        m_planCache.insert(record.id, result);
    return result;
}

QList<EntityRecord> ReplicaView::orderedChildren(const EntitySpec &spec, const QString &parentId)
{
    QList<EntityRecord> children = m_store.children(spec, parentId);
    std::sort(children.begin(), children.end(), [](const EntityRecord &a, const EntityRecord &b) {
        return std::pair(a.value(u"position"_s), a.id) < std::pair(b.value(u"position"_s), b.id);
    });
    return children;
}

QHash<QString, QList<ReplicaView::ListItem>> ReplicaView::listChildren(const EntitySpec &spec,
                                                                       const QStringList &parentIds,
                                                                       const QStringList &fields)
{
    QHash<QString, QList<ListItem>> children;
    auto rows = m_queries.liveChildren(spec, parentIds, fields);
    if (!rows) // logged by the query; the lists show what could be read: nothing
        return children;
    QHash<QString, QList<PlanQueries::ChildRow>> found;
    for (PlanQueries::ChildRow &row : rows.value())
        found[row.parentId].append(std::move(row));
    for (auto it = found.begin(); it != found.end(); ++it) {
        std::sort(it->begin(), it->end(), [](const PlanQueries::ChildRow &a, const PlanQueries::ChildRow &b) {
            return std::pair(a.position, a.item.id) < std::pair(b.position, b.item.id);
        });
        QList<ListItem> &list = children[it.key()];
        list.reserve(it->size());
        for (PlanQueries::ChildRow &row : *it)
            list.append(std::move(row.item));
    }
    return children;
}

QList<ReplicaView::MunicipalityOverview> ReplicaView::municipalities(const QString &theme)
{
    auto rows = m_queries.municipalitiesWithPlans(theme);
    QList<MunicipalityOverview> list;
    if (!rows) // logged by the query
        return list;
    for (MunicipalityOverview &row : rows.value()) {
        // A municipality with two plans (rare: a plan moved) is listed once, with its first plan.
        if (!list.isEmpty() && list.last().id == row.id)
            continue;
        list.append(std::move(row));
    }
    return list;
}

QList<ReplicaView::MeasureFacts> ReplicaView::liveMeasures()
{
    auto measures = m_queries.liveMeasures();
    return measures ? std::move(measures).value() : QList<MeasureFacts>(); // an error is logged by the query
}

QStringList ReplicaView::measuresWithTheme(const QString &theme)
{
    auto ids = m_queries.measuresWithTheme(theme);
    return ids ? std::move(ids).value() : QStringList(); // an error is logged by the query
}

QString ReplicaView::municipalityName(const QString &planId)
{
    if (planId.isEmpty())
        return {};
    const auto plan = m_store.record(planId);
    if (!plan)
        return {};
    const auto municipality = m_store.record(plan->value(u"municipality"_s));
    return municipality ? municipality->value(u"name"_s) : QString();
}

Result<QStringList> ReplicaView::plansOfMunicipality(const QString &name)
{
    QStringList municipalities;
    for (const QString &id : m_store.entityIds(u"municipality"_s)) {
        const auto record = m_store.record(id);
        if (record && record->isLive() && record->value(u"name"_s).compare(name, Qt::CaseInsensitive) == 0)
            municipalities << id;
    }
    if (municipalities.isEmpty())
        return Error { u"not_found"_s, u"no municipality named \"%1\" in this replica"_s.arg(name) };
    QStringList plans;
    for (const QString &id : m_store.entityIds(u"plan"_s)) {
        const auto record = m_store.record(id);
        if (record && municipalities.contains(record->value(u"municipality"_s)))
            plans << id;
    }
    return plans;
}

QString ReplicaView::label(const EntityRecord &record)
{
    for (const QString &field : { u"title"_s, u"name"_s, u"body"_s, u"key"_s }) {
        if (record.spec->fieldIndex(field) >= 0)
            return record.value(field);
    }
    return {};
}

QJsonObject ReplicaView::conflictJson(const Conflict &conflict)
{
    return { { u"id"_s, conflict.id }, { u"kind"_s, Conflict::kindName(conflict.kind) },
        { u"type"_s, conflict.entityType }, { u"entity"_s, conflict.entityId },
        { u"field"_s, conflict.field }, { u"kept"_s, versionJson(conflict.kept) },
        { u"other"_s, versionJson(conflict.other) } };
}

QJsonObject ReplicaView::entityJson(const EntityRecord &record)
{
    QJsonObject values;
    for (qsizetype i = 0; i < record.spec->fields.size(); ++i)
        values.insert(record.spec->fields[i].name, nullable(record.fields[i].value));
    QJsonArray conflicts;
    for (const Conflict &conflict : MergeEngine::conflicts(record))
        conflicts.append(conflictJson(conflict));
    const QString plan = planOf(record);
    return { { u"id"_s, record.id }, { u"type"_s, record.spec->name },
        { u"state"_s, record.isDeleted() ? u"deleted"_s : u"live"_s },
        { u"plan"_s, nullable(plan.isEmpty() ? QString() : plan) },
        { u"municipality"_s, nullable(municipalityName(plan)) }, { u"values"_s, values },
        { u"conflicts"_s, conflicts } };
}
