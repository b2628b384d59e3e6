// SPDX-License-Identifier: GPL-3.0-or-later
#include "synctransport.h"

#include "common/gzip.h"
#include "common/logging.h"
#include "synchttp.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

SyncTransport::~SyncTransport() = default;

namespace {

/**
 * A QNetworkReply seen as a TransportReply. The request asked for gzip itself (so Qt leaves the
 * body alone): a compressed body is unpacked here as it arrives, never past maxUnpackedBytes, so
 * a tiny hostile answer cannot fill the client's memory.
 */
class NetworkReply final : public TransportReply
{
public:
    NetworkReply(QNetworkReply *reply, QObject *parent) : TransportReply(parent), m_reply(reply)
    {
        connect(m_reply, &QNetworkReply::readyRead, this, &NetworkReply::onReadyRead);
        connect(m_reply, &QNetworkReply::finished, this, &NetworkReply::onFinished);
    }

    bool isFinished() const override { return m_reply->isFinished(); }
    int status() const override
    {
        return m_unpackError ? 0 : m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }
    QString errorString() const override { return m_unpackError ? m_unpackError->message : m_reply->errorString(); }
    std::optional<Error> tlsError() const override { return m_unpackError ? std::nullopt : TlsTrust::errorOf(m_reply); }
    bool timedOut() const override { return !m_unpackError && m_reply->error() == QNetworkReply::OperationCanceledError; }
    QByteArray peek(qint64 maxBytes) override { return compressed() ? m_unpacked.left(maxBytes) : m_reply->peek(maxBytes); }
    QByteArray readAll() override
    {
        if (!compressed())
            return m_reply->readAll();
        unpackAvailable();
        return std::exchange(m_unpacked, {});
    }
    void abort() override { m_reply->abort(); }

    ~NetworkReply() override { delete m_reply.data(); } // aborts it if still running

private:
    bool compressed()
    {
        if (!m_inflater && m_reply->rawHeader("Content-Encoding").trimmed().toLower() == "gzip")
            m_inflater = std::make_unique<Gzip::Inflater>(NetworkTransport::maxUnpackedBytes);
        return m_inflater != nullptr;
    }
    void unpackAvailable()
    {
        if (m_unpackError || !m_reply->bytesAvailable())
            return;
        if (!m_inflater->feed(m_reply->readAll(), m_unpacked)) {
            m_unpackError = Error { m_inflater->error()->code,
                                    u"the server's answer cannot be unpacked: %1"_s.arg(m_inflater->error()->message) };
            m_unpacked.clear();
            m_reply->abort();
        }
    }
    void onReadyRead()
    {
        if (compressed())
            unpackAvailable();
        if (!m_unpackError)
            Q_EMIT readyRead();
    }
    void onFinished()
    {
        if (compressed()) {
            unpackAvailable();
            if (!m_unpackError && m_reply->error() == QNetworkReply::NoError && !m_inflater->isFinished())
                m_unpackError = Error { u"malformed"_s, u"the server's compressed answer ends early"_s };
        }
        Q_EMIT finished();
    }

    QPointer<QNetworkReply> m_reply; ///< the manager's child: gone if the manager went first
    std::unique_ptr<Gzip::Inflater> m_inflater; ///< set once the answer says it is gzip
    QByteArray m_unpacked; ///< unpacked and not yet read
    std::optional<Error> m_unpackError;
};

/** A QWebSocket seen as a TransportSocket. */
class WebSocket final : public TransportSocket
{
public:
    WebSocket(const TlsTrust &trust, QObject *parent)
        : TransportSocket(parent), m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
    {
        trust.apply(*m_socket);
        // Never ignored: the socket fails and reconnects later; the next sync reports the error to the user.
        connect(m_socket, &QWebSocket::sslErrors, this, [](const QList<QSslError> &errors) {
            qCWarning(lcSync).noquote() << "live socket:" << TlsTrust::untrusted(errors).message;
        });
        connect(m_socket, &QWebSocket::connected, this, &TransportSocket::connected);
        connect(m_socket, &QWebSocket::textMessageReceived, this, &TransportSocket::textReceived);
        // A refused connection never reaches "connected", so disconnected() alone would miss it.
        connect(m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
            if (state == QAbstractSocket::UnconnectedState)
                Q_EMIT closed();
        });
    }

    void open(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers) override
    {
        QNetworkRequest request(url);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        m_socket->open(request);
    }
    void sendText(const QString &message) override { m_socket->sendTextMessage(message); }
    void abort() override
    {
        m_socket->disconnect(this);
        m_socket->abort();
    }

private:
    QWebSocket *m_socket;
};

} // namespace

NetworkTransport::NetworkTransport() = default;
NetworkTransport::~NetworkTransport() = default;

TransportReply *NetworkTransport::send(const TransportRequest &request, const TlsTrust &trust, QObject *parent)
{
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    QNetworkRequest networkRequest = SyncHttp::request(request.url, trust);
    for (const auto &[name, value] : request.headers)
        networkRequest.setRawHeader(name, value);
    // Asked for by name: Qt then leaves the body to NetworkReply, which bounds what it unpacks to.
    networkRequest.setRawHeader("Accept-Encoding", "gzip");
    if (request.transferTimeoutMs > 0)
        networkRequest.setTransferTimeout(request.transferTimeoutMs);
    QNetworkReply *reply = request.method == "POST" ? m_network->post(networkRequest, request.body)
                                                    : m_network->get(networkRequest);
    TlsTrust::watch(reply);
    return new NetworkReply(reply, parent);
}

TransportSocket *NetworkTransport::socket(const TlsTrust &trust, QObject *parent)
{
    return new WebSocket(trust, parent);
}

std::unique_ptr<SyncTransport> NetworkTransport::forAnotherThread() const
{
    return std::make_unique<NetworkTransport>();
}
