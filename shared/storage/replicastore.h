// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "sync/statedigest.h"
#include "sync/changeapplier.h"
#include "sync/replicabackend.h"
#include "sync/snapshot.h"

#include <QHash>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <functional>
#include <limits>
#include <optional>
#include <memory>

class ChangeLog;
class ClientTables;
class ConflictTable;
class EntityTables;
class RecordCache;
class SearchIndex;
class SnapshotReader;
class PartialHistories;
class StatementCache;
struct CachedRecord;

/** Which entities an account may read (see ReplicaStore::changesAfter). */
struct ReadScope
{
    bool everything = false; ///< the office reads all plans
    QString municipalityId; ///< an editor reads its own municipality's plan and every shared plan

    static ReadScope all() { return { true, {} }; }
};

/** A page of the change log for a pull. */
struct ChangePage
{
    QList<QPair<qint64, Change>> changes; ///< (sequence number, change), ascending
    qint64 nextCursor = 0; ///< continue after this sequence number
    bool more = false;
};

/** What one batch did, change by change. */
struct BatchOutcome
{
    QList<Result<ApplyOutcome>> changes; ///< in the order given
    int applied = 0;
    int duplicates = 0;
    int rejected = 0;
};

/**
 * A replica on SQLite: the current state in one ordinary table per entity
 * type (plain SQL can read it), the merge state beside each row, the change
 * log (which is also the per-field history), and the open conflicts.
 *
 * Guarantees: a batch is applied in one transaction, all or nothing; applying
 * a batch twice changes nothing the second time; the file is WAL-mode with
 * foreign keys on; a file that is not a replica, is damaged or was written by
 * a newer version is refused at open() and left untouched.
 *
 * Not thread-safe: one store per thread (each has its own named connection).
 */
class ReplicaStore final : public ReplicaBackend
{
public:
    /** Current version of the SQL layout (PRAGMA user_version; PostgreSQL: table schema_version). */
    static constexpr int schemaVersion = 10;
    /** PRAGMA application_id of replica files: "WPR1". */
    static constexpr qint32 applicationId = 0x57505231;

    struct Options
    {
        /** Maintain the full-text index (clients search it; the server does not). */
        bool searchIndex = true;
        /** synchronous=FULL: a committed batch survives power loss, not only a crash. */
        bool durable = true;
        /**
         * The read scope of an entity (its plan's id, '' for what all read),
         * kept in the entity index so pulls can be filtered; unset on clients.
         */
        std::function<QString(const EntityRecord &, ReplicaStore &)> scopeOf;
        /** Serialise writers across processes (PostgreSQL), so sequence numbers commit in order. */
        bool serializeWriters = true;
        /**
         * SQLite page cache, in KiB. Large by default: batches with random ids touch the whole index.
         * A server with many accounts trades some push speed for memory with a smaller one.
         */
        int cacheKiB = 64 * 1024;
        /**
         * SQLite page size of a new file, in bytes (an existing file keeps its own). Large for a
         * replica: its bootstrap writes megabytes per batch, with a quarter of the system calls.
         * A store of millions of changes with random ids wants small ones: a batch dirties one
         * page per change in the id index, and each is written whole.
         */
        int pageSize = 16384;
        /** Decoded records kept across batches (SQLite only), at a few kilobytes each. */
        int keptRecords = 8192;
        /**
         * Seal the file at a clean close and skip quick_check at an open that finds it as sealed
         * (ReplicaSeal; SQLite only). For one process's file (a client's replica), not a server's.
         */
        bool sealOnClose = false;
    };

    /**
     * Opens or creates a replica file (or, for a "postgresql://user:password@host:port/db"
     * URL, a PostgreSQL database) and migrates it to schemaVersion.
     * Error codes: "not_a_replica", "replica_corrupt", "replica_too_new", "storage_error".
     */
    static Result<std::unique_ptr<ReplicaStore>> open(const QString &path, Options options);
    static Result<std::unique_ptr<ReplicaStore>> open(const QString &path) { return open(path, Options {}); }
    ~ReplicaStore() override;
    Q_DISABLE_COPY_MOVE(ReplicaStore)

    /** Decides whether a validated change may be applied; an error rejects that change alone. */
    using Admission = std::function<Status(const Change &)>;

    /**
     * Validates, admits and applies changes in one transaction; per-change
     * outcomes, or an error if nothing was stored. admit runs inside the
     * transaction, so currentRecord() shows the batch's earlier changes.
     * alsoInTransaction runs after the changes, before the commit: what it
     * writes (an outbox entry, a cursor) commits with them or not at all.
     */
    Result<BatchOutcome> applyBatch(const QList<Change> &changes, const Admission &admit = {},
                                    const std::function<Status()> &alsoInTransaction = {});
    /** The author of the change that created an entity (empty if none arrived). */
    [[nodiscard]] QString creatorOf(const QString &entityId);
    /**
     * Stores the read scope (Options::scopeOf) of every entity of one type again where it differs, in one
     * transaction: for a store written while a rule of scopes was another (review threads). How many changed.
     */
    Result<int> rescope(const QString &entityType);

    [[nodiscard]] std::optional<EntityRecord> record(const QString &entityId);
    /** Ids of every stored entity of one type (live, deleted or not yet created), ascending. */
    [[nodiscard]] QStringList entityIds(const QString &entityType);
    [[nodiscard]] QList<Change> history(const QString &entityId);
    [[nodiscard]] QList<Conflict> conflicts();
    [[nodiscard]] qint64 changeCount();
    /** The change's position in this log (0 if it is not in it). */
    [[nodiscard]] qint64 sequenceOf(const QString &changeId);
    /** The id of the change stored at a sequence number; empty if there is none. */
    [[nodiscard]] QString changeIdAt(qint64 seq);
    /** Changes with a log sequence number above afterSeq, ascending, at most limit. */
    [[nodiscard]] QList<QPair<qint64, Change>> changesAfter(qint64 afterSeq, int limit);
    /**
     * The changes after a cursor that the scope may read, at most limit.
     * Never skips a change: the page covers exactly (afterSeq, nextCursor],
     * and every change with a sequence number up to nextCursor had committed
     * (writers commit in sequence order).
     */
    [[nodiscard]] Result<ChangePage> changesAfter(qint64 afterSeq, int limit, const ReadScope &scope);
    /** The highest sequence number in the log (0 if empty). */
    [[nodiscard]] qint64 lastSequence();
    /** The greatest HLC of device's changes this log holds; null if none (a pull's "mine"). */
    [[nodiscard]] Hlc greatestHlcOf(const QString &device);
    /**
     * Up to limit readable entities after afterKey, each with its record and
     * history; fewer if their histories would exceed maxChanges (at least one
     * entity, however long its history), so a page's size stays bounded.
     * With a writer, histories go to it as they are read and the page's
     * entities come without them.
     */
    [[nodiscard]] Result<SnapshotPage> snapshotPage(qint64 afterKey, int limit, const ReadScope &scope,
                                                    int maxChanges = std::numeric_limits<int>::max(),
                                                    SnapshotWriter *writer = nullptr, bool withHistories = true);
    /**
     * What scope reads now, named so that two scopes with the same name read the same entities (a
     * page built for one serves the other): the plans it reads and the review threads of its own
     * plans that hold anything, as a digest; "*" for the office.
     */
    [[nodiscard]] Result<QString> readSet(const ReadScope &scope);
    /**
     * The whole histories of the readable ones among entityIds, in log order
     * (a compact replica asks for them, GET /v1/history); whole histories
     * only, and no more once maxChanges are read (more: ask again for the rest).
     */
    [[nodiscard]] Result<EntityHistories> histories(const QStringList &entityIds, const ReadScope &scope,
                                                    int maxChanges);
    /**
     * Stores entities from a bootstrap in one transaction. An entity not yet
     * here is copied as it is (no merging); one that is here (local edits
     * made before the first sync) gets the history applied change by change.
     *
     * Into an empty change log (a new replica, SQLite) the log's indexes are
     * left out until finishImport() or the next other write builds them:
     * building them once is far cheaper than growing them by random ids.
     */
    Status importSnapshot(const QList<SnapshotEntity> &entities, const QList<QPair<QString, QString>> &state = {});
    // Partial histories (schema 8): entities a compact bootstrap brought without history (PartialHistory).

    /** Entities among those of changes whose history must be complete before the changes are applied. */
    [[nodiscard]] Result<QStringList> entitiesToComplete(const QList<Change> &changes);
    /** Entities to complete before the next pull: a compact bootstrap met them with edits made here. */
    [[nodiscard]] Result<QStringList> historiesDue();
    /** How many entities are held without their history. */
    [[nodiscard]] Result<int> partialHistories();
    [[nodiscard]] Result<bool> hasPartialHistory(const QString &entityId);
    /**
     * Puts an entity's whole history (as the server sent it) in place of the
     * changes made from its heads, and makes its record again from every
     * change of it held: afterwards it is held as by a full bootstrap.
     */
    Status completeHistory(const QString &entityId, const QList<Change> &fetched);
    /** Ends a bootstrap: builds the change log's indexes if importSnapshot() left them out. */
    Status finishImport();
    /** The record as it stands in the current batch, or as stored. */
    [[nodiscard]] std::optional<EntityRecord> currentRecord(const QString &entityId);
    [[nodiscard]] bool isPostgres() const;
    /**
     * A new database connection in place of a broken one (a PostgreSQL restart): statements
     * are prepared again on it. Only between requests, while no query of this store is held.
     */
    Status reconnect();
    [[nodiscard]] QByteArray stateDigest(DigestOf what = DigestOf::RecordsAndHistories);
    /** Entity ids whose searchable text matches an FTS5 query, best first. */
    [[nodiscard]] Result<QStringList> search(const QString &query, int limit = 100);

    // Client tables (schema 4): the outbox of unconfirmed local changes, rejected changes, sync settings.

    /**
     * Applies local edits and queues them for the server, in one transaction,
     * all or nothing: if any change is invalid or not admitted, nothing is written.
     */
    Status applyLocal(const QList<Change> &changes, const Admission &admit, const QString &stateKey = {},
                      const QString &stateValue = {});
    /** The server's seal on a pulled change of another device, and where the change stood in its log. */
    struct Seal
    {
        QString changeId;
        qint64 serverSeq = 0;
        QString seal;
    };
    /**
     * Applies changes from the server and stores settings (the cursor and its tag) and the seals
     * that came with them in the same transaction.
     */
    Result<BatchOutcome> applyRemote(const QList<Change> &changes, const QList<QPair<QString, QString>> &state,
                                     const QList<Seal> &seals = {});
    Result<BatchOutcome> applyRemote(const QList<Change> &changes, const QString &stateKey, const QString &stateValue)
    {
        return applyRemote(changes, { { stateKey, stateValue } });
    }
    /** The seals kept for these changes, by change id (changes without one are left out). */
    [[nodiscard]] Result<QHash<QString, QString>> sealsOf(const QStringList &changeIds);
    [[nodiscard]] int outboxSize();
    /** The queue position of the newest queued change (0 if none). */
    [[nodiscard]] qint64 outboxSequence();
    /** The oldest queued local changes, in the order they were made. */
    [[nodiscard]] QList<Change> outbox(int limit);
    struct Rejection
    {
        QString changeId;
        QString code;
        QString message;
        QString at; ///< ISO 8601, UTC
        Change change; ///< filled by rejections()
    };
    /**
     * Takes confirmed changes out of the outbox. Rejected ones leave the
     * replica too (the entities they touched are rebuilt from their other
     * changes, so the replica shows what the server has) and are kept, with
     * their reason, in the rejected list.
     */
    Status acknowledge(const QStringList &accepted, const QList<Rejection> &rejected);
    [[nodiscard]] QList<Rejection> rejections();
    /**
     * Queues again (the server lost them: a restore) every change of one device that the log holds,
     * and the sealed changes of other devices that stood past sealedAfter in the server's log, and
     * stores settings, in one transaction. The outbox is then in log order, so older changes go out
     * before newer ones. The number of changes queued anew.
     */
    Result<int> requeueChangesOf(const QString &device, qint64 sealedAfter, const QList<QPair<QString, QString>> &state);
    [[nodiscard]] QString clientState(const QString &key);
    Status setClientState(const QString &key, const QString &value);

    // Runs of many small writes (werkstattplan-cli apply), SQLite only.

    /**
     * One transaction around every write until commitAll() or rollBackAll(): each batch in it is a
     * savepoint (a refused batch undoes only itself), nothing commits before commitAll(). If a batch's
     * savepoint cannot be undone or ended (SQLite ended the transaction on an I/O error, say), commitAll()
     * keeps nothing and says so: no batch is reported stored that was not.
     */
    Status beginAll();
    Status commitAll();
    void rollBackAll();
    /**
     * The queued changes that can still be read from a damaged replica file (read-only), in log
     * order: each table is read row by row, skipping the rows on unreadable pages. If part of the
     * outbox is unreadable, every readable change of ownDevice is returned (the server takes those
     * it has as duplicates). complete: false if any part of either table could not be read.
     */
    [[nodiscard]] static QList<Change> salvageOutbox(const QString &damagedFile, const QString &ownDevice = {},
                                                     bool *complete = nullptr);
    /**
     * Makes the changes of one author another's: for edits made before any
     * account signed in on this replica, which no other replica has seen yet.
     */
    Status reassignAuthor(const QString &from, const QString &to);
    /** Live children of an entity: the entities of a type whose parent field names it. */
    [[nodiscard]] QList<EntityRecord> children(const EntitySpec &spec, const QString &parentId);

    [[nodiscard]] QString path() const { return m_path; }

    // ReplicaBackend
    bool appendChange(const Change &change) override;
    std::optional<Change> findChange(const QString &changeId) override;
    EntityRecord *recordForUpdate(const EntitySpec &spec, const QString &entityId) override;
    void recordUpdated(EntityRecord &record, const Change &change) override;

private:
    friend class SnapshotImport;
    // The SQL outside this class: the query module, and the raw connection for the server's own tables.
    friend class PlanQueries;
    friend class StoreAccess;

    [[nodiscard]] QSqlDatabase database() const { return m_db; }

    ReplicaStore(QSqlDatabase db, QString path, Options options);
    /** An import may write with the change log's indexes left out; every other write builds them first. */
    enum class WriteKind { Ordinary, Import };
    bool beginWrite(WriteKind kind = WriteKind::Ordinary);
    Error beginError(const QString &what);
    Status finishWrite();
    /** Finalizes every statement: before the connection is closed or reopened. */
    void clearStatements();
    /** The record of the current batch (read and kept if need be); null if unreadable or of another type. */
    CachedRecord *cachedRecord(const EntitySpec &spec, const QString &entityId);
    /** The kept record, read and kept if need be, not handed out; null if unreadable or of another type. */
    /** A copy of the kept record (read and kept if not yet), for reads while the write lock is held. */
    std::optional<EntityRecord> heldRecord(const EntitySpec &spec, const QString &entityId);
    CachedRecord *keptRecord(const EntitySpec &spec, const QString &entityId);
    bool rebuildRecord(const QString &entityId);
    /** Writes the batch's changed records back, with their index entries, conflicts and search text. */
    bool flushDirty();
    bool flush(CachedRecord &cached);

    QSqlDatabase m_db;
    QString m_path;
    Options m_options;
    bool m_postgres = false;
    bool m_inAll = false; ///< inside beginAll(): batches are savepoints
    std::optional<Error> m_allBroken; ///< inside beginAll(): a savepoint failed, commitAll() must not commit
    QDateTime m_checkedAt; ///< when the file last passed quick_check (ReplicaSeal)
    std::optional<Error> m_failure; ///< first storage error of the current batch
    QSqlError m_beginError; ///< why the last beginWrite() failed
    std::unique_ptr<StatementCache> m_statements;
    std::unique_ptr<RecordCache> m_records;
    std::unique_ptr<EntityTables> m_tables;
    std::unique_ptr<ChangeLog> m_log;
    std::unique_ptr<ConflictTable> m_conflicts;
    std::unique_ptr<SearchIndex> m_search;
    std::unique_ptr<SnapshotReader> m_snapshots;
    std::unique_ptr<ClientTables> m_client;
    std::unique_ptr<PartialHistories> m_partial;
};
