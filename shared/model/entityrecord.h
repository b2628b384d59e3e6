// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/change.h"
#include "model/hlc.h"
#include "model/schema.h"

#include <QList>
#include <QString>
#include <QStringList>

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
