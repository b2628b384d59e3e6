// SPDX-License-Identifier: GPL-3.0-or-later
// SyncEngine: the live socket, which announces the server's cursor.
#include "syncengine.h"

#include "common/logging.h"
#include "localreplica.h"
#include "sync/protocol.h"

#include <QJsonDocument>

#include <utility>

using namespace Qt::Literals::StringLiterals;
using SyncHttp::compact;
using SyncHttp::endpointOf;

void SyncEngine::openSocket()
{
    const auto account = m_replica.account();
    if (!m_running || m_fatal || !account || m_replica.token().isEmpty() || !loadTrust())
        return;
    closeSocket();
    QUrl url = endpointOf(QUrl(account->serverUrl), u"/v1/ws"_s);
    url.setScheme(url.scheme() == u"https"_s ? u"wss"_s : u"ws"_s);

    m_socket = m_transport->socket(*m_trust, this);
    m_socketAuthed = false;
    connect(m_socket, &TransportSocket::connected, this, &SyncEngine::onSocketConnected);
    connect(m_socket, &TransportSocket::textReceived, this, &SyncEngine::onSocketMessage);
    connect(m_socket, &TransportSocket::closed, this, &SyncEngine::onSocketDisconnected);
    qCDebug(lcSync) << "opening live socket" << url;
    m_socket->open(url, { { Protocol::versionHeader, QByteArray::number(Protocol::version) } });
}

void SyncEngine::closeSocket()
{
    m_socketTimer.stop();
    m_socketAuthed = false;
    if (!m_socket)
        return;
    TransportSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void SyncEngine::onSocketConnected()
{
    const QJsonObject auth { { u"type"_s, u"auth"_s }, { u"token"_s, m_replica.token() }, { u"protocol"_s, Protocol::version } };
    m_socket->sendText(QString::fromUtf8(compact(auth)));
}

void SyncEngine::onSocketDisconnected()
{
    if (!m_socket)
        return;
    TransportSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->deleteLater();
    const bool wasLive = std::exchange(m_socketAuthed, false);
    if (!m_running || m_fatal)
        return;
    // Losing a live socket usually means losing the server: a sync finds out, so the status says so now.
    if (wasLive)
        scheduleSync(0);
    qCDebug(lcSync) << "live socket closed; reconnecting in" << m_socketRetryMs << "ms";
    m_socketTimer.start(m_socketRetryMs);
    Q_EMIT socketRetryScheduled(m_socketRetryMs);
    m_socketRetryMs = qMin(m_socketRetryMs * 2, m_timing.maxRetryMs);
}

void SyncEngine::onSocketMessage(const QString &message)
{
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = object.value(u"type"_s).toString();
    if (type == u"cursor"_s && object.value(u"cursor"_s).isDouble()) {
        m_socketAuthed = true;
        m_socketRetryMs = m_timing.firstSocketRetryMs;
        const qint64 cursor = object.value(u"cursor"_s).toInteger();
        // Also after a failed cycle: the socket being back means the server is.
        if (cursor > m_replica.cursor() || m_unreachable || m_replica.pendingCount() > 0)
            scheduleSync(m_phase == Phase::Idle ? 0 : m_timing.debounceMs);
        return;
    }
    if (type == u"error"_s) {
        // The server closes the socket next; a sync reports the reason (e.g. unauthorized) properly.
        qCDebug(lcSync) << "live socket refused:" << object.value(u"error"_s).toString();
        scheduleSync(0);
        return;
    }
    qCDebug(lcSync) << "ignoring live socket message of type" << type;
}
