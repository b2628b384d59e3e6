// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "tlstrust.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

/** One protocol request as the sync client sends it, independent of the HTTP library. */
struct TransportRequest
{
    QByteArray method; ///< "GET" or "POST"
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int transferTimeoutMs = 0; ///< 0: none; otherwise the transfer is given up after this (TransportReply::timedOut)
};

/** The answer to one TransportRequest, arriving asynchronously in the thread that sent it. */
class TransportReply : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    [[nodiscard]] virtual bool isFinished() const = 0;
    /** The HTTP status; 0 while none arrived, or if the connection failed. */
    [[nodiscard]] virtual int status() const = 0;
    /** Why there is no HTTP answer (status 0). */
    [[nodiscard]] virtual QString errorString() const = 0;
    /** The connection failed in its TLS handshake (TlsTrust::errorOf). */
    [[nodiscard]] virtual std::optional<Error> tlsError() const = 0;
    /** The transfer took longer than TransportRequest::transferTimeoutMs. */
    [[nodiscard]] virtual bool timedOut() const = 0;
    /** The body received so far, without consuming it. */
    [[nodiscard]] virtual QByteArray peek(qint64 maxBytes) = 0;
    [[nodiscard]] virtual QByteArray readAll() = 0;
    /** Gives up: finished() follows with status 0. */
    virtual void abort() = 0;

Q_SIGNALS:
    void readyRead();
    void finished();
};

/**
 * The live socket to the server (a WebSocket in the apps): text messages both ways. closed()
 * follows once when the connection ends, also when it never opened; not after abort().
 */
class TransportSocket : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /** Connects to url with these request headers; connected() or closed() follows. */
    virtual void open(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers) = 0;
    virtual void sendText(const QString &message) = 0;
    /** Ends the connection at once, without closed(). */
    virtual void abort() = 0;

Q_SIGNALS:
    void connected();
    void textReceived(const QString &message);
    void closed();
};

/**
 * How the sync client reaches its server: NetworkTransport in the apps, an in-process server in
 * tests. A transport is used from one thread; forAnotherThread() gives one for a worker thread.
 */
class SyncTransport
{
public:
    SyncTransport() = default;
    virtual ~SyncTransport();
    Q_DISABLE_COPY_MOVE(SyncTransport)

    /** Sends request, verified by trust; the reply is parent's child and lives in the calling thread. */
    virtual TransportReply *send(const TransportRequest &request, const TlsTrust &trust, QObject *parent) = 0;
    /** A live socket, not yet opened, verified by trust; parent's child, in the calling thread. */
    virtual TransportSocket *socket(const TlsTrust &trust, QObject *parent) = 0;
    /** A transport to the same server for another thread; made here, first used there. */
    [[nodiscard]] virtual std::unique_ptr<SyncTransport> forAnotherThread() const = 0;
};

/**
 * The real transport: HTTP over QNetworkAccessManager, as SyncHttp::request sets it up (TLS trust,
 * no redirects), and the live socket over QWebSocket.
 */
class NetworkTransport final : public SyncTransport
{
public:
    /** The most an answer may unpack to: far above the largest page (Protocol::maxBodyBytes), far below harm. */
    static constexpr qint64 maxUnpackedBytes = 64 * 1024 * 1024;

    NetworkTransport();
    ~NetworkTransport() override;
    Q_DISABLE_COPY_MOVE(NetworkTransport)

    TransportReply *send(const TransportRequest &request, const TlsTrust &trust, QObject *parent) override;
    TransportSocket *socket(const TlsTrust &trust, QObject *parent) override;
    [[nodiscard]] std::unique_ptr<SyncTransport> forAnotherThread() const override;

private:
    std::unique_ptr<QNetworkAccessManager> m_network; ///< made on the first send(), in the thread that uses it
};
