// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/replicastore.h"
#include "sync/partialhistory.h"

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

    /**
     * Marks an entity as held without history, with the changes made from its heads and how many changes
     * its history had on the server (-1: not told).
     */
    void add(const QString &entityId, const QList<Change> &heads, bool completeBeforePull, qint64 historyLength = -1);
    /** The ones among entityIds held without history, each with its history's length on the server (-1: not told). */
    [[nodiscard]] Result<QHash<QString, qint64>> among(const QStringList &entityIds);
    /** Entities to complete before the next pull (those a bootstrap met with edits made here). */
    [[nodiscard]] Result<QStringList> due();
    [[nodiscard]] Result<bool> any();
    [[nodiscard]] Result<int> count();
    /** Every logged change of one entity, in log order. */
    [[nodiscard]] Result<QList<Change>> held(const QString &entityId);
    /** Every logged change of one entity, as merging it needs them (PartialHistory::PartialEntity::held). */
    [[nodiscard]] Result<QHash<QString, PartialHistory::HeldChange>> heldChanges(const QString &entityId);
    /** The entity is complete: its head changes leave the log (their real versions take their place). */
    void forget(const QString &entityId);

private:
    StatementCache &m_statements;
    std::optional<Error> &m_failure;
};
