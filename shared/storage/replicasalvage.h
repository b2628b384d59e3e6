// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/change.h"

/** Reading the queued changes out of a damaged replica file (read-only), table by table, row by row. */
class ReplicaSalvage
{
public:
    /** See ReplicaStore::salvageOutbox(). */
    [[nodiscard]] static QList<Change> salvageOutbox(const QString &damagedFile, const QString &ownDevice,
                                                     bool *complete);
};
