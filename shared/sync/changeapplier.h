// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "model/change.h"

#include "sync/mergeengine.h"

#include <functional>

class ReplicaBackend;

enum class ApplyOutcome { Applied, Duplicate };

/**
 * Applies changes to a replica. Guarantees, for any backend:
 * - idempotent: a change id seen before is a no-op (Duplicate);
 * - order-insensitive: any delivery order of the same set of changes yields
 *   the same records (a change may arrive before the version it is based on);
 * - nothing is lost: every change stays in the log, every concurrent write
 *   is a head until a later write names it as base.
 * The change must have passed validateChange().
 */
class ChangeApplier
{
public:
    static Result<ApplyOutcome> apply(ReplicaBackend &backend, const Change &change);

    /**
     * The value of the nearest common ancestor of the heads (null if they have none); nullopt if finding
     * it would visit more than MergeEngine::maxAncestorVisits versions (the heads then conflict).
     */
    static std::optional<QString> commonBaseValue(ReplicaBackend &backend, const QList<FieldVersion> &heads);

    /** What the search for a common base needs of a logged version. */
    struct Ancestor
    {
        QStringList base;
        Hlc hlc;
        QString value;
        /**
         * Ancestors the replica does not hold (those of a head a compact first sync brought without its
         * history): counted as visited, so that a search costs at least what it costs with the whole history.
         */
        qint64 unheldAncestors = 0;
    };
    using AncestorLookup = std::function<std::optional<Ancestor>(const QString &changeId)>;
    /** The same over any log (nullopt from lookup: not held). */
    static std::optional<QString> commonBaseValue(const AncestorLookup &lookup, const QList<FieldVersion> &heads);
};
