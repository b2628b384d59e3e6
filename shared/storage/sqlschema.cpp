// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlschema.h"

#include "common/logging.h"
#include "storage/recordcodec.h"

#include <QSqlError>
#include <QSqlQuery>

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

QString entityTableSql(const EntitySpec &entity)
{
    QStringList columns { u"id TEXT PRIMARY KEY NOT NULL"_s };
    for (const FieldSpec &field : entity.fields)
        columns << u"\"%1\" %2"_s.arg(field.name, RecordCodec::columnType(field.type));
    columns << u"_state TEXT"_s << u"_meta BLOB NOT NULL"_s;
    return u"CREATE TABLE \"%1\" (%2)"_s.arg(entity.table, columns.join(u", "_s));
}

/**
 * Creates the table of every entity type and adds columns for fields the
 * schema gained since the table was made: fields and entity types are only
 * ever added, so this brings any replica's entity tables up to the schema.
 */
Status ensureEntityTables(QSqlDatabase &db)
{
    for (const EntitySpec &entity : Schema::instance().entities()) {
        QSqlQuery info(db);
        if (!info.exec(u"PRAGMA table_info(\"%1\")"_s.arg(entity.table)))
            return Error { u"storage_error"_s, info.lastError().text() };
        QStringList existing;
        while (info.next())
            existing << info.value(1).toString();
        info.finish();
        if (existing.isEmpty()) {
            if (auto ok = exec(db, entityTableSql(entity)); !ok)
                return ok;
            continue;
        }
        for (const FieldSpec &field : entity.fields) {
            if (existing.contains(field.name))
                continue;
            const QString add = u"ALTER TABLE \"%1\" ADD COLUMN \"%2\" %3"_s.arg(
                    entity.table, field.name, RecordCodec::columnType(field.type));
            if (auto ok = exec(db, add); !ok)
                return ok;
        }
    }
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
        if (auto ok = exec(db, sql); !ok)
            return ok;
    }
    return ensureEntityTables(db);
}

/** Version 2: a full-text index over every entity's text, keyed by entities.key. */
Status migrateTo2(QSqlDatabase &db)
{
    if (auto ok = exec(db, u"CREATE VIRTUAL TABLE search_index USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')"_s); !ok)
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

} // namespace

bool isSearchable(const FieldSpec &field)
{
    return field.type == FieldType::ShortText || field.type == FieldType::LongText
            || field.type == FieldType::Themes;
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
    static const std::function<Status(QSqlDatabase &)> steps[] = { migrateTo1, migrateTo2 };
    QSqlQuery version(db);
    if (!version.exec(u"PRAGMA user_version"_s) || !version.next())
        return Error { u"storage_error"_s, version.lastError().text() };
    const int current = version.value(0).toInt();
    version.finish();
    for (int next = current + 1; next <= target; ++next) {
        qCInfo(lcStorage) << "migrating replica" << db.databaseName() << "to schema version" << next;
        if (!db.transaction())
            return Error { u"storage_error"_s, db.lastError().text() };
        Status step = steps[next - 1](db);
        if (step)
            step = exec(db, u"PRAGMA user_version = %1"_s.arg(next));
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

} // namespace SqlSchema
