// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicastore.h"

#include "common/logging.h"
#include "storage/recordcodec.h"
#include "storage/sqlschema.h"
#include "sync/statedigest.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QScopeGuard>
#include <QUrl>
#include <QSqlError>

using namespace Qt::Literals::StringLiterals;

namespace {

QAtomicInt connectionCounter;

/** The SQL an entity type's table is read and written with, built once from the schema. */
struct TableSql
{
    QString select;
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
    QStringList updates;
    for (const FieldSpec &field : spec.fields) {
        columns << u"\"%1\""_s.arg(field.name);
        updates << u"\"%1\" = excluded.\"%1\""_s.arg(field.name);
    }
    const QString list = columns.join(u", "_s);
    TableSql sql;
    sql.select = u"SELECT %1, _state, _meta FROM \"%2\" WHERE id = ?"_s.arg(list, spec.table);
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
    return db;
}

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
            u"PRAGMA journal_mode = WAL"_s,
            u"PRAGMA foreign_keys = ON"_s,
            options.durable ? u"PRAGMA synchronous = FULL"_s : u"PRAGMA synchronous = NORMAL"_s,
            u"PRAGMA application_id = %1"_s.arg(applicationId),
            u"PRAGMA busy_timeout = 10000"_s,
        };
        for (const QString &sql : setup) {
            if (!scalar(db, sql))
                return fail({ u"storage_error"_s, u"cannot set up %1"_s.arg(location) });
        }
    }
    if (Status migrated = SqlSchema::migrate(db, schemaVersion); !migrated)
        return fail(migrated.error());
    return std::unique_ptr<ReplicaStore>(new ReplicaStore(db, postgres ? QString() : location, options));
}

bool ReplicaStore::isPostgres() const
{
    return SqlSchema::dialectOf(m_db) == SqlSchema::Dialect::Postgres;
}

bool ReplicaStore::beginWrite()
{
    if (!m_db.transaction())
        return false;
    if (isPostgres() && m_options.serializeWriters) {
        // One writer at a time across all server processes: sequence numbers
        // are taken and committed in the same order, so a pull's cursor never
        // passes a change that commits later with a lower number.
        QSqlQuery lock(m_db);
        if (!lock.exec(u"SELECT pg_advisory_xact_lock(847002)"_s)) {
            m_db.rollback();
            return false;
        }
    }
    return true;
}

Status ReplicaStore::finishWrite()
{
    if (m_failure || !m_db.commit()) {
        Error error = m_failure ? *m_failure : sqlError(u"cannot commit"_s, m_db.lastError());
        m_db.rollback();
        m_failure.reset();
        m_batch.clear();
        return error;
    }
    m_batch.clear();
    return Ok {};
}

ReplicaStore::ReplicaStore(QSqlDatabase db, QString path, Options options)
    : m_db(std::move(db)), m_path(std::move(path)), m_options(options)
{
}

ReplicaStore::~ReplicaStore()
{
    m_statements.clear();
    dropConnection(m_db);
}

QSqlQuery &ReplicaStore::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        if (!query.prepare(sql))
            qCCritical(lcStorage) << "cannot prepare" << sql << query.lastError().text();
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    return it->second;
}

Change ReplicaStore::changeFromQuery(const QSqlQuery &query, int c)
{
    Change change;
    change.id = query.value(c).toString();
    change.op = Change::opFromName(query.value(c + 1).toString()).value_or(Change::Op::Set);
    change.entityType = query.value(c + 2).toString();
    change.entityId = query.value(c + 3).toString();
    change.field = query.value(c + 4).toString();
    change.value = query.value(c + 5).isNull() ? QString() : query.value(c + 5).toString();
    change.hlc = Hlc::fromString(query.value(c + 6).toString());
    change.device = query.value(c + 7).toString();
    change.author = query.value(c + 8).toString();
    change.base = query.value(c + 9).toString().split(u',', Qt::SkipEmptyParts);
    change.seen = query.value(c + 10).toString().split(u',', Qt::SkipEmptyParts);
    return change;
}

bool ReplicaStore::appendChange(const Change &change)
{
    QSqlQuery &q = prepared(u"INSERT INTO changes (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT(change_id) DO NOTHING"_s.arg(
            QLatin1String(changeColumns)));
    q.bindValue(0, change.id);
    q.bindValue(1, Change::opName(change.op));
    q.bindValue(2, change.entityType);
    q.bindValue(3, change.entityId);
    q.bindValue(4, change.field);
    q.bindValue(5, change.value.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(change.value));
    q.bindValue(6, change.hlc.toString());
    q.bindValue(7, change.device);
    q.bindValue(8, change.author);
    // Empty lists are stored as '' (not NULL): the columns are NOT NULL.
    q.bindValue(9, change.base.isEmpty() ? u""_s : change.base.join(u','));
    q.bindValue(10, change.seen.isEmpty() ? u""_s : change.seen.join(u','));
    if (!q.exec()) {
        m_failure = sqlError(u"cannot log change"_s, q.lastError());
        return false;
    }
    return q.numRowsAffected() > 0;
}

std::optional<Change> ReplicaStore::findChange(const QString &changeId)
{
    QSqlQuery &q = prepared(u"SELECT %1 FROM changes WHERE change_id = ?"_s.arg(QLatin1String(changeColumns)));
    q.bindValue(0, changeId);
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
    record.fields.resize(spec.fields.size());
    const int n = int(spec.fields.size());
    for (int i = 0; i < n; ++i)
        record.fields[i].value = RecordCodec::fromColumn(spec.fields[i].type, q.value(i));
    record.lifecycle.value = q.value(n).isNull() ? QString() : q.value(n).toString();
    const QByteArray meta = q.value(n + 1).toByteArray();
    q.finish();
    if (!RecordCodec::decodeMeta(meta, record)) {
        m_failure = Error { u"replica_corrupt"_s, u"merge state of %1 is damaged"_s.arg(entityId) };
        return std::nullopt;
    }
    return record;
}

EntityRecord *ReplicaStore::recordForUpdate(const EntitySpec &spec, const QString &entityId)
{
    auto it = m_batch.find(entityId);
    if (it == m_batch.end()) {
        CachedRecord cached;
        if (auto loaded = loadRecord(spec, entityId)) {
            cached.record = std::move(*loaded);
            cached.stored = true;
            cached.hadConflicts = !MergeEngine::conflicts(cached.record).isEmpty();
        } else {
            QSqlQuery &q = prepared(u"SELECT type FROM entities WHERE id = ?"_s);
            q.bindValue(0, entityId);
            if (q.exec() && q.next() && q.value(0).toString() != spec.name) {
                q.finish();
                return nullptr;
            }
            q.finish();
            cached.record.spec = &spec;
            cached.record.id = entityId;
            cached.record.fields.resize(spec.fields.size());
        }
        it = m_batch.emplace(entityId, std::move(cached)).first;
    }
    return it->second.record.spec == &spec ? &it->second.record : nullptr;
}

void ReplicaStore::recordUpdated(EntityRecord &record, const Change &)
{
    m_batch.find(record.id)->second.dirty = true;
}

bool ReplicaStore::flush(CachedRecord &cached)
{
    const EntityRecord &record = cached.record;
    if (!cached.dirty || record.isEmpty())
        return true;
    const EntitySpec &spec = *record.spec;
    QSqlQuery &upsert = prepared(tableSql(spec).upsert);
    int column = 0;
    upsert.bindValue(column++, record.id);
    for (qsizetype i = 0; i < spec.fields.size(); ++i)
        upsert.bindValue(column++, RecordCodec::toColumn(spec.fields[i].type, record.fields[i].value));
    upsert.bindValue(column++, record.lifecycle.value.isNull() ? QVariant(QMetaType::fromType<QString>())
                                                               : QVariant(record.lifecycle.value));
    upsert.bindValue(column++, RecordCodec::encodeMeta(record));
    if (!upsert.exec()) {
        m_failure = sqlError(u"cannot store %1"_s.arg(record.id), upsert.lastError());
        return false;
    }
    if (!cached.stored || m_options.scopeOf) {
        QSqlQuery &index = prepared(m_options.scopeOf
                                            ? u"INSERT INTO entities (id, type, scope) VALUES (?, ?, ?) "
                                              "ON CONFLICT(id) DO UPDATE SET scope = excluded.scope"_s
                                            : u"INSERT INTO entities (id, type) VALUES (?, ?) ON CONFLICT(id) DO NOTHING"_s);
        index.bindValue(0, record.id);
        index.bindValue(1, spec.name);
        if (m_options.scopeOf)
            index.bindValue(2, m_options.scopeOf(record, *this));
        if (!index.exec()) {
            m_failure = sqlError(u"cannot index %1"_s.arg(record.id), index.lastError());
            return false;
        }
    }
    const QList<Conflict> conflicts = MergeEngine::conflicts(record);
    if ((cached.hadConflicts || !conflicts.isEmpty()) && !writeConflicts(record, conflicts))
        return false;
    return !m_options.searchIndex || writeSearchText(record);
}

bool ReplicaStore::writeConflicts(const EntityRecord &record, const QList<Conflict> &conflicts)
{
    QSqlQuery &clear = prepared(u"DELETE FROM conflicts WHERE entity_id = ?"_s);
    clear.bindValue(0, record.id);
    if (!clear.exec()) {
        m_failure = sqlError(u"cannot update conflicts"_s, clear.lastError());
        return false;
    }
    QSqlQuery &insert = prepared(
            u"INSERT INTO conflicts (id, kind, entity_type, entity_id, field, kept_change, kept_value, "
            "other_change, other_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const Conflict &conflict : conflicts) {
        const QVariantList values { conflict.id, Conflict::kindName(conflict.kind), conflict.entityType,
                                    conflict.entityId, conflict.field, conflict.kept.changeId,
                                    conflict.kept.value, conflict.other.changeId, conflict.other.value };
        for (int i = 0; i < values.size(); ++i)
            insert.bindValue(i, values[i]);
        if (!insert.exec()) {
            m_failure = sqlError(u"cannot store conflict"_s, insert.lastError());
            return false;
        }
    }
    return true;
}

bool ReplicaStore::writeSearchText(const EntityRecord &record)
{
    QStringList parts;
    for (qsizetype i = 0; i < record.spec->fields.size(); ++i) {
        if (SqlSchema::isSearchable(record.spec->fields[i]) && !record.fields[i].value.isEmpty())
            parts << record.fields[i].value;
    }
    QSqlQuery &key = prepared(u"SELECT key FROM entities WHERE id = ?"_s);
    key.bindValue(0, record.id);
    if (!key.exec() || !key.next()) {
        m_failure = sqlError(u"cannot find %1"_s.arg(record.id), key.lastError());
        return false;
    }
    const qint64 rowid = key.value(0).toLongLong();
    key.finish();
    QSqlQuery &remove = prepared(u"DELETE FROM search_index WHERE rowid = ?"_s);
    remove.bindValue(0, rowid);
    bool ok = remove.exec();
    if (ok && record.isLive() && !parts.isEmpty()) {
        QSqlQuery &insert = prepared(u"INSERT INTO search_index (rowid, text) VALUES (?, ?)"_s);
        insert.bindValue(0, rowid);
        insert.bindValue(1, parts.join(u'\n'));
        ok = insert.exec();
        if (!ok)
            m_failure = sqlError(u"cannot index text"_s, insert.lastError());
    } else if (!ok) {
        m_failure = sqlError(u"cannot index text"_s, remove.lastError());
    }
    return ok;
}

Result<BatchOutcome> ReplicaStore::applyBatch(const QList<Change> &changes, const Admission &admit)
{
    m_batch.clear();
    m_failure.reset();
    if (!beginWrite())
        return sqlError(u"cannot begin a batch"_s, m_db.lastError());
    BatchOutcome outcome;
    for (const Change &change : changes) {
        auto valid = validateChange(change);
        Status admitted = valid && admit ? admit(valid.value()) : Status(Ok {});
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
    for (auto &[id, cached] : m_batch) {
        if (m_failure || !flush(cached))
            break;
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
    QStringList ids;
    QSqlQuery &q = prepared(u"SELECT id FROM entities WHERE type = ? ORDER BY id"_s);
    q.bindValue(0, entityType);
    if (q.exec()) {
        while (q.next())
            ids << q.value(0).toString();
    }
    q.finish();
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
    QStringList ids;
    QSqlQuery &q = prepared(u"SELECT DISTINCT entity_id FROM conflicts ORDER BY entity_id"_s);
    if (q.exec()) {
        while (q.next())
            ids << q.value(0).toString();
    }
    q.finish();
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
    QStringList ids;
    QSqlQuery &q = prepared(u"SELECT id FROM entities ORDER BY id"_s);
    if (q.exec()) {
        while (q.next())
            ids << q.value(0).toString();
    }
    q.finish();
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

qint64 ReplicaStore::lastSequence()
{
    QSqlQuery &q = prepared(u"SELECT coalesce(max(seq), 0) FROM changes"_s);
    const qint64 last = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return last;
}

namespace {
/** The entities a scope reads; the plans table says which plans are shared. */
constexpr char readableSql[] = "(? = 1 OR e.scope = '' OR e.scope IN "
                               "(SELECT id FROM plans WHERE municipality = ? OR shared = 1))";
} // namespace

Result<ChangePage> ReplicaStore::changesAfter(qint64 afterSeq, int limit, const ReadScope &scope)
{
    ChangePage page;
    // Everything up to `last` has committed (writers commit in sequence order),
    // so the page is exact for (afterSeq, last] even if writes go on meanwhile.
    const qint64 last = lastSequence();
    QSqlQuery &q = prepared(u"SELECT c.seq, %1 FROM changes c JOIN entities e ON e.id = c.entity_id "
                            "WHERE c.seq > ? AND c.seq <= ? AND %2 ORDER BY c.seq LIMIT ?"_s.arg(
                                    u"c.change_id, c.op, c.entity_type, c.entity_id, c.field, c.value, c.hlc, "
                                    "c.device, c.author, c.base, c.seen"_s,
                                    QLatin1String(readableSql)));
    q.bindValue(0, afterSeq);
    q.bindValue(1, last);
    q.bindValue(2, scope.everything ? 1 : 0);
    q.bindValue(3, scope.municipalityId);
    q.bindValue(4, limit + 1);
    if (!q.exec())
        return sqlError(u"cannot read the change log"_s, q.lastError());
    while (q.next())
        page.changes.append({ q.value(0).toLongLong(), changeFromQuery(q, 1) });
    q.finish();
    page.more = page.changes.size() > limit;
    if (page.more) {
        page.changes.resize(limit);
        page.nextCursor = page.changes.last().first;
    } else {
        page.nextCursor = qMax(afterSeq, last);
    }
    return page;
}

Result<QList<SnapshotEntity>> ReplicaStore::snapshotPage(qint64 afterKey, int limit, const ReadScope &scope)
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
    QList<QPair<qint64, QString>> keys;
    QSqlQuery &q = prepared(u"SELECT e.key, e.id FROM entities e WHERE e.key > ? AND %1 ORDER BY e.key LIMIT ?"_s.arg(
            QLatin1String(readableSql)));
    q.bindValue(0, afterKey);
    q.bindValue(1, scope.everything ? 1 : 0);
    q.bindValue(2, scope.municipalityId);
    q.bindValue(3, limit);
    if (!q.exec())
        return sqlError(u"cannot read entities"_s, q.lastError());
    while (q.next())
        keys.append({ q.value(0).toLongLong(), q.value(1).toString() });
    q.finish();
    QList<SnapshotEntity> page;
    for (const auto &[key, id] : std::as_const(keys)) {
        auto loaded = record(id);
        if (!loaded)
            return Error { u"storage_error"_s, u"cannot read %1"_s.arg(id) };
        page.append({ key, std::move(*loaded), history(id) });
    }
    return page;
}

Status ReplicaStore::importSnapshot(const QList<SnapshotEntity> &entities)
{
    m_batch.clear();
    m_failure.reset();
    if (!beginWrite())
        return sqlError(u"cannot begin an import"_s, m_db.lastError());
    for (const SnapshotEntity &entity : entities) {
        const EntitySpec &spec = *entity.record.spec;
        EntityRecord *local = recordForUpdate(spec, entity.record.id);
        if (!local) {
            m_failure = Error { u"type_mismatch"_s, u"%1 is not a %2"_s.arg(entity.record.id, spec.name) };
            break;
        }
        CachedRecord &cached = m_batch.find(entity.record.id)->second;
        if (cached.stored || !local->isEmpty()) {
            // Edited here before the first sync: merge, so those edits stay.
            for (const Change &change : entity.history) {
                auto valid = validateChange(change);
                if (valid)
                    Q_UNUSED(ChangeApplier::apply(*this, valid.value()));
            }
        } else {
            for (const Change &change : entity.history)
                appendChange(change);
            cached.record = entity.record;
            cached.dirty = true;
        }
        if (m_failure)
            break;
    }
    for (auto &[id, cached] : m_batch) {
        if (m_failure || !flush(cached))
            break;
    }
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
