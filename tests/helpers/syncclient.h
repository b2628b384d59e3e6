// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/replicastore.h"
#include "model/change.h"
#include "sync/protocol.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

/** One HTTP exchange as the test sees it. */
struct HttpResponse
{
    int status = 0; ///< 0 if no HTTP answer arrived (see networkError)
    QByteArray body;
    QJsonObject json; ///< the body, if it is a JSON object
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString errorString;
    bool timedOut = false;

    /** The "error" code of an error body. */
    [[nodiscard]] QString code() const { return json.value(QLatin1String("error")).toString(); }
    /** For QCOMPARE failure messages: status, then the start of the body or the network error. */
    [[nodiscard]] QString describe() const;
};

struct Rejection
{
    QString id;
    QString error;
    QString message;
};

struct PushResult
{
    HttpResponse response;
    QStringList accepted;
    QList<Rejection> rejected;
    qint64 cursor = -1;

    [[nodiscard]] int status() const { return response.status; }
    /** The rejection code of one change; empty if accepted; "missing" if the answer names it nowhere. */
    [[nodiscard]] QString outcomeOf(const QString &changeId) const;
};

struct PullResult
{
    HttpResponse response;
    QList<QPair<qint64, Change>> changes; ///< (seq, change) in the order received
    QHash<QString, QString> seals; ///< change id → the server's seal on it, where the page gave one
    qint64 next = -1;
    bool more = false;
    bool ok = false; ///< every page answered 200 and parsed

    [[nodiscard]] QStringList ids() const;
    [[nodiscard]] QList<Change> plainChanges() const;
};

struct BootstrapResult
{
    HttpResponse response;
    qint64 cursor = -1;
    QList<SnapshotEntity> entities;
    bool ok = false;
};

/**
 * A small synchronous client of the sync protocol (docs/protocol.md) for
 * tests: each call runs a local event loop until the answer arrives or the
 * timeout passes. One instance per thread (it owns its network manager).
 */
class SyncClient
{
public:
    explicit SyncClient(QUrl baseUrl = {});
    ~SyncClient();
    Q_DISABLE_COPY_MOVE(SyncClient)

    static constexpr int defaultTimeoutMs = 30'000;

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    [[nodiscard]] QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    [[nodiscard]] QString token() const { return m_token; }
    /** The "account" object of the last successful login. */
    [[nodiscard]] QJsonObject account() const { return m_account; }
    [[nodiscard]] QString device() const { return m_device; }

    /** POST /v1/login; on 200 keeps the token for the following calls. */
    HttpResponse login(const QString &user, const QString &password, const QString &device);
    PushResult push(const QList<Change> &changes);
    /** A push of items as given: changes in wire form, with any extra members (a "seal"). */
    PushResult pushItems(const QJsonArray &items);
    PullResult pull(qint64 after, int limit = 0);
    /** Pulls page after page until "more" is false; next is the final cursor. */
    PullResult pullAll(qint64 after = 0, int limit = 1000);
    /** Every page of GET /v1/bootstrap, with the merge state in the format asked for (meta=). */
    BootstrapResult bootstrap(int limit = 1000, Protocol::MetaFormat metaFormat = Protocol::MetaFormat::Stream);
    HttpResponse healthz();

    enum RequestFlag {
        NoFlags = 0,
        NoToken = 0x1, ///< leave out the Authorization header
        NoProtocol = 0x2, ///< leave out the Werkstattplan-Protocol header
    };
    Q_DECLARE_FLAGS(RequestFlags, RequestFlag)

    /**
     * Any request. Sends the protocol header and the token unless flags say
     * otherwise; headers are added after them (and so can replace them).
     */
    HttpResponse request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {}, RequestFlags flags = NoFlags,
                         int timeoutMs = defaultTimeoutMs);

    /** Starts a push and returns at once; the caller owns the reply (for tests that kill the server mid-push). */
    QNetworkReply *startPush(const QList<Change> &changes);
    /** Parses a push answer. */
    static PushResult pushResult(HttpResponse response);

private:
    QNetworkRequest buildRequest(const QString &pathAndQuery, const QByteArray &method, bool hasBody,
                                 const QList<QPair<QByteArray, QByteArray>> &headers, RequestFlags flags) const;

    std::unique_ptr<QNetworkAccessManager> m_network;
    QUrl m_baseUrl;
    QString m_token;
    QString m_device;
    QJsonObject m_account;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(SyncClient::RequestFlags)

class QWebSocket;

/**
 * The live notification socket (GET /v1/ws): authenticates and records
 * every cursor message the server sends.
 */
class LiveSocket
{
public:
    LiveSocket();
    ~LiveSocket();
    Q_DISABLE_COPY_MOVE(LiveSocket)

    /** Connects, sends the auth message, waits for the first cursor. */
    bool open(const QUrl &baseUrl, const QString &token, int timeoutMs = 10'000);
    /** Waits until a cursor message with a cursor >= atLeast arrived (also one that came already). */
    bool waitForCursor(qint64 atLeast, int timeoutMs);
    [[nodiscard]] QList<qint64> cursors() const { return m_cursors; }
    [[nodiscard]] qint64 lastCursor() const { return m_cursors.isEmpty() ? -1 : m_cursors.last(); }
    /** Text messages that were not cursor messages (for failure messages). */
    [[nodiscard]] QStringList otherMessages() const { return m_other; }
    [[nodiscard]] QString errorString() const;
    [[nodiscard]] bool isConnected() const;
    /** True once the server closed the socket. */
    [[nodiscard]] bool wasClosed() const { return m_closed; }
    void close();

private:
    std::unique_ptr<QWebSocket> m_socket;
    QList<qint64> m_cursors;
    QStringList m_other;
    bool m_closed = false;
};
