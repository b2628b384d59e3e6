// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "model/schema.h"

#include <QSqlDatabase>

/**
 * The SQL layout of a replica, generated from the Schema, and the
 * migrations between its versions. Each migrateToN() runs in one transaction
 * that ends by setting PRAGMA user_version to N.
 *
 * Entity references are not SQL foreign keys on purpose: changes may arrive
 * before the entity they refer to, and deleted entities stay as tombstones.
 * Foreign keys tie the internal tables (conflicts) to the change log.
 */
namespace SqlSchema {

/** The two SQL engines a store runs on; they differ in types, version keeping and search. */
enum class Dialect { Sqlite, Postgres };
Dialect dialectOf(const QSqlDatabase &db);

/** The stored schema version (0 for an empty database). */
Result<int> version(QSqlDatabase &db);

/** Brings the database from its stored version up to `target`. */
Status migrate(QSqlDatabase &db, int target);

/**
 * The change log's indexes (SQLite, schema 6 on): the uniqueness of change ids
 * and the history of an entity by time. Dropped only while a bootstrap fills an
 * empty log, and built again before anything else writes.
 */
Status createChangeIndexes(QSqlDatabase &db);
Status dropChangeIndexes(QSqlDatabase &db);
Result<bool> changeIndexesPresent(QSqlDatabase &db);

/** The searchable text of an entity type, as an SQL expression over its columns ('' if none). */
QString searchTextExpression(const EntitySpec &entity);

/** True for the fields whose text is indexed for search. */
bool isSearchable(const FieldSpec &field);

} // namespace SqlSchema
