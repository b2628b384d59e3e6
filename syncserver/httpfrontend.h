// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httptypes.h"
#include "serverlimits.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QWebSocket>

#include <functional>

class HttpListener;
class Metrics;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

/**
 * The only class that speaks HTTP: reads requests into HttpRequest, writes
 * HttpResponse back, and hands over upgraded WebSockets. It reads HTTP/1.1
 * itself instead of through Qt HttpServer (a technology preview in Qt 6.4
 * that reads a whole body into memory before anyone may refuse it), so that
 * every limit of ServerLimits holds while a request arrives: a body over the
 * limit is refused from its Content-Length without being read, headers and
 * bodies must arrive in time, idle connections are closed, and one address
 * may hold only so many connections.
 *
 * With a TLS configuration it speaks HTTPS and WSS on the same port instead:
 * the handshake runs inside the connection's header timeout and counts
 * against the same connection caps, and a plain HTTP request is answered
 * (in plain text) with 400 "tls_required" instead of being taken for a
 * broken handshake.
 */
class HttpFrontend final : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const HttpRequest &, HttpReply)>;

    HttpFrontend(Handler handler, const ServerLimits &limits, QObject *parent = nullptr);
    ~HttpFrontend() override;

    /** The bound port, 0 if listening failed. */
    quint16 listen(const QHostAddress &address, quint16 port);

    /**
     * Serves TLS with this configuration (certificate chain and key) from now on: connections
     * accepted later use it, open ones keep the one they started with. Call before listen() to
     * serve HTTPS at all; again to renew the certificate.
     */
    void setTlsConfiguration(const QSslConfiguration &configuration);
    [[nodiscard]] bool isTls() const;

    /** The one path that accepts WebSocket upgrades. */
    static inline const QString webSocketPath = QStringLiteral("/v1/ws");

    [[nodiscard]] const ServerLimits &limits() const { return m_limits; }
    /** Counts the bytes of every request read and answer written into metrics from now on. */
    void setMetrics(Metrics *metrics) { m_metrics = metrics; }

Q_SIGNALS:
    /** A client opened a WebSocket; the receiver owns it. */
    void webSocketOpened(QWebSocket *socket);

private:
    friend class HttpConnection;
    void onNewConnection();
    void onNewWebSocket();
    void connectionClosed(const QString &address);

    Handler m_handler;
    ServerLimits m_limits;
    Metrics *m_metrics = nullptr;
    HttpListener *m_server = nullptr;
    QWebSocketServer *m_webSockets = nullptr;
    QHash<QString, int> m_perAddress;
    int m_open = 0;
};
