// SPDX-License-Identifier: GPL-3.0-or-later
#include "entitytables.h"

#include "storage/statementcache.h"
#include "storage/storerows.h"

#include <QMutex>

using namespace Qt::Literals::StringLiterals;
using namespace StoreRows;
using Statement = StatementCache::Statement;

namespace {

/** The SQL an entity type's table is read and written with, built once from the schema. */
struct TableSql
{
    QString select;
    QString load; ///< select, plus the entity index's key and type, in one row even for an unknown id
    QString upsert;
};

const TableSql &tableSql(const EntitySpec &spec)
{
    static std::unordered_map<QString, TableSql> cache; // node-based: references stay valid
    static QMutex mutex;
    QMutexLocker lock(&mutex);
    auto it = cache.find(spec.name);
    if (it != cache.end())
        return it->second;
    QStringList columns;
    QStringList qualified;
    QStringList updates;
    for (const FieldSpec &field : spec.fields) {
        columns << u"\"%1\""_s.arg(field.name);
        qualified << u"t.\"%1\""_s.arg(field.name);
        updates << u"\"%1\" = excluded.\"%1\""_s.arg(field.name);
    }
    const QString list = columns.join(u", "_s);
    TableSql sql;
    sql.select = u"SELECT %1, _state, _meta FROM \"%2\" WHERE id = ?"_s.arg(list, spec.table);
    // One lookup tells a stored record, a new id and an id of another type apart.
    sql.load = u"SELECT e.key, e.type, t.id, %1, t._state, t._meta FROM (SELECT CAST(? AS TEXT) AS id) q "
               "LEFT JOIN entities e ON e.id = q.id LEFT JOIN \"%2\" t ON t.id = q.id"_s.arg(
                       qualified.join(u", "_s), spec.table);
    sql.upsert = u"INSERT INTO \"%1\" (id, %2, _state, _meta) VALUES (?%3, ?, ?) "
                 "ON CONFLICT(id) DO UPDATE SET %4, _state = excluded._state, _meta = excluded._meta"_s
                         .arg(spec.table, list, QString(u", ?"_s).repeated(spec.fields.size()),
                              updates.join(u", "_s));
    return cache.emplace(spec.name, sql).first->second;
}

} // namespace

EntityTables::EntityTables(StatementCache &statements, std::optional<Error> &failure)
    : m_statements(statements),
      m_failure(failure)
{
}

EntityTables::~EntityTables() = default;

void EntityTables::clear()
{
    m_tables.clear();
}

EntityTables::TableStatements &EntityTables::tableStatements(const EntitySpec &spec)
{
    auto it = m_tables.find(&spec);
    if (it == m_tables.end()) {
        const TableSql &sql = tableSql(spec);
        TableStatements statements { m_statements.prepare(withNamedPlaceholders(sql.load)),
                                     m_statements.prepare(withNamedPlaceholders(sql.upsert)), nullptr };
        if (sqlite3 *sqlite = m_statements.sqlite())
            statements.directUpsert = std::make_unique<SqliteStatement>(sqlite, sql.upsert);
        it = m_tables.emplace(&spec, std::move(statements)).first;
    }
    return it->second;
}

std::optional<EntityRecord> EntityTables::load(const EntitySpec &spec, const QString &entityId)
{
    QSqlQuery &q = m_statements.prepared(tableSql(spec).select);
    q.bindValue(0, entityId);
    if (!q.exec()) {
        m_failure = sqlError(u"cannot read %1"_s.arg(entityId), q.lastError());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    EntityRecord record;
    record.spec = &spec;
    record.id = entityId;
    const bool decoded = readRecord(q, 0, record);
    q.finish();
    if (!decoded) {
        m_failure = Error { u"replica_corrupt"_s, u"merge state of %1 is damaged"_s.arg(entityId) };
        return std::nullopt;
    }
    return record;
}

bool EntityTables::read(const EntitySpec &spec, const QString &entityId, CachedRecord &cached)
{
    QSqlQuery &q = tableStatements(spec).load;
    bind(q, 0, entityId);
    if (!q.exec() || !q.next()) {
        m_failure = sqlError(u"cannot read %1"_s.arg(entityId), q.lastError());
        return false;
    }
    cached.record.spec = &spec;
    cached.record.id = entityId;
    const QVariant key = q.value(0);
    const QVariant type = q.value(1);
    if (!q.value(2).isNull()) {
        if (!readRecord(q, 3, cached.record)) {
            q.finish();
            m_failure = Error { u"replica_corrupt"_s, u"merge state of %1 is damaged"_s.arg(entityId) };
            return false;
        }
        cached.stored = true;
        cached.hadConflicts = !MergeEngine::conflicts(cached.record).isEmpty();
    } else if (!type.isNull() && type.toString() != spec.name) {
        q.finish();
        return false;
    } else {
        cached.record.fields.resize(spec.fields.size());
    }
    q.finish();
    cached.key = key.isNull() ? -1 : key.toLongLong();
    cached.maybeIndexed = cached.key >= 0;
    return true;
}

bool EntityTables::store(const EntityRecord &record)
{
    const EntitySpec &spec = *record.spec;
    auto fillRecord = [&](auto &upsert) {
        int column = 0;
        bind(upsert, column++, record.id);
        for (qsizetype i = 0; i < spec.fields.size(); ++i)
            bind(upsert, column++, RecordCodec::toColumn(spec.fields[i].type, record.fields[i].value));
        bind(upsert, column++, record.lifecycle.value.isNull() ? QVariant(QMetaType::fromType<QString>())
                                                                   : QVariant(record.lifecycle.value));
        bind(upsert, column++, RecordMeta::encodeCompact(record));
    };
    TableStatements &table = tableStatements(spec);
    if ((table.directUpsert ? m_statements.run(*table.directUpsert, fillRecord)
                            : m_statements.run(table.upsert, fillRecord))
        < 0) {
        m_failure = sqlError(u"cannot store %1"_s.arg(record.id), m_statements.writeError());
        return false;
    }
    return true;
}

int EntityTables::index(const EntityRecord &record, const QString *scope, qint64 *insertId)
{
    const int rows = m_statements.write(
            scope ? Statement::IndexEntityScoped : Statement::IndexEntity,
            [&](auto &index) {
                bind(index, 0, record.id);
                bind(index, 1, record.spec->name);
                if (scope)
                    bind(index, 2, *scope);
            },
            insertId);
    if (rows < 0)
        m_failure = sqlError(u"cannot index %1"_s.arg(record.id), m_statements.writeError());
    return rows;
}

bool EntityTables::remove(const EntitySpec &spec, const QString &entityId)
{
    QStringList statements { u"DELETE FROM \"%1\" WHERE id = ?"_s.arg(spec.table), u"DELETE FROM entities WHERE id = ?"_s };
    for (const QString &sql : statements) {
        QSqlQuery &q = m_statements.prepared(sql);
        q.bindValue(0, entityId);
        if (!q.exec()) {
            m_failure = sqlError(u"cannot remove %1"_s.arg(entityId), q.lastError());
            return false;
        }
    }
    return true;
}

const EntitySpec *EntityTables::typeOf(const QString &entityId)
{
    QSqlQuery &q = m_statements.prepared(u"SELECT type FROM entities WHERE id = ?"_s);
    q.bindValue(0, entityId);
    if (!q.exec() || !q.next())
        return nullptr;
    const EntitySpec *spec = Schema::instance().entity(q.value(0).toString());
    q.finish();
    return spec;
}

const EntitySpec *EntityTables::typeOf(const QString &entityId, qint64 &key)
{
    QSqlQuery &type = m_statements.prepared(u"SELECT type, key FROM entities WHERE id = ?"_s);
    type.bindValue(0, entityId);
    const bool found = type.exec() && type.next();
    const EntitySpec *spec = found ? Schema::instance().entity(type.value(0).toString()) : nullptr;
    key = found ? type.value(1).toLongLong() : 0;
    type.finish();
    return spec;
}

QStringList EntityTables::ids(const QString &entityType)
{
    QSqlQuery &q = m_statements.prepared(u"SELECT id FROM entities WHERE type = ? ORDER BY id"_s);
    q.bindValue(0, entityType);
    return firstColumn(q);
}

QStringList EntityTables::allIds()
{
    return firstColumn(m_statements.prepared(u"SELECT id FROM entities ORDER BY id"_s));
}

QStringList EntityTables::childIds(const EntitySpec &spec, const QString &parentId)
{
    QSqlQuery &q = m_statements.prepared(u"SELECT id FROM \"%1\" WHERE \"%2\" = ? AND _state = 'live' ORDER BY id"_s.arg(
            spec.table, spec.parentField));
    q.bindValue(0, parentId);
    return firstColumn(q);
}

Result<QList<QPair<QString, QString>>> EntityTables::scopes(const QString &entityType)
{
    QList<QPair<QString, QString>> stored;
    QSqlQuery &find = m_statements.prepared(u"SELECT id, scope FROM entities WHERE type = ?"_s);
    find.bindValue(0, entityType);
    if (!find.exec())
        return sqlError(u"cannot read entities"_s, find.lastError());
    while (find.next())
        stored.append({ find.value(0).toString(), find.value(1).toString() });
    find.finish();
    return stored;
}

bool EntityTables::setScope(const QString &entityId, const QString &scope)
{
    QSqlQuery &update = m_statements.prepared(u"UPDATE entities SET scope = ? WHERE id = ?"_s);
    update.bindValue(0, scope);
    update.bindValue(1, entityId);
    if (!update.exec()) {
        m_failure = sqlError(u"cannot store a read scope"_s, update.lastError());
        return false;
    }
    return true;
}
