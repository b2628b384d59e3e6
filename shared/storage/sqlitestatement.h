// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QStringEncoder>
#include <QVariant>

#include <vector>

struct sqlite3;
struct sqlite3_stmt;

/**
 * A prepared statement run on the SQLite connection beneath a QSqlDatabase,
 * for the writes a store makes per change and the reads of whole histories:
 * it binds and reads text as UTF-8 (the Qt driver goes through UTF-16, which
 * SQLite converts again for every value, and keeps every row as QVariants)
 * and spares QSqlQuery's bookkeeping. Runs inside the transactions the
 * QSqlDatabase begins and commits. The store finalizes its statements before
 * it closes the connection.
 */
class SqliteStatement
{
public:
    /**
     * The connection beneath db, if it is SQLite and the Qt driver runs the
     * same SQLite as this program (otherwise stores keep to QSqlQuery).
     */
    static sqlite3 *handle(const QSqlDatabase &db);

    SqliteStatement(sqlite3 *db, const QString &sql);
    ~SqliteStatement();
    Q_DISABLE_COPY_MOVE(SqliteStatement)

    [[nodiscard]] bool isValid() const { return m_statement != nullptr; }
    /** Binds the value of parameter index (from 0) as QSqlQuery would: null, text, number or blob. */
    void bindValue(int index, const QVariant &value);
    /** Binds text (a null string as SQL NULL). */
    void bindText(int index, QStringView text);
    /** Runs the statement to its end; false on failure (lastError() says why). */
    bool exec();
    /**
     * Steps to the next row of a query: false at the end or on failure
     * (lastError() says which); either way the statement is then reset.
     */
    bool next();
    /** Resets a query not read to its end. */
    void finish();
    /** The current row's column as text (a null string for SQL NULL). */
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] qint64 integer(int column) const;
    /** The current row's column as UTF-8, valid until the next step; null for SQL NULL. */
    [[nodiscard]] QUtf8StringView utf8(int column) const;
    /** The current row's column as QSqlQuery::value() gives it: null, integer, real, text or blob. */
    [[nodiscard]] QVariant value(int column) const;
    /** Rows the last exec() inserted, changed or deleted. */
    [[nodiscard]] int numRowsAffected() const;
    /** The rowid of the last row inserted on the connection. */
    [[nodiscard]] QVariant lastInsertId() const;
    [[nodiscard]] QSqlError lastError() const { return m_error; }

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_statement = nullptr;
    std::vector<QByteArray> m_values; ///< bound text and blobs, kept until bound again
    QStringEncoder m_encoder { QStringEncoder::Utf8, QStringEncoder::Flag::Stateless };
    QSqlError m_error;
    bool m_reading = false; ///< between the first next() of a query and its end
};

/** Binds a value into either kind of statement, so one function can fill both. */
inline void bind(SqliteStatement &statement, int index, const QVariant &value)
{
    statement.bindValue(index, value);
}
