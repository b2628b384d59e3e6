// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * Open conflicts of the replica, both sides of each: the value that stands
 * now ("kept": the HLC winner, or the delete of an edit-vs-delete conflict)
 * and the write that lost ("other"), each with who wrote it, on which
 * device and when.
 *
 * entityId restricts the list to one entity, conflictId to one conflict
 * (for the conflict dialog); both empty: every open conflict (the inbox).
 *
 * Roles: conflictId, kind ("concurrent_edit", "edit_vs_delete"), entityId,
 * entityType (its label), entityTitle, municipality, field, fieldLabel,
 * keptValue, keptDisplay, keptAuthor, keptDevice, keptTime, otherValue,
 * otherDisplay, otherAuthor, otherDevice, otherTime (times as local date
 * and time), keptIsThisDevice, editable (the user may resolve it),
 * fieldKind (the field's editor kind, as EntityFieldsModel names it; empty
 * for the lifecycle), keptOrigin, otherOrigin (who wrote it where, as
 * Session::origin() says it: the device's name and the municipality).
 */
class ConflictsModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString entityId READ entityId WRITE setEntityId NOTIFY entityIdChanged)
    Q_PROPERTY(QString conflictId READ conflictId WRITE setConflictId NOTIFY conflictIdChanged)

public:
    explicit ConflictsModel(QObject *parent = nullptr);

    [[nodiscard]] QString entityId() const { return m_entityId; }
    void setEntityId(const QString &entityId);
    [[nodiscard]] QString conflictId() const { return m_conflictId; }
    void setConflictId(const QString &conflictId);

Q_SIGNALS:
    void entityIdChanged();
    void conflictIdChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_entityId;
    QString m_conflictId;
};
