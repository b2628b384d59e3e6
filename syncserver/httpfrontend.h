// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httptypes.h"

#include <QAbstractHttpServer>

#include <functional>
#include <memory>

class QWebSocket;

/**
 * The only class that touches Qt HttpServer (a technology preview in Qt
 * 6.4), so it can be replaced: turns its requests into HttpRequest, writes
 * HttpResponse back, and hands over upgraded WebSockets.
 */
class HttpFrontend final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit HttpFrontend(Handler handler, QObject *parent = nullptr);

    /** The one path that accepts WebSocket upgrades. */
    static inline const QString webSocketPath = QStringLiteral("/v1/ws");

Q_SIGNALS:
    /** A client opened a WebSocket; the receiver owns it. */
    void webSocketOpened(QWebSocket *socket);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void onNewWebSocketConnection();

    Handler m_handler;
};
