// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * The local changes the server refused, newest first, each with what it
 * would have changed and why it was refused, so no refused edit goes
 * unnoticed.
 *
 * Roles: changeId, entityId, entityType, typeLabel, entityLabel, field,
 * fieldLabel (the field, or the action for creating, deleting and
 * restoring), value (the refused value as shown; empty for actions), code,
 * reason (what the code means and what to do), at (local date and time).
 */
class RejectedChangesModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit RejectedChangesModel(QObject *parent = nullptr);

protected:
    QList<Row> readRows() override;
};
