// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSet>

class QWebSocket;
class ServerStore;
class Metrics;

/**
 * Tells online clients the newest cursor as soon as changes are accepted.
 * Clients authenticate on their WebSocket with their token first. With
 * PostgreSQL, accepted pushes are also announced to every other server
 * process on the same database through LISTEN/NOTIFY.
 */
class Notifier final : public QObject
{
    Q_OBJECT

public:
    Notifier(ServerStore &store, Metrics &metrics, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(Notifier)
    ~Notifier() override;

    /** Takes ownership of a newly opened socket. */
    void addSocket(QWebSocket *socket);
    /** Called after this process accepted changes. */
    void changesAccepted(qint64 cursor);

    static constexpr int authTimeoutMs = 10000;

private:
    void onTextMessage(QWebSocket *socket, const QString &message);
    void onNotification(const QString &name, const QVariant &payload);
    void broadcast(qint64 cursor);
    void send(QWebSocket *socket, qint64 cursor);
    void updateGauge();

    ServerStore &m_store;
    Metrics &m_metrics;
    QSet<QWebSocket *> m_pending;
    QSet<QWebSocket *> m_clients;
    qint64 m_lastAnnounced = 0;
};
