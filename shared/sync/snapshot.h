// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/change.h"
#include "model/entityrecord.h"

#include <QList>
#include <QUtf8StringView>

// What a bootstrap carries, as the store reads it and the protocol writes it.

/** A stored change's columns as the store holds them, UTF-8, valid for one row (see SnapshotWriter). */
struct StoredChangeText
{
    QUtf8StringView id, op, entityType, entityId, field, value, hlc, device, author;
    QUtf8StringView base, seen; ///< comma-separated lists
    bool valueIsNull = false;
};

/** One entity as a bootstrap sends it: its record (with merge state) and its history. */
struct SnapshotEntity
{
    qint64 key = 0; ///< position in the store's entity index; pages continue after the last key
    EntityRecord record;
    QList<Change> history;
    /** Sent without its history (a compact bootstrap): the heads are in the record's merge state alone. */
    bool historyOmitted = false;
    /**
     * Sent without its history: how many changes that history had (-1: not told, as by an older server).
     * What merging from the heads alone could cost a replica with the whole history is bounded by it.
     */
    qint64 historyLength = -1;
};

struct SnapshotPage;

/**
 * Takes a snapshot page while the store reads it, so that a server writes a
 * bootstrap page straight from the store's rows, building no history: first
 * the page's bounds (next and more; its entities not yet read), then for
 * each entity in page order the rows of its history in order, then the
 * entity itself (record and key; its history left empty).
 */
class SnapshotWriter
{
public:
    virtual ~SnapshotWriter() = default;
    virtual void bounds(const SnapshotPage &page) = 0;
    virtual void change(const StoredChangeText &change) = 0;
    virtual void entity(const SnapshotEntity &entity) = 0;
};

/** A page of a bootstrap. */
struct SnapshotPage
{
    QList<SnapshotEntity> entities; ///< ascending by key
    qint64 next = 0; ///< continue after this key
    bool more = false; ///< the page ended at its entity or change bound, not at the last readable entity
    QString readSet; ///< what the scope read, as ReplicaStore::readSet() names it, in the page's own read
};

/** Whole histories of entities, as a compact replica asks for them. */
struct EntityHistories
{
    QList<QPair<QString, QList<Change>>> histories; ///< entity id → its changes in log order
    bool more = false; ///< a bound was reached: entities asked for but not here come with another request
};
