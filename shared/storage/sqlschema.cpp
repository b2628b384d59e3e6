// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlschema.h"

#include "common/logging.h"
#include "storage/recordcodec.h"

#include <QSqlError>
#include <QSqlQuery>

#include <QScopeGuard>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace SqlSchema {

namespace {

Status exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return Error { u"storage_error"_s, u"%1 (%2)"_s.arg(query.lastError().text(), sql.left(80)) };
    return Ok {};
}

bool isPostgres(const QSqlDatabase &db)
{
    return dialectOf(db) == Dialect::Postgres;
}

/** Spells the few types that differ: an auto-numbered key and binary data. */
QString sqlTypes(const QSqlDatabase &db, QString sql)
{
    if (isPostgres(db)) {
        sql.replace(u"INTEGER PRIMARY KEY"_s, u"BIGSERIAL PRIMARY KEY"_s);
        sql.replace(u"BLOB"_s, u"BYTEA"_s);
    }
    return sql;
}

QString entityTableSql(const QSqlDatabase &db, const EntitySpec &entity)
{
    QStringList columns { u"id TEXT PRIMARY KEY NOT NULL"_s };
    for (const FieldSpec &field : entity.fields)
        columns << u"\"%1\" %2"_s.arg(field.name, RecordCodec::columnType(field.type, isPostgres(db)));
    columns << u"_state TEXT"_s << u"_meta BLOB NOT NULL"_s;
    return sqlTypes(db, u"CREATE TABLE \"%1\" (%2)"_s.arg(entity.table, columns.join(u", "_s)));
}

Result<QStringList> columnsOf(QSqlDatabase &db, const QString &table)
{
    QSqlQuery info(db);
    const bool ok = isPostgres(db)
            ? (info.prepare(u"SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                            "AND table_schema = current_schema()"_s),
               info.addBindValue(table), info.exec())
            : info.exec(u"PRAGMA table_info(\"%1\")"_s.arg(table));
    if (!ok)
        return Error { u"storage_error"_s, info.lastError().text() };
    QStringList columns;
    while (info.next())
        columns << info.value(isPostgres(db) ? 0 : 1).toString();
    return columns;
}

/**
 * Creates the table of every entity type and adds columns for fields the
 * schema gained since the table was made: fields and entity types are only
 * ever added, so this brings any replica's entity tables up to the schema.
 */
Status ensureEntityTables(QSqlDatabase &db)
{
    for (const EntitySpec &entity : Schema::instance().entities()) {
        const auto columns = columnsOf(db, entity.table);
        if (!columns)
            return columns.error();
        const QStringList &existing = columns.value();
        if (existing.isEmpty()) {
            if (auto ok = exec(db, entityTableSql(db, entity)); !ok)
                return ok;
            continue;
        }
        for (const FieldSpec &field : entity.fields) {
            if (existing.contains(field.name))
                continue;
            const QString add = u"ALTER TABLE \"%1\" ADD COLUMN \"%2\" %3"_s.arg(
                    entity.table, field.name, RecordCodec::columnType(field.type, isPostgres(db)));
            if (auto ok = exec(db, add); !ok)
                return ok;
        }
    }
    return Ok {};
}

/** Fails if a foreign key of the database points nowhere. */
Status foreignKeysHold(QSqlDatabase &db)
{
    QSqlQuery check(db);
    if (!check.exec(u"PRAGMA foreign_key_check"_s))
        return Error { u"storage_error"_s, check.lastError().text() };
    if (check.next())
        return Error { u"replica_corrupt"_s, u"a reference from %1 points nowhere"_s.arg(check.value(0).toString()) };
    return Ok {};
}

/** Version 1: change log, entity tables, entity index, conflicts. */
Status migrateTo1(QSqlDatabase &db)
{
    QStringList statements {
        u"CREATE TABLE changes ("
        "seq INTEGER PRIMARY KEY, change_id TEXT NOT NULL UNIQUE, op TEXT NOT NULL,"
        "entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT,"
        "hlc TEXT NOT NULL, device TEXT NOT NULL, author TEXT NOT NULL, base TEXT NOT NULL, seen TEXT NOT NULL)"_s,
        u"CREATE INDEX changes_by_entity ON changes(entity_id)"_s,
        u"CREATE TABLE entities (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL)"_s,
        u"CREATE TABLE conflicts ("
        "id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, entity_type TEXT NOT NULL, entity_id TEXT NOT NULL,"
        "field TEXT NOT NULL,"
        "kept_change TEXT NOT NULL REFERENCES changes(change_id), kept_value TEXT,"
        "other_change TEXT NOT NULL REFERENCES changes(change_id), other_value TEXT)"_s,
        u"CREATE INDEX conflicts_by_entity ON conflicts(entity_id)"_s,
    };
    for (const QString &sql : std::as_const(statements)) {
        if (auto ok = exec(db, sqlTypes(db, sql)); !ok)
            return ok;
    }
    return ensureEntityTables(db);
}

/** Version 2: a full-text index over every entity's text, keyed by entities.key. */
Status migrateTo2(QSqlDatabase &db)
{
    if (isPostgres(db))
        return Ok {}; // servers do not search; FTS5 is SQLite's
    if (auto ok = exec(db, u"CREATE VIRTUAL TABLE search_index USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')"_s); !ok)
        return ok;
    // The index is filled from every type the schema has now: a version-1 file lacks the tables
    // of types added since (they are empty, but must exist).
    if (auto ok = ensureEntityTables(db); !ok)
        return ok;
    for (const EntitySpec &entity : Schema::instance().entities()) {
        const QString text = searchTextExpression(entity);
        if (text.isEmpty())
            continue;
        const QString fill = u"INSERT INTO search_index(rowid, text) SELECT e.key, %1 FROM \"%2\" t "
                             "JOIN entities e ON e.id = t.id WHERE t._state = 'live'"_s.arg(text, entity.table);
        if (auto ok = exec(db, fill); !ok)
            return ok;
    }
    return Ok {};
}

/**
 * Version 3: the read scope of each entity (the plan it belongs to, '' for
 * what everyone reads). The server fills it to filter pulls; clients leave it ''.
 */
Status migrateTo3(QSqlDatabase &db)
{
    for (const QString &sql : { u"ALTER TABLE entities ADD COLUMN scope TEXT NOT NULL DEFAULT ''"_s,
                                u"CREATE INDEX entities_by_scope ON entities(scope)"_s }) {
        if (auto ok = exec(db, sql); !ok)
            return ok;
    }
    return Ok {};
}

/**
 * Version 4: what a client keeps beside its replica: the outbox (its own
 * changes the server has not confirmed), the changes the server rejected with
 * the reason, and small sync settings (cursor, time of the last full sync).
 */
Status migrateTo4(QSqlDatabase &db)
{
    const QStringList statements {
        u"CREATE TABLE outbox (change_id TEXT PRIMARY KEY NOT NULL REFERENCES changes(change_id), "
        "queued INTEGER NOT NULL)"_s,
        // A rejected change leaves the change log; the rejected list keeps it whole (JSON).
        u"CREATE TABLE rejected (change_id TEXT PRIMARY KEY NOT NULL, change TEXT NOT NULL, "
        "code TEXT NOT NULL, message TEXT NOT NULL, rejected_at TEXT NOT NULL)"_s,
        u"CREATE TABLE client_state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"_s,
    };
    for (const QString &sql : statements) {
        if (auto ok = exec(db, sqlTypes(db, sql)); !ok)
            return ok;
    }
    return Ok {};
}

/**
 * Version 5: the change log's index by entity also holds each change's stamp,
 * so the newest change of many entities is read from the index alone (the
 * office's overview asks it for every plan). Replaces the index by entity id.
 */
Status migrateTo5(QSqlDatabase &db)
{
    for (const QString &sql : { u"DROP INDEX changes_by_entity"_s,
                                u"CREATE INDEX changes_by_entity_time ON changes(entity_id, hlc)"_s }) {
        if (auto ok = exec(db, sql); !ok)
            return ok;
    }
    return Ok {};
}

/**
 * Version 6 (SQLite): the change log's uniqueness of change ids becomes a
 * named index, changes_by_id, instead of a constraint of the table, so that
 * the first bootstrap into an empty log can leave both of its indexes out
 * and build them once at the end (ReplicaStore::importSnapshot). SQLite
 * cannot drop a table constraint: the table is rebuilt (with foreign keys
 * off, see migrate()). PostgreSQL keeps its constraint: servers never import.
 */
Status migrateTo6(QSqlDatabase &db)
{
    if (isPostgres(db))
        return Ok {};
    const QStringList statements {
        u"CREATE TABLE changes_v6 ("
        "seq INTEGER PRIMARY KEY, change_id TEXT NOT NULL, op TEXT NOT NULL,"
        "entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT,"
        "hlc TEXT NOT NULL, device TEXT NOT NULL, author TEXT NOT NULL, base TEXT NOT NULL, seen TEXT NOT NULL)"_s,
        u"INSERT INTO changes_v6 SELECT seq, change_id, op, entity_type, entity_id, field, value, hlc, device, "
        "author, base, seen FROM changes"_s,
        u"DROP TABLE changes"_s,
        u"ALTER TABLE changes_v6 RENAME TO changes"_s,
    };
    for (const QString &sql : statements) {
        if (auto ok = exec(db, sql); !ok)
            return ok;
    }
    return createChangeIndexes(db);
}

/**
 * Version 7 (clients): the server's seals on the changes of other devices
 * that this replica pulled, with where they stood in the server's log. After
 * the server is restored from an older backup, the replica sends back the
 * sealed changes the backup lacks (those past its end), so that no change is
 * lost with the laptop it was made on.
 */
Status migrateTo7(QSqlDatabase &db)
{
    return exec(db, sqlTypes(db, u"CREATE TABLE seals (change_id TEXT PRIMARY KEY NOT NULL, "
                                 "server_seq INTEGER NOT NULL, seal TEXT NOT NULL)"_s));
}

/**
 * Version 8 (clients): the entities a compact first sync brought without
 * their history, and the changes of the log made from their heads (never
 * sent to a server), until the history is fetched (PartialHistory). `due`:
 * to be fetched before the next pull.
 */
Status migrateTo8(QSqlDatabase &db)
{
    for (const QString &sql : { u"CREATE TABLE partial_entities (entity_id TEXT PRIMARY KEY NOT NULL, "
                                "due INTEGER NOT NULL DEFAULT 0)"_s,
                                u"CREATE TABLE head_changes (change_id TEXT PRIMARY KEY NOT NULL, "
                                "entity_id TEXT NOT NULL)"_s,
                                u"CREATE INDEX head_changes_by_entity ON head_changes(entity_id)"_s }) {
        if (auto ok = exec(db, sqlTypes(db, sql)); !ok)
            return ok;
    }
    return Ok {};
}

/**
 * Version 9: reads a short command makes on a large replica by an index, not
 * by a scan: the greatest HLC of one device's changes (what a replica issued
 * itself, read at every open) and the outbox's last place in line (read by
 * every queued change).
 */
Status migrateTo9(QSqlDatabase &db)
{
    for (const QString &sql : { u"CREATE INDEX IF NOT EXISTS changes_by_device ON changes(device, hlc)"_s,
                                u"CREATE INDEX outbox_by_queued ON outbox(queued)"_s }) {
        if (auto ok = exec(db, sql); !ok)
            return ok;
    }
    return Ok {};
}

/**
 * Version 10 (clients): how many changes an entity's history had on the
 * server when a compact first sync brought it without them (NULL: not told),
 * which bounds what merging a text from its heads could cost (PartialHistory).
 */
Status migrateTo10(QSqlDatabase &db)
{
    return exec(db, u"ALTER TABLE partial_entities ADD COLUMN history_length INTEGER"_s);
}

Status setVersion(QSqlDatabase &db, int version)
{
    if (!isPostgres(db))
        return exec(db, u"PRAGMA user_version = %1"_s.arg(version));
    if (auto ok = exec(db, u"DELETE FROM schema_version"_s); !ok)
        return ok;
    return exec(db, u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(version));
}

} // namespace

Dialect dialectOf(const QSqlDatabase &db)
{
    return db.driverName() == u"QPSQL"_s ? Dialect::Postgres : Dialect::Sqlite;
}

Result<int> version(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (isPostgres(db)) {
        if (auto ok = exec(db, u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"_s); !ok)
            return ok.error();
        if (!query.exec(u"SELECT coalesce(max(version), 0) FROM schema_version"_s) || !query.next())
            return Error { u"storage_error"_s, query.lastError().text() };
    } else if (!query.exec(u"PRAGMA user_version"_s) || !query.next()) {
        return Error { u"storage_error"_s, query.lastError().text() };
    }
    return query.value(0).toInt();
}

bool isSearchable(const FieldSpec &field)
{
    return field.searchable
            && (field.type == FieldType::ShortText || field.type == FieldType::LongText
                || field.type == FieldType::Themes);
}

QString searchTextExpression(const EntitySpec &entity)
{
    QStringList parts;
    for (const FieldSpec &field : entity.fields) {
        if (isSearchable(field))
            parts << u"coalesce(t.\"%1\", '')"_s.arg(field.name);
    }
    return parts.join(u" || char(10) || "_s);
}

Status migrate(QSqlDatabase &db, int target)
{
    static const std::function<Status(QSqlDatabase &)> steps[] = { migrateTo1, migrateTo2, migrateTo3,
                                                                   migrateTo4, migrateTo5, migrateTo6,
                                                                   migrateTo7, migrateTo8, migrateTo9,
                                                                   migrateTo10 };
    if (isPostgres(db)) {
        // Several server processes may start at once on one database: one migrates, the others wait.
        QSqlQuery lock(db);
        if (!lock.exec(u"SELECT pg_advisory_lock(847001)"_s))
            return Error { u"storage_error"_s, lock.lastError().text() };
    }
    auto unlock = qScopeGuard([&db] {
        if (isPostgres(db))
            QSqlQuery(db).exec(u"SELECT pg_advisory_unlock(847001)"_s);
    });
    const auto stored = version(db);
    if (!stored)
        return stored.error();
    const int current = stored.value();
    // SQLite: a step may rebuild a table others refer to, which its foreign keys would forbid half-way
    // (and the pragma cannot change inside a transaction); each step checks them before it commits.
    const bool sqliteSteps = !isPostgres(db) && current < target;
    if (sqliteSteps) {
        if (auto ok = exec(db, u"PRAGMA foreign_keys = OFF"_s); !ok)
            return ok;
    }
    auto keysOn = qScopeGuard([&db, sqliteSteps] {
        if (sqliteSteps)
            QSqlQuery(db).exec(u"PRAGMA foreign_keys = ON"_s);
    });
    for (int next = current + 1; next <= target; ++next) {
        if (current > 0) // a new file is simply created, an existing one is worth a line in the log
            qCInfo(lcStorage) << "migrating" << db.databaseName() << "to schema version" << next;
        if (!db.transaction())
            return Error { u"storage_error"_s, db.lastError().text() };
        Status step = steps[next - 1](db);
        if (step && !isPostgres(db))
            step = foreignKeysHold(db);
        if (step)
            step = setVersion(db, next);
        if (!step) {
            db.rollback();
            return step;
        }
        if (!db.commit())
            return Error { u"storage_error"_s, db.lastError().text() };
    }
    if (!db.transaction())
        return Error { u"storage_error"_s, db.lastError().text() };
    if (Status ok = ensureEntityTables(db); !ok) {
        db.rollback();
        return ok;
    }
    if (!db.commit())
        return Error { u"storage_error"_s, db.lastError().text() };
    return Ok {};
}

namespace {
constexpr const char *changeIndexes[][2] = {
    { "changes_by_id", "CREATE UNIQUE INDEX IF NOT EXISTS changes_by_id ON changes(change_id)" },
    { "changes_by_entity_time", "CREATE INDEX IF NOT EXISTS changes_by_entity_time ON changes(entity_id, hlc)" },
    { "changes_by_device", "CREATE INDEX IF NOT EXISTS changes_by_device ON changes(device, hlc)" },
};
} // namespace

Status createChangeIndexes(QSqlDatabase &db)
{
    for (const auto &[name, sql] : changeIndexes) {
        if (auto ok = exec(db, QString::fromLatin1(sql)); !ok)
            return ok;
    }
    return Ok {};
}

Status dropChangeIndexes(QSqlDatabase &db)
{
    for (const auto &[name, sql] : changeIndexes) {
        if (auto ok = exec(db, u"DROP INDEX IF EXISTS %1"_s.arg(QLatin1StringView(name))); !ok)
            return ok;
    }
    return Ok {};
}

Result<bool> changeIndexesPresent(QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.prepare(u"SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?"_s);
    for (const auto &[name, sql] : changeIndexes) {
        q.bindValue(0, QString::fromLatin1(name));
        if (!q.exec())
            return Error { u"storage_error"_s, q.lastError().text() };
        const bool present = q.next();
        q.finish();
        if (!present)
            return false;
    }
    return true;
}

} // namespace SqlSchema
