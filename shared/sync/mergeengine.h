// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/schema.h"
#include "sync/change.h"
#include "sync/hlc.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/** One accepted write of a field (or of an entity's lifecycle register). */
struct FieldVersion
{
    QString changeId;
    Hlc hlc;
    QString value;
    QString author;
    QString device;
    QStringList seen; ///< lifecycle deletes: the field versions the deleting replica had

    static FieldVersion fromChange(const Change &change)
    {
        return { change.id, change.hlc, change.value, change.author, change.device, change.seen };
    }
    friend bool operator==(const FieldVersion &, const FieldVersion &) = default;
};
Q_DECLARE_TYPEINFO(FieldVersion, Q_RELOCATABLE_TYPE);

/**
 * The merge state of one field of one entity: its heads (versions no
 * received version is based on; one head unless writes were concurrent),
 * the resolved value, and bases that received versions name but that have
 * not arrived yet.
 */
struct FieldState
{
    QList<FieldVersion> heads; ///< ascending by HLC
    QString value; ///< the resolved value (null = unset)
    bool merged = false; ///< value is a three-way merge of several heads
    QStringList pending; ///< sorted; ids named as base by received versions, not yet received

    [[nodiscard]] bool isEmpty() const { return heads.isEmpty() && pending.isEmpty(); }
    [[nodiscard]] QStringList headIds() const;
    friend bool operator==(const FieldState &, const FieldState &) = default;
};
Q_DECLARE_TYPEINFO(FieldState, Q_RELOCATABLE_TYPE);

/** An open conflict, derived from the heads: nothing here is stored that the changes do not imply. */
struct Conflict
{
    enum class Kind { ConcurrentEdit, EditVsDelete };

    QString id; ///< stable across replicas: derived from entity, field and the other version
    Kind kind = Kind::ConcurrentEdit;
    QString entityType;
    QString entityId;
    QString field;
    FieldVersion kept; ///< ConcurrentEdit: the HLC winner (the current value); EditVsDelete: the delete
    FieldVersion other; ///< the write that did not win (ConcurrentEdit) or the unseen edit (EditVsDelete)

    static QString kindName(Kind kind);
    friend bool operator==(const Conflict &, const Conflict &) = default;
};

/** The merge state of one entity: its lifecycle register and one FieldState per schema field. */
struct EntityRecord
{
    const EntitySpec *spec = nullptr;
    QString id;
    FieldState lifecycle; ///< values Change::live / Change::deleted; empty until the create arrives
    QList<FieldState> fields; ///< indexed like spec->fields

    [[nodiscard]] bool exists() const { return !lifecycle.heads.isEmpty(); }
    /** True for a record no change has touched (nothing to store). */
    [[nodiscard]] bool isEmpty() const;
    [[nodiscard]] bool isDeleted() const { return lifecycle.value == Change::deleted; }
    [[nodiscard]] bool isLive() const { return exists() && !isDeleted(); }
    [[nodiscard]] const QString &value(const QString &field) const;
    /** The state a change of this field applies to (the lifecycle register for Change::stateField). */
    FieldState *state(const QString &field);
    const FieldState *state(const QString &field) const;
    friend bool operator==(const EntityRecord &, const EntityRecord &) = default;
};

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
