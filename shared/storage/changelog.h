// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/replicastore.h"

#include <optional>

class StatementCache;

/**
 * The change log (table changes): every accepted change in arrival order,
 * which is also the per-field history, and pages of it for pulls. Into an
 * empty log a bootstrap may write with the log's indexes left out; they are
 * built again before anything else reads or writes it.
 */
class ChangeLog
{
public:
    /** cacheKiB: the page cache to go back to once the indexes are built again. */
    ChangeLog(StatementCache &statements, std::optional<Error> &failure, int cacheKiB);
    Q_DISABLE_COPY_MOVE(ChangeLog)

    /** Stores a change; false if it was there already or failed (then the failure is set). */
    bool append(const Change &change);
    /** The same without the index on ids (after deferIndexes()): the change is known to be new. */
    bool appendImported(const Change &change);
    [[nodiscard]] std::optional<Change> find(const QString &changeId);
    [[nodiscard]] QList<Change> history(const QString &entityId);
    [[nodiscard]] qint64 count();
    [[nodiscard]] qint64 sequenceOf(const QString &changeId);
    [[nodiscard]] QString changeIdAt(qint64 seq);
    [[nodiscard]] QList<QPair<qint64, Change>> changesAfter(qint64 afterSeq, int limit);
    /** See ReplicaStore::changesAfter(). */
    [[nodiscard]] Result<ChangePage> changesAfter(qint64 afterSeq, int limit, const ReadScope &scope);
    [[nodiscard]] qint64 lastSequence();
    /** The greatest HLC of device's changes in the log (its text form orders as stamps do); null if none. */
    [[nodiscard]] Hlc greatestHlcOf(const QString &device);
    [[nodiscard]] QString creatorOf(const QString &entityId);

    /** An import left the indexes out. */
    [[nodiscard]] bool indexesDeferred() const { return m_indexesDeferred; }
    /** A file whose bootstrap stopped before the indexes were built: they are built at the next write. */
    void setIndexesDeferred() { m_indexesDeferred = true; }
    /** Leaves the indexes out while a bootstrap fills an empty log (SQLite, in a transaction). */
    void deferIndexesIfEmpty();
    /** Builds the indexes, if they were left out, inside the current transaction (dropping duplicate ids if need be). */
    bool restoreIndexes();
    /** After a rollback: it may have brought back indexes the import had dropped. */
    void rolledBack();

private:
    bool log(const Change &change, int which);

    StatementCache &m_statements;
    std::optional<Error> &m_failure;
    int m_cacheKiB = 0;
    bool m_indexesDeferred = false; ///< a bootstrap into an empty log left its indexes out
};
