// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/replicastore.h"

#include <QSqlDatabase>

/**
 * Opening a store's database connection: an SQLite file (checked before
 * anything is written into it, then tuned) or a PostgreSQL database, migrated
 * to ReplicaStore::schemaVersion.
 */
class StoreConnection
{
public:
    /** A new connection name with this prefix, unique in the process. */
    static QString uniqueName(const QString &prefix);
    /**
     * Opens, checks, tunes and migrates (SQLite file or "postgresql://" URL); the error codes of
     * ReplicaStore::open(). fullCheck false: an SQLite file known to be as it was closed (ReplicaSeal)
     * skips quick_check; its header, application id and schema are still read.
     */
    static Result<QSqlDatabase> open(const QString &location, const ReplicaStore::Options &options,
                                     bool fullCheck = true);
    static bool isPostgresUrl(const QString &location);
    /** Closes the connection and removes it from Qt's list. */
    static void drop(QSqlDatabase &db);
    /** SQLite's page cache of kib KiB (at least 64). */
    static void setCacheKiB(QSqlDatabase &db, int kib);

private:
    static Result<QSqlDatabase> openSqlite(const QString &path, const QString &connection, bool fullCheck);
    static Result<QSqlDatabase> openPostgres(const QString &url, const QString &connection);
    static Status tuneSqlite(QSqlDatabase &db, const QString &location, const ReplicaStore::Options &options);
};
