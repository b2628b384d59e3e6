// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/replicastore.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

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
 * the one before, the replica's thread writes the one before that. At most
 * pagesAhead pages wait to be written, which bounds the memory it takes.
 *
 * Lives in its worker thread (moveToThread before start()); talks to its
 * owner only through queued signals and slots. Stops at the last page or
 * the first failure.
 */
class BootstrapFetcher final : public QObject
{
    Q_OBJECT

public:
    static constexpr int pagesAhead = 2;

    /** endpoint: the server's /v1/bootstrap; after: the key to start after; first: the first page is asked for. */
    BootstrapFetcher(const QUrl &endpoint, const QString &token, int pageSize, qint64 after, bool first);


public Q_SLOTS:
    void start();
    /** The owner has written a page: one more may be fetched. */
    void pageWritten();

Q_SIGNALS:
    void pageReady(const BootstrapPage &page);
    void failed(const Error &error);

private:
    void fetchIfRoom();
    void onFinished(QNetworkReply *reply);
    void fail(const Error &error);

    QUrl m_endpoint;
    QString m_token;
    int m_pageSize;
    qint64 m_after;
    bool m_first;
    QNetworkAccessManager *m_network = nullptr; ///< made in start(), in the worker thread
    bool m_fetching = false;
    bool m_more = true;
    bool m_failed = false;
    int m_waiting = 0; ///< pages handed over and not yet written
};
