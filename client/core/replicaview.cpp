// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicaview.h"

#include "model/ownership.h"
#include "storage/recordcodec.h"
#include "storage/replicastore.h"

#include <QDateTime>
#include <QSqlQuery>

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
    : m_store(store)
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
    if (spec.parentField.isEmpty() || parentIds.isEmpty())
        return children;
    // Columns: id, parent, position (for the order), then the fields the type has.
    const bool ordered = spec.fieldIndex(u"position"_s) >= 0;
    QStringList columns { u"id"_s, u"\"%1\""_s.arg(spec.parentField), ordered ? u"\"position\""_s : u"''"_s };
    QList<const FieldSpec *> read;
    for (const QString &name : fields) {
        read << spec.field(name);
        if (read.last())
            columns << u"\"%1\""_s.arg(name);
    }
    struct Sorted
    {
        QString position;
        ListItem item;
    };
    QHash<QString, QList<Sorted>> found;
    QSqlQuery q(m_store.database());
    constexpr qsizetype chunk = 500; // well below SQLite's limit of bound variables
    for (qsizetype from = 0; from < parentIds.size(); from += chunk) {
        const QStringList part = parentIds.mid(from, chunk);
        q.prepare(u"SELECT %1 FROM \"%2\" WHERE _state = 'live' AND \"%3\" IN (%4)"_s.arg(
                columns.join(u", "_s), spec.table, spec.parentField, QString(u"?, "_s).repeated(part.size()).chopped(2)));
        for (int i = 0; i < part.size(); ++i)
            q.bindValue(i, part[i]);
        if (!q.exec())
            return children;
        while (q.next()) {
            Sorted sorted { q.value(2).toString(), { q.value(0).toString(), {} } };
            int column = 3;
            for (const FieldSpec *field : std::as_const(read))
                sorted.item.values << (field ? RecordCodec::fromColumn(field->type, q.value(column++)) : QString());
            found[q.value(1).toString()].append(std::move(sorted));
        }
    }
    for (auto it = found.begin(); it != found.end(); ++it) {
        std::sort(it->begin(), it->end(), [](const Sorted &a, const Sorted &b) {
            return std::pair(a.position, a.item.id) < std::pair(b.position, b.item.id);
        });
        QList<ListItem> &list = children[it.key()];
        list.reserve(it->size());
        for (Sorted &sorted : *it)
            list.append(std::move(sorted.item));
    }
    return children;
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
