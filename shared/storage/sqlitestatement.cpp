// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitestatement.h"

#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

sqlite3 *SqliteStatement::handle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    if (!connection)
        return nullptr;
    // A Qt built with its own copy of SQLite: calls into this program's copy are only
    // safe with the very same version, so check what the connection itself reports.
    QSqlQuery query(db);
    if (!query.exec(u"SELECT sqlite_source_id()"_s) || !query.next()
        || query.value(0).toString() != QLatin1String(sqlite3_sourceid()))
        return nullptr;
    return connection;
}

SqliteStatement::SqliteStatement(sqlite3 *db, const QString &sql)
    : m_db(db)
{
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v3(db, text.constData(), int(text.size()), SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr)
        != SQLITE_OK) {
        m_error = QSqlError(u"cannot prepare"_s, QString::fromUtf8(sqlite3_errmsg(db)), QSqlError::StatementError);
        sqlite3_finalize(m_statement);
        m_statement = nullptr;
        return;
    }
    m_values.resize(size_t(sqlite3_bind_parameter_count(m_statement)));
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::bindText(int index, QStringView text)
{
    if (!m_statement)
        return;
    if (text.isNull()) {
        sqlite3_bind_null(m_statement, index + 1);
        return;
    }
    if (text.isEmpty()) {
        sqlite3_bind_text(m_statement, index + 1, "", 0, SQLITE_STATIC);
        return;
    }
    // Into the parameter's own buffer, which keeps its capacity from one row to the next.
    QByteArray &utf8 = m_values[size_t(index)];
    const qsizetype space = m_encoder.requiredSpace(text.size());
    if (utf8.size() < space || !utf8.isDetached())
        utf8 = QByteArray(space, Qt::Uninitialized);
    const char *end = m_encoder.appendToBuffer(utf8.data(), text);
    sqlite3_bind_text(m_statement, index + 1, utf8.constData(), int(end - utf8.constData()), SQLITE_STATIC);
}

void SqliteStatement::bindValue(int index, const QVariant &value)
{
    if (!m_statement)
        return;
    if (value.isNull()) {
        sqlite3_bind_null(m_statement, index + 1);
        return;
    }
    switch (value.typeId()) {
    case QMetaType::QString:
        bindText(index, *static_cast<const QString *>(value.constData()));
        break;
    case QMetaType::QByteArray: {
        QByteArray &blob = m_values[size_t(index)];
        blob = value.toByteArray();
        sqlite3_bind_blob(m_statement, index + 1, blob.isEmpty() ? "" : blob.constData(), int(blob.size()),
                          SQLITE_STATIC);
        break;
    }
    case QMetaType::Double:
    case QMetaType::Float:
        sqlite3_bind_double(m_statement, index + 1, value.toDouble());
        break;
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        sqlite3_bind_int64(m_statement, index + 1, value.toLongLong());
        break;
    default:
        bindText(index, value.toString());
        break;
    }
}

bool SqliteStatement::exec()
{
    if (!m_statement)
        return false; // m_error says why it could not be prepared
    const int result = sqlite3_step(m_statement);
    const bool done = result == SQLITE_DONE || result == SQLITE_ROW;
    if (!done)
        m_error = QSqlError(u"Unable to fetch row"_s, QString::fromUtf8(sqlite3_errmsg(m_db)),
                            QSqlError::StatementError, QString::number(sqlite3_extended_errcode(m_db)));
    // Reset at once: a statement left running would keep the transaction from committing.
    sqlite3_reset(m_statement);
    return done;
}

bool SqliteStatement::next()
{
    if (!m_statement)
        return false;
    if (!m_reading) { // a new run: forget the last one's failure
        m_reading = true;
        m_error = {};
    }
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW)
        return true;
    m_reading = false;
    if (result != SQLITE_DONE)
        m_error = QSqlError(u"Unable to fetch row"_s, QString::fromUtf8(sqlite3_errmsg(m_db)),
                            QSqlError::StatementError, QString::number(sqlite3_extended_errcode(m_db)));
    sqlite3_reset(m_statement);
    return false;
}

void SqliteStatement::finish()
{
    m_reading = false;
    if (m_statement)
        sqlite3_reset(m_statement);
}

QString SqliteStatement::text(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!text)
        return {};
    return QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column));
}

QUtf8StringView SqliteStatement::utf8(int column) const
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return text ? QUtf8StringView(text, sqlite3_column_bytes(m_statement, column)) : QUtf8StringView();
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QVariant SqliteStatement::value(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_statement, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, column));
    case SQLITE_TEXT:
        return QVariant(text(column));
    case SQLITE_BLOB: {
        const auto *blob = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
        return QVariant(QByteArray(blob, sqlite3_column_bytes(m_statement, column)));
    }
    default:
        return QVariant();
    }
}

int SqliteStatement::numRowsAffected() const
{
    return sqlite3_changes(m_db);
}

QVariant SqliteStatement::lastInsertId() const
{
    return qint64(sqlite3_last_insert_rowid(m_db));
}
