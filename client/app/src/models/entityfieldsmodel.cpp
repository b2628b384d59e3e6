// SPDX-License-Identifier: GPL-3.0-or-later
#include "entityfieldsmodel.h"

#include "session/session.h"
#include "session/vocabulary.h"
#include "planhints.h"

#include <QDate>

using namespace Qt::Literals::StringLiterals;

EntityFieldsModel::EntityFieldsModel(QObject *parent)
    : RowListModel({ "name", "label", "kind", "value", "display", "choices", "conflictId", "conflicts", "editable",
                     "hint" },
                   parent)
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
    LocalReplica &replica = *session()->replica();
    m_editable = m_exists && !m_deleted && replica.mayEdit(m_entityId);
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
    QHash<QString, QStringList> hints;
    const auto lookup = [&replica](const QString &id) { return replica.store().record(id); };
    for (const PlanHints::Hint &hint : PlanHints::of(*record, lookup, QDate::currentDate()))
        hints[hint.field].append(Vocabulary::hintText(hint));
    for (int i = 0; i < spec.fields.size(); ++i) {
        const FieldSpec &field = spec.fields[i];
        if (field.type == FieldType::Reference || field.type == FieldType::OrderKey)
            continue; // links and positions are edited by moving, not typed
        const QString value = record->fields[i].value;
        const QStringList open = conflicts.value(field.name);
        const bool editable = m_editable && replica.mayEditField(m_entityId, field.name);
        QVariantList choices = Vocabulary::choices(spec.name, field.name);
        if (field.type == FieldType::Enum && editable) {
            // Only what the account may set (and the current value, so the editor can show it).
            const QStringList settable = replica.settableChoices(m_entityId, field.name);
            choices.removeIf([&](const QVariant &choice) {
                const QString key = choice.toMap().value(u"key"_s).toString();
                return key != value && !settable.contains(key);
            });
        }
        rows.append(Row { field.name, Vocabulary::fieldLabel(field.name), kindOf(field.type), value,
                          Vocabulary::displayValue(spec.name, field.name, value), choices, open.value(0),
                          int(open.size()), editable, hints.value(field.name).join(u' ') });
    }
    return rows;
}
