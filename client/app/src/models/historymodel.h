// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * Every change of one entity, newest first: each write of each field, and
 * its creation, deletes and restores.
 *
 * Roles: changeId, op ("create", "set", "delete", "restore"), field,
 * fieldLabel, value, display (the value as shown; empty for lifecycle
 * changes and moves), sentence (for those: "Eintrag gelöscht", …), author,
 * device, time (local date and time), thisDevice (made on this device),
 * restorable (a past value of a field the user may set again: it differs
 * from the current value and the entity is editable).
 */
class HistoryModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString entityId READ entityId WRITE setEntityId NOTIFY entityIdChanged)

public:
    explicit HistoryModel(QObject *parent = nullptr);

    [[nodiscard]] QString entityId() const { return m_entityId; }
    void setEntityId(const QString &entityId);

Q_SIGNALS:
    void entityIdChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_entityId;
};
