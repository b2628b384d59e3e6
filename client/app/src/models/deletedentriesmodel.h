// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * The deleted entries of a plan (fields of action, goals, measures,
 * milestones), newest deletion first, so they can be restored: a delete is
 * a tombstone, nothing is gone.
 *
 * Roles: entityId, entityType (label), title, deletedBy, deletedAt.
 */
class DeletedEntriesModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString planId READ planId WRITE setPlanId NOTIFY planIdChanged)

public:
    explicit DeletedEntriesModel(QObject *parent = nullptr);

    [[nodiscard]] QString planId() const { return m_planId; }
    void setPlanId(const QString &planId);

Q_SIGNALS:
    void planIdChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_planId;
};
