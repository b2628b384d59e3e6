// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeconnection.h"

#include "common/logging.h"
#include "storage/sqlschema.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace {

QAtomicInt connectionCounter;

QString cacheSizePragma(int kib)
{
    return u"PRAGMA cache_size = %1"_s.arg(-qMax(kib, 64));
}

std::optional<QVariant> scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return std::nullopt;
    return query.next() ? query.value(0) : QVariant();
}

} // namespace

QString StoreConnection::uniqueName(const QString &prefix)
{
    return u"%1-%2"_s.arg(prefix).arg(connectionCounter.fetchAndAddRelaxed(1));
}

bool StoreConnection::isPostgresUrl(const QString &location)
{
    return location.startsWith(u"postgresql://"_s) || location.startsWith(u"postgres://"_s);
}

void StoreConnection::drop(QSqlDatabase &db)
{
    const QString name = db.connectionName();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

void StoreConnection::setCacheKiB(QSqlDatabase &db, int kib)
{
    if (QSqlQuery query(db); !query.exec(cacheSizePragma(kib)))
        qCWarning(lcStorage) << "cannot set the page cache:" << query.lastError().text();
}

Result<QSqlDatabase> StoreConnection::openSqlite(const QString &path, const QString &connection, bool fullCheck)
{
    const QFileInfo info(path);
    const bool existed = info.exists() && info.size() > 0;
    if (existed) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error { u"storage_error"_s, u"cannot read %1: %2"_s.arg(path, file.errorString()) };
        if (file.read(16) != QByteArrayView("SQLite format 3\0", 16))
            return Error { u"not_a_replica"_s, u"%1 is not a Werkstattplan replica (not an SQLite database)"_s.arg(path) };
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
    db.setDatabaseName(path);
    auto fail = [&](Error error) -> Result<QSqlDatabase> {
        drop(db);
        return error;
    };
    if (!db.open())
        return fail({ u"storage_error"_s, u"cannot open %1: %2"_s.arg(path, db.lastError().text()) });
    if (existed) {
        // Only reads until the file is known to be ours: nothing is written into a foreign or damaged file.
        const auto check = fullCheck ? scalar(db, u"PRAGMA quick_check"_s) : std::optional<QVariant>(u"ok"_s);
        if (!check || check->toString() != u"ok"_s)
            return fail({ u"replica_corrupt"_s, u"%1 is damaged (integrity check failed)"_s.arg(path) });
        const auto appId = scalar(db, u"PRAGMA application_id"_s);
        const auto tables = scalar(db, u"SELECT count(*) FROM sqlite_master"_s);
        if (!appId || !tables)
            return fail({ u"replica_corrupt"_s, u"%1 cannot be read"_s.arg(path) });
        if (appId->toInt() != ReplicaStore::applicationId && (appId->toInt() != 0 || tables->toInt() > 0))
            return fail({ u"not_a_replica"_s, u"%1 is an SQLite database of another program"_s.arg(path) });
    }
    return db;
}

Result<QSqlDatabase> StoreConnection::openPostgres(const QString &location, const QString &connection)
{
    const QUrl url(location);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
    if (!db.isValid()) {
        drop(db);
        return Error { u"storage_error"_s, u"the PostgreSQL driver (QPSQL) is not installed"_s };
    }
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(url.path().mid(1));
    if (!db.open()) {
        Error error { u"storage_error"_s, u"cannot connect to %1: %2"_s.arg(url.toDisplayString(QUrl::RemovePassword),
                                                                              db.lastError().text()) };
        drop(db);
        return error;
    }
    // "relation ... already exists, skipping" on every open would bury the admin commands' own messages.
    QSqlQuery(db).exec(u"SET client_min_messages = warning"_s);
    return db;
}

Status StoreConnection::tuneSqlite(QSqlDatabase &db, const QString &location, const ReplicaStore::Options &options)
{
    const QStringList setup {
        u"PRAGMA page_size = %1"_s.arg(options.pageSize), // new files only
        u"PRAGMA journal_mode = WAL"_s,
        u"PRAGMA foreign_keys = ON"_s,
        options.durable ? u"PRAGMA synchronous = FULL"_s : u"PRAGMA synchronous = NORMAL"_s,
        u"PRAGMA application_id = %1"_s.arg(ReplicaStore::applicationId),
        u"PRAGMA busy_timeout = 10000"_s,
        // The default 2 MB page cache makes every batch re-read the indexes
        // from the OS (random ids spread their inserts over the whole index).
        cacheSizePragma(options.cacheKiB),
        u"PRAGMA temp_store = MEMORY"_s,
    };
    for (const QString &sql : setup) {
        if (!scalar(db, sql))
            return Error { u"storage_error"_s, u"cannot set up %1"_s.arg(location) };
    }
    // Batches rewrite the same index pages: checkpointing every 40 MB instead of
    // every 4 MB copies (and syncs) them far less often. Readers are not slowed.
    constexpr qint64 checkpointBytes = 40 * 1024 * 1024;
    const qint64 pageSize = scalar(db, u"PRAGMA page_size"_s).value_or(4096).toLongLong();
    if (!scalar(db, u"PRAGMA wal_autocheckpoint = %1"_s.arg(checkpointBytes / qMax(pageSize, qint64(512)))))
        return Error { u"storage_error"_s, u"cannot set up %1"_s.arg(location) };
    return Ok {};
}

Result<QSqlDatabase> StoreConnection::open(const QString &location, const ReplicaStore::Options &options,
                                           bool fullCheck)
{
    const QString name = uniqueName(u"replica"_s);
    const bool postgres = isPostgresUrl(location);
    auto opened = postgres ? openPostgres(location, name) : openSqlite(location, name, fullCheck);
    if (!opened) {
        qCWarning(lcStorage) << opened.errorMessage();
        return opened.error();
    }
    QSqlDatabase db = opened.value();
    auto fail = [&](Error error) -> Result<QSqlDatabase> {
        drop(db);
        qCWarning(lcStorage) << error.message;
        return error;
    };
    const auto version = SqlSchema::version(db);
    if (!version)
        return fail(version.error());
    if (version.value() > ReplicaStore::schemaVersion)
        return fail({ u"replica_too_new"_s,
                      u"%1 was written by a newer Werkstattplan (schema %2, this one knows %3)"_s.arg(db.databaseName())
                              .arg(version.value())
                              .arg(ReplicaStore::schemaVersion) });
    if (!postgres) {
        if (Status tuned = tuneSqlite(db, location, options); !tuned)
            return fail(tuned.error());
    }
    if (Status migrated = SqlSchema::migrate(db, ReplicaStore::schemaVersion); !migrated)
        return fail(migrated.error());
    return db;
}
