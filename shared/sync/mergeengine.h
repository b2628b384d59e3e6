// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/entityrecord.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/**
 * The merge rules, as pure functions: the same inputs give the same outputs
 * on every replica, whatever the order in which changes arrived.
 *
 * Rules (docs/merge.md has the long form):
 * - a field is a register; its heads are the writes no other write was based on;
 * - one head: its value is the value;
 * - several heads with equal values: that value, no conflict;
 * - several heads on a long-text field: merged three-way against their
 *   common base when the edits touch different parts;
 * - otherwise the head with the greatest HLC wins (HLC order is total; the
 *   device id breaks ties), and every other head is an open conflict, except
 *   on order keys, where the loser only stays in the history;
 * - an entity whose lifecycle register says "deleted" has an edit-vs-delete
 *   conflict for every field head that no deleting write had seen.
 */
class MergeEngine
{
public:
    /**
     * Bounds of the cost of merging one change (docs/merge.md): a text field with more concurrent heads
     * than this is not merged three-way (each arrival would fold every head again), it is a plain conflict;
     * the search for the heads' common base gives up after this many versions visited, and the heads are a
     * plain conflict too. Both depend only on the changes, so every replica decides alike.
     */
    static constexpr int maxMergedHeads = 8;
    static constexpr int maxAncestorVisits = 20000;

    /** True if resolving these heads needs the value of their common base (see resolve()). */
    [[nodiscard]] static bool needsCommonBase(const FieldSpec *field, const QList<FieldVersion> &heads);

    /**
     * Resolves a field's value from its heads. commonBase is the value of the
     * heads' nearest common ancestor (null if they have none); it is only read
     * when needsCommonBase() is true. baseFound false: the base was not
     * searched to the end (too costly), so the heads are not merged.
     */
    static void resolve(const FieldSpec *field, FieldState &state, const QString &commonBase, bool baseFound = true);

    /** The open conflicts of one entity. */
    [[nodiscard]] static QList<Conflict> conflicts(const EntityRecord &record);

    /** The HLC winner among heads; heads must not be empty. */
    [[nodiscard]] static const FieldVersion &winner(const QList<FieldVersion> &heads) { return heads.last(); }

    [[nodiscard]] static QString conflictId(const QString &entityId, Conflict::Kind kind, const QString &field,
                                            const QString &otherChangeId);
};
