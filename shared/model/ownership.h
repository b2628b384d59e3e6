// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/entityrecord.h"

#include <functional>
#include <optional>

/**
 * Which plan an entity belongs to, found by following parent references up
 * the schema (measure → goal → field of action → plan). The server decides
 * with it who may write an entity and who may read it.
 */
namespace Ownership {

using Lookup = std::function<std::optional<EntityRecord>(const QString &entityId)>;

/** Scope of entities outside any plan: municipalities, synopsis figures, meetings. Everyone reads them. */
inline const QString everyone = QStringLiteral(""); // empty, not null: stored as ""
/** Scope of an entity whose parent chain is not complete yet; only the office reads it. */
inline const QString unresolved = QStringLiteral("?");

/**
 * The id of the plan the entity belongs to (its own id for a plan), the
 * empty string for entities outside plans, or nullopt while a parent on
 * the way is unset or unknown.
 */
std::optional<QString> planOf(const EntityRecord &record, const Lookup &lookup);

/**
 * The read scope to store for an entity: planOf(), or `unresolved`; for a review note of the office and
 * the answers to it (inReviewThread()), reviewScope() of its plan.
 */
QString readScope(const EntityRecord &record, const Lookup &lookup);

/**
 * True for a comment of kind "review", and for an answer (reply_to) to one, however deep: a review thread
 * is between the office and the municipality whose plan it is, so peers that read the plan do not read it.
 * Also true if the thread cannot be followed to its start (a missing comment, or deeper than any real
 * thread): what cannot be placed is not shown to peers.
 */
bool inReviewThread(const EntityRecord &comment, const Lookup &lookup);

/** The scope of a plan's review threads: read by the office and the plan's municipality only. No id has a '/'. */
inline QString reviewScope(const QString &planId)
{
    return QStringLiteral("review/") + planId;
}

} // namespace Ownership
