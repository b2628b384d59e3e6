// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bootstrapcache.h"
#include "changeseal.h"
#include "httptypes.h"
#include "loginthrottle.h"
#include "serverlimits.h"
#include "serverstore.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

class Metrics;

/**
 * The sync protocol (docs/protocol.md) over the server store: login, push,
 * pull, bootstrap, health and metrics. Knows nothing of the HTTP library.
 */
class SyncService final : public QObject
{
    Q_OBJECT

public:
    SyncService(ServerStore &store, Metrics &metrics, const ServerLimits &limits, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SyncService)
    ~SyncService() override;

    /** Answers through reply, at once or (a login) once its password was checked on a worker thread. */
    void handle(const HttpRequest &request, const HttpReply &reply);

Q_SIGNALS:
    /** Changes were stored; cursor is the newest sequence number. */
    void changesAccepted(qint64 cursor);
    /** The store connected anew after its connection broke (PostgreSQL). */
    void storeReconnected();

private:
    /** The answer, or nullopt if reply will be called later. */
    std::optional<HttpResponse> route(const HttpRequest &request, const HttpReply &reply);
    std::optional<HttpResponse> login(const HttpRequest &request, const HttpReply &reply);
    HttpResponse finishLogin(const QString &user, const QString &device, const QString &address, bool passwordOk);
    HttpResponse push(const HttpRequest &request, const Account &account);
    HttpResponse pull(const HttpRequest &request, const Account &account);
    HttpResponse bootstrap(const HttpRequest &request, const Account &account);
    /**
     * The oldest state a bootstrap page may have been read at to serve request (a kept page
     * read since serves it); nullopt if its since= is not a cursor.
     */
    static std::optional<qint64> oldestStateServing(const HttpRequest &request, qint64 lastSequence);
    HttpResponse history(const HttpRequest &request, const Account &account);
    HttpResponse health();
    Result<Account> authenticate(const HttpRequest &request);
    /** A compressed request body unpacked within the body limit; an error answer if it cannot be. */
    std::optional<HttpResponse> unpackBody(HttpRequest &request) const;
    /** The store failed: try to connect anew, with backoff, until it works again. */
    void storeFailed();
    void tryReconnect();

    ServerStore &m_store;
    ChangeSeal m_seal; ///< the store's seal key: pulls seal each change, pushes may bring them back
    Metrics &m_metrics;
    ServerLimits m_limits;
    BootstrapCache m_bootstrapCache;
    LoginThrottle m_throttle;
    /** Addresses each account logged in from: failures of strangers do not lock the account there. */
    QHash<QString, QSet<QString>> m_knownAddresses;
    QThreadPool m_loginPool;
    int m_pendingLogins = 0;
    QTimer m_reconnectTimer;
    int m_reconnectDelayMs = 0;
};
