// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/replicastore.h"
#include "sync/protocol.h"
#include "tlstrust.h"

#include <QObject>
#include <QUrl>

#include <deque>
#include <memory>
#include <optional>

class SyncTransport;
class TransportReply;

/** A bootstrap page as read from the server, ready to be written. */
struct BootstrapPage
{
    QList<SnapshotEntity> entities;
    qint64 next = 0; ///< the key the following page starts after
    bool more = false;
    qint64 cursor = -1; ///< the log's cursor when the first page was read (first page only)
};

/**
 * Fetches and parses the pages of a bootstrap on a thread of its own, ahead
 * of the replica writing them: the server prepares a page, this thread reads
 * the one before, the replica's thread writes the one before that. The next
 * page is asked for as soon as a page's bounds are known, which the server
 * writes first, so it is being prepared while this one is still arriving.
 * At most pagesAhead pages wait to be written or are on their way, which
 * bounds the memory it takes; pages are handed over in order.
 *
 * Lives in its worker thread (moveToThread before start()); talks to its
 * owner only through queued signals and slots. Stops at the last page or
 * the first failure.
 */
class BootstrapFetcher final : public QObject
{
    Q_OBJECT

public:
    static constexpr int pagesAhead = 3;

    /** endpoint: the server's /v1/bootstrap over transport (made for the worker thread); a page may take timeoutMs. */
    BootstrapFetcher(const QUrl &endpoint, std::unique_ptr<SyncTransport> transport, const TlsTrust &trust,
                     const QString &token, int timeoutMs);
    ~BootstrapFetcher() override;
    Q_DISABLE_COPY_MOVE(BootstrapFetcher)
    /**
     * Before start(): pageSize entities a page, starting after the key after; cursor: that of
     * the bootstrap's first page, or -1 if the first page is asked for.
     */
    void setPages(int pageSize, qint64 after, qint64 cursor);

public Q_SLOTS:
    void start();
    /** The owner has written a page: one more may be fetched. */
    void pageWritten();

Q_SIGNALS:
    void pageReady(const BootstrapPage &page);
    void failed(const Error &error);

private:
    /** A page asked for and not yet handed over. */
    struct Request
    {
        TransportReply *reply = nullptr;
        bool first = false; ///< the first page of the bootstrap: it carries the cursor
        std::optional<Protocol::BootstrapPageBounds> bounds; ///< read from its start, before it had arrived
    };

    void fetchIfRoom();
    void onReadyRead(TransportReply *reply);
    void onFinished();
    /** Checks the bounds of the page asked for last and moves on past it; false (failed) if they are wrong. */
    bool takeBounds(const Protocol::BootstrapPageBounds &bounds);
    void fail(const Error &error);

    QUrl m_endpoint;
    std::unique_ptr<SyncTransport> m_transport; ///< first used in start(), in the worker thread
    TlsTrust m_trust;
    QString m_token;
    int m_timeoutMs;
    int m_pageSize = 0;
    qint64 m_after = 0;
    bool m_first = true;
    qint64 m_cursor = -1; ///< the first page's, once known: later pages may come from any read since
    std::deque<Request> m_requests; ///< in the order asked for
    bool m_boundsPending = false; ///< the last page asked for has not told where it ends
    bool m_more = true;
    bool m_failed = false;
    int m_waiting = 0; ///< pages handed over and not yet written
};
