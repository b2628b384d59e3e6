// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/mergeengine.h"

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

/** The read scope to store for an entity: planOf(), or `unresolved`. */
QString readScope(const EntityRecord &record, const Lookup &lookup);

} // namespace Ownership
