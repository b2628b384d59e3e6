// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/replicastore.h"

#include <QSet>

#include <optional>

class StatementCache;

/**
 * A client's table of the entities it holds without their history (a
 * compact first sync; schema 8, see PartialHistory): which entities, which
 * of their logged changes were made from their heads (never sent back to the
 * server), and which must be completed before the next pull. Writes run
 * inside the store's transaction; their errors go to the batch's failure.
 */
class PartialHistories
{
public:
    PartialHistories(StatementCache &statements, std::optional<Error> &failure)
        : m_statements(statements), m_failure(failure)
    {
    }
    Q_DISABLE_COPY_MOVE(PartialHistories)

    /** Marks an entity as held without history, with the changes made from its heads. */
    void add(const QString &entityId, const QList<Change> &heads, bool completeBeforePull);
    /** The ones among entityIds held without history. */
    [[nodiscard]] Result<QSet<QString>> among(const QStringList &entityIds);
    /** Entities to complete before the next pull (those a bootstrap met with edits made here). */
    [[nodiscard]] Result<QStringList> due();
    [[nodiscard]] Result<bool> any();
    [[nodiscard]] Result<int> count();
    /** Every logged change of one entity, in log order. */
    [[nodiscard]] Result<QList<Change>> held(const QString &entityId);
    /** The ids of every logged change of one entity. */
    [[nodiscard]] Result<QSet<QString>> heldIds(const QString &entityId);
    /** The entity is complete: its head changes leave the log (their real versions take their place). */
    void forget(const QString &entityId);

private:
    StatementCache &m_statements;
    std::optional<Error> &m_failure;
};
