// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/schema.h"
#include "rowlistmodel.h"

/**
 * The fields of one entity, for its editor: one row per field a person
 * edits (the parent link and the list position are not shown), with the
 * kind of editor it needs, its value, and its open conflict if it has one.
 *
 * Roles: name, label, kind ("text", "longtext", "enum", "date", "number",
 * "bool", "themes"), value, display, choices ([{key, label}]: the values the
 * account may set, and the current one), conflictId (the field's first open
 * conflict, or empty), conflicts (their number), editable (the account may
 * edit the field now, by the rules the server applies: LocalReplica::
 * mayEditField), hint (a plan hint for the field in words, or empty).
 *
 * editable (the property): some field of the entity may be edited.
 */
class EntityFieldsModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString entityId READ entityId WRITE setEntityId NOTIFY entityIdChanged)
    Q_PROPERTY(QString entityType READ entityType NOTIFY refreshed)
    Q_PROPERTY(QString title READ title NOTIFY refreshed)
    Q_PROPERTY(bool exists READ exists NOTIFY refreshed)
    Q_PROPERTY(bool deleted READ isDeleted NOTIFY refreshed)
    Q_PROPERTY(bool editable READ isEditable NOTIFY refreshed)
    /** The entity's own open conflicts (an edit against a delete). */
    Q_PROPERTY(QString lifecycleConflictId READ lifecycleConflictId NOTIFY refreshed)

public:
    explicit EntityFieldsModel(QObject *parent = nullptr);

    [[nodiscard]] QString entityId() const { return m_entityId; }
    void setEntityId(const QString &entityId);
    [[nodiscard]] QString entityType() const { return m_entityType; }
    [[nodiscard]] QString title() const { return m_title; }
    [[nodiscard]] bool exists() const { return m_exists; }
    [[nodiscard]] bool isDeleted() const { return m_deleted; }
    [[nodiscard]] bool isEditable() const { return m_editable; }
    [[nodiscard]] QString lifecycleConflictId() const { return m_lifecycleConflictId; }

    /** The editor kind of a field type, as the "kind" role names it. */
    static QString kindOf(FieldType type);

Q_SIGNALS:
    void entityIdChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_entityId;
    QString m_entityType;
    QString m_title;
    bool m_exists = false;
    bool m_deleted = false;
    bool m_editable = false;
    QString m_lifecycleConflictId;
};
