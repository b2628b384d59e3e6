// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/replicastore.h"

#include <optional>

class ChangeLog;
class StatementCache;

/**
 * A client's own tables (schema 4): the outbox of unconfirmed local changes,
 * the rejected changes, the sync settings (client_state) and the server's
 * seals. Writes run inside the store's transaction; errors of those go to the
 * batch's failure.
 */
class ClientTables
{
public:
    ClientTables(StatementCache &statements, ChangeLog &log, std::optional<Error> &failure);
    Q_DISABLE_COPY_MOVE(ClientTables)

    /** Queues local changes and stores a setting (none if stateKey is empty). */
    Status queue(const QList<Change> &changes, const QString &stateKey, const QString &stateValue);
    /** Takes changes that came back from the server out of the outbox; stores settings and seals. */
    Status confirm(const QList<Change> &changes, const QList<QPair<QString, QString>> &state,
                   const QList<ReplicaStore::Seal> &seals);
    [[nodiscard]] Result<QHash<QString, QString>> sealsOf(const QStringList &changeIds);
    [[nodiscard]] int outboxSize();
    [[nodiscard]] qint64 outboxSequence();
    /** Ids of the oldest queued changes, in queue order. */
    [[nodiscard]] QStringList outboxIds(int limit);
    /**
     * Takes accepted changes out of the outbox; moves rejected ones to the rejected list and out of
     * the log (with the conflicts of their entities). The entities they touched, ascending.
     */
    QStringList acknowledge(const QStringList &accepted, const QList<ReplicaStore::Rejection> &rejected);
    [[nodiscard]] QList<ReplicaStore::Rejection> rejections();
    /** Queues again the changes of a device and those sealed after sealedAfter, in log order; how many anew. */
    int requeue(const QString &device, qint64 sealedAfter);
    [[nodiscard]] QString clientState(const QString &key);
    Status setClientState(const QString &key, const QString &value);
    /** Makes the logged changes of one author another's; the (id, type) of the entities they touched. */
    QList<QPair<QString, QString>> reassignAuthor(const QString &from, const QString &to);

private:
    StatementCache &m_statements;
    ChangeLog &m_log;
    std::optional<Error> &m_failure;
};
