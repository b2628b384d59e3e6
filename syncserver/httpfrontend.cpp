// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpfrontend.h"

#include "common/logging.h"
#include "metrics.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QPointer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>

#include <sys/socket.h>
#include <unistd.h>

#include <optional>
#include <utility>

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

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 426: return "Upgrade Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

/** Bytes a socket may buffer unread: the kernel holds the rest back, so a flood costs the sender, not us. */
constexpr qint64 socketBufferBytes = 64 * 1024;
/** How long a refused request's remaining bytes are read and dropped, so the client sees the answer. */
constexpr int lingerMs = 2000;

/**
 * Logs a refusal without letting a flood of them flood the log (or block the server on a full
 * stderr pipe): the first in each ten seconds, with a count of the ones left out before it.
 */
void logRefusal(const QString &what)
{
    static QElapsedTimer window;
    static int leftOut = 0;
    if (window.isValid() && window.elapsed() < 10'000) {
        ++leftOut;
        return;
    }
    if (leftOut > 0)
        qCInfo(lcServerHttp).noquote() << "refused" << leftOut << "more requests or connections in the last seconds";
    qCInfo(lcServerHttp).noquote() << what;
    window.restart();
    leftOut = 0;
}

/** The first byte of every TLS connection: a handshake record (RFC 8446 5.1). */
constexpr char tlsHandshakeRecord = 0x16;

} // namespace

/**
 * Accepts connections as plain TCP sockets or, with a TLS configuration, as QSslSocket that
 * have not started their handshake yet: HttpConnection starts it, bounded by its timeout and
 * counted by the connection caps like every other connection (QSslServer would hand a socket
 * over only once its handshake is done, out of reach of both).
 */
class HttpListener final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

    std::optional<QSslConfiguration> tls;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (!tls)
            return QTcpServer::incomingConnection(descriptor);
        auto *socket = new QSslSocket(this);
        socket->setSslConfiguration(*tls);
        if (!socket->setSocketDescriptor(descriptor)) {
            ::close(int(descriptor));
            delete socket;
            return;
        }
        addPendingConnection(socket);
    }
};

/**
 * One TCP connection: reads one request at a time (headers by peeking, so a WebSocket upgrade
 * can be handed over untouched), answers it, and keeps the connection for the next one.
 */
class HttpConnection final : public QObject
{
public:
    HttpConnection(HttpFrontend *frontend, QTcpSocket *socket) : QObject(socket), m_frontend(frontend), m_socket(socket)
    {
        m_socket->setReadBufferSize(qMax(socketBufferBytes, 2 * limits().maxHeaderBytes));
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
        connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
        connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
        connect(m_socket, &QTcpSocket::disconnected, m_socket, &QObject::deleteLater);
        m_tls = qobject_cast<QSslSocket *>(m_socket);
        if (m_tls) {
            connect(m_tls, &QSslSocket::encrypted, this, &HttpConnection::onEncrypted);
            // Written to the network only once encrypted: the answer is out when these bytes are.
            connect(m_tls, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::onBytesWritten);
            connect(m_tls, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
                if (error != QAbstractSocket::SslHandshakeFailedError || m_state != State::Handshake)
                    return;
                logRefusal(u"TLS handshake with %1 failed: %2"_s.arg(m_socket->peerAddress().toString(), m_socket->errorString()));
                m_socket->abort();
            });
            // A client that connects and never completes the handshake is dropped like a slow request.
            m_state = State::Handshake;
            m_timer.start(int(limits().headerTimeoutMs));
        } else {
            enterIdle();
        }
    }

    /** Answers without reading a request (connection caps) and closes. */
    void refuse(const HttpResponse &response)
    {
        m_keepAlive = false;
        if (m_state == State::Handshake) {
            m_refusal = response; // sent once the handshake is done: a TLS client reads nothing before
            return;
        }
        write(response);
    }

private:
    enum class State { Handshake, Idle, Header, Body, Handling, Closing };

    const ServerLimits &limits() const { return m_frontend->limits(); }

    void enterIdle()
    {
        m_state = State::Idle;
        m_request = {};
        m_contentLength = 0;
        m_timer.start(int(limits().idleTimeoutMs));
    }

    void onReadyRead()
    {
        while (m_socket->bytesAvailable() > 0) {
            switch (m_state) {
            case State::Idle:
            case State::Header:
                if (!readHeader())
                    return;
                break;
            case State::Body:
                if (!readBody())
                    return;
                break;
            case State::Handshake:
                if (!startHandshake())
                    return;
                break;
            case State::Handling:
                return; // the next request waits in the socket until this one is answered
            case State::Closing:
                m_socket->skip(m_socket->bytesAvailable());
                return;
            }
        }
    }

    /**
     * Looks at the first byte before the handshake starts: a TLS client begins with a handshake
     * record, anything else is a plain HTTP client at the HTTPS port, told so in plain HTTP.
     * False: nothing more to read now.
     */
    bool startHandshake()
    {
        if (m_tls->mode() != QSslSocket::UnencryptedMode)
            return false; // the handshake is running; decrypted data follows encrypted()
        char first = 0;
        if (m_tls->peek(&first, 1) != 1)
            return false;
        if (first == tlsHandshakeRecord) {
            m_tls->startServerEncryption();
            return false;
        }
        m_refusal.reset();
        fail(400, u"tls_required"_s, u"this server speaks HTTPS only: use https:// and wss://"_s);
        return false;
    }

    void onEncrypted()
    {
        if (m_refusal) {
            write(*std::exchange(m_refusal, std::nullopt));
            return;
        }
        enterIdle();
        if (m_socket->bytesAvailable() > 0)
            onReadyRead();
    }

    /** True if the request's headers were read and reading may go on. */
    bool readHeader()
    {
        if (m_state == State::Idle) {
            // Blank lines between requests are allowed (RFC 9112 2.2).
            while (m_socket->bytesAvailable() > 0) {
                char c = 0;
                if (m_socket->peek(&c, 1) != 1 || (c != '\r' && c != '\n'))
                    break;
                m_socket->skip(1);
            }
            if (m_socket->bytesAvailable() == 0)
                return false;
            char first = 0;
            if (!m_tls && m_socket->peek(&first, 1) == 1 && first == tlsHandshakeRecord) {
                // A TLS client at a plain port: told at once (it fails its handshake on the answer) instead of
                // after the header timeout.
                fail(400, u"tls_not_served"_s, u"this server speaks plain HTTP, not HTTPS"_s);
                return false;
            }
            m_state = State::Header;
            m_started.start();
            m_timer.start(int(limits().headerTimeoutMs));
        }
        const qint64 maxHeader = limits().maxHeaderBytes;
        const QByteArray peeked = m_socket->peek(maxHeader + 4);
        const qsizetype end = peeked.indexOf("\r\n\r\n");
        if (end < 0 || end + 4 > maxHeader) {
            if (peeked.size() >= maxHeader || end >= 0)
                fail(431, u"header_too_large"_s, u"request line and headers may have at most %1 bytes"_s.arg(maxHeader));
            return false;
        }
        const QList<QByteArray> lines = peeked.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            fail(400, u"bad_request"_s, u"not an HTTP/1.1 request"_s);
            return false;
        }
        HttpRequest request;
        request.method = requestLine[0];
        const QUrl target = QUrl::fromEncoded(requestLine[1]);
        request.path = target.path();
        request.query = QUrlQuery(target);
        request.remote = m_socket->peerAddress();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines[i];
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0) {
                fail(400, u"bad_request"_s, u"malformed header line"_s);
                return false;
            }
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length" && request.headers.contains(name) && request.headers.value(name) != value) {
                fail(400, u"bad_request"_s, u"conflicting Content-Length headers"_s);
                return false;
            }
            request.headers.insert(name, value);
        }
        const QByteArray connection = request.header("connection").toLower();
        m_keepAlive = requestLine[2] == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive");

        if (request.header("upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
            if (request.path != HttpFrontend::webSocketPath) {
                fail(404, u"not_found"_s, u"no such endpoint"_s);
                return false;
            }
            handOverWebSocket();
            return false;
        }
        if (request.headers.contains("transfer-encoding")) {
            // Every client of this protocol sends a Content-Length; without one no limit can be checked up front.
            fail(411, u"length_required"_s, u"send the body with a Content-Length"_s);
            return false;
        }
        bool ok = true;
        const QByteArray length = request.header("content-length");
        m_contentLength = length.isEmpty() ? 0 : length.toLongLong(&ok);
        if (!ok || m_contentLength < 0) {
            fail(400, u"bad_request"_s, u"malformed Content-Length"_s);
            return false;
        }
        if (m_contentLength > limits().maxBodyBytes) {
            // Refused before a byte of the body is read: it never reaches memory.
            fail(413, u"payload_too_large"_s, u"a request body may have at most %1 bytes"_s.arg(limits().maxBodyBytes));
            return false;
        }
        m_socket->skip(end + 4);
        m_headBytes = end + 4;
        m_request = std::move(request);
        if (m_request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_request.body.reserve(m_contentLength);
        m_state = State::Body;
        return readBody();
    }

    /** True if the body is still arriving and more may be read now. */
    bool readBody()
    {
        const qint64 missing = m_contentLength - m_request.body.size();
        if (missing > 0) {
            const QByteArray chunk = m_socket->read(qMin(missing, m_socket->bytesAvailable()));
            m_request.body.append(chunk);
        }
        if (m_request.body.size() < m_contentLength) {
            const qint64 left = limits().requestTimeoutMs - m_started.elapsed();
            m_timer.start(int(qMax<qint64>(1, qMin(limits().bodyStallTimeoutMs, left))));
            return false;
        }
        dispatch();
        return m_state != State::Handling && m_state != State::Closing;
    }

    void dispatch()
    {
        if (Metrics *metrics = m_frontend->m_metrics)
            metrics->countRequestBytes(m_headBytes + m_request.body.size());
        m_state = State::Handling;
        m_timer.stop();
        const quint64 generation = ++m_generation;
        QPointer<HttpConnection> self(this);
        m_frontend->m_handler(m_request, [self, generation](const HttpResponse &response) {
            if (self && self->m_state == State::Handling && self->m_generation == generation)
                self->answered(response);
        });
    }

    void answered(const HttpResponse &response)
    {
        write(response);
        if (m_state == State::Closing)
            return;
        enterIdle();
        if (m_socket->bytesAvailable() > 0)
            QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
    }

    void write(const HttpResponse &response)
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status)
                + "\r\nContent-Type: " + response.contentType + "\r\nContent-Length: "
                + QByteArray::number(response.body.size()) + "\r\n";
        if (!response.contentEncoding.isEmpty())
            head += "Content-Encoding: " + response.contentEncoding + "\r\nVary: Accept-Encoding\r\n";
        if (!m_keepAlive)
            head += "Connection: close\r\n";
        head += "\r\n";
        if (Metrics *metrics = m_frontend->m_metrics)
            metrics->countResponseBytes(head.size() + response.body.size());
        m_socket->write(head);
        m_socket->write(response.body);
        if (!m_keepAlive)
            startClosing();
    }

    /** An error that ends the connection (the rest of the request cannot be trusted or is not wanted). */
    void fail(int status, const QString &code, const QString &message)
    {
        logRefusal(u"refused a request from %1: %2 %3"_s.arg(m_socket->peerAddress().toString()).arg(status).arg(code));
        m_keepAlive = false;
        write(HttpResponse::error(status, code, message));
    }

    void startClosing()
    {
        m_state = State::Closing;
        m_request = {};
        m_socket->skip(m_socket->bytesAvailable());
        m_timer.start(lingerMs);
        onBytesWritten();
    }

    void onBytesWritten()
    {
        if (m_state != State::Closing || m_socket->bytesToWrite() > 0 || m_halfClosed
            || (m_tls && m_tls->encryptedBytesToWrite() > 0))
            return;
        // Answer sent: stop sending, but read and drop what still comes for a moment, so the
        // client's kernel does not discard our answer on a reset.
        m_halfClosed = true;
        m_socket->flush();
        // Over TLS an end of the stream without TLS's own closing message reads as an error to the
        // client, which may then drop the answer: there the answer's length and "Connection: close"
        // tell the end, and the linger timer closes.
        if (!m_tls || m_tls->mode() == QSslSocket::UnencryptedMode)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    }

    void onTimeout()
    {
        switch (m_state) {
        case State::Handshake:
            logRefusal(u"dropped a connection from %1: no TLS handshake in time"_s.arg(m_socket->peerAddress().toString()));
            m_socket->abort();
            return;
        case State::Idle:
        case State::Closing:
            m_socket->abort();
            return;
        case State::Header:
        case State::Body:
            fail(408, u"request_timeout"_s, u"the request did not arrive in time"_s);
            return;
        case State::Handling:
            return;
        }
    }

    void handOverWebSocket()
    {
        m_timer.stop();
        disconnect(m_socket, nullptr, this, nullptr);
        disconnect(m_socket, &QTcpSocket::disconnected, m_socket, &QObject::deleteLater);
        QTcpSocket *socket = m_socket;
        HttpFrontend *frontend = m_frontend;
        // The handshake is still unread in the socket: the WebSocket server reads it itself.
        socket->setParent(nullptr);
        frontend->m_webSockets->handleConnection(socket);
        Q_EMIT socket->readyRead();
        deleteLater();
    }

    HttpFrontend *m_frontend;
    QTcpSocket *m_socket;
    QSslSocket *m_tls = nullptr; ///< m_socket, if the connection is TLS
    std::optional<HttpResponse> m_refusal; ///< a refusal waiting for the handshake to end
    QTimer m_timer;
    QElapsedTimer m_started;
    State m_state = State::Idle;
    HttpRequest m_request;
    qint64 m_contentLength = 0;
    qint64 m_headBytes = 0; ///< request line and headers of the request being read
    bool m_keepAlive = true;
    bool m_halfClosed = false;
    quint64 m_generation = 0;
};

HttpFrontend::HttpFrontend(Handler handler, const ServerLimits &limits, QObject *parent)
    : QObject(parent), m_handler(std::move(handler)), m_limits(limits)
{
    m_server = new HttpListener(this);
    m_server->setMaxPendingConnections(int(qMax<qint64>(30, m_limits.maxConnections)));
    // A flood of connects must not fill the kernel's queue so that others' connects wait for a retry.
    m_server->setListenBacklogSize(int(qMax<qint64>(128, m_limits.maxConnections)));
    connect(m_server, &QTcpServer::newConnection, this, &HttpFrontend::onNewConnection);
    m_webSockets = new QWebSocketServer(u"werkstattplan-server"_s, QWebSocketServer::NonSecureMode, this);
    m_webSockets->setHandshakeTimeout(int(m_limits.headerTimeoutMs));
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &HttpFrontend::onNewWebSocket);
}

HttpFrontend::~HttpFrontend()
{
    // Sockets report their end to connectionClosed(): let them while the counters still exist.
    delete m_webSockets;
    delete m_server;
}

quint16 HttpFrontend::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port) ? m_server->serverPort() : 0;
}

void HttpFrontend::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_server->tls = configuration;
}

bool HttpFrontend::isTls() const
{
    return m_server->tls.has_value();
}

void HttpFrontend::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        const QString address = socket->peerAddress().toString();
        auto *connection = new HttpConnection(this, socket);
        const int fromAddress = m_perAddress.value(address) + 1;
        if (fromAddress > m_limits.maxConnectionsPerAddress || m_open + 1 > m_limits.maxConnections) {
            // Not counted: a refused flood must not crowd out the connections of others.
            logRefusal(u"refused a connection from %1: %2 open from there, %3 in all"_s.arg(address).arg(fromAddress - 1).arg(m_open));
            connection->refuse(HttpResponse::error(503, u"too_many_connections"_s,
                                                   u"too many connections at once; try again shortly"_s,
                                                   { { u"retry_after_s"_s, 1 } }));
            continue;
        }
        // Counted until the socket is gone, also after it became a WebSocket.
        ++m_open;
        m_perAddress[address] = fromAddress;
        connect(socket, &QObject::destroyed, this, [this, address] { connectionClosed(address); });
    }
}

void HttpFrontend::connectionClosed(const QString &address)
{
    --m_open;
    auto it = m_perAddress.find(address);
    if (it != m_perAddress.end() && --it.value() <= 0)
        m_perAddress.erase(it);
}

void HttpFrontend::onNewWebSocket()
{
    while (m_webSockets->hasPendingConnections()) {
        QWebSocket *socket = m_webSockets->nextPendingConnection();
        // Before it authenticates a socket may send one small message; a bigger frame closes it unread.
        socket->setMaxAllowedIncomingFrameSize(quint64(m_limits.maxWebSocketMessageBytes));
        socket->setMaxAllowedIncomingMessageSize(quint64(m_limits.maxWebSocketMessageBytes));
        socket->setReadBufferSize(qMax(socketBufferBytes, m_limits.maxWebSocketMessageBytes));
        socket->setParent(nullptr);
        Q_EMIT webSocketOpened(socket);
    }
}
