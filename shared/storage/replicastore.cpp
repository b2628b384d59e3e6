// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicastore.h"

#include "common/logging.h"
#include "storage/changelog.h"
#include "storage/clienttables.h"
#include "storage/conflicttable.h"
#include "storage/entitytables.h"
#include "storage/partialhistories.h"
#include "storage/recordcache.h"
#include "storage/replicasalvage.h"
#include "storage/replicaseal.h"
#include "storage/searchindex.h"
#include "storage/snapshotimport.h"
#include "storage/snapshotreader.h"
#include "storage/sqlschema.h"
#include "storage/statementcache.h"
#include "storage/storeconnection.h"
#include "storage/storerows.h"
#include "sync/replicastate.h"
#include "sync/statedigest.h"

using namespace Qt::Literals::StringLiterals;
using namespace StoreRows;
using Statement = StatementCache::Statement;

Result<std::unique_ptr<ReplicaStore>> ReplicaStore::open(const QString &location, Options options)
{
    const bool postgres = StoreConnection::isPostgresUrl(location);
    const auto sealed = options.sealOnClose && !postgres ? ReplicaSeal::take(location) : std::nullopt;
    auto opened = StoreConnection::open(location, options, !sealed);
    if (!opened)
        return opened.error();
    std::unique_ptr<ReplicaStore> store(new ReplicaStore(opened.value(), postgres ? QString() : location, options));
    store->m_checkedAt = sealed.value_or(QDateTime::currentDateTimeUtc());
    if (!postgres) {
        // A bootstrap into this file ended before building the change log's indexes (the program
        // stopped): build them now, before anything reads or writes the log.
        const auto present = SqlSchema::changeIndexesPresent(store->m_db);
        if (!present)
            return present.error();
        if (!present.value()) {
            store->m_log->setIndexesDeferred();
            if (Status built = store->finishImport(); !built)
                return built.error();
        }
    }
    return store;
}

ReplicaStore::ReplicaStore(QSqlDatabase db, QString path, Options options)
    : m_db(std::move(db)),
      m_path(std::move(path)),
      m_options(std::move(options)),
      m_postgres(SqlSchema::dialectOf(m_db) == SqlSchema::Dialect::Postgres),
      m_statements(std::make_unique<StatementCache>(m_db)),
      m_records(std::make_unique<RecordCache>(m_options.keptRecords)),
      m_tables(std::make_unique<EntityTables>(*m_statements, m_failure)),
      m_log(std::make_unique<ChangeLog>(*m_statements, m_failure, m_options.cacheKiB)),
      m_conflicts(std::make_unique<ConflictTable>(*m_statements, m_failure)),
      m_search(std::make_unique<SearchIndex>(*m_statements, m_failure)),
      m_snapshots(std::make_unique<SnapshotReader>(*m_statements)),
      m_client(std::make_unique<ClientTables>(*m_statements, *m_log, m_failure)),
      m_partial(std::make_unique<PartialHistories>(*m_statements, m_failure))
{
}

ReplicaStore::~ReplicaStore()
{
    clearStatements();
    StoreConnection::drop(m_db);
    if (m_options.sealOnClose && !m_path.isEmpty())
        ReplicaSeal::write(m_path, m_checkedAt);
}

void ReplicaStore::clearStatements()
{
    m_statements->clear();
    m_tables->clear();
}

bool ReplicaStore::isPostgres() const
{
    return m_postgres;
}

bool ReplicaStore::beginWrite(WriteKind kind)
{
    if (m_inAll) {
        // The outer transaction holds the write lock already: no other connection wrote since.
        if (m_allBroken) {
            m_beginError = QSqlError(m_allBroken->message, {}, QSqlError::TransactionError);
            return false;
        }
        QSqlQuery savepoint(m_db);
        if (!savepoint.exec(u"SAVEPOINT batch"_s)) {
            m_beginError = savepoint.lastError();
            m_allBroken = sqlError(u"cannot begin a batch"_s, m_beginError);
            return false;
        }
        m_records->beginBatch(m_records->dataVersion());
        return true;
    }
    if (!m_postgres) {
        // IMMEDIATE takes the write lock first: no other connection can commit
        // between the data_version check below and the end of the batch.
        QSqlQuery &begin = m_statements->statement(Statement::BeginImmediate);
        if (!begin.exec()) {
            m_beginError = begin.lastError();
            return false;
        }
        begin.finish();
        // Another connection or process wrote since our last batch: the kept records may be stale.
        QSqlQuery &version = m_statements->statement(Statement::DataVersion);
        const qint64 dataVersion = version.exec() && version.next() ? version.value(0).toLongLong() : -1;
        version.finish();
        m_records->beginBatch(dataVersion);
        if (kind == WriteKind::Ordinary && !m_log->restoreIndexes()) {
            m_beginError = m_db.lastError();
            m_db.rollback();
            return false;
        }
        return true;
    }
    // Several server processes write one PostgreSQL database: records are never kept across batches.
    m_records->forget();
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

Status ReplicaStore::finishImport()
{
    if (!m_log->indexesDeferred())
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
    m_records->endBatch();
    if (m_inAll) {
        QSqlQuery end(m_db);
        if (m_failure) {
            Error error = *m_failure;
            if (!end.exec(u"ROLLBACK TO batch"_s) || !end.exec(u"RELEASE batch"_s))
                m_allBroken = sqlError(u"cannot undo a refused batch"_s, end.lastError());
            m_failure.reset();
            m_records->forget();
            return error;
        }
        if (!end.exec(u"RELEASE batch"_s)) {
            m_allBroken = sqlError(u"cannot end a batch"_s, end.lastError());
            return *m_allBroken;
        }
        return Ok {};
    }
    if (m_failure || !m_db.commit()) {
        Error error = m_failure ? *m_failure : sqlError(u"cannot commit"_s, m_db.lastError());
        m_db.rollback();
        m_failure.reset();
        // The records may hold what was rolled back.
        m_records->forget();
        // So may the flag: the rollback brought back indexes the import had dropped.
        m_log->rolledBack();
        return error;
    }
    if (m_postgres)
        m_records->forget();
    return Ok {};
}

Status ReplicaStore::reconnect()
{
    // Statements prepared on the old connection do not exist on the new one.
    clearStatements();
    m_records->forget();
    m_db.close();
    if (!m_db.open())
        return Error { u"storage_error"_s, m_db.lastError().text() };
    m_statements->reattach();
    return Ok {};
}

bool ReplicaStore::appendChange(const Change &change)
{
    return m_log->append(change);
}

std::optional<Change> ReplicaStore::findChange(const QString &changeId)
{
    return m_log->find(changeId);
}

CachedRecord *ReplicaStore::cachedRecord(const EntitySpec &spec, const QString &entityId)
{
    if (CachedRecord *current = m_records->current(entityId))
        return current;
    CachedRecord *cached = keptRecord(spec, entityId);
    return cached ? m_records->use(*cached) : nullptr;
}

CachedRecord *ReplicaStore::keptRecord(const EntitySpec &spec, const QString &entityId)
{
    if (CachedRecord *cached = m_records->find(entityId))
        return cached;
    CachedRecord read;
    if (!m_tables->read(spec, entityId, read))
        return nullptr;
    if (read.stored && m_options.searchIndex)
        read.indexedText = SearchIndex::textOf(read.record);
    return &m_records->insert(entityId, std::move(read));
}

EntityRecord *ReplicaStore::recordForUpdate(const EntitySpec &spec, const QString &entityId)
{
    CachedRecord *cached = cachedRecord(spec, entityId);
    return cached && cached->record.spec == &spec ? &cached->record : nullptr;
}

void ReplicaStore::recordUpdated(EntityRecord &record, const Change &)
{
    m_records->markDirty(record);
}

bool ReplicaStore::flushDirty()
{
    for (CachedRecord *cached : m_records->dirty()) {
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
    if (!m_tables->store(record))
        return false;
    if (!cached.stored || m_options.scopeOf) {
        qint64 insertId = -1;
        const QString scope = m_options.scopeOf ? m_options.scopeOf(record, *this) : QString();
        const int rows = m_tables->index(record, m_options.scopeOf ? &scope : nullptr, &insertId);
        if (rows < 0)
            return false;
        // A new row's key comes with the insert; the search index needs it next.
        if (!cached.stored && cached.key < 0 && !m_options.scopeOf && !m_postgres && rows > 0)
            cached.key = insertId;
    }
    cached.stored = true;
    const QList<Conflict> conflicts = MergeEngine::conflicts(record);
    if (cached.hadConflicts || !conflicts.isEmpty()) {
        // Conflicts refer to changes by id: that takes the index on ids (rare in a bootstrap).
        if (!m_log->restoreIndexes()) {
            m_failure = sqlError(u"cannot index the change log"_s, m_db.lastError());
            return false;
        }
        if (!m_conflicts->write(record, conflicts))
            return false;
    }
    cached.hadConflicts = !conflicts.isEmpty();
    return !m_options.searchIndex || m_search->write(cached);
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
    const EntitySpec *spec = m_tables->typeOf(entityId);
    if (!spec)
        return std::nullopt;
    // Between the batches of beginAll() the write lock is held and every kept record is stored as it
    // stands: the edits of a run ask for the same records edit after edit, so keep what they read.
    if (m_inAll && !m_records->inBatch() && !m_allBroken)
        return heldRecord(*spec, entityId);
    auto loaded = m_tables->load(*spec, entityId);
    m_failure.reset();
    return loaded;
}

std::optional<EntityRecord> ReplicaStore::heldRecord(const EntitySpec &spec, const QString &entityId)
{
    CachedRecord *kept = keptRecord(spec, entityId);
    if (!kept) {
        m_failure.reset(); // unreadable: not found, as record() says; a batch goes on
        return std::nullopt;
    }
    m_records->touch(*kept);
    return kept->record.isEmpty() ? std::nullopt : std::optional(kept->record);
}

QStringList ReplicaStore::entityIds(const QString &entityType)
{
    return m_tables->ids(entityType);
}

QList<Change> ReplicaStore::history(const QString &entityId)
{
    return m_log->history(entityId);
}

QList<Conflict> ReplicaStore::conflicts()
{
    // The table lists which entities have conflicts; the records say what they are.
    const QStringList ids = m_conflicts->entityIds();
    QList<Conflict> all;
    for (const QString &id : std::as_const(ids)) {
        if (auto loaded = record(id))
            all << MergeEngine::conflicts(*loaded);
    }
    return all;
}

qint64 ReplicaStore::changeCount()
{
    return m_log->count();
}

QList<QPair<qint64, Change>> ReplicaStore::changesAfter(qint64 afterSeq, int limit)
{
    return m_log->changesAfter(afterSeq, limit);
}

Result<ChangePage> ReplicaStore::changesAfter(qint64 afterSeq, int limit, const ReadScope &scope)
{
    return m_log->changesAfter(afterSeq, limit, scope);
}

QByteArray ReplicaStore::stateDigest(DigestOf what)
{
    const QStringList ids = m_tables->allIds();
    StateDigest digest;
    for (const QString &id : std::as_const(ids)) {
        const auto loaded = record(id);
        if (!loaded || loaded->isEmpty())
            continue;
        QStringList historyIds;
        for (const Change &change : what == DigestOf::Records ? QList<Change>() : history(id))
            historyIds << change.id;
        digest.addEntity(*loaded, historyIds);
    }
    return digest.result();
}

Result<QStringList> ReplicaStore::search(const QString &text, int limit)
{
    return m_search->search(text, limit);
}

std::optional<EntityRecord> ReplicaStore::currentRecord(const QString &entityId)
{
    if (const CachedRecord *cached = m_records->find(entityId))
        return cached->record.isEmpty() ? std::nullopt : std::optional(cached->record);
    // In a batch the kept records are current (the write lock is held), and the rules ask for the same
    // ancestors (goal, field of action, plan) edit after edit: keep what they read.
    if (m_records->inBatch() && !m_failure) {
        const EntitySpec *spec = m_tables->typeOf(entityId);
        return spec ? heldRecord(*spec, entityId) : std::nullopt;
    }
    return record(entityId);
}

qint64 ReplicaStore::sequenceOf(const QString &changeId)
{
    return m_log->sequenceOf(changeId);
}

QString ReplicaStore::changeIdAt(qint64 seq)
{
    return m_log->changeIdAt(seq);
}

qint64 ReplicaStore::lastSequence()
{
    return m_log->lastSequence();
}

Hlc ReplicaStore::greatestHlcOf(const QString &device)
{
    return m_log->greatestHlcOf(device);
}

QString ReplicaStore::creatorOf(const QString &entityId)
{
    return m_log->creatorOf(entityId);
}

Result<SnapshotPage> ReplicaStore::snapshotPage(qint64 afterKey, int limit, const ReadScope &scope, int maxChanges,
                                                SnapshotWriter *writer, bool withHistories)
{
    return m_snapshots->page(afterKey, limit, scope, maxChanges, writer, withHistories);
}

Result<QString> ReplicaStore::readSet(const ReadScope &scope)
{
    return m_snapshots->readSet(scope);
}

Result<EntityHistories> ReplicaStore::histories(const QStringList &entityIds, const ReadScope &scope, int maxChanges)
{
    return m_snapshots->histories(entityIds, scope, maxChanges);
}

Status ReplicaStore::importSnapshot(const QList<SnapshotEntity> &entities, const QList<QPair<QString, QString>> &state)
{
    m_failure.reset();
    if (!beginWrite(WriteKind::Import))
        return beginError(u"cannot begin an import"_s);
    SnapshotImport(*this).run(entities);
    flushDirty();
    for (const auto &[key, value] : state) {
        if (m_failure)
            break;
        if (Status stored = m_client->setClientState(key, value); !stored)
            m_failure = stored.error();
    }
    return finishWrite();
}

Result<int> ReplicaStore::rescope(const QString &entityType)
{
    if (!m_options.scopeOf)
        return 0;
    const auto stored = m_tables->scopes(entityType);
    if (!stored)
        return stored.error();
    m_failure.reset();
    if (!beginWrite())
        return beginError(u"cannot begin"_s);
    int changed = 0;
    for (const auto &[id, scope] : std::as_const(stored.value())) {
        const auto record = currentRecord(id);
        if (!record || !record->spec)
            continue;
        const QString wanted = m_options.scopeOf(*record, *this);
        if (wanted == scope)
            continue;
        if (!m_tables->setScope(id, wanted))
            break;
        ++changed;
    }
    if (Status done = finishWrite(); !done)
        return done.error();
    return changed;
}

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
        return m_client->queue(changes, stateKey, stateValue);
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
    return applyBatch(changes, {}, [&]() -> Status { return m_client->confirm(changes, state, seals); });
}

Result<QHash<QString, QString>> ReplicaStore::sealsOf(const QStringList &changeIds)
{
    return m_client->sealsOf(changeIds);
}

int ReplicaStore::outboxSize()
{
    return m_client->outboxSize();
}

qint64 ReplicaStore::outboxSequence()
{
    return m_client->outboxSequence();
}

QList<Change> ReplicaStore::outbox(int limit)
{
    const QStringList ids = m_client->outboxIds(limit);
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
    const QStringList touched = m_client->acknowledge(accepted, rejected);
    for (const QString &id : touched) {
        if (m_failure || !rebuildRecord(id))
            break;
    }
    flushDirty();
    return finishWrite();
}

bool ReplicaStore::rebuildRecord(const QString &entityId)
{
    qint64 key = 0;
    const EntitySpec *spec = m_tables->typeOf(entityId, key);
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
    if (!m_tables->remove(*spec, entityId))
        return false;
    if (m_options.searchIndex)
        m_search->remove(key);
    // Forget this record only: the entities rebuilt before it in this batch still wait to be written.
    m_records->erase(entityId);
    return true;
}

QList<ReplicaStore::Rejection> ReplicaStore::rejections()
{
    return m_client->rejections();
}

Result<int> ReplicaStore::requeueChangesOf(const QString &device, qint64 sealedAfter,
                                           const QList<QPair<QString, QString>> &state)
{
    m_failure.reset();
    if (!beginWrite())
        return beginError(u"cannot begin"_s);
    const int queued = m_client->requeue(device, sealedAfter);
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
    return m_client->clientState(key);
}

Status ReplicaStore::setClientState(const QString &key, const QString &value)
{
    return m_client->setClientState(key, value);
}

Status ReplicaStore::beginAll()
{
    if (m_postgres || m_inAll)
        return Error { u"storage_error"_s, u"one transaction for all writes needs an SQLite replica, once"_s };
    if (!beginWrite())
        return beginError(u"cannot begin a transaction"_s);
    m_records->endBatch();
    m_inAll = true;
    m_allBroken.reset();
    return Ok {};
}

Status ReplicaStore::commitAll()
{
    m_inAll = false;
    if (m_allBroken) {
        const Error broken = *std::exchange(m_allBroken, std::nullopt);
        rollBackAll();
        return broken;
    }
    return finishWrite();
}

void ReplicaStore::rollBackAll()
{
    m_inAll = false;
    m_allBroken.reset();
    m_db.rollback();
    m_records->forget();
    m_log->rolledBack();
}

QList<Change> ReplicaStore::salvageOutbox(const QString &damagedFile, const QString &ownDevice, bool *complete)
{
    return ReplicaSalvage::salvageOutbox(damagedFile, ownDevice, complete);
}

QList<EntityRecord> ReplicaStore::children(const EntitySpec &spec, const QString &parentId)
{
    QList<EntityRecord> records;
    if (spec.parentField.isEmpty())
        return records;
    const QStringList ids = m_tables->childIds(spec, parentId);
    for (const QString &id : std::as_const(ids)) {
        if (auto loaded = m_tables->load(spec, id))
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
    const QList<QPair<QString, QString>> entities = m_client->reassignAuthor(from, to);
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
