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

namespace {

QString table(const QString &type)
{
    return u"\"%1\""_s.arg(Schema::instance().entity(type)->table);
}

/** The SQL condition that a measures row (alias ms) carries a theme: themes are stored as a JSON array of keys. */
QString themeCondition(const QString &theme)
{
    return theme.isEmpty() ? QString() : u" AND ms.themes LIKE ?"_s;
}

QString themePattern(const QString &theme)
{
    return u"%\"%1\"%"_s.arg(theme);
}

} // namespace

QList<ReplicaView::MunicipalityOverview> ReplicaView::municipalities(const QString &theme)
{
    QSqlQuery q(m_store.database());
    // Measures per plan, through their live goals and fields of action.
    QHash<QString, int> measuresByPlan;
    q.prepare(u"SELECT f.plan, count(*) FROM %1 ms JOIN %2 g ON g.id = ms.goal AND g._state = 'live' "
              "JOIN %3 f ON f.id = g.field_of_action AND f._state = 'live' WHERE ms._state = 'live'%4 GROUP BY f.plan"_s
                      .arg(table(u"measure"_s), table(u"goal"_s), table(u"field_of_action"_s), themeCondition(theme)));
    if (!theme.isEmpty())
        q.addBindValue(themePattern(theme));
    if (q.exec()) {
        while (q.next())
            measuresByPlan.insert(q.value(0).toString(), q.value(1).toInt());
    }

    QList<MunicipalityOverview> list;
    q.prepare(u"SELECT m.id, m.name, m.state, m.cluster, m.kind, p.id, p.title, p.review_status, p.shared "
              "FROM %1 m LEFT JOIN %2 p ON p.municipality = m.id AND p._state = 'live' "
              "WHERE m._state = 'live' ORDER BY m.cluster, m.name, p.id"_s.arg(table(u"municipality"_s), table(u"plan"_s)));
    if (!q.exec())
        return list;
    const FieldSpec &sharedSpec = *Schema::instance().entity(u"plan"_s)->field(u"shared"_s);
    while (q.next()) {
        MunicipalityOverview row { q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                   q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                                   q.value(6).toString(), q.value(7).toString(),
                                   RecordCodec::fromColumn(sharedSpec.type, q.value(8)) == u"true"_s, 0 };
        row.measures = measuresByPlan.value(row.planId);
        // A municipality with two plans (rare: a plan moved) is listed once, with its first plan.
        if (!list.isEmpty() && list.last().id == row.id)
            continue;
        list.append(std::move(row));
    }
    return list;
}

QList<ReplicaView::MeasureFacts> ReplicaView::liveMeasures()
{
    QList<MeasureFacts> measures;
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT ms.id, ms.title, ms.status, ms.themes, f.title, p.id, m.name, m.cluster FROM %1 ms "
                "JOIN %2 g ON g.id = ms.goal AND g._state = 'live' "
                "JOIN %3 f ON f.id = g.field_of_action AND f._state = 'live' "
                "JOIN %4 p ON p.id = f.plan AND p._state = 'live' "
                "JOIN %5 m ON m.id = p.municipality AND m._state = 'live' "
                "WHERE ms._state = 'live' ORDER BY m.name, ms.title"_s.arg(
                        table(u"measure"_s), table(u"goal"_s), table(u"field_of_action"_s), table(u"plan"_s),
                        table(u"municipality"_s))))
        return measures;
    while (q.next()) {
        measures.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                          q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString() });
    }
    return measures;
}

QStringList ReplicaView::measuresWithTheme(const QString &theme)
{
    QStringList ids;
    QSqlQuery q(m_store.database());
    q.prepare(u"SELECT ms.id FROM %1 ms WHERE ms._state = 'live'%2"_s.arg(table(u"measure"_s), themeCondition(theme)));
    if (!theme.isEmpty())
        q.addBindValue(themePattern(theme));
    if (q.exec()) {
        while (q.next())
            ids << q.value(0).toString();
    }
    return ids;
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
