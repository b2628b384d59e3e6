// SPDX-License-Identifier: GPL-3.0-or-later
#include "notifier.h"

#include "common/logging.h"
#include "metrics.h"
#include "serverstore.h"
#include "sync/protocol.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTimer>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString channel = u"werkstattplan_changes"_s;
}

Notifier::Notifier(ServerStore &store, Metrics &metrics, QObject *parent)
    : QObject(parent), m_store(store), m_metrics(metrics)
{
    if (m_store.isPostgres()) {
        QSqlDriver *driver = m_store.replica().database().driver();
        if (driver->subscribeToNotification(channel))
            connect(driver, &QSqlDriver::notification, this,
                    [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                        onNotification(name, payload);
                    });
        else
            qCWarning(lcServer) << "cannot listen for changes of other server processes";
    }
}

Notifier::~Notifier()
{
    qDeleteAll(m_pending);
    qDeleteAll(m_clients);
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
    QTimer::singleShot(authTimeoutMs, socket, [this, socket] {
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
    if (!m_store.accountForToken(object.value(u"token"_s).toString()))
        return refuse(u"unauthorized"_s);
    m_pending.remove(socket);
    m_clients.insert(socket);
    updateGauge();
    send(socket, m_store.replica().lastSequence());
}

void Notifier::changesAccepted(qint64 cursor)
{
    if (m_store.isPostgres()) {
        // Every process listening, this one included, hears it and tells its clients.
        QSqlQuery notify(m_store.replica().database());
        notify.prepare(u"SELECT pg_notify(?, ?)"_s);
        notify.addBindValue(channel);
        notify.addBindValue(QString::number(cursor));
        if (notify.exec())
            return;
        qCWarning(lcServer) << "cannot announce changes to other server processes";
    }
    broadcast(cursor);
}

void Notifier::onNotification(const QString &name, const QVariant &payload)
{
    if (name == channel)
        broadcast(payload.toString().toLongLong());
}

void Notifier::broadcast(qint64 cursor)
{
    m_lastAnnounced = qMax(m_lastAnnounced, cursor);
    m_metrics.setCursor(m_lastAnnounced);
    for (QWebSocket *socket : std::as_const(m_clients))
        send(socket, m_lastAnnounced);
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
