// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "model/ownership.h"

#include <QHash>
#include <QSet>

/** Who is writing: an editor of one municipality, or the project office. */
struct Actor
{
    QString user;
    bool office = false;
    QString municipalityId; ///< editors only
};

/**
 * The write rules of the roles table (docs/protocol.md): a municipality
 * writes only its own plan; comments belong to their author; municipalities,
 * synopsis and meetings belong to the office. The review status follows the
 * review workflow: a municipality sets "submitted" only with the sealed
 * plan_version of its submission, earlier in the same batch (and "draft" only
 * on a plan that has no status yet); the office sets the review states. The
 * server enforces them on every change; clients check them first, so a user
 * is told at once instead of after the next sync, and offer only what the
 * rules allow (mayEditField, settableChoices).
 *
 * Caches which plan an entity belongs to and remembers the submissions of the
 * batch: use one instance per batch.
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
    /**
     * The part of mayWrite() that holds for anyone: a create makes a new id, every other op needs an
     * entity that exists. Ok, or "forbidden" with the reason.
     */
    Status fitsTheEntity(const Change &change);
    /** True if the actor reads the plan (own plan, a shared plan, or any plan for the office). */
    bool readsPlan(const QString &planId);
    /** True if the actor edits the plan's content. */
    bool ownsPlan(const QString &planId);
    /** The plan an entity belongs to, as it stands now. */
    std::optional<QString> planOf(const QString &entityId);

    /**
     * True if the actor may change the field of the live record now by a plain edit (a form): some
     * value of it passes mayWrite. Fields of the review workflow never do: they change only through
     * its actions (submitting, reviewing), which write more than the one field.
     */
    bool mayEditField(const EntityRecord &record, const QString &field);
    /** True if the actor may edit some field of the record other than its parent link (its form is editable). */
    bool mayEditRecord(const EntityRecord &record);
    /** An enum field's choices the actor may set now, in the schema's order. */
    QStringList settableChoices(const EntityRecord &record, const QString &field);

private:
    Status mayWritePlan(const Change &change);
    Status mayWritePlanContent(const Change &change, const EntitySpec &spec);
    Status mayWriteComment(const Change &change);
    Status mayWriteDevice(const Change &change);
    Status mayWriteVersion(const Change &change);
    QString municipalityOfPlan(const QString &planId);
    Status probe(const EntityRecord &record, const QString &field, const QString &value);

    Actor m_actor;
    Lookups m_lookups;
    QHash<QString, QString> m_planCache;
    QSet<QString> m_submittedPlans; ///< plans whose plan_version this batch has sealed so far
};
