// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/replicastore.h"

/**
 * Stores the entities of a bootstrap on a client, inside the store's import
 * transaction: an entity not yet here is copied as it is, one with local
 * edits gets its history merged change by change.
 */
class SnapshotImport
{
public:
    explicit SnapshotImport(ReplicaStore &store) : m_store(store) { }
    Q_DISABLE_COPY_MOVE(SnapshotImport)

    /** Writes the entities; a storage error ends it (the store's batch failure says which). */
    void run(const QList<SnapshotEntity> &entities);

private:
    /** Merges an entity that is here already; false to stop. */
    bool merge(const SnapshotEntity &entity);

    ReplicaStore &m_store;
};
