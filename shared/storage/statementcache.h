// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/sqlitestatement.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <array>
#include <memory>
#include <optional>
#include <unordered_map>

/** Placeholder names ":p0", ":p1", …, built once: binding by name spares QSqlResult formatting one per bind. */
const QList<QString> &placeholderNames();
/** The SQL with its '?' placeholders (never inside literals here) turned into named ones, in order. */
QString withNamedPlaceholders(const QString &sql);

/** Binds a value into a statement prepared with withNamedPlaceholders(). */
inline void bind(QSqlQuery &query, int index, const QVariant &value)
{
    query.bindValue(placeholderNames().at(index), value);
}

/**
 * The prepared statements of one store's connection: queries by SQL text,
 * the fixed statements of every batch, and the same on SQLite's own API
 * where the store has it (writes per change, reads of whole histories).
 */
class StatementCache
{
public:
    /** The statements of every batch, prepared once (SQL text in statementcache.cpp). */
    enum class Statement {
        AppendChange,
        AppendImportedChange,
        FindChange,
        IndexEntity,
        IndexEntityScoped,
        EntityKey,
        ClearConflicts,
        InsertConflict,
        SearchDelete,
        SearchInsert,
        MarkPartial,
        MarkHead,
        BeginImmediate,
        DataVersion,
        Count
    };

    /** db is the store's connection; it outlives the cache. */
    explicit StatementCache(QSqlDatabase &db);
    ~StatementCache();
    Q_DISABLE_COPY_MOVE(StatementCache)

    [[nodiscard]] QSqlDatabase &database() { return m_db; }
    [[nodiscard]] bool isPostgres() const { return m_postgres; }
    /** The SQLite connection beneath the database, or null (PostgreSQL, or a Qt with another SQLite). */
    [[nodiscard]] sqlite3 *sqlite() const { return m_sqlite; }
    /** Finalizes every statement: before the connection is closed. */
    void clear();
    /** Takes up the connection again after it was reopened. */
    void reattach();

    /** A query prepared once per SQL text ('?' placeholders, bound by position). */
    QSqlQuery &prepared(const QString &sql);
    /** A fixed statement (named placeholders: fill it with bind()). */
    QSqlQuery &statement(Statement which);
    /** A fixed statement on SQLite's own API; null on PostgreSQL (or a Qt with another SQLite). */
    SqliteStatement *directStatement(Statement which);
    /** A query prepared with the settings of the store's queries; prepare() already done. */
    QSqlQuery prepare(const QString &sql);

    /** Binds (fill(query)) and runs a write statement of either kind; the rows it changed, or -1 (writeError()). */
    template <typename Query, typename Fill>
    int run(Query &query, Fill &fill, qint64 *insertId = nullptr)
    {
        fill(query);
        if (!query.exec()) {
            m_writeError = query.lastError();
            return -1;
        }
        if (insertId)
            *insertId = query.lastInsertId().toLongLong();
        return query.numRowsAffected();
    }
    /** Runs a fixed write statement, on SQLite's own API where the store has it. */
    template <typename Fill>
    int write(Statement which, Fill &&fill, qint64 *insertId = nullptr)
    {
        if (SqliteStatement *direct = directStatement(which))
            return run(*direct, fill, insertId);
        return run(statement(which), fill, insertId);
    }
    /** Why the last write failed. */
    [[nodiscard]] const QSqlError &writeError() const { return m_writeError; }

    /** Runs use(query) with a read query on SQLite's own API where the store has it, else with QSqlQuery. */
    template <typename Use>
    auto withQuery(const QString &sql, Use &&use)
    {
        if (!m_sqlite)
            return use(prepared(sql));
        return use(directQuery(sql));
    }

private:
    SqliteStatement &directQuery(const QString &sql);

    QSqlDatabase &m_db;
    bool m_postgres = false;
    sqlite3 *m_sqlite = nullptr; ///< the connection beneath m_db, for the writes made per change
    std::unordered_map<QString, QSqlQuery> m_statements; // node-based: callers hold references
    std::array<std::optional<QSqlQuery>, size_t(Statement::Count)> m_fixed;
    std::array<std::unique_ptr<SqliteStatement>, size_t(Statement::Count)> m_direct;
    std::unordered_map<QString, std::unique_ptr<SqliteStatement>> m_directQueries; ///< by SQL text
    QSqlError m_writeError;
};
