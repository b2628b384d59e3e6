// SPDX-License-Identifier: GPL-3.0-or-later
#include "bootstrapfetcher.h"

#include "common/logging.h"
#include "sync/protocol.h"
#include "synchttp.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

BootstrapFetcher::BootstrapFetcher(const QUrl &endpoint, const QString &token, int pageSize, qint64 after,
                                   bool first)
    : m_endpoint(endpoint), m_token(token), m_pageSize(pageSize), m_after(after), m_first(first)
{
}

void BootstrapFetcher::start()
{
    m_network = new QNetworkAccessManager(this);
    fetchIfRoom();
}

void BootstrapFetcher::pageWritten()
{
    --m_waiting;
    fetchIfRoom();
}

void BootstrapFetcher::fetchIfRoom()
{
    if (m_fetching || !m_more || m_failed || m_waiting >= pagesAhead)
        return;
    QUrl url = m_endpoint;
    QUrlQuery query;
    query.addQueryItem(u"after"_s, QString::number(m_after));
    query.addQueryItem(u"limit"_s, QString::number(m_pageSize));
    url.setQuery(query);
    QNetworkRequest request = SyncHttp::request(url, m_token);
    request.setTransferTimeout(SyncHttp::requestTimeoutMs);
    qCDebug(lcSync) << "bootstrap after key" << m_after;
    m_fetching = true;
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
}

void BootstrapFetcher::onFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    m_fetching = false;
    if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
        const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError;
        return fail(SyncHttp::errorOf(SyncHttp::read(reply, timedOut)));
    }
    // A page is the largest answer there is: read as text, not as a QJsonDocument.
    const QByteArray body = reply->readAll();
    auto head = Protocol::readBootstrapHead(body);
    if (!head)
        return fail(SyncHttp::malformed(head.errorMessage()));
    if (m_first && !head->cursor)
        return fail(SyncHttp::malformed(u"the first bootstrap page has no cursor"_s));
    if (head->more && head->next <= m_after)
        return fail(SyncHttp::malformed(u"bootstrap page does not advance"_s));
    BootstrapPage page;
    page.next = head->next;
    page.more = head->more;
    page.cursor = m_first ? *head->cursor : -1;
    m_after = page.next;
    m_more = page.more;
    m_first = false;
    // The next page is asked for first: the server prepares it while this one is read.
    fetchIfRoom();
    auto entities = Protocol::readSnapshotEntities(head->entities);
    if (!entities)
        return fail(SyncHttp::malformed(u"bootstrap entity: %1"_s.arg(entities.errorMessage())));
    page.entities = std::move(entities).value();
    ++m_waiting;
    Q_EMIT pageReady(page);
}

void BootstrapFetcher::fail(const Error &error)
{
    m_failed = true;
    Q_EMIT failed(error);
}
