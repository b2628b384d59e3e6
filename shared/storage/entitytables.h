// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/recordcache.h"

#include <QSqlQuery>

#include <memory>
#include <optional>
#include <unordered_map>

class SqliteStatement;
class StatementCache;

/**
 * The current state: one table per entity type (the fields in typed columns,
 * _state and _meta beside them) and the entity index over all of them (type,
 * key, read scope). Storage errors go to the batch's failure.
 */
class EntityTables
{
public:
    EntityTables(StatementCache &statements, std::optional<Error> &failure);
    ~EntityTables();
    Q_DISABLE_COPY_MOVE(EntityTables)

    /** Finalizes the statements: before the connection is closed. */
    void clear();

    /** The stored record, if there is one. */
    std::optional<EntityRecord> load(const EntitySpec &spec, const QString &entityId);
    /**
     * Reads an entity into cached in one lookup: its stored record (stored set) or, for a new id,
     * empty fields, and its key. False if it cannot be read or has another type (failure not set).
     */
    bool read(const EntitySpec &spec, const QString &entityId, CachedRecord &cached);
    /** Writes the record's row. */
    bool store(const EntityRecord &record);
    /**
     * Enters the record in the entity index, with its read scope if one is given; the rows changed
     * (-1 on failure), the new key in insertId.
     */
    int index(const EntityRecord &record, const QString *scope, qint64 *insertId);
    /** Removes the record's row and its entry in the entity index. */
    bool remove(const EntitySpec &spec, const QString &entityId);

    [[nodiscard]] const EntitySpec *typeOf(const QString &entityId);
    /** The type and key of an entity (null if it is not indexed). */
    [[nodiscard]] const EntitySpec *typeOf(const QString &entityId, qint64 &key);
    [[nodiscard]] QStringList ids(const QString &entityType);
    [[nodiscard]] QStringList allIds();
    /** Ids of the live children of parentId, ascending. */
    [[nodiscard]] QStringList childIds(const EntitySpec &spec, const QString &parentId);
    /** The read scopes stored for the entities of one type, by id. */
    Result<QList<QPair<QString, QString>>> scopes(const QString &entityType);
    bool setScope(const QString &entityId, const QString &scope);

private:
    /** The statements that read and write one entity type's table. */
    struct TableStatements
    {
        QSqlQuery load;
        QSqlQuery upsert;
        std::unique_ptr<SqliteStatement> directUpsert; ///< upsert on SQLite's own API, if the store has it
    };
    TableStatements &tableStatements(const EntitySpec &spec);

    StatementCache &m_statements;
    std::optional<Error> &m_failure;
    std::unordered_map<const EntitySpec *, TableStatements> m_tables; // node-based: callers hold references
};
