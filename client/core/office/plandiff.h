// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/plansnapshot.h"

#include <QJsonObject>
#include <QList>

/** One difference between two states of a plan. */
struct PlanDiffItem
{
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    QString type; ///< entity type, e.g. "measure"
    QString id;
    QString title; ///< the entity's title (name, body …) in the newer state, or the older one if removed
    QString field; ///< Changed only
    QString oldValue; ///< Changed only; null when the field was unset
    QString newValue; ///< Changed only; null when the field was unset

    [[nodiscard]] static QString kindName(Kind kind);
    [[nodiscard]] QJsonObject toJson() const;
};

/**
 * What changed between two states of a plan, item by item: entities added,
 * entities removed, and each field whose value differs. Order: the newer
 * state's outline order, then removed entities in the older one's order.
 * A moved entry shows as a changed parent; a reordering alone is no change.
 */
class PlanDiff
{
public:
    [[nodiscard]] static QList<PlanDiffItem> compare(const PlanSnapshot &from, const PlanSnapshot &to);
};
