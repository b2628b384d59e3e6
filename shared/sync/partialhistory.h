// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "model/entityrecord.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

/**
 * The rules of a replica that holds some entities without their history (a
 * compact first sync, docs/storage.md "Partial histories"). Such an entity
 * has its record (values and heads) and, in its change log, one change per
 * head made from the record's merge state, without base: enough to show
 * and edit it and to apply any edit based on what it holds. A change that
 * is concurrent with a head, or based on a version it does not hold, could
 * need an ancestor it lacks (the common base of a text merge, a pending
 * base): before such a change is applied the entity's whole history is
 * fetched and its record made again from all its changes, exactly as a
 * replica with the whole history holds it.
 */
namespace PartialHistory {

/** The heads of every field (and of the lifecycle) of a record as changes without base. */
[[nodiscard]] QList<Change> headChanges(const EntityRecord &record);

/** A logged change of an entity kept without history, as far as merging it needs. */
struct HeldChange
{
    QString field;
    QStringList base;
    Hlc hlc;
    QString value;
    bool fromHeads = false; ///< made from a head of the record the compact first sync brought (no base)
};

/** What a replica holds of an entity kept without history: its record and its logged changes. */
struct PartialEntity
{
    EntityRecord record;
    QHash<QString, HeldChange> held; ///< every change in its log: head changes and changes made or received since
    /** How many changes its history had on the server when the first sync brought it; -1: not told. */
    qint64 historyLength = -1;
};

/** A change as PartialEntity::held keeps it. */
[[nodiscard]] HeldChange heldChange(const Change &change, bool fromHeads = false);

/**
 * The entities among those of changes whose history must be complete before
 * the changes are applied in their order. A change needs nothing more when it
 * is based on exactly the heads it would meet; or when it names as base only
 * versions held here and writes a field that merges by heads and base alone;
 * or a mergeable text whose common base the held changes give exactly as the
 * whole history would: the field has at most one head change (every version
 * not held is then an ancestor of that one, so never the nearest common
 * ancestor of versions that all have it), and the search stays within its
 * budget even counting every change the server had of the entity as visited
 * (so a replica with the whole history does not give up on it either). A
 * change with no base, or based on a version not held, could be older than
 * what the heads show (received again after the compact first sync): its
 * entity is completed. partialEntities: the entities held without history
 * (any other entity is complete).
 */
[[nodiscard]] QStringList toComplete(const QList<Change> &changes, QHash<QString, PartialEntity> partialEntities);

/**
 * What an entity holds once its history arrived: the fetched changes, and
 * those held here that were not fetched (edits not yet pushed). A fetched
 * change takes the place of the head change of the same id.
 */
[[nodiscard]] QList<Change> completed(const QList<Change> &held, const QList<Change> &fetched);

/** The record that all changes of one entity make, whatever their order. */
[[nodiscard]] Result<EntityRecord> rebuild(const QList<Change> &changes);

} // namespace PartialHistory
