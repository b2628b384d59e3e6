// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/change.h"
#include "sync/mergeengine.h"

#include <optional>

/**
 * What ChangeApplier needs from a replica's storage. Implemented in memory
 * (ReplicaState) and on SQLite (ReplicaStore), so both apply changes by the
 * one algorithm in ChangeApplier.
 */
class ReplicaBackend
{
public:
    virtual ~ReplicaBackend() = default;

    /** Adds the change to the log. Returns false, and changes nothing, if its id is already there. */
    virtual bool appendChange(const Change &change) = 0;
    /** A change from the log, by id. */
    virtual std::optional<Change> findChange(const QString &changeId) = 0;
    /**
     * The record of an entity, to be updated in place; a record with no heads
     * if the entity is unknown. The pointer stays valid until the current
     * batch ends. Returns nullptr if the id belongs to an entity of another type.
     */
    virtual EntityRecord *recordForUpdate(const EntitySpec &spec, const QString &entityId) = 0;
    /** Called after a change updated the record, so the backend can persist or index it. */
    virtual void recordUpdated(EntityRecord &record, const Change &change) = 0;
};
