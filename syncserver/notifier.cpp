// SPDX-License-Identifier: GPL-3.0-or-later
#include "notifier.h"

#include "common/logging.h"
#include "metrics.h"
#include "serverstore.h"
#include "sync/protocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QTimer>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString channel = u"werkstattplan_changes"_s;
}

Notifier::Notifier(ServerStore &store, Metrics &metrics, const ServerLimits &limits, QObject *parent)
    : QObject(parent), m_store(store), m_metrics(metrics), m_limits(limits)
{
    if (m_store.isPostgres()) {
        connect(m_store.notifications(), &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                    onNotification(name, payload);
                });
        subscribe();
    }
    if (auto count = m_store.revocations())
        m_revocations = count.value();
    connect(&m_revocationTimer, &QTimer::timeout, this, [this] { checkRevocations(false); });
    m_revocationTimer.start(revocationCheckMs);
}

Notifier::~Notifier()
{
    qDeleteAll(m_pending);
    qDeleteAll(m_clients.keys());
}

void Notifier::subscribe()
{
    for (const QString &name : { channel, ServerStore::revocationChannel }) {
        if (!m_store.listen(name))
            qCWarning(lcServer) << "cannot listen on" << name << "for other server processes";
    }
}

void Notifier::storeReconnected()
{
    if (m_store.isPostgres())
        subscribe();
    checkRevocations(true);
}

void Notifier::checkRevocations(bool force)
{
    const auto count = m_store.revocations();
    if (!count || (!force && count.value() == m_revocations))
        return;
    m_revocations = count.value();
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        const auto account = m_store.accountForToken(it.value());
        if (account || account.errorCode() != u"unauthorized"_s)
            continue; // still valid, or the store cannot tell now: check again next time
        QWebSocket *socket = it.key();
        qCInfo(lcServer).noquote() << "closing the live socket of" << socket->peerAddress().toString()
                                   << ": its token was revoked";
        socket->sendTextMessage(QString::fromUtf8(QJsonDocument(QJsonObject { { u"type"_s, u"error"_s },
                                                                              { u"error"_s, u"unauthorized"_s } })
                                                          .toJson(QJsonDocument::Compact)));
        // Closed asynchronously; it leaves m_clients on disconnected, and hears nothing more meanwhile.
        QMetaObject::invokeMethod(socket, [socket] { socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"unauthorized"_s); },
                                  Qt::QueuedConnection);
        m_pending.insert(socket); // no more announcements
    }
    for (QWebSocket *socket : std::as_const(m_pending))
        m_clients.remove(socket);
    updateGauge();
}

void Notifier::addSocket(QWebSocket *socket)
{
    m_pending.insert(socket);
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &message) { onTextMessage(socket, message); });
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        m_pending.remove(socket);
        m_clients.remove(socket);
        socket->deleteLater();
        updateGauge();
    });
    QTimer::singleShot(int(m_limits.webSocketAuthTimeoutMs), socket, [this, socket] {
        if (m_pending.contains(socket))
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"no auth message"_s);
    });
}

void Notifier::onTextMessage(QWebSocket *socket, const QString &message)
{
    if (!m_pending.contains(socket))
        return; // signed-in clients have nothing to say
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    auto refuse = [socket](const QString &code) {
        socket->sendTextMessage(QString::fromUtf8(
                QJsonDocument(QJsonObject { { u"type"_s, u"error"_s }, { u"error"_s, code } }).toJson(QJsonDocument::Compact)));
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, code);
    };
    if (object.value(u"type"_s).toString() != u"auth"_s)
        return refuse(u"bad_request"_s);
    if (object.value(u"protocol"_s).toInt() != Protocol::version)
        return refuse(u"unsupported_protocol"_s);
    const QString token = object.value(u"token"_s).toString();
    if (!m_store.accountForToken(token))
        return refuse(u"unauthorized"_s);
    m_pending.remove(socket);
    m_clients.insert(socket, token);
    updateGauge();
    send(socket, m_store.replica().lastSequence());
}

void Notifier::changesAccepted(qint64 cursor)
{
    if (m_store.isPostgres()) {
        // Every process listening, this one included, hears it and tells its clients.
        if (m_store.announce(channel, QString::number(cursor)))
            return;
        qCWarning(lcServer) << "cannot announce changes to other server processes";
    }
    broadcast(cursor);
}

void Notifier::onNotification(const QString &name, const QVariant &payload)
{
    if (name == channel)
        broadcast(payload.toString().toLongLong());
    else if (name == ServerStore::revocationChannel)
        checkRevocations(true);
}

void Notifier::broadcast(qint64 cursor)
{
    checkRevocations(false); // a revoked token hears nothing more, even between two checks
    m_lastAnnounced = qMax(m_lastAnnounced, cursor);
    m_metrics.setCursor(m_lastAnnounced);
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
        send(it.key(), m_lastAnnounced);
}

void Notifier::send(QWebSocket *socket, qint64 cursor)
{
    socket->sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject { { u"type"_s, u"cursor"_s }, { u"cursor"_s, cursor } }).toJson(QJsonDocument::Compact)));
}

void Notifier::updateGauge()
{
    m_metrics.setWebSocketClients(int(m_clients.size()));
}
