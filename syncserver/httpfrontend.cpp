// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpfrontend.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    return { status, "application/json", QJsonDocument(object).toJson(QJsonDocument::Compact) };
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message, QJsonObject extra)
{
    extra.insert(u"error"_s, code);
    extra.insert(u"message"_s, message);
    return json(status, extra);
}

HttpFrontend::HttpFrontend(Handler handler, QObject *parent) : QAbstractHttpServer(parent), m_handler(std::move(handler))
{
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, &HttpFrontend::onNewWebSocketConnection);
}

bool HttpFrontend::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Qt 6.4 asks here before upgrading a WebSocket request: accept it without
    // answering, and the library completes the handshake (webSocketOpened).
    if (request.value("upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
        return request.url().path() == webSocketPath;

    HttpRequest plain;
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        plain.method = "GET";
        break;
    case QHttpServerRequest::Method::Post:
        plain.method = "POST";
        break;
    case QHttpServerRequest::Method::Put:
        plain.method = "PUT";
        break;
    case QHttpServerRequest::Method::Delete:
        plain.method = "DELETE";
        break;
    default:
        plain.method = "OTHER";
        break;
    }
    plain.path = request.url().path();
    plain.query = request.query();
    for (const auto &[name, value] : request.headers())
        plain.headers.insert(name.toLower(), value);
    plain.body = request.body();
    plain.remote = request.remoteAddress();

    const HttpResponse response = m_handler(plain);
    auto responder = makeResponder(request, socket);
    responder.write(response.body, { { "Content-Type", response.contentType } },
                    static_cast<QHttpServerResponder::StatusCode>(response.status));
    return true;
}

void HttpFrontend::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const HttpResponse response = HttpResponse::error(404, u"not_found"_s, u"no such endpoint"_s);
    makeResponder(request, socket).write(response.body, { { "Content-Type", response.contentType } },
                                         QHttpServerResponder::StatusCode::NotFound);
}

void HttpFrontend::onNewWebSocketConnection()
{
    while (hasPendingWebSocketConnections())
        Q_EMIT webSocketOpened(nextPendingWebSocketConnection().release());
}
