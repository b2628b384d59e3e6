// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "sync/changeapplier.h"
#include "sync/replicabackend.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <memory>
#include <unordered_map>

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
    /** Current version of the SQL layout (PRAGMA user_version). */
    static constexpr int schemaVersion = 2;
    /** PRAGMA application_id of replica files: "WPR1". */
    static constexpr qint32 applicationId = 0x57505231;

    struct Options
    {
        /** Maintain the full-text index (clients search it; the server does not). */
        bool searchIndex = true;
        /** synchronous=FULL: a committed batch survives power loss, not only a crash. */
        bool durable = true;
    };

    /**
     * Opens or creates a replica file and migrates it to schemaVersion.
     * Error codes: "not_a_replica", "replica_corrupt", "replica_too_new", "storage_error".
     */
    static Result<std::unique_ptr<ReplicaStore>> open(const QString &path, Options options);
    static Result<std::unique_ptr<ReplicaStore>> open(const QString &path) { return open(path, Options {}); }
    ~ReplicaStore() override;
    Q_DISABLE_COPY_MOVE(ReplicaStore)

    /** Validates and applies changes in one transaction; per-change outcomes, or an error if nothing was stored. */
    Result<BatchOutcome> applyBatch(const QList<Change> &changes);

    [[nodiscard]] std::optional<EntityRecord> record(const QString &entityId);
    /** Ids of every stored entity of one type (live, deleted or not yet created), ascending. */
    [[nodiscard]] QStringList entityIds(const QString &entityType);
    [[nodiscard]] QList<Change> history(const QString &entityId);
    [[nodiscard]] QList<Conflict> conflicts();
    [[nodiscard]] qint64 changeCount();
    /** Changes with a log sequence number above afterSeq, ascending, at most limit. */
    [[nodiscard]] QList<QPair<qint64, Change>> changesAfter(qint64 afterSeq, int limit);
    [[nodiscard]] QByteArray stateDigest();
    /** Entity ids whose searchable text matches an FTS5 query, best first. */
    [[nodiscard]] Result<QStringList> search(const QString &query, int limit = 100);

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QSqlDatabase database() const { return m_db; }

    // ReplicaBackend
    bool appendChange(const Change &change) override;
    std::optional<Change> findChange(const QString &changeId) override;
    EntityRecord *recordForUpdate(const EntitySpec &spec, const QString &entityId) override;
    void recordUpdated(EntityRecord &record, const Change &change) override;

private:
    struct CachedRecord
    {
        EntityRecord record;
        bool stored = false; ///< a row exists in the table
        bool dirty = false;
        bool hadConflicts = false;
    };

    ReplicaStore(QSqlDatabase db, QString path, Options options);
    QSqlQuery &prepared(const QString &sql);
    std::optional<EntityRecord> loadRecord(const EntitySpec &spec, const QString &entityId);
    bool flush(CachedRecord &cached);
    bool writeConflicts(const EntityRecord &record, const QList<Conflict> &conflicts);
    bool writeSearchText(const EntityRecord &record);
    static Change changeFromQuery(const QSqlQuery &query, int firstColumn);

    QSqlDatabase m_db;
    QString m_path;
    Options m_options;
    std::unordered_map<QString, QSqlQuery> m_statements; // node-based: callers hold references
    std::unordered_map<QString, CachedRecord> m_batch; // node-based: records keep their address
    std::optional<Error> m_failure; ///< first storage error of the current batch
};
