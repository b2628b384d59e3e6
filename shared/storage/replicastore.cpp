// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicastore.h"

#include "common/logging.h"
#include "storage/recordcodec.h"
#include "storage/sqlitestatement.h"
#include "storage/sqlschema.h"
#include "sync/replicastate.h"
#include "sync/statedigest.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QScopeGuard>
#include <QUrl>
#include <QSqlError>

#include <array>

using namespace Qt::Literals::StringLiterals;

namespace {

QAtomicInt connectionCounter;

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

Error sqlError(const QString &what, const QSqlError &error)
{
    qCWarning(lcStorage) << what << error.text();
    return { u"storage_error"_s, u"%1: %2"_s.arg(what, error.text()) };
}

constexpr char changeColumns[] = "change_id, op, entity_type, entity_id, field, value, hlc, device, author, base, seen";

/** Placeholder names, built once: binding by name spares QSqlResult formatting a name for every positional bind. */
const QList<QString> &placeholderNames()
{
    static const QList<QString> names = [] {
        QList<QString> list;
        for (int i = 0; i < 256; ++i)
            list << u":p%1"_s.arg(i);
        return list;
    }();
    return names;
}

/** The SQL with its '?' placeholders (never inside literals here) turned into named ones, in order. */
QString withNamedPlaceholders(const QString &sql)
{
    QString named;
    int count = 0;
    for (QChar c : sql) {
        if (c == u'?')
            named += placeholderNames().at(count++);
        else
            named += c;
    }
    return named;
}

void bind(QSqlQuery &query, int index, const QVariant &value)
{
    query.bindValue(placeholderNames().at(index), value);
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
    return RecordCodec::decodeMeta(q.value(first + n + 1).toByteArray(), record);
}

/** What the search index holds for a record: its searchable values, null if it is not live or has none. */
QString searchTextOf(const EntityRecord &record)
{
    if (!record.isLive())
        return QString();
    QString text;
    for (qsizetype i = 0; i < record.spec->fields.size(); ++i) {
        const QString &value = record.fields[i].value;
        if (SqlSchema::isSearchable(record.spec->fields[i]) && !value.isEmpty()) {
            if (!text.isNull())
                text += u'\n';
            text += value;
        }
    }
    return text;
}

/** Turns what a user types into an FTS5 query: every word must occur, as a word prefix. */
QString toFtsQuery(const QString &text)
{
    QStringList terms;
    for (QString word : text.split(u' ', Qt::SkipEmptyParts)) {
        word.replace(u'"', u"\"\""_s);
        terms << u"\"%1\"*"_s.arg(word);
    }
    return terms.join(u' ');
}

} // namespace

namespace {

void dropConnection(QSqlDatabase &db)
{
    const QString name = db.connectionName();
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

/** SQLite's page cache of kib KiB (at least 64). */
QString cacheSizePragma(int kib)
{
    return u"PRAGMA cache_size = %1"_s.arg(-qMax(kib, 64));
}

std::optional<QVariant> scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return std::nullopt;
    return query.next() ? query.value(0) : QVariant();
}

} // namespace

Result<QSqlDatabase> ReplicaStore::openSqlite(const QString &path, const QString &connection)
{
    const QFileInfo info(path);
    const bool existed = info.exists() && info.size() > 0;
    if (existed) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error { u"storage_error"_s, u"cannot read %1: %2"_s.arg(path, file.errorString()) };
        if (file.read(16) != QByteArrayView("SQLite format 3\0", 16))
            return Error { u"not_a_replica"_s, u"%1 is not a Werkstattplan replica (not an SQLite database)"_s.arg(path) };
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
    db.setDatabaseName(path);
    auto fail = [&](Error error) -> Result<QSqlDatabase> {
        dropConnection(db);
        return error;
    };
    if (!db.open())
        return fail({ u"storage_error"_s, u"cannot open %1: %2"_s.arg(path, db.lastError().text()) });
    if (existed) {
        // Only reads until the file is known to be ours: nothing is written into a foreign or damaged file.
        const auto check = scalar(db, u"PRAGMA quick_check"_s);
        if (!check || check->toString() != u"ok"_s)
            return fail({ u"replica_corrupt"_s, u"%1 is damaged (integrity check failed)"_s.arg(path) });
        const auto appId = scalar(db, u"PRAGMA application_id"_s);
        const auto tables = scalar(db, u"SELECT count(*) FROM sqlite_master"_s);
        if (!appId || !tables)
            return fail({ u"replica_corrupt"_s, u"%1 cannot be read"_s.arg(path) });
        if (appId->toInt() != applicationId && (appId->toInt() != 0 || tables->toInt() > 0))
            return fail({ u"not_a_replica"_s, u"%1 is an SQLite database of another program"_s.arg(path) });
    }
    return db;
}

Result<QSqlDatabase> ReplicaStore::openPostgres(const QString &location, const QString &connection)
{
    const QUrl url(location);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
    if (!db.isValid()) {
        dropConnection(db);
        return Error { u"storage_error"_s, u"the PostgreSQL driver (QPSQL) is not installed"_s };
    }
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(url.path().mid(1));
    if (!db.open()) {
        Error error { u"storage_error"_s, u"cannot connect to %1: %2"_s.arg(url.toDisplayString(QUrl::RemovePassword),
                                                                              db.lastError().text()) };
        dropConnection(db);
        return error;
    }
    // "relation ... already exists, skipping" on every open would bury the admin commands' own messages.
    QSqlQuery(db).exec(u"SET client_min_messages = warning"_s);
    return db;
}

namespace {
/** Runs a query and returns its first column as text (empty if it fails). */
QStringList firstColumn(QSqlQuery &query)
{
    QStringList values;
    if (query.exec()) {
        while (query.next())
            values << query.value(0).toString();
    }
    query.finish();
    return values;
}
} // namespace

Result<std::unique_ptr<ReplicaStore>> ReplicaStore::open(const QString &location, Options options)
{
    const QString name = u"replica-%1"_s.arg(connectionCounter.fetchAndAddRelaxed(1));
    const bool postgres = location.startsWith(u"postgresql://"_s) || location.startsWith(u"postgres://"_s);
    auto opened = postgres ? openPostgres(location, name) : openSqlite(location, name);
    if (!opened) {
        qCWarning(lcStorage) << opened.errorMessage();
        return opened.error();
    }
    QSqlDatabase db = opened.value();
    auto fail = [&](Error error) -> Result<std::unique_ptr<ReplicaStore>> {
        dropConnection(db);
        qCWarning(lcStorage) << error.message;
        return error;
    };
    const auto version = SqlSchema::version(db);
    if (!version)
        return fail(version.error());
    if (version.value() > schemaVersion)
        return fail({ u"replica_too_new"_s,
                      u"%1 was written by a newer Werkstattplan (schema %2, this one knows %3)"_s.arg(db.databaseName())
                              .arg(version.value())
                              .arg(schemaVersion) });
    if (!postgres) {
        const QStringList setup {
            u"PRAGMA page_size = %1"_s.arg(options.pageSize), // new files only
            u"PRAGMA journal_mode = WAL"_s,
            u"PRAGMA foreign_keys = ON"_s,
            options.durable ? u"PRAGMA synchronous = FULL"_s : u"PRAGMA synchronous = NORMAL"_s,
            u"PRAGMA application_id = %1"_s.arg(applicationId),
            u"PRAGMA busy_timeout = 10000"_s,
            // The default 2 MB page cache makes every batch re-read the indexes
            // from the OS (random ids spread their inserts over the whole index).
            cacheSizePragma(options.cacheKiB),
            u"PRAGMA temp_store = MEMORY"_s,
        };
        for (const QString &sql : setup) {
            if (!scalar(db, sql))
                return fail({ u"storage_error"_s, u"cannot set up %1"_s.arg(location) });
        }
        // Batches rewrite the same index pages: checkpointing every 40 MB instead of
        // every 4 MB copies (and syncs) them far less often. Readers are not slowed.
        constexpr qint64 checkpointBytes = 40 * 1024 * 1024;
        const qint64 pageSize = scalar(db, u"PRAGMA page_size"_s).value_or(4096).toLongLong();
        if (!scalar(db, u"PRAGMA wal_autocheckpoint = %1"_s.arg(checkpointBytes / qMax(pageSize, qint64(512)))))
            return fail({ u"storage_error"_s, u"cannot set up %1"_s.arg(location) });
    }
    if (Status migrated = SqlSchema::migrate(db, schemaVersion); !migrated)
        return fail(migrated.error());
    std::unique_ptr<ReplicaStore> store(new ReplicaStore(db, postgres ? QString() : location, options));
    if (!postgres) {
        // A bootstrap into this file ended before building the change log's indexes (the program
        // stopped): build them now, before anything reads or writes the log.
        const auto present = SqlSchema::changeIndexesPresent(db);
        if (!present)
            return present.error();
        if (!present.value()) {
            store->m_changeIndexesDeferred = true;
            if (Status built = store->finishImport(); !built)
                return built.error();
        }
    }
    return store;
}

bool ReplicaStore::isPostgres() const
{
    return m_postgres;
}

bool ReplicaStore::beginWrite(WriteKind kind)
{
    if (!m_postgres) {
        // IMMEDIATE takes the write lock first: no other connection can commit
        // between the data_version check below and the end of the batch.
        QSqlQuery &begin = statement(Statement::BeginImmediate);
        if (!begin.exec()) {
            m_beginError = begin.lastError();
            return false;
        }
        begin.finish();
        // Another connection or process wrote since our last batch: the kept records may be stale.
        QSqlQuery &version = statement(Statement::DataVersion);
        const qint64 dataVersion = version.exec() && version.next() ? version.value(0).toLongLong() : -1;
        version.finish();
        if (dataVersion < 0 || dataVersion != m_dataVersion)
            forgetRecords();
        m_dataVersion = dataVersion;
        evictRecords();
        if (kind == WriteKind::Ordinary && !restoreChangeIndexes()) {
            m_beginError = m_db.lastError();
            m_db.rollback();
            return false;
        }
        return true;
    }
    // Several server processes write one PostgreSQL database: records are never kept across batches.
    forgetRecords();
    if (!m_db.transaction()) {
        m_beginError = m_db.lastError();
        return false;
    }
    if (m_options.serializeWriters) {
        // One writer at a time across all server processes: sequence numbers
        // are taken and committed in the same order, so a pull's cursor never
        // passes a change that commits later with a lower number.
        QSqlQuery lock(m_db);
        if (!lock.exec(u"SELECT pg_advisory_xact_lock(847002)"_s)) {
            m_beginError = lock.lastError();
            m_db.rollback();
            return false;
        }
    }
    return true;
}

bool ReplicaStore::restoreChangeIndexes()
{
    if (!m_changeIndexesDeferred)
        return true;
    if (!SqlSchema::createChangeIndexes(m_db)) {
        // Only a log with a change twice can refuse the index on ids: keep the first of each.
        QSqlQuery dedupe(m_db);
        if (!dedupe.exec(u"DELETE FROM changes WHERE seq NOT IN (SELECT min(seq) FROM changes GROUP BY change_id)"_s)
            || !SqlSchema::createChangeIndexes(m_db))
            return false;
        qCWarning(lcStorage) << "the change log held changes twice; the later copies were dropped";
    }
    m_changeIndexesDeferred = false;
    setCacheKiB(m_options.cacheKiB);
    return true;
}

void ReplicaStore::setCacheKiB(int kib)
{
    if (QSqlQuery query(m_db); !query.exec(cacheSizePragma(kib)))
        qCWarning(lcStorage) << "cannot set the page cache:" << query.lastError().text();
}

Status ReplicaStore::finishImport()
{
    if (!m_changeIndexesDeferred)
        return Ok {};
    m_failure.reset();
    if (!beginWrite()) // builds the indexes
        return beginError(u"cannot index the change log"_s);
    return finishWrite();
}

Error ReplicaStore::beginError(const QString &what)
{
    return sqlError(what, m_beginError);
}

Status ReplicaStore::finishWrite()
{
    m_dirty.clear();
    m_current = nullptr;
    if (m_failure || !m_db.commit()) {
        Error error = m_failure ? *m_failure : sqlError(u"cannot commit"_s, m_db.lastError());
        m_db.rollback();
        m_failure.reset();
        // The records may hold what was rolled back.
        forgetRecords();
        // So may the flag: the rollback brought back indexes the import had dropped.
        if (m_changeIndexesDeferred) {
            const auto present = SqlSchema::changeIndexesPresent(m_db);
            m_changeIndexesDeferred = !present || !present.value();
        }
        return error;
    }
    if (m_postgres)
        forgetRecords();
    return Ok {};
}

Status ReplicaStore::reconnect()
{
    // Statements prepared on the old connection do not exist on the new one.
    m_statements.clear();
    m_tables.clear();
    for (auto &query : m_fixed)
        query.reset();
    for (auto &direct : m_direct)
        direct.reset();
    m_directQueries.clear();
    forgetRecords();
    m_db.close();
    if (!m_db.open())
        return Error { u"storage_error"_s, m_db.lastError().text() };
    if (!m_postgres)
        m_sqlite = SqliteStatement::handle(m_db);
    return Ok {};
}

void ReplicaStore::forgetRecords()
{
    m_batch.clear();
    m_dirty.clear();
    m_current = nullptr;
}

void ReplicaStore::evictRecords()
{
    ++m_batchNumber;
    const size_t kept = size_t(qMax(m_options.keptRecords, 0));
    if (m_batch.size() <= kept)
        return;
    // Keep the more recently used half.
    std::vector<quint64> used;
    used.reserve(m_batch.size());
    for (const auto &[id, cached] : m_batch)
        used.push_back(cached.lastUsed);
    const auto middle = used.begin() + ptrdiff_t(used.size() / 2);
    std::nth_element(used.begin(), middle, used.end());
    const quint64 cutoff = *middle;
    for (auto it = m_batch.begin(); it != m_batch.end();)
        it = it->second.lastUsed < cutoff ? m_batch.erase(it) : std::next(it);
    if (m_batch.size() > kept) // all used alike recently: start afresh
        m_batch.clear();
}

ReplicaStore::ReplicaStore(QSqlDatabase db, QString path, Options options)
    : m_db(std::move(db)),
      m_path(std::move(path)),
      m_options(std::move(options)),
      m_postgres(SqlSchema::dialectOf(m_db) == SqlSchema::Dialect::Postgres)
{
    if (!m_postgres)
        m_sqlite = SqliteStatement::handle(m_db);
}

ReplicaStore::~ReplicaStore()
{
    m_statements.clear();
    m_tables.clear();
    for (auto &query : m_fixed)
        query.reset();
    for (auto &direct : m_direct)
        direct.reset();
    m_directQueries.clear();
    dropConnection(m_db);
}

QSqlQuery &ReplicaStore::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        // Results are only stepped through: without this, Qt sets up a 128-row cache on every exec.
        // Not on PostgreSQL: there a forward-only query uses single-row mode, and a result not read
        // to its end keeps the connection busy, so LISTEN notifications stop arriving.
        query.setForwardOnly(!m_postgres);
        if (!query.prepare(sql))
            qCCritical(lcStorage) << "cannot prepare" << sql << query.lastError().text();
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    return it->second;
}

namespace {
QString statementSql(int which)
{
    switch (which) {
    case 0: // AppendChange
        return u"INSERT INTO changes (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(change_id) DO NOTHING"_s.arg(
                QLatin1String(changeColumns));
    case 1: // AppendImportedChange: without the index on change ids there is no conflict to name
        return u"INSERT INTO changes (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(QLatin1String(changeColumns));
    case 2: // FindChange
        return u"SELECT %1 FROM changes WHERE change_id = ?"_s.arg(QLatin1String(changeColumns));
    case 3: // IndexEntity
        return u"INSERT INTO entities (id, type) VALUES (?, ?) ON CONFLICT(id) DO NOTHING"_s;
    case 4: // IndexEntityScoped
        return u"INSERT INTO entities (id, type, scope) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET scope = excluded.scope"_s;
    case 5: // EntityKey
        return u"SELECT key FROM entities WHERE id = ?"_s;
    case 6: // ClearConflicts
        return u"DELETE FROM conflicts WHERE entity_id = ?"_s;
    case 7: // InsertConflict
        return u"INSERT INTO conflicts (id, kind, entity_type, entity_id, field, kept_change, kept_value, "
               "other_change, other_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    case 8: // SearchDelete
        return u"DELETE FROM search_index WHERE rowid = ?"_s;
    case 9: // SearchInsert
        return u"INSERT INTO search_index (rowid, text) VALUES (?, ?)"_s;
    case 10: // BeginImmediate
        return u"BEGIN IMMEDIATE"_s;
    case 11: // DataVersion
        return u"PRAGMA data_version"_s;
    }
    return {};
}
} // namespace

QSqlQuery &ReplicaStore::statement(Statement which)
{
    std::optional<QSqlQuery> &query = m_fixed[size_t(which)];
    if (!query) {
        const QString sql = withNamedPlaceholders(statementSql(int(which)));
        query.emplace(m_db);
        query->setForwardOnly(!m_postgres);
        if (!query->prepare(sql))
            qCCritical(lcStorage) << "cannot prepare" << sql << query->lastError().text();
    }
    return *query;
}

SqliteStatement *ReplicaStore::directStatement(Statement which)
{
    if (!m_sqlite)
        return nullptr;
    std::unique_ptr<SqliteStatement> &direct = m_direct[size_t(which)];
    if (!direct || !direct->isValid()) { // one that failed to prepare is tried again
        direct = std::make_unique<SqliteStatement>(m_sqlite, statementSql(int(which)));
        if (!direct->isValid())
            qCCritical(lcStorage) << "cannot prepare" << statementSql(int(which)) << direct->lastError().text();
    }
    return direct.get();
}

namespace {
/** Binds with fill and runs a write statement of either kind: the rows it changed, or -1. */
template <typename Query, typename Fill>
int runWrite(Query &query, Fill &fill, QSqlError &error, qint64 *insertId)
{
    fill(query);
    if (!query.exec()) {
        error = query.lastError();
        return -1;
    }
    if (insertId)
        *insertId = query.lastInsertId().toLongLong();
    return query.numRowsAffected();
}
} // namespace

template <typename Fill>
int ReplicaStore::write(Statement which, Fill &&fill, qint64 *insertId)
{
    if (SqliteStatement *direct = directStatement(which))
        return runWrite(*direct, fill, m_writeError, insertId);
    return runWrite(statement(which), fill, m_writeError, insertId);
}

ReplicaStore::TableStatements &ReplicaStore::tableStatements(const EntitySpec &spec)
{
    auto it = m_tables.find(&spec);
    if (it == m_tables.end()) {
        const TableSql &sql = tableSql(spec);
        TableStatements statements { QSqlQuery(m_db), QSqlQuery(m_db), nullptr };
        for (auto [query, text] : { std::pair { &statements.load, &sql.load }, { &statements.upsert, &sql.upsert } }) {
            query->setForwardOnly(!m_postgres);
            if (!query->prepare(withNamedPlaceholders(*text)))
                qCCritical(lcStorage) << "cannot prepare" << *text << query->lastError().text();
        }
        if (m_sqlite)
            statements.directUpsert = std::make_unique<SqliteStatement>(m_sqlite, sql.upsert);
        it = m_tables.emplace(&spec, std::move(statements)).first;
    }
    return it->second;
}

namespace {
// Reading a row the same way from either kind of query.
QString columnText(const QSqlQuery &query, int column)
{
    const QVariant value = query.value(column);
    return value.isNull() ? QString() : value.toString();
}
QString columnText(const SqliteStatement &query, int column)
{
    return query.text(column);
}
qint64 columnInteger(const QSqlQuery &query, int column)
{
    return query.value(column).toLongLong();
}
qint64 columnInteger(const SqliteStatement &query, int column)
{
    return query.integer(column);
}
/** Starts a bound query: QSqlQuery runs it now, SQLite's own statement steps on next(). */
bool runQuery(QSqlQuery &query)
{
    return query.exec();
}
bool runQuery(SqliteStatement &)
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

/** A history row (the columns changeFromRow reads) as UTF-8 views, valid until the next row. */
StoredChangeText storedChangeText(const SqliteStatement &row, std::array<QByteArray, 11> &)
{
    return { row.utf8(0), row.utf8(1), row.utf8(2), row.utf8(3), row.utf8(4), row.utf8(5),
             row.utf8(6), row.utf8(7), row.utf8(8), row.utf8(9), row.utf8(10), row.utf8(5).isNull() };
}
/** The same from a QSqlQuery (PostgreSQL), whose values are converted into `columns` first. */
StoredChangeText storedChangeText(const QSqlQuery &row, std::array<QByteArray, 11> &columns)
{
    for (int i = 0; i < int(columns.size()); ++i)
        columns[size_t(i)] = row.value(i).toString().toUtf8();
    return { columns[0], columns[1], columns[2], columns[3], columns[4],  columns[5],
             columns[6], columns[7], columns[8], columns[9], columns[10], row.isNull(5) };
}
} // namespace

Change ReplicaStore::changeFromQuery(const QSqlQuery &query, int c)
{
    return changeFromRow(query, c);
}

template <typename Use>
auto ReplicaStore::withQuery(const QString &sql, Use &&use)
{
    if (!m_sqlite)
        return use(prepared(sql));
    std::unique_ptr<SqliteStatement> &direct = m_directQueries[sql];
    if (!direct || !direct->isValid()) {
        direct = std::make_unique<SqliteStatement>(m_sqlite, sql);
        if (!direct->isValid())
            qCCritical(lcStorage) << "cannot prepare" << sql << direct->lastError().text();
    }
    return use(*direct);
}

bool ReplicaStore::appendChange(const Change &change)
{
    return logChange(change, Statement::AppendChange);
}

bool ReplicaStore::logChange(const Change &change, Statement which)
{
    const int rows = write(which, [&change](auto &q) {
        bind(q, 0, change.id);
        bind(q, 1, Change::opName(change.op));
        bind(q, 2, change.entityType);
        bind(q, 3, change.entityId);
        bind(q, 4, change.field);
        bind(q, 5, change.value.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(change.value));
        bind(q, 6, change.hlc.toString());
        bind(q, 7, change.device);
        bind(q, 8, change.author);
        // Empty lists are stored as '' (not NULL): the columns are NOT NULL.
        bind(q, 9, change.base.isEmpty() ? u""_s : change.base.join(u','));
        bind(q, 10, change.seen.isEmpty() ? u""_s : change.seen.join(u','));
    });
    if (rows < 0) {
        m_failure = sqlError(u"cannot log change"_s, m_writeError);
        return false;
    }
    return rows > 0;
}

std::optional<Change> ReplicaStore::findChange(const QString &changeId)
{
    QSqlQuery &q = statement(Statement::FindChange);
    bind(q, 0, changeId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Change change = changeFromQuery(q, 0);
    q.finish();
    return change;
}

std::optional<EntityRecord> ReplicaStore::loadRecord(const EntitySpec &spec, const QString &entityId)
{
    QSqlQuery &q = prepared(tableSql(spec).select);
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

ReplicaStore::CachedRecord *ReplicaStore::cachedRecord(const EntitySpec &spec, const QString &entityId)
{
    if (m_current && m_current->record.id == entityId)
        return m_current;
    auto it = m_batch.find(entityId);
    if (it == m_batch.end()) {
        QSqlQuery &q = tableStatements(spec).load;
        bind(q, 0, entityId);
        if (!q.exec() || !q.next()) {
            m_failure = sqlError(u"cannot read %1"_s.arg(entityId), q.lastError());
            return nullptr;
        }
        CachedRecord cached;
        cached.record.spec = &spec;
        cached.record.id = entityId;
        const QVariant key = q.value(0);
        const QVariant type = q.value(1);
        if (!q.value(2).isNull()) {
            if (!readRecord(q, 3, cached.record)) {
                q.finish();
                m_failure = Error { u"replica_corrupt"_s, u"merge state of %1 is damaged"_s.arg(entityId) };
                return nullptr;
            }
            cached.stored = true;
            cached.hadConflicts = !MergeEngine::conflicts(cached.record).isEmpty();
            if (m_options.searchIndex)
                cached.indexedText = searchTextOf(cached.record);
        } else if (!type.isNull() && type.toString() != spec.name) {
            q.finish();
            return nullptr;
        } else {
            cached.record.fields.resize(spec.fields.size());
        }
        q.finish();
        cached.key = key.isNull() ? -1 : key.toLongLong();
        cached.maybeIndexed = cached.key >= 0;
        it = m_batch.emplace(entityId, std::move(cached)).first;
    }
    m_current = &it->second;
    m_current->lastUsed = m_batchNumber;
    return m_current;
}

EntityRecord *ReplicaStore::recordForUpdate(const EntitySpec &spec, const QString &entityId)
{
    CachedRecord *cached = cachedRecord(spec, entityId);
    return cached && cached->record.spec == &spec ? &cached->record : nullptr;
}

void ReplicaStore::recordUpdated(EntityRecord &record, const Change &)
{
    CachedRecord *cached = m_current && &m_current->record == &record ? m_current : &m_batch.find(record.id)->second;
    if (!cached->dirty) {
        cached->dirty = true;
        m_dirty.push_back(cached);
    }
}

bool ReplicaStore::flushDirty()
{
    for (CachedRecord *cached : m_dirty) {
        if (m_failure || !flush(*cached))
            return false;
    }
    return !m_failure;
}

bool ReplicaStore::flush(CachedRecord &cached)
{
    const EntityRecord &record = cached.record;
    if (!cached.dirty)
        return true;
    cached.dirty = false;
    if (record.isEmpty())
        return true;
    const EntitySpec &spec = *record.spec;
    auto fillRecord = [&](auto &upsert) {
        int column = 0;
        bind(upsert, column++, record.id);
        for (qsizetype i = 0; i < spec.fields.size(); ++i)
            bind(upsert, column++, RecordCodec::toColumn(spec.fields[i].type, record.fields[i].value));
        bind(upsert, column++, record.lifecycle.value.isNull() ? QVariant(QMetaType::fromType<QString>())
                                                                   : QVariant(record.lifecycle.value));
        bind(upsert, column++, RecordCodec::encodeMetaCompact(record));
    };
    TableStatements &table = tableStatements(spec);
    if ((table.directUpsert ? runWrite(*table.directUpsert, fillRecord, m_writeError, nullptr)
                            : runWrite(table.upsert, fillRecord, m_writeError, nullptr))
        < 0) {
        m_failure = sqlError(u"cannot store %1"_s.arg(record.id), m_writeError);
        return false;
    }
    if (!cached.stored || m_options.scopeOf) {
        qint64 insertId = -1;
        const int rows = write(
                m_options.scopeOf ? Statement::IndexEntityScoped : Statement::IndexEntity,
                [&](auto &index) {
                    bind(index, 0, record.id);
                    bind(index, 1, spec.name);
                    if (m_options.scopeOf)
                        bind(index, 2, m_options.scopeOf(record, *this));
                },
                &insertId);
        if (rows < 0) {
            m_failure = sqlError(u"cannot index %1"_s.arg(record.id), m_writeError);
            return false;
        }
        // A new row's key comes with the insert; the search index needs it next.
        if (!cached.stored && cached.key < 0 && !m_options.scopeOf && !m_postgres && rows > 0)
            cached.key = insertId;
    }
    cached.stored = true;
    const QList<Conflict> conflicts = MergeEngine::conflicts(record);
    if (cached.hadConflicts || !conflicts.isEmpty()) {
        // Conflicts refer to changes by id: that takes the index on ids (rare in a bootstrap).
        if (!restoreChangeIndexes()) {
            m_failure = sqlError(u"cannot index the change log"_s, m_db.lastError());
            return false;
        }
        if (!writeConflicts(record, conflicts))
            return false;
    }
    cached.hadConflicts = !conflicts.isEmpty();
    return !m_options.searchIndex || writeSearchText(cached);
}

bool ReplicaStore::writeConflicts(const EntityRecord &record, const QList<Conflict> &conflicts)
{
    if (write(Statement::ClearConflicts, [&](auto &clear) { bind(clear, 0, record.id); }) < 0) {
        m_failure = sqlError(u"cannot update conflicts"_s, m_writeError);
        return false;
    }
    for (const Conflict &conflict : conflicts) {
        const QVariantList values { conflict.id, Conflict::kindName(conflict.kind), conflict.entityType,
                                    conflict.entityId, conflict.field, conflict.kept.changeId,
                                    conflict.kept.value, conflict.other.changeId, conflict.other.value };
        auto fill = [&](auto &insert) {
            for (int i = 0; i < values.size(); ++i)
                bind(insert, i, values[i]);
        };
        if (write(Statement::InsertConflict, fill) < 0) {
            m_failure = sqlError(u"cannot store conflict"_s, m_writeError);
            return false;
        }
    }
    return true;
}

bool ReplicaStore::writeSearchText(CachedRecord &cached)
{
    const EntityRecord &record = cached.record;
    QString text = searchTextOf(record);
    // Most edits touch no searchable field (status, dates, order): the index already holds the text.
    if (text == cached.indexedText && text.isNull() == cached.indexedText.isNull())
        return true;
    if (cached.key < 0) {
        QSqlQuery &key = statement(Statement::EntityKey);
        bind(key, 0, record.id);
        if (!key.exec() || !key.next()) {
            m_failure = sqlError(u"cannot find %1"_s.arg(record.id), key.lastError());
            return false;
        }
        cached.key = key.value(0).toLongLong();
        key.finish();
    }
    // An entity that was not in the database has no row in the index yet; any other may have one.
    if (cached.maybeIndexed && write(Statement::SearchDelete, [&](auto &remove) { bind(remove, 0, cached.key); }) < 0) {
        m_failure = sqlError(u"cannot index text"_s, m_writeError);
        return false;
    }
    if (!text.isNull() && write(Statement::SearchInsert, [&](auto &insert) {
            bind(insert, 0, cached.key);
            bind(insert, 1, text);
        }) < 0) {
        m_failure = sqlError(u"cannot index text"_s, m_writeError);
        return false;
    }
    cached.maybeIndexed = !text.isNull();
    cached.indexedText = std::move(text);
    return true;
}

Result<BatchOutcome> ReplicaStore::applyBatch(const QList<Change> &changes, const Admission &admit,
                                             const std::function<Status()> &alsoInTransaction)
{
    m_failure.reset();
    if (!beginWrite())
        return beginError(u"cannot begin a batch"_s);
    BatchOutcome outcome;
    outcome.changes.reserve(changes.size());
    for (const Change &change : changes) {
        auto valid = validateChange(change);
        Status admitted = valid && admit ? admit(valid.value()) : Status(Ok {});
        // A change stored before was admitted then: a retried push is a duplicate, even where the
        // rules depend on the state it created (a sealed version).
        if (!admitted && findChange(change.id))
            admitted = Ok {};
        Result<ApplyOutcome> applied = !valid ? Result<ApplyOutcome>(valid.error())
                : !admitted                   ? Result<ApplyOutcome>(admitted.error())
                                              : ChangeApplier::apply(*this, valid.value());
        if (!applied)
            ++outcome.rejected;
        else if (applied.value() == ApplyOutcome::Duplicate)
            ++outcome.duplicates;
        else
            ++outcome.applied;
        outcome.changes.append(std::move(applied));
        if (m_failure)
            break;
    }
    flushDirty();
    if (!m_failure && alsoInTransaction) {
        if (Status extra = alsoInTransaction(); !extra)
            m_failure = extra.error();
    }
    if (Status done = finishWrite(); !done)
        return done.error();
    return outcome;
}

std::optional<EntityRecord> ReplicaStore::record(const QString &entityId)
{
    QSqlQuery &q = prepared(u"SELECT type FROM entities WHERE id = ?"_s);
    q.bindValue(0, entityId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    const EntitySpec *spec = Schema::instance().entity(q.value(0).toString());
    q.finish();
    if (!spec)
        return std::nullopt;
    auto loaded = loadRecord(*spec, entityId);
    m_failure.reset();
    return loaded;
}

QStringList ReplicaStore::entityIds(const QString &entityType)
{
    QSqlQuery &q = prepared(u"SELECT id FROM entities WHERE type = ? ORDER BY id"_s);
    q.bindValue(0, entityType);
    const QStringList ids = firstColumn(q);
    return ids;
}

QList<Change> ReplicaStore::history(const QString &entityId)
{
    QList<Change> changes;
    QSqlQuery &q = prepared(u"SELECT %1 FROM changes WHERE entity_id = ? ORDER BY seq"_s.arg(
            QLatin1String(changeColumns)));
    q.bindValue(0, entityId);
    if (q.exec()) {
        while (q.next())
            changes << changeFromQuery(q, 0);
    }
    q.finish();
    return changes;
}

QList<Conflict> ReplicaStore::conflicts()
{
    // The table lists which entities have conflicts; the records say what they are.
    QSqlQuery &q = prepared(u"SELECT DISTINCT entity_id FROM conflicts ORDER BY entity_id"_s);
    const QStringList ids = firstColumn(q);
    QList<Conflict> all;
    for (const QString &id : std::as_const(ids)) {
        if (auto loaded = record(id))
            all << MergeEngine::conflicts(*loaded);
    }
    return all;
}

qint64 ReplicaStore::changeCount()
{
    QSqlQuery &q = prepared(u"SELECT count(*) FROM changes"_s);
    const qint64 count = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return count;
}

QList<QPair<qint64, Change>> ReplicaStore::changesAfter(qint64 afterSeq, int limit)
{
    QList<QPair<qint64, Change>> changes;
    QSqlQuery &q = prepared(u"SELECT seq, %1 FROM changes WHERE seq > ? ORDER BY seq LIMIT ?"_s.arg(
            QLatin1String(changeColumns)));
    q.bindValue(0, afterSeq);
    q.bindValue(1, limit);
    if (q.exec()) {
        while (q.next())
            changes.append({ q.value(0).toLongLong(), changeFromQuery(q, 1) });
    }
    q.finish();
    return changes;
}

QByteArray ReplicaStore::stateDigest()
{
    QSqlQuery &q = prepared(u"SELECT id FROM entities ORDER BY id"_s);
    const QStringList ids = firstColumn(q);
    StateDigest digest;
    for (const QString &id : std::as_const(ids)) {
        const auto loaded = record(id);
        if (!loaded || loaded->isEmpty())
            continue;
        QStringList historyIds;
        for (const Change &change : history(id))
            historyIds << change.id;
        digest.addEntity(*loaded, historyIds);
    }
    return digest.result();
}

Result<QStringList> ReplicaStore::search(const QString &text, int limit)
{
    const QString query = toFtsQuery(text);
    if (query.isEmpty())
        return QStringList();
    QSqlQuery &q = prepared(u"SELECT e.id FROM search_index s JOIN entities e ON e.key = s.rowid "
                            "WHERE search_index MATCH ? ORDER BY rank LIMIT ?"_s);
    q.bindValue(0, query);
    q.bindValue(1, limit);
    if (!q.exec())
        return sqlError(u"search failed"_s, q.lastError());
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    q.finish();
    return ids;
}

std::optional<EntityRecord> ReplicaStore::currentRecord(const QString &entityId)
{
    const auto it = m_batch.find(entityId);
    if (it != m_batch.end())
        return it->second.record;
    return record(entityId);
}

qint64 ReplicaStore::sequenceOf(const QString &changeId)
{
    QSqlQuery &q = prepared(u"SELECT seq FROM changes WHERE change_id = ?"_s);
    q.bindValue(0, changeId);
    const qint64 seq = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return seq;
}

QString ReplicaStore::changeIdAt(qint64 seq)
{
    QSqlQuery &q = prepared(u"SELECT change_id FROM changes WHERE seq = ?"_s);
    q.bindValue(0, seq);
    const QString id = q.exec() && q.next() ? q.value(0).toString() : QString();
    q.finish();
    return id;
}

qint64 ReplicaStore::lastSequence()
{
    QSqlQuery &q = prepared(u"SELECT coalesce(max(seq), 0) FROM changes"_s);
    const qint64 last = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return last;
}

namespace {
/** The entities a scope reads; the plans table says which plans are shared. */
// A plan's review threads (Ownership::reviewScope) are read by its own municipality only, shared or not.
constexpr char readableSql[] = "(? = 1 OR e.scope = '' OR e.scope IN "
                               "(SELECT id FROM plans WHERE municipality = ? OR shared = 1) OR e.scope IN "
                               "(SELECT 'review/' || id FROM plans WHERE municipality = ?))";
} // namespace

Result<ChangePage> ReplicaStore::changesAfter(qint64 afterSeq, int limit, const ReadScope &scope)
{
    ChangePage page;
    // Everything up to `last` has committed (writers commit in sequence order),
    // so the page is exact for (afterSeq, last] even if writes go on meanwhile.
    const qint64 last = lastSequence();
    const QString sql = u"SELECT c.seq, %1 FROM changes c JOIN entities e ON e.id = c.entity_id "
                        "WHERE c.seq > ? AND c.seq <= ? AND %2 ORDER BY c.seq LIMIT ?"_s.arg(
                                u"c.change_id, c.op, c.entity_type, c.entity_id, c.field, c.value, c.hlc, "
                                "c.device, c.author, c.base, c.seen"_s,
                                QLatin1String(readableSql));
    const std::optional<QSqlError> failed = withQuery(sql, [&](auto &q) -> std::optional<QSqlError> {
        q.bindValue(0, afterSeq);
        q.bindValue(1, last);
        q.bindValue(2, scope.everything ? 1 : 0);
        q.bindValue(3, scope.municipalityId);
        q.bindValue(4, scope.municipalityId);
        q.bindValue(5, limit + 1);
        if (!runQuery(q))
            return q.lastError();
        while (q.next())
            page.changes.append({ columnInteger(q, 0), changeFromRow(q, 1) });
        return endOfRows(q);
    });
    if (failed)
        return sqlError(u"cannot read the change log"_s, *failed);
    page.more = page.changes.size() > limit;
    if (page.more) {
        page.changes.resize(limit);
        page.nextCursor = page.changes.last().first;
    } else {
        page.nextCursor = qMax(afterSeq, last);
    }
    return page;
}

Result<SnapshotPage> ReplicaStore::snapshotPage(qint64 afterKey, int limit, const ReadScope &scope, int maxChanges,
                                                SnapshotWriter *writer)
{
    // One read transaction: each record is consistent with its history.
    if (!m_db.transaction())
        return sqlError(u"cannot begin a snapshot"_s, m_db.lastError());
    auto done = qScopeGuard([this] { m_db.commit(); });
    if (isPostgres()) {
        // Read committed would let another server process commit between reading a record and its history.
        QSqlQuery isolation(m_db);
        if (!isolation.exec(u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"_s))
            return sqlError(u"cannot read a snapshot"_s, isolation.lastError());
    }
    // A few set-based reads per page, not two per entity: the page's entities with the length of
    // their histories (so the page can end early), the records per entity type, then all histories.
    SnapshotPage page;
    QHash<QString, qsizetype> positions; // entity id → index in page.entities
    QList<const EntitySpec *> types;
    qint64 changes = 0;
    {
        const QString sql = u"SELECT e.key, e.id, e.type, (SELECT count(*) FROM changes c WHERE c.entity_id = e.id) "
                            "FROM entities e WHERE e.key > ? AND %1 ORDER BY e.key LIMIT ?"_s.arg(
                                    QLatin1String(readableSql));
        const std::optional<Error> failed = withQuery(sql, [&](auto &q) -> std::optional<Error> {
            q.bindValue(0, afterKey);
            q.bindValue(1, scope.everything ? 1 : 0);
            q.bindValue(2, scope.municipalityId);
            q.bindValue(3, scope.municipalityId);
            q.bindValue(4, limit);
            if (!runQuery(q))
                return sqlError(u"cannot read entities"_s, q.lastError());
            while (q.next()) {
                const qint64 historySize = columnInteger(q, 3);
                if (!page.entities.isEmpty() && changes + historySize > maxChanges) {
                    page.more = true;
                    break;
                }
                changes += historySize;
                SnapshotEntity entity;
                entity.key = columnInteger(q, 0);
                entity.record.id = columnText(q, 1);
                entity.record.spec = Schema::instance().entity(columnText(q, 2));
                if (!entity.record.spec) {
                    q.finish();
                    return Error { u"storage_error"_s, u"%1 has an unknown type"_s.arg(entity.record.id) };
                }
                if (!types.contains(entity.record.spec))
                    types << entity.record.spec;
                positions.insert(entity.record.id, page.entities.size());
                page.entities.append(std::move(entity));
            }
            if (auto error = endOfRows(q))
                return sqlError(u"cannot read entities"_s, *error);
            return std::nullopt;
        });
        if (failed)
            return *failed;
    }
    page.more = page.more || page.entities.size() == limit;
    page.next = page.entities.isEmpty() ? afterKey : page.entities.last().key;
    if (writer)
        writer->bounds(page);
    if (page.entities.isEmpty())
        return page;

    // The same range and scope as above, in the same transaction: exactly the page's entities.
    const QString range = u"e.key > ? AND e.key <= ? AND %1"_s.arg(QLatin1String(readableSql));
    auto bindRange = [&](auto &q) {
        q.bindValue(0, afterKey);
        q.bindValue(1, page.next);
        q.bindValue(2, scope.everything ? 1 : 0);
        q.bindValue(3, scope.municipalityId);
        q.bindValue(4, scope.municipalityId);
    };
    std::vector<bool> loaded(size_t(page.entities.size()), false);
    for (const EntitySpec *spec : std::as_const(types)) {
        QStringList columns;
        for (const FieldSpec &field : spec->fields)
            columns << u"t.\"%1\""_s.arg(field.name);
        const QString sql = u"SELECT t.id, %1, t._state, t._meta FROM entities e JOIN \"%2\" t ON t.id = e.id "
                            "WHERE %3 AND e.type = ?"_s.arg(columns.join(u", "_s), spec->table, range);
        const std::optional<Error> failed = withQuery(sql, [&](auto &q) -> std::optional<Error> {
            bindRange(q);
            q.bindValue(5, spec->name);
            if (!runQuery(q))
                return sqlError(u"cannot read entities"_s, q.lastError());
            while (q.next()) {
                const qsizetype at = positions.value(columnText(q, 0), -1);
                if (at < 0 || loaded[size_t(at)])
                    continue;
                EntityRecord &record = page.entities[at].record;
                if (!readRecord(q, 1, record)) {
                    q.finish();
                    return Error { u"replica_corrupt"_s, u"merge state of %1 is damaged"_s.arg(record.id) };
                }
                loaded[size_t(at)] = true;
            }
            if (auto error = endOfRows(q))
                return sqlError(u"cannot read entities"_s, *error);
            return std::nullopt;
        });
        if (failed)
            return *failed;
    }
    for (qsizetype i = 0; i < page.entities.size(); ++i) {
        if (!loaded[size_t(i)])
            return Error { u"storage_error"_s, u"cannot read %1"_s.arg(page.entities[i].record.id) };
    }

    // Rows come entity by entity in key order, as the page: no lookup per change.
    const QString sql = u"SELECT %1 FROM entities e JOIN changes c ON c.entity_id = e.id WHERE %2 "
                        "ORDER BY e.key, c.seq"_s.arg(u"c.change_id, c.op, c.entity_type, c.entity_id, c.field, "
                                                      "c.value, c.hlc, c.device, c.author, c.base, c.seen"_s,
                                                      range);
    const std::optional<Error> failed = withQuery(sql, [&](auto &q) -> std::optional<Error> {
        bindRange(q);
        if (!runQuery(q))
            return sqlError(u"cannot read histories"_s, q.lastError());
        qsizetype at = 0;
        // The entity a row belongs to: the one at `at` or a later one (rows come in page order).
        auto advanceTo = [&](auto entityId) {
            while (at < page.entities.size() && !QAnyStringView::equal(page.entities[at].record.id, entityId))
                ++at;
            return at < page.entities.size();
        };
        // With a writer: entities before `written` are complete (their histories came before them).
        qsizetype written = 0;
        auto writeEntitiesBefore = [&](qsizetype end) {
            for (; written < end; ++written)
                writer->entity(page.entities[written]);
        };
        std::array<QByteArray, 11> columns; // a QSqlQuery row as UTF-8
        const Error outOfOrder { u"storage_error"_s, u"the histories of the page are out of order"_s };
        while (q.next()) {
            if (writer) {
                // Straight from the row's UTF-8 to the writer: no change is built.
                const StoredChangeText change = storedChangeText(q, columns);
                if (!advanceTo(change.entityId)) {
                    q.finish();
                    return outOfOrder;
                }
                writeEntitiesBefore(at);
                writer->change(change);
                continue;
            }
            Change change = changeFromRow(q, 0);
            if (!advanceTo(QStringView(change.entityId))) {
                q.finish();
                return outOfOrder;
            }
            page.entities[at].history.append(std::move(change));
        }
        if (auto error = endOfRows(q))
            return sqlError(u"cannot read histories"_s, *error);
        if (writer)
            writeEntitiesBefore(page.entities.size());
        return std::nullopt;
    });
    if (failed)
        return *failed;
    return page;
}

Status ReplicaStore::importSnapshot(const QList<SnapshotEntity> &entities)
{
    m_failure.reset();
    if (!beginWrite(WriteKind::Import))
        return beginError(u"cannot begin an import"_s);
    if (m_sqlite && !m_changeIndexesDeferred && !entities.isEmpty()) {
        // A new replica: the log's indexes are built once at the end (finishImport), not grown
        // by a random id per change; the changes of a bootstrap are distinct by construction.
        QSqlQuery any(m_db);
        if (!any.exec(u"SELECT EXISTS (SELECT 1 FROM changes)"_s) || !any.next()) {
            m_failure = sqlError(u"cannot read the change log"_s, any.lastError());
        } else {
            const bool empty = !any.value(0).toBool();
            any.finish(); // an open read would keep the indexes from being dropped
            m_changeIndexesDeferred = empty && SqlSchema::dropChangeIndexes(m_db);
            // Without indexes the log is only appended to, and the page cache would fill with
            // pages written once (a bootstrap's first run pays a page fault per 4 KB of it).
            if (m_changeIndexesDeferred)
                setCacheKiB(importCacheKiB);
        }
    }
    QSqlQuery &known = statement(Statement::EntityKey);
    for (const SnapshotEntity &entity : entities) {
        if (m_failure)
            break;
        const EntitySpec &spec = *entity.record.spec;
        bool here = m_batch.find(entity.record.id) != m_batch.end();
        if (!here) {
            bind(known, 0, entity.record.id);
            if (!known.exec()) {
                m_failure = sqlError(u"cannot read %1"_s.arg(entity.record.id), known.lastError());
                break;
            }
            here = known.next();
            known.finish();
        }
        if (!here) {
            // Not here yet (the usual case): copied as it is and written straight
            // through, without loading, merging or keeping a record.
            const Statement insert = m_changeIndexesDeferred ? Statement::AppendImportedChange : Statement::AppendChange;
            for (const Change &change : entity.history)
                logChange(change, insert);
            CachedRecord fresh;
            fresh.record = entity.record;
            fresh.dirty = true;
            if (!m_failure)
                flush(fresh);
            if (m_failure)
                break;
            continue;
        }
        // Merging looks changes up by id: with the indexes only.
        if (!restoreChangeIndexes()) {
            m_failure = sqlError(u"cannot index the change log"_s, m_db.lastError());
            break;
        }
        CachedRecord *cached = cachedRecord(spec, entity.record.id);
        if (!cached || cached->record.spec != &spec) {
            if (!m_failure)
                m_failure = Error { u"type_mismatch"_s, u"%1 is not a %2"_s.arg(entity.record.id, spec.name) };
            break;
        }
        if (cached->stored || !cached->record.isEmpty()) {
            // Edited here before the first sync: merge, so those edits stay.
            for (const Change &change : entity.history) {
                auto valid = validateChange(change);
                if (valid)
                    Q_UNUSED(ChangeApplier::apply(*this, valid.value()));
            }
        } else {
            for (const Change &change : entity.history)
                appendChange(change);
            cached->record = entity.record;
            recordUpdated(cached->record, Change());
        }
        if (m_failure)
            break;
    }
    flushDirty();
    return finishWrite();
}

QString ReplicaStore::creatorOf(const QString &entityId)
{
    QSqlQuery &q = prepared(u"SELECT author FROM changes WHERE entity_id = ? AND op = 'create' ORDER BY seq LIMIT 1"_s);
    q.bindValue(0, entityId);
    const QString author = q.exec() && q.next() ? q.value(0).toString() : QString();
    q.finish();
    return author;
}

Result<int> ReplicaStore::rescope(const QString &entityType)
{
    if (!m_options.scopeOf)
        return 0;
    QList<QPair<QString, QString>> stored;
    QSqlQuery &find = prepared(u"SELECT id, scope FROM entities WHERE type = ?"_s);
    find.bindValue(0, entityType);
    if (!find.exec())
        return sqlError(u"cannot read entities"_s, find.lastError());
    while (find.next())
        stored.append({ find.value(0).toString(), find.value(1).toString() });
    find.finish();
    m_failure.reset();
    if (!beginWrite())
        return beginError(u"cannot begin"_s);
    int changed = 0;
    QSqlQuery &update = prepared(u"UPDATE entities SET scope = ? WHERE id = ?"_s);
    for (const auto &[id, scope] : std::as_const(stored)) {
        const auto record = currentRecord(id);
        if (!record || !record->spec)
            continue;
        const QString wanted = m_options.scopeOf(*record, *this);
        if (wanted == scope)
            continue;
        update.bindValue(0, wanted);
        update.bindValue(1, id);
        if (!update.exec()) {
            m_failure = sqlError(u"cannot store a read scope"_s, update.lastError());
            break;
        }
        ++changed;
    }
    if (Status done = finishWrite(); !done)
        return done.error();
    return changed;
}

namespace {
constexpr char outboxInsertSql[] =
        "INSERT INTO outbox (change_id, queued) VALUES (?, (SELECT coalesce(max(queued), 0) + 1 FROM outbox)) "
        "ON CONFLICT(change_id) DO NOTHING";
constexpr char stateUpsertSql[] =
        "INSERT INTO client_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
} // namespace

Status ReplicaStore::applyLocal(const QList<Change> &changes, const Admission &admit, const QString &stateKey,
                                const QString &stateValue)
{
    for (const Change &change : changes) {
        if (auto valid = validateChange(change); !valid)
            return valid.error(); // checked first: a batch would store the valid ones
    }
    std::optional<Error> refused;
    auto admitAll = [&](const Change &change) -> Status {
        Status admitted = admit ? admit(change) : Status(Ok {});
        if (!admitted && !refused)
            refused = admitted.error();
        return admitted;
    };
    auto queue = [&]() -> Status {
        if (refused)
            return *refused; // one refused edit rolls back the whole user action
        QSqlQuery &insert = prepared(QString::fromLatin1(outboxInsertSql));
        for (const Change &change : changes) {
            insert.bindValue(0, change.id);
            if (!insert.exec())
                return sqlError(u"cannot queue a change"_s, insert.lastError());
        }
        if (stateKey.isEmpty())
            return Ok {};
        QSqlQuery &state = prepared(QString::fromLatin1(stateUpsertSql));
        state.bindValue(0, stateKey);
        state.bindValue(1, stateValue);
        return state.exec() ? Status(Ok {}) : Status(sqlError(u"cannot store state"_s, state.lastError()));
    };
    auto outcome = applyBatch(changes, admitAll, queue);
    if (!outcome)
        return outcome.error();
    for (const auto &result : outcome->changes) {
        if (!result)
            return result.error();
    }
    return Ok {};
}

Result<BatchOutcome> ReplicaStore::applyRemote(const QList<Change> &changes, const QList<QPair<QString, QString>> &state,
                                               const QList<Seal> &seals)
{
    return applyBatch(changes, {}, [&]() -> Status {
        // A change of ours that comes back from the server was accepted: it leaves the outbox.
        QSqlQuery &confirm = prepared(u"DELETE FROM outbox WHERE change_id = ?"_s);
        for (const Change &change : changes) {
            confirm.bindValue(0, change.id);
            if (!confirm.exec())
                return sqlError(u"cannot update the outbox"_s, confirm.lastError());
        }
        QSqlQuery &upsert = prepared(QString::fromLatin1(stateUpsertSql));
        for (const auto &[key, value] : state) {
            upsert.bindValue(0, key);
            upsert.bindValue(1, value);
            if (!upsert.exec())
                return sqlError(u"cannot store state"_s, upsert.lastError());
        }
        // Pulled again after a restore, a change stands elsewhere in the log: the latest place counts.
        QSqlQuery &keep = prepared(u"INSERT INTO seals (change_id, server_seq, seal) VALUES (?, ?, ?) "
                                   "ON CONFLICT (change_id) DO UPDATE SET server_seq = excluded.server_seq, "
                                   "seal = excluded.seal"_s);
        for (const Seal &seal : seals) {
            keep.bindValue(0, seal.changeId);
            keep.bindValue(1, seal.serverSeq);
            keep.bindValue(2, seal.seal);
            if (!keep.exec())
                return sqlError(u"cannot store a seal"_s, keep.lastError());
        }
        return Ok {};
    });
}

Result<QHash<QString, QString>> ReplicaStore::sealsOf(const QStringList &changeIds)
{
    QSqlQuery &q = prepared(u"SELECT seal FROM seals WHERE change_id = ?"_s);
    QHash<QString, QString> seals;
    for (const QString &id : changeIds) {
        q.bindValue(0, id);
        if (!q.exec())
            return sqlError(u"cannot read a seal"_s, q.lastError());
        if (q.next())
            seals.insert(id, q.value(0).toString());
        q.finish();
    }
    return seals;
}

int ReplicaStore::outboxSize()
{
    QSqlQuery &q = prepared(u"SELECT count(*) FROM outbox"_s);
    const int count = q.exec() && q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return count;
}

qint64 ReplicaStore::outboxSequence()
{
    QSqlQuery &q = prepared(u"SELECT coalesce(max(queued), 0) FROM outbox"_s);
    const qint64 last = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return last;
}

QList<Change> ReplicaStore::outbox(int limit)
{
    QSqlQuery &q = prepared(u"SELECT change_id FROM outbox ORDER BY queued LIMIT ?"_s);
    q.bindValue(0, limit);
    const QStringList ids = firstColumn(q);
    QList<Change> changes;
    for (const QString &id : std::as_const(ids)) {
        if (auto change = findChange(id))
            changes << *change;
    }
    return changes;
}

Status ReplicaStore::acknowledge(const QStringList &accepted, const QList<Rejection> &rejected)
{
    m_failure.reset();
    if (!beginWrite())
        return beginError(u"cannot begin"_s);
    QSqlQuery &remove = prepared(u"DELETE FROM outbox WHERE change_id = ?"_s);
    auto run = [this](QSqlQuery &query, const QVariantList &values) {
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values[i]);
        if (!m_failure && !query.exec())
            m_failure = sqlError(u"cannot update the outbox"_s, query.lastError());
    };
    for (const QString &id : accepted)
        run(remove, { id });
    QSet<QString> touched;
    for (const Rejection &rejection : rejected) {
        const auto change = findChange(rejection.changeId);
        if (!change)
            continue;
        run(prepared(u"INSERT INTO rejected (change_id, change, code, message, rejected_at) VALUES (?, ?, ?, ?, ?) "
                     "ON CONFLICT(change_id) DO UPDATE SET code = excluded.code, message = excluded.message, "
                     "rejected_at = excluded.rejected_at"_s),
            { rejection.changeId, QString::fromUtf8(QJsonDocument(change->toJson()).toJson(QJsonDocument::Compact)),
              rejection.code, rejection.message, rejection.at });
        run(remove, { rejection.changeId });
        // The conflicts of the entity name its changes; they are derived again below.
        run(prepared(u"DELETE FROM conflicts WHERE entity_id = ?"_s), { change->entityId });
        run(prepared(u"DELETE FROM changes WHERE change_id = ?"_s), { rejection.changeId });
        touched.insert(change->entityId);
    }
    // In a fixed order, so every run rebuilds the same way (a QSet's order changes from run to run).
    QStringList rebuilt(touched.begin(), touched.end());
    rebuilt.sort();
    for (const QString &id : std::as_const(rebuilt)) {
        if (m_failure || !rebuildRecord(id))
            break;
    }
    flushDirty();
    return finishWrite();
}

bool ReplicaStore::rebuildRecord(const QString &entityId)
{
    QSqlQuery &type = prepared(u"SELECT type, key FROM entities WHERE id = ?"_s);
    type.bindValue(0, entityId);
    const bool found = type.exec() && type.next();
    const EntitySpec *spec = found ? Schema::instance().entity(type.value(0).toString()) : nullptr;
    const qint64 key = found ? type.value(1).toLongLong() : 0;
    type.finish();
    if (!spec)
        return true;
    // The same merge, from the entity's remaining changes alone.
    ReplicaState scratch;
    for (const Change &change : history(entityId))
        Q_UNUSED(scratch.applyValidated(change));
    const EntityRecord *rebuilt = scratch.entity(entityId);
    EntityRecord *record = recordForUpdate(*spec, entityId);
    if (!record)
        return true;
    if (rebuilt && !rebuilt->isEmpty()) {
        *record = *rebuilt;
        recordUpdated(*record, Change {});
        return true;
    }
    // Nothing of it is left: the entity goes, with its row, index entry and search text.
    QStringList statements { u"DELETE FROM \"%1\" WHERE id = ?"_s.arg(spec->table), u"DELETE FROM entities WHERE id = ?"_s };
    for (const QString &sql : statements) {
        QSqlQuery &q = prepared(sql);
        q.bindValue(0, entityId);
        if (!q.exec()) {
            m_failure = sqlError(u"cannot remove %1"_s.arg(entityId), q.lastError());
            return false;
        }
    }
    if (m_options.searchIndex) {
        QSqlQuery &q = prepared(u"DELETE FROM search_index WHERE rowid = ?"_s);
        q.bindValue(0, key);
        q.exec();
    }
    // Forget this record only: the entities rebuilt before it in this batch still wait to be written.
    if (const auto it = m_batch.find(entityId); it != m_batch.end()) {
        std::erase(m_dirty, &it->second);
        if (m_current == &it->second)
            m_current = nullptr;
        m_batch.erase(it);
    }
    return true;
}

QList<ReplicaStore::Rejection> ReplicaStore::rejections()
{
    QList<Rejection> all;
    QSqlQuery &q = prepared(
            u"SELECT change_id, code, message, rejected_at, change FROM rejected ORDER BY rejected_at, change_id"_s);
    if (q.exec()) {
        while (q.next()) {
            auto change = Change::fromJson(QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object());
            all.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         change ? change.value() : Change {} });
        }
    }
    q.finish();
    return all;
}

Result<int> ReplicaStore::requeueChangesOf(const QString &device, qint64 sealedAfter,
                                           const QList<QPair<QString, QString>> &state)
{
    m_failure.reset();
    if (!beginWrite())
        return beginError(u"cannot begin"_s);
    int queued = 0;
    QSqlQuery &insert = prepared(u"INSERT INTO outbox (change_id, queued) SELECT change_id, seq FROM changes "
                                 "WHERE device = ? ON CONFLICT(change_id) DO NOTHING"_s);
    insert.bindValue(0, device);
    if (!insert.exec())
        m_failure = sqlError(u"cannot queue changes"_s, insert.lastError());
    else
        queued = insert.numRowsAffected();
    QSqlQuery &sealed = prepared(u"INSERT INTO outbox (change_id, queued) SELECT c.change_id, c.seq FROM seals s "
                                 "JOIN changes c ON c.change_id = s.change_id WHERE s.server_seq > ? "
                                 "ON CONFLICT(change_id) DO NOTHING"_s);
    sealed.bindValue(0, sealedAfter);
    if (!m_failure && !sealed.exec())
        m_failure = sqlError(u"cannot queue sealed changes"_s, sealed.lastError());
    else if (!m_failure)
        queued += sealed.numRowsAffected();
    // Log order for all, the ones queued before included: a create goes out before the edits of it.
    QSqlQuery &order = prepared(u"UPDATE outbox SET queued = coalesce((SELECT seq FROM changes c "
                                "WHERE c.change_id = outbox.change_id), queued)"_s);
    if (!m_failure && !order.exec())
        m_failure = sqlError(u"cannot order the outbox"_s, order.lastError());
    for (const auto &[key, value] : state) {
        if (m_failure)
            break;
        if (Status stored = setClientState(key, value); !stored)
            m_failure = stored.error();
    }
    if (Status done = finishWrite(); !done)
        return done.error();
    return queued;
}

QString ReplicaStore::clientState(const QString &key)
{
    QSqlQuery &q = prepared(u"SELECT value FROM client_state WHERE key = ?"_s);
    q.bindValue(0, key);
    const QString value = q.exec() && q.next() ? q.value(0).toString() : QString();
    q.finish();
    return value;
}

Status ReplicaStore::setClientState(const QString &key, const QString &value)
{
    QSqlQuery &q = prepared(QString::fromLatin1(stateUpsertSql));
    q.bindValue(0, key);
    q.bindValue(1, value);
    if (!q.exec())
        return sqlError(u"cannot store state"_s, q.lastError());
    return Ok {};
}

namespace {

/**
 * Reads the rows of a rowid table of a damaged file in rowid order, skipping
 * the ranges that lie on unreadable pages: a seek by rowid past a damaged leaf
 * still finds the leaves after it. sql selects the rowid first, takes
 * "rowid >= ?" and a LIMIT. True if no part was skipped.
 */
bool scanReadable(QSqlDatabase &db, const QString &sql, int limit, const std::function<void(const QSqlQuery &)> &row)
{
    constexpr qint64 maxRowid = std::numeric_limits<qint64>::max() / 2;
    // Can a seek to rowid `from` be made? (The rows from there on may still fail further along.)
    auto seekable = [&](qint64 from) {
        QSqlQuery probe(db);
        probe.setForwardOnly(true);
        if (!probe.prepare(sql))
            return false;
        probe.bindValue(0, from);
        if (!probe.exec())
            return false;
        probe.next();
        return !probe.lastError().isValid();
    };
    bool complete = true;
    qint64 from = 0;
    while (from < maxRowid) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return false; // the table itself cannot be found: nothing of it is readable
        q.bindValue(0, from);
        int rows = 0;
        qint64 last = from - 1;
        bool failed = !q.exec();
        while (!failed && q.next()) {
            const qint64 rowid = q.value(0).toLongLong();
            if (rowid <= last) { // a page of garbage that looks like a table page
                failed = true;
                break;
            }
            last = rowid;
            row(q);
            ++rows;
        }
        failed = failed || q.lastError().isValid();
        if (!failed) {
            if (rows < limit)
                return complete;
            from = last + 1;
            continue;
        }
        complete = false;
        // Damage at `bad`: find the first rowid past it that can be sought (doubling, then bisecting).
        const qint64 bad = last + 1;
        qint64 step = 1;
        while (bad + step < maxRowid && !seekable(bad + step))
            step *= 2;
        if (bad + step >= maxRowid)
            return false;
        qint64 failing = bad + step / 2, good = bad + step;
        if (step == 1)
            failing = bad;
        while (good - failing > 1) {
            const qint64 middle = failing + (good - failing) / 2;
            (seekable(middle) ? good : failing) = middle;
        }
        from = good;
    }
    return complete;
}

} // namespace

QList<Change> ReplicaStore::salvageOutbox(const QString &damagedFile, const QString &ownDevice, bool *complete)
{
    QList<Change> salvaged;
    bool whole = true;
    const QString name = u"salvage-%1"_s.arg(connectionCounter.fetchAndAddRelaxed(1));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(damagedFile);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            // Table by table, row by row, not one join: a join stops at the first bad page of
            // either table (or of an index it uses); NOT INDEXED keeps the indexes out of it.
            constexpr int pageRows = 256;
            QSet<QString> queued;
            const bool outboxWhole = scanReadable(
                    db, u"SELECT rowid, change_id FROM outbox NOT INDEXED WHERE rowid >= ? ORDER BY rowid LIMIT %1"_s.arg(pageRows),
                    pageRows, [&](const QSqlQuery &q) { queued.insert(q.value(1).toString()); });
            const bool changesWhole = scanReadable(
                    db, u"SELECT seq, %1 FROM changes NOT INDEXED WHERE seq >= ? ORDER BY seq LIMIT %2"_s.arg(
                                QLatin1String(changeColumns)).arg(pageRows),
                    pageRows, [&](const QSqlQuery &q) {
                        const Change change = changeFromQuery(q, 1);
                        // A partly unreadable outbox no longer says which of our changes are unsynced:
                        // queue all of this device's; the server takes the ones it has as duplicates.
                        if (!queued.contains(change.id) && (outboxWhole || ownDevice.isEmpty() || change.device != ownDevice))
                            return;
                        if (auto valid = validateChange(change))
                            salvaged << valid.value();
                    });
            whole = outboxWhole && changesWhole;
        } else {
            whole = false;
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (complete)
        *complete = whole;
    return salvaged;
}

QList<EntityRecord> ReplicaStore::children(const EntitySpec &spec, const QString &parentId)
{
    QList<EntityRecord> records;
    if (spec.parentField.isEmpty())
        return records;
    QSqlQuery &q = prepared(u"SELECT id FROM \"%1\" WHERE \"%2\" = ? AND _state = 'live' ORDER BY id"_s.arg(
            spec.table, spec.parentField));
    q.bindValue(0, parentId);
    const QStringList ids = firstColumn(q);
    for (const QString &id : std::as_const(ids)) {
        if (auto loaded = loadRecord(spec, id))
            records << std::move(*loaded);
    }
    m_failure.reset();
    return records;
}

Status ReplicaStore::reassignAuthor(const QString &from, const QString &to)
{
    m_failure.reset();
    if (!beginWrite())
        return beginError(u"cannot begin"_s);
    QList<QPair<QString, QString>> entities;
    QSqlQuery &find = prepared(u"SELECT DISTINCT c.entity_id, e.type FROM changes c JOIN entities e ON e.id = c.entity_id "
                               "WHERE c.author = ?"_s);
    find.bindValue(0, from);
    if (!find.exec())
        m_failure = sqlError(u"cannot read the change log"_s, find.lastError());
    while (!m_failure && find.next())
        entities.append({ find.value(0).toString(), find.value(1).toString() });
    find.finish();
    QSqlQuery &update = prepared(u"UPDATE changes SET author = ? WHERE author = ?"_s);
    update.bindValue(0, to);
    update.bindValue(1, from);
    if (!m_failure && !update.exec())
        m_failure = sqlError(u"cannot update the change log"_s, update.lastError());
    // The merge state names the author of every head, too.
    for (const auto &[id, type] : std::as_const(entities)) {
        const EntitySpec *spec = Schema::instance().entity(type);
        EntityRecord *record = spec && !m_failure ? recordForUpdate(*spec, id) : nullptr;
        if (!record)
            continue;
        for (FieldState *state : [&] {
                 QList<FieldState *> all { &record->lifecycle };
                 for (FieldState &field : record->fields)
                     all << &field;
                 return all;
             }()) {
            for (FieldVersion &head : state->heads) {
                if (head.author == from)
                    head.author = to;
            }
        }
        recordUpdated(*record, Change {});
    }
    flushDirty();
    return finishWrite();
}
