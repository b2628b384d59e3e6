// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "model/entityrecord.h"

#include <QJsonObject>
#include <QList>

#include <functional>

/**
 * A plan's content frozen at one moment: the plan and every live entity
 * below it (fields of action, goals, measures, milestones, meeting links) in
 * outline order, each with its field values. Submitted versions store it
 * (plan_version.snapshot); diffs compare two of them.
 *
 * Left out: review status (workflow, not content), list positions (the
 * order is the item order), comments and versions themselves.
 */
struct PlanSnapshot
{
    struct Item
    {
        QString type;
        QString id;
        QJsonObject values; ///< set fields only, canonical values as strings
    };

    QString planId;
    QList<Item> items; ///< the plan first, then depth-first in list order

    /** Live children of parentId among the entities of one type, in any order. */
    using Children = std::function<QList<EntityRecord>(const EntitySpec &spec, const QString &parentId)>;

    /** The snapshot of a plan as the lookups show it now; empty items if the plan is unknown. */
    static PlanSnapshot build(const EntityRecord &plan, const Children &children);

    [[nodiscard]] QJsonObject toJson() const;
    static Result<PlanSnapshot> fromJson(const QJsonObject &json);
    /** The stored form: base64 of qCompress()ed compact JSON (a 4-byte length, then zlib). */
    [[nodiscard]] QString encode() const;
    static Result<PlanSnapshot> decode(const QString &stored);
};
