// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "httptypes.h"
#include "metrics.h"
#include "serverstore.h"
#include "syncservice.h"
#include "synctransport.h"

#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTemporaryDir>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

class LocalReplica;
class InProcessReply;
class InProcessSocket;

/**
 * A real SyncService over a real ServerStore on a temporary SQLite file, reached through
 * transport() instead of a socket: no server process. Faults injected per path (drop, delay,
 * truncate, another status, another body) replace or bend the next answers, and every exchange
 * is recorded. Lives in the test's main thread; its transports may be used from any thread, its
 * live sockets from that thread only. The live socket speaks as the server's Notifier does: an
 * auth message answered with the cursor, then the cursor after every accepted push.
 */
class InProcessServer final : public QObject
{
    Q_OBJECT

public:
    /** What to do to one answer instead of delivering it as the service gave it. */
    struct Fault
    {
        enum class Kind {
            Drop, ///< the request never reaches the service: a network error
            LoseAnswer, ///< the service handles the request, its answer is lost: a network error
            Delay, ///< the answer arrives delayMs late
            Truncate, ///< only the first keepBytes of the body arrive
            Status, ///< the service is not asked: status with body
            Rewrite, ///< the service's answer with its body passed through rewrite
        };
        Kind kind = Kind::Drop;
        int delayMs = 0;
        qsizetype keepBytes = 0;
        int status = 0;
        QByteArray body;
        std::function<QByteArray(const QByteArray &)> rewrite;

        static Fault drop() { return of(Kind::Drop); }
        static Fault loseAnswer() { return of(Kind::LoseAnswer); }
        static Fault delay(int ms);
        static Fault truncate(qsizetype keepBytes);
        static Fault answer(int status, const QByteArray &body = {});
        static Fault rewriteBody(std::function<QByteArray(const QByteArray &)> rewrite);
        static Fault of(Kind kind)
        {
            Fault fault;
            fault.kind = kind;
            return fault;
        }
        /** The service's JSON answer changed by edit (a member removed, given another type, …). */
        static Fault rewriteJson(std::function<void(QJsonObject &)> edit);
    };

    /** One request and what was delivered for it (status 0: nothing, a network error). */
    struct Exchange
    {
        QByteArray method;
        QString path;
        QString query; ///< the request's query, as sent
        QByteArray requestBody; ///< as the service reads it: unpacked if it was sent gzip
        QByteArray requestEncoding; ///< its Content-Encoding as sent ("gzip"), empty if none
        qsizetype requestBytes = 0; ///< of the body as sent
        int status = 0;
        QByteArray responseBody;
    };

    InProcessServer();
    ~InProcessServer() override;
    Q_DISABLE_COPY_MOVE(InProcessServer)

    /** Empty if the store opened; otherwise why not. */
    [[nodiscard]] QString openError() const { return m_openError; }
    [[nodiscard]] ServerStore &store() { return *m_store; }
    /** The address accounts are given: requests to it never leave the process. */
    [[nodiscard]] static QUrl baseUrl() { return QUrl(QStringLiteral("http://werkstattplan.invalid")); }
    /** A transport into this server, for SyncEngine. */
    [[nodiscard]] std::shared_ptr<SyncTransport> transport();

    /** Adds a municipality with an editor account user (password checks are not needed in-process); its plan id. */
    Result<QString> addMunicipalityAccount(const QString &municipality, const QString &user);
    /** Signs replica in as user as a login would: a token of the store for the replica's device. */
    Status signIn(LocalReplica &replica, const QString &user);

    /** The next times requests to path (e.g. "/v1/push") get fault. Faults of a path apply in order. */
    void inject(const QString &path, const Fault &fault, int times = 1);
    /** The faults still waiting for requests to path are dropped. */
    void clearFaults(const QString &path);
    [[nodiscard]] const QList<Exchange> &exchanges() const { return m_exchanges; }
    [[nodiscard]] QList<Exchange> exchangesOf(const QString &path) const;

    /** Ends every live socket from the server's side, as a restart or a lost network would. */
    void closeSockets();
    /** While set, live sockets cannot connect. */
    void refuseSockets(bool refuse) { m_refuseSockets = refuse; }
    /** How many live sockets tried to connect so far. */
    [[nodiscard]] int socketOpenings() const { return m_socketOpenings; }
    /** How many live sockets are signed in and hear the cursor. */
    [[nodiscard]] int liveSockets() const;

private:
    friend class InProcessTransport;
    friend class InProcessReply;
    friend class InProcessSocket;

    TransportReply *submit(const TransportRequest &request, QObject *parent);
    void answer(const TransportRequest &request, InProcessReply *reply);
    void deliver(const TransportRequest &request, InProcessReply *reply, const std::optional<Fault> &fault,
                 const HttpResponse &response);
    /** Hands the answer to reply in its thread, unless it is gone. */
    void post(InProcessReply *reply, int status, const QByteArray &body);
    void forget(InProcessReply *reply);
    void openSocket(InProcessSocket *socket);
    void socketMessage(InProcessSocket *socket, const QString &message);
    void announce(qint64 cursor);

    QTemporaryDir m_dir;
    QString m_openError;
    std::unique_ptr<ServerStore> m_store;
    Metrics m_metrics;
    std::unique_ptr<SyncService> m_service;
    struct Pending
    {
        QString path;
        Fault fault;
    };
    std::deque<Pending> m_faults;
    QList<Exchange> m_exchanges;
    QMutex m_liveMutex;
    QSet<InProcessReply *> m_live; ///< replies not yet destroyed, in whichever thread they live
    QList<QPointer<InProcessSocket>> m_sockets; ///< connected live sockets
    bool m_refuseSockets = false;
    int m_socketOpenings = 0;
};
