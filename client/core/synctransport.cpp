// SPDX-License-Identifier: GPL-3.0-or-later
#include "synctransport.h"

#include "synchttp.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

SyncTransport::~SyncTransport() = default;

namespace {

/** A QNetworkReply seen as a TransportReply. */
class NetworkReply final : public TransportReply
{
public:
    NetworkReply(QNetworkReply *reply, QObject *parent) : TransportReply(parent), m_reply(reply)
    {
        connect(m_reply, &QNetworkReply::readyRead, this, &TransportReply::readyRead);
        connect(m_reply, &QNetworkReply::finished, this, &TransportReply::finished);
    }

    bool isFinished() const override { return m_reply->isFinished(); }
    int status() const override { return m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); }
    QString errorString() const override { return m_reply->errorString(); }
    std::optional<Error> tlsError() const override { return TlsTrust::errorOf(m_reply); }
    bool timedOut() const override { return m_reply->error() == QNetworkReply::OperationCanceledError; }
    QByteArray peek(qint64 maxBytes) override { return m_reply->peek(maxBytes); }
    QByteArray readAll() override { return m_reply->readAll(); }
    void abort() override { m_reply->abort(); }

    ~NetworkReply() override { delete m_reply.data(); } // aborts it if still running

private:
    QPointer<QNetworkReply> m_reply; ///< the manager's child: gone if the manager went first

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
    if (request.transferTimeoutMs > 0)
        networkRequest.setTransferTimeout(request.transferTimeoutMs);
    QNetworkReply *reply = request.method == "POST" ? m_network->post(networkRequest, request.body)
                                                    : m_network->get(networkRequest);
    TlsTrust::watch(reply);
    return new NetworkReply(reply, parent);
}

std::unique_ptr<SyncTransport> NetworkTransport::forAnotherThread() const
{
    return std::make_unique<NetworkTransport>();
}
