// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

class QSqlDatabase;
class ReplicaStore;

/**
 * Which log this is, kept in the table store_identity: clients compare the epoch to notice a
 * restore (docs/protocol.md). A copy made by backUp() is marked, so that its first open after
 * being put in place of the store starts a new epoch.
 */
struct StoreIdentity
{
    QString epoch; ///< random, new for a new store and on the first open after a restore
    QString restoredFrom; ///< the epoch the restored backup was taken in; empty if never restored
    qint64 restoredAt = 0; ///< the last sequence number of the restored backup
    QByteArray sealKey; ///< ChangeSeal's key: the same before and after a restore

    /** The store's identity; a new store, or the first open of a marked copy, gets a new epoch first. */
    static Result<StoreIdentity> load(QSqlDatabase db, ReplicaStore &replica);
    /** Marks the store as a copy of this epoch: its next load() starts a new one. */
    Status markRestored(QSqlDatabase db) const;
    /** A consistent copy of a SQLite store into a new file, marked as markRestored() marks. */
    Status backUp(QSqlDatabase db, const QString &file) const;
};
