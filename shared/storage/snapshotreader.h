// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/replicastore.h"

class StatementCache;

/** Reads the pages of a bootstrap for the server: records and histories in set-based reads per page. */
class SnapshotReader
{
public:
    explicit SnapshotReader(StatementCache &statements) : m_statements(statements) { }
    Q_DISABLE_COPY_MOVE(SnapshotReader)

    /** See ReplicaStore::snapshotPage(). */
    [[nodiscard]] Result<SnapshotPage> page(qint64 afterKey, int limit, const ReadScope &scope, int maxChanges,
                                            SnapshotWriter *writer, bool withHistories);
    /** See ReplicaStore::readSet(). */
    [[nodiscard]] Result<QString> readSet(const ReadScope &scope);
    /** See ReplicaStore::histories(). */
    [[nodiscard]] Result<EntityHistories> histories(const QStringList &entityIds, const ReadScope &scope,
                                                    int maxChanges);

private:
    StatementCache &m_statements;
};
