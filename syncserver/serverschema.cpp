// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverschema.h"

#include "common/logging.h"
#include "serversql.h"

#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString schemaKey = u"server_schema"_s;

/** Version 1: accounts, their tokens, the store's identity (the tables as they were before versions were
 * kept). */
const QStringList schemaStep1 {
    u"CREATE TABLE IF NOT EXISTS accounts (username TEXT PRIMARY KEY, role TEXT NOT NULL, "
    "municipality TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL)"_s,
    u"CREATE TABLE IF NOT EXISTS tokens (token_hash TEXT PRIMARY KEY, "
    "username TEXT NOT NULL REFERENCES accounts(username) ON DELETE CASCADE, device TEXT NOT NULL, "
    "created_at TEXT NOT NULL)"_s,
    // The store's epoch (and, after a restore, where it came from): see loadIdentity().
    u"CREATE TABLE IF NOT EXISTS store_identity (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
};

/**
 * Version 2: an account's last login and since when it is disabled (NULL: enabled); deleted
 * accounts by name, whose changes stay in the log under that name.
 */
const QStringList schemaStep2 {
    u"ALTER TABLE accounts ADD COLUMN last_login TEXT"_s,
    u"ALTER TABLE accounts ADD COLUMN disabled_at TEXT"_s,
    u"CREATE TABLE retired_accounts (username TEXT PRIMARY KEY, role TEXT NOT NULL, municipality TEXT NOT "
    u"NULL, "
    "deleted_at TEXT NOT NULL)"_s,
};

const QList<QStringList> schemaSteps { schemaStep1, schemaStep2 };
static_assert(ServerSchema::version == 2, "one step per version in schemaSteps");

/** Runs a statement of transaction control, which Qt's own transaction() cannot spell (BEGIN IMMEDIATE). */
bool control(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    return query.exec(sql);
}

/** The location for messages: a PostgreSQL URL without its password. */
QString displayed(const QString &location)
{
    return location.startsWith(u"postgres"_s) ? QUrl(location).toDisplayString(QUrl::RemovePassword)
                                              : location;
}

} // namespace

Status ServerSchema::migrate(QSqlDatabase db, bool postgres, const QString &location)
{
    // One process migrates at a time: on SQLite the write lock is taken first, on PostgreSQL (several
    // servers may start at once) an advisory lock; the others wait and find the store migrated.
    if (!control(db, postgres ? u"BEGIN"_s : u"BEGIN IMMEDIATE"_s))
        return Error { u"storage_error"_s,
            u"cannot migrate %1: %2"_s.arg(displayed(location), db.lastError().text()) };
    auto fail = [&db](const QSqlQuery &query) {
        const Error error = ServerSql::error(query);
        control(db, u"ROLLBACK"_s);
        return error;
    };
    QSqlQuery query(db);
    if (postgres && !query.exec(u"SELECT pg_advisory_xact_lock(847003)"_s))
        return fail(query);
    // The identity table holds the version: it is made first, as step 1 makes it.
    if (!query.exec(schemaStep1.last()))
        return fail(query);
    query.prepare(u"SELECT value FROM store_identity WHERE key = ?"_s);
    query.addBindValue(schemaKey);
    if (!query.exec())
        return fail(query);
    const int stored = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    // Only a store that had accounts before is worth a line in the log when it is migrated.
    const bool existed
        = query.exec(postgres ? u"SELECT to_regclass('accounts') IS NOT NULL"_s
                              : u"SELECT count(*) > 0 FROM sqlite_master WHERE name = 'accounts'"_s)
        && query.next() && query.value(0).toBool();
    query.finish();
    if (stored > version) {
        control(db, u"ROLLBACK"_s);
        return Error { u"store_too_new"_s,
            u"downgrade refused: the store %1 was written by a newer werkstattplan-server (server schema %2, "
            "this one knows %3); run that version again, or restore a backup taken before the upgrade"_s
                .arg(displayed(location))
                .arg(stored)
                .arg(version) };
    }
    // A store from before versions were kept reads as 0: step 1 only creates what is missing.
    for (int step = stored + 1; step <= version; ++step) {
        for (const QString &sql : schemaSteps[step - 1]) {
            if (!query.exec(sql))
                return fail(query);
        }
    }
    if (stored != version) {
        query.prepare(u"INSERT INTO store_identity (key, value) VALUES (?, ?) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
        query.addBindValue(schemaKey);
        query.addBindValue(QString::number(version));
        if (!query.exec())
            return fail(query);
        if (existed)
            qCInfo(lcServer) << "migrated the server's tables from schema" << stored << "to" << version;
    }
    query.finish();
    if (!control(db, u"COMMIT"_s)) {
        const Error error { u"storage_error"_s, db.lastError().text() };
        control(db, u"ROLLBACK"_s);
        return error;
    }
    return Ok {};
}
