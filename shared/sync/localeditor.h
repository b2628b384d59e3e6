// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/change.h"
#include "model/hlc.h"
#include "sync/mergeengine.h"

#include <functional>

/**
 * Turns a user's intent into changes, stamped by this device's clock and
 * based on the versions the user saw. It only builds changes; the caller
 * applies them (locally first, then they are pushed).
 */
class LocalEditor
{
public:
    using IdSource = std::function<QString()>;

    /** ids makes change ids (default: random 128-bit, see newId()); tests pass a seeded source. */
    LocalEditor(HlcClock &clock, QString author, IdSource ids = {});

    [[nodiscard]] const QString &author() const { return m_author; }
    /** The account the next changes are made by (after signing in). */
    void setAuthor(const QString &author) { m_author = author; }
    [[nodiscard]] HlcClock &clock() { return m_clock; }

    /** A new, globally unique id for a change or an entity. */
    [[nodiscard]] static QString newId();

    [[nodiscard]] Change create(const QString &entityType, const QString &entityId);
    [[nodiscard]] Change set(const EntityRecord &record, const QString &field, const QString &value);
    /** A delete that has seen every current version of every field: those edits are not in conflict. */
    [[nodiscard]] Change remove(const EntityRecord &record);
    [[nodiscard]] Change restore(const EntityRecord &record);
    /**
     * Settles every open conflict of one field: a write of value based on all
     * its heads. For a conflict about the entity's deletion, value
     * Change::deleted confirms the delete; any other value restores the
     * entity, keeping the edit.
     */
    [[nodiscard]] Change resolve(const EntityRecord &record, const Conflict &conflict, const QString &value);
    [[nodiscard]] Change resolveDeletion(const EntityRecord &record, bool restore);

    /**
     * The versions an edit of this field is based on: those whose value the
     * user sees. A merged text shows every head; an open conflict shows the
     * winner only, so an ordinary edit leaves the conflict open.
     */
    [[nodiscard]] static QStringList editBase(const FieldState &state);

private:
    Change make(Change::Op op, const EntityRecord *record, const QString &type, const QString &id);

    HlcClock &m_clock;
    QString m_author;
    IdSource m_ids;
};
