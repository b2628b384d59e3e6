// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "localreplica.h"
#include "replicaview.h"

/**
 * The edits a user makes to the plans, with the rules every client applies alike (the desktop client and
 * werkstattplan-cli both edit through it): what a new entity starts with (the schema's defaults, a
 * comment's kind by the author's role), where a moved entry goes among its siblings, that a synopsis
 * figure is one per municipality, key and year, and which fields the account may edit (Permissions,
 * through LocalReplica). Writes go to the replica at once; sending them is the caller's business.
 */
class PlanEditor
{
public:
    explicit PlanEditor(LocalReplica &replica);

    /**
     * The fields a new entity of type is created with: the given ones, then every field the schema gives a
     * default that was not given, and a comment's kind ("review" from the office, else "peer").
     */
    [[nodiscard]] LocalReplica::Fields withDefaults(const QString &type, const LocalReplica::Fields &fields) const;
    /** The kind of comment this account writes: the office reviews, everyone else gives peer feedback. */
    [[nodiscard]] QString commentKind() const;

    /** Creates an entity under parentId with withDefaults(); its id. */
    Result<QString> add(const QString &type, const QString &parentId, const LocalReplica::Fields &fields);
    Status set(const QString &entityId, const LocalReplica::Fields &fields);
    Status remove(const QString &entityId);
    Status restore(const QString &entityId);
    /**
     * A comment on an entity of a plan (written to the target's plan), replyToId: the comment it answers.
     * The body is trimmed; an empty one is refused ("invalid_value").
     */
    Result<QString> addComment(const QString &targetId, const QString &body, const QString &replyToId = {});

    /**
     * The position key that moves an entity one place up (step -1) or down (+1) among its siblings: between
     * the neighbour it passes and the one after that. "not_found" for an entity without a list position,
     * "stale_position" if there is no place in that direction.
     */
    [[nodiscard]] Result<QString> positionAfterMove(const QString &entityId, int step);
    /** Moves an entity one place (positionAfterMove); the key it got. */
    Result<QString> move(const QString &entityId, int step);

    /** What setSynopsisFigure() did: the figure's id, whether it is new, and an updated figure's former values. */
    struct FigureEdit
    {
        QString id;
        bool created = false;
        LocalReplica::Fields before; ///< value and unit before an update
        LocalReplica::Fields after; ///< value and unit now
    };
    /**
     * Sets a municipality's synopsis figure of key in year to value and unit: the one figure of that key and
     * year if there is one (another year is another figure), else a new one.
     */
    Result<FigureEdit> setSynopsisFigure(const QString &municipalityId, const QString &key, const QString &value,
                                         const QString &unit, const QString &year);

    /** True if the account may edit this field of the entity now (Permissions, the server's rules). */
    [[nodiscard]] bool mayEditField(const QString &entityId, const QString &field);
    /** True if some field of the entity is editable now (or a deleted entry may be restored). */
    [[nodiscard]] bool mayEdit(const QString &entityId);

private:
    LocalReplica &m_replica;
    ReplicaView m_view;
};
