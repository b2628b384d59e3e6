// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serverlimits.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

class QWebSocket;
class ServerStore;
class Metrics;

/**
 * Tells online clients the newest cursor as soon as changes are accepted.
 * Clients authenticate on their WebSocket with their token first. With
 * PostgreSQL, accepted pushes are also announced to every other server
 * process on the same database through LISTEN/NOTIFY. Revoking an account's
 * tokens (revoke-tokens, another process) closes its sockets: the notifier
 * checks the store's revocation count every few seconds and before each
 * announcement, and on PostgreSQL hears the revocation at once.
 */
class Notifier final : public QObject
{
    Q_OBJECT

public:
    Notifier(ServerStore &store, Metrics &metrics, const ServerLimits &limits, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(Notifier)
    ~Notifier() override;

    /** Takes ownership of a newly opened socket. */
    void addSocket(QWebSocket *socket);
    /** Called after this process accepted changes. */
    void changesAccepted(qint64 cursor);
    /** The store's connection was made anew: listen again (PostgreSQL). */
    void storeReconnected();

    /** How often the revocation count is read. */
    static constexpr int revocationCheckMs = 2000;

private:
    void subscribe();
    /** Closes the sockets whose token no longer exists, if the revocation count moved (or force). */
    void checkRevocations(bool force);
    void onTextMessage(QWebSocket *socket, const QString &message);
    void onNotification(const QString &name, const QVariant &payload);
    void broadcast(qint64 cursor);
    void send(QWebSocket *socket, qint64 cursor);
    void updateGauge();

    ServerStore &m_store;
    Metrics &m_metrics;
    ServerLimits m_limits;
    QSet<QWebSocket *> m_pending;
    QHash<QWebSocket *, QString> m_clients; ///< signed-in sockets and their tokens
    qint64 m_lastAnnounced = 0;
    qint64 m_revocations = -1;
    QTimer m_revocationTimer;
};
