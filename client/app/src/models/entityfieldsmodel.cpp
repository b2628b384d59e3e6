// SPDX-License-Identifier: GPL-3.0-or-later
#include "entityfieldsmodel.h"

#include "session/session.h"
#include "session/vocabulary.h"

using namespace Qt::Literals::StringLiterals;

EntityFieldsModel::EntityFieldsModel(QObject *parent)
    : RowListModel({ "name", "label", "kind", "value", "display", "choices", "conflictId", "conflicts" }, parent)
{ }

void EntityFieldsModel::setEntityId(const QString &entityId)
{
    if (entityId == m_entityId)
        return;
    m_entityId = entityId;
    Q_EMIT entityIdChanged();
    refresh(); // at once: the editor binds its header to the new entity
}

QString EntityFieldsModel::kindOf(FieldType type)
{
    switch (type) {
    case FieldType::ShortText:
        return u"text"_s;
    case FieldType::LongText:
        return u"longtext"_s;
    case FieldType::Enum:
        return u"enum"_s;
    case FieldType::Date:
        return u"date"_s;
    case FieldType::Number:
        return u"number"_s;
    case FieldType::Bool:
        return u"bool"_s;
    case FieldType::Themes:
        return u"themes"_s;
    case FieldType::Reference:
        return u"reference"_s;
    case FieldType::OrderKey:
        return u"position"_s;
    }
    return u"text"_s;
}

QList<RowListModel::Row> EntityFieldsModel::readRows()
{
    QList<Row> rows;
    const auto record = m_entityId.isEmpty() ? std::nullopt : session()->replica()->store().record(m_entityId);
    m_exists = record && record->exists();
    m_deleted = record && record->isDeleted();
    m_entityType = record ? record->spec->name : QString();
    m_title = record ? ReplicaView::label(*record) : QString();
    m_editable = m_exists && !m_deleted && session()->mayEdit(m_entityId);
    m_lifecycleConflictId.clear();
    if (!m_exists)
        return rows;
    QHash<QString, QStringList> conflicts;
    for (const Conflict &conflict : session()->replica()->store().conflicts()) {
        if (conflict.entityId == m_entityId)
            conflicts[conflict.field].append(conflict.id);
    }
    m_lifecycleConflictId = conflicts.value(Change::stateField).value(0);
    const EntitySpec &spec = *record->spec;
    for (int i = 0; i < spec.fields.size(); ++i) {
        const FieldSpec &field = spec.fields[i];
        if (field.type == FieldType::Reference || field.type == FieldType::OrderKey)
            continue; // links and positions are edited by moving, not typed
        const QString value = record->fields[i].value;
        const QStringList open = conflicts.value(field.name);
        rows.append(Row { field.name, Vocabulary::fieldLabel(field.name), kindOf(field.type), value,
                          Vocabulary::displayValue(spec.name, field.name, value),
                          Vocabulary::choices(spec.name, field.name), open.value(0), int(open.size()) });
    }
    return rows;
}
