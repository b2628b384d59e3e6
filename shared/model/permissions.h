// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "model/ownership.h"

#include <QHash>

/** Who is writing: an editor of one municipality, or the project office. */
struct Actor
{
    QString user;
    bool office = false;
    QString municipalityId; ///< editors only
};

/**
 * The write rules of the roles table (docs/protocol.md): a municipality
 * writes only its own plan; comments belong to their author; review status,
 * municipalities, synopsis and meetings belong to the office. The server
 * enforces them on every change; clients check them first, so a user is
 * told at once instead of after the next sync.
 *
 * Caches which plan an entity belongs to: use one instance per batch.
 */
class Permissions
{
public:
    struct Lookups
    {
        Ownership::Lookup record; ///< the entity as it stands now, including the batch so far
        std::function<QString(const QString &entityId)> creatorOf; ///< author of the entity's create
    };

    Permissions(Actor actor, Lookups lookups);

    /** Ok, or "forbidden" with the reason. The change must have passed validateChange(). */
    Status mayWrite(const Change &change);
    /** True if the actor reads the plan (own plan, a shared plan, or any plan for the office). */
    bool readsPlan(const QString &planId);
    /** True if the actor edits the plan's content. */
    bool ownsPlan(const QString &planId);
    /** The plan an entity belongs to, as it stands now. */
    std::optional<QString> planOf(const QString &entityId);

private:
    Status mayWritePlan(const Change &change);
    Status mayWritePlanContent(const Change &change, const EntitySpec &spec);
    Status mayWriteComment(const Change &change);
    Status mayWriteVersion(const Change &change);
    QString municipalityOfPlan(const QString &planId);

    Actor m_actor;
    Lookups m_lookups;
    QHash<QString, QString> m_planCache;
};
