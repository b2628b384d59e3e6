// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "httptypes.h"
#include "loginthrottle.h"
#include "serverstore.h"

#include <QObject>

class Metrics;

/**
 * The sync protocol (docs/protocol.md) over the server store: login, push,
 * pull, bootstrap, health and metrics. Knows nothing of the HTTP library.
 */
class SyncService final : public QObject
{
    Q_OBJECT

public:
    SyncService(ServerStore &store, Metrics &metrics, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(SyncService)

    HttpResponse handle(const HttpRequest &request);

Q_SIGNALS:
    /** Changes were stored; cursor is the newest sequence number. */
    void changesAccepted(qint64 cursor);

private:
    HttpResponse route(const HttpRequest &request);
    HttpResponse login(const HttpRequest &request);
    HttpResponse push(const HttpRequest &request, const Account &account);
    HttpResponse pull(const HttpRequest &request, const Account &account);
    HttpResponse bootstrap(const HttpRequest &request, const Account &account);
    HttpResponse health();
    Result<Account> authenticate(const HttpRequest &request);

    ServerStore &m_store;
    Metrics &m_metrics;
    LoginThrottle m_throttle;
};
