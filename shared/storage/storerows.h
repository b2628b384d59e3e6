// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/logging.h"
#include "common/result.h"
#include "storage/recordcodec.h"
#include "sync/recordmeta.h"
#include "storage/sqlitestatement.h"

#include <QSqlError>
#include <QSqlQuery>

#include <array>
#include <optional>

/** Reading rows the same way from a QSqlQuery or a SqliteStatement, for the parts of ReplicaStore. */
namespace StoreRows {

using namespace Qt::Literals::StringLiterals;

/** The columns of a change, in the order changeFromRow reads them. */
inline constexpr char changeColumns[] = "change_id, op, entity_type, entity_id, field, value, hlc, device, author, base, seen";

/** The entities a scope reads; the plans table says which plans are shared. */
// A plan's review threads (Ownership::reviewScope) are read by its own municipality only, shared or not.
inline constexpr char readableSql[] = "(? = 1 OR e.scope = '' OR e.scope IN "
                                      "(SELECT id FROM plans WHERE municipality = ? OR shared = 1) OR e.scope IN "
                                      "(SELECT 'review/' || id FROM plans WHERE municipality = ?))";

inline Error sqlError(const QString &what, const QSqlError &error)
{
    qCWarning(lcStorage) << what << error.text();
    return { u"storage_error"_s, u"%1: %2"_s.arg(what, error.text()) };
}

inline QString columnText(const QSqlQuery &query, int column)
{
    const QVariant value = query.value(column);
    return value.isNull() ? QString() : value.toString();
}
inline QString columnText(const SqliteStatement &query, int column)
{
    return query.text(column);
}
inline qint64 columnInteger(const QSqlQuery &query, int column)
{
    return query.value(column).toLongLong();
}
inline qint64 columnInteger(const SqliteStatement &query, int column)
{
    return query.integer(column);
}
/** Starts a bound query: QSqlQuery runs it now, SQLite's own statement steps on next(). */
inline bool runQuery(QSqlQuery &query)
{
    return query.exec();
}
inline bool runQuery(SqliteStatement &)
{
    return true;
}

/** After the last row of a read: why it stopped early, if it failed; the query is reset either way. */
template <typename Query>
std::optional<QSqlError> endOfRows(Query &query)
{
    const QSqlError error = query.lastError();
    query.finish();
    return error.isValid() ? std::optional<QSqlError>(error) : std::nullopt;
}

/** Runs a query and returns its first column as text (empty if it fails). */
inline QStringList firstColumn(QSqlQuery &query)
{
    QStringList values;
    if (query.exec()) {
        while (query.next())
            values << query.value(0).toString();
    }
    query.finish();
    return values;
}

/** A change from the columns of changeColumns, from column c on. */
template <typename Row>
Change changeFromRow(const Row &row, int c)
{
    Change change;
    change.id = columnText(row, c);
    change.op = Change::opFromName(columnText(row, c + 1)).value_or(Change::Op::Set);
    change.entityType = columnText(row, c + 2);
    change.entityId = columnText(row, c + 3);
    change.field = columnText(row, c + 4);
    change.value = columnText(row, c + 5);
    change.hlc = Hlc::fromString(columnText(row, c + 6));
    change.device = columnText(row, c + 7);
    change.author = columnText(row, c + 8);
    change.base = columnText(row, c + 9).split(u',', Qt::SkipEmptyParts);
    change.seen = columnText(row, c + 10).split(u',', Qt::SkipEmptyParts);
    return change;
}

/** Fills a record's values and merge state from a row: fields from column first, then _state and _meta. */
template <typename Row>
bool readRecord(const Row &q, int first, EntityRecord &record)
{
    const EntitySpec &spec = *record.spec;
    const int n = int(spec.fields.size());
    record.fields.resize(n);
    for (int i = 0; i < n; ++i)
        record.fields[i].value = RecordCodec::fromColumn(spec.fields[i].type, q.value(first + i));
    const QVariant state = q.value(first + n);
    record.lifecycle.value = state.isNull() ? QString() : state.toString();
    return RecordMeta::decode(q.value(first + n + 1).toByteArray(), record);
}

} // namespace StoreRows
