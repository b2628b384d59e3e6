// SPDX-License-Identifier: GPL-3.0-or-later
#include "bootstrapfetcher.h"

#include "common/logging.h"
#include "sync/protocol.h"
#include "synchttp.h"

#include "synctransport.h"

#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

BootstrapFetcher::BootstrapFetcher(const QUrl &endpoint, std::unique_ptr<SyncTransport> transport,
                                   const TlsTrust &trust, const QString &token, int timeoutMs)
    : m_endpoint(endpoint), m_transport(std::move(transport)), m_trust(trust), m_token(token), m_timeoutMs(timeoutMs)
{
}

BootstrapFetcher::~BootstrapFetcher()
{
    // The replies go before the transport they came from.
    for (const Request &request : m_requests)
        delete request.reply;
}

void BootstrapFetcher::setPages(int pageSize, qint64 after, qint64 cursor)
{
    m_pageSize = pageSize;
    m_after = after;
    m_cursor = cursor;
    m_first = cursor < 0;
}

void BootstrapFetcher::start()
{
    fetchIfRoom();
}

void BootstrapFetcher::pageWritten()
{
    --m_waiting;
    fetchIfRoom();
}

void BootstrapFetcher::fetchIfRoom()
{
    if (m_failed || !m_more || m_boundsPending || m_waiting + qsizetype(m_requests.size()) >= pagesAhead)
        return;
    QUrl url = m_endpoint;
    QUrlQuery query;
    query.addQueryItem(u"after"_s, QString::number(m_after));
    query.addQueryItem(u"limit"_s, QString::number(m_pageSize));
    query.addQueryItem(u"meta"_s, QString::number(int(Protocol::MetaFormat::Compact)));
    // A compact first sync: records and their heads; histories are fetched when needed (PartialHistory).
    query.addQueryItem(u"history"_s, u"none"_s);
    // Any read since the first page serves: the server may hand out the page it read for another replica.
    if (!m_first)
        query.addQueryItem(u"since"_s, QString::number(m_cursor));
    url.setQuery(query);
    TransportRequest request = SyncHttp::transportRequest("GET", url, m_token);
    request.transferTimeoutMs = m_timeoutMs;
    qCDebug(lcSync) << "bootstrap after key" << m_after;
    TransportReply *reply = m_transport->send(request, m_trust, this);
    m_requests.push_back({ reply, m_first, std::nullopt });
    m_boundsPending = true;
    connect(reply, &TransportReply::readyRead, this, [this, reply] { onReadyRead(reply); });
    connect(reply, &TransportReply::finished, this, &BootstrapFetcher::onFinished);
}

void BootstrapFetcher::onReadyRead(TransportReply *reply)
{
    // Only the page asked for last can hold bounds not yet known; an error page is read when it ends.
    if (!m_boundsPending || m_requests.empty() || m_requests.back().reply != reply
        || reply->status() != 200)
        return;
    Request &last = m_requests.back();
    // The bounds lead the page: a few hundred bytes say where the next page starts.
    constexpr qint64 headBytes = 512;
    auto bounds = Protocol::readBootstrapBounds(reply->peek(headBytes));
    if (!bounds)
        return;
    last.bounds = bounds;
    if (takeBounds(*bounds))
        fetchIfRoom();
}

bool BootstrapFetcher::takeBounds(const Protocol::BootstrapPageBounds &bounds)
{
    // Only the page asked for last has bounds not yet taken: m_after and m_first are still its own.
    if (m_first && !bounds.cursor) {
        fail(SyncHttp::malformed(u"the first bootstrap page has no cursor"_s));
        return false;
    }
    if (bounds.more && bounds.next <= m_after) {
        fail(SyncHttp::malformed(u"bootstrap page does not advance"_s));
        return false;
    }
    if (m_first)
        m_cursor = *bounds.cursor;
    m_after = bounds.next;
    m_more = bounds.more;
    m_first = false;
    m_boundsPending = false;
    return true;
}

void BootstrapFetcher::onFinished()
{
    // Pages are handed over in the order asked for, whichever arrives first.
    while (!m_failed && !m_requests.empty() && m_requests.front().reply->isFinished()) {
        const Request request = m_requests.front();
        m_requests.pop_front();
        TransportReply *reply = request.reply;
        reply->deleteLater();
        if (reply->status() != 200)
            return fail(SyncHttp::errorOf(SyncHttp::read(reply, reply->timedOut(), m_timeoutMs)));
        // A page is the largest answer there is: read as text, not as a QJsonDocument.
        const QByteArray body = reply->readAll();
        auto head = Protocol::readBootstrapHead(body);
        if (!head)
            return fail(SyncHttp::malformed(head.errorMessage()));
        if (request.bounds) {
            if (*request.bounds != static_cast<const Protocol::BootstrapPageBounds &>(*head))
                return fail(SyncHttp::malformed(u"a bootstrap page contradicts its own bounds"_s));
        } else if (!takeBounds(*head)) {
            return;
        }
        // The next page is asked for first: the server prepares it while this one is read.
        fetchIfRoom();
        auto entities = Protocol::readSnapshotEntities(head->entities);
        if (!entities)
            return fail(SyncHttp::malformed(u"bootstrap entity: %1"_s.arg(entities.errorMessage())));
        BootstrapPage page;
        page.entities = std::move(entities).value();
        page.next = head->next;
        page.more = head->more;
        page.cursor = head->cursor && request.first ? *head->cursor : -1;
        ++m_waiting;
        Q_EMIT pageReady(page);
    }
}

void BootstrapFetcher::fail(const Error &error)
{
    m_failed = true;
    Q_EMIT failed(error);
}
