// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/protocol.h"

#include <QJsonObject>
#include <QString>

#include <QList>

/**
 * Every limit that keeps one client from slowing the server for the others, in one table:
 * the HTTP front end, the login pool and the WebSocket notifier read it, GET /v1/limits
 * publishes it (tests and the benchmark build their cases from it), docs/protocol.md
 * explains it. WERKSTATTPLAN_SERVER_LIMITS="name=value,…" overrides entries (tests use
 * short timeouts; an operator may raise a cap).
 */
struct ServerLimits
{
    qint64 maxBodyBytes = Protocol::maxBodyBytes; ///< larger bodies: 413 from Content-Length, nothing read
    qint64 maxHeaderBytes = 16 * 1024; ///< request line and headers together: 431
    qint64 maxWebSocketMessageBytes = 16 * 1024; ///< frames and messages a WebSocket may send (the auth message)
    qint64 headerTimeoutMs = 10'000; ///< from a request's first byte to the end of its headers: 408
    qint64 bodyStallTimeoutMs = 15'000; ///< longest pause while a body arrives: 408
    qint64 requestTimeoutMs = 120'000; ///< a whole request, headers and body: 408
    qint64 idleTimeoutMs = 30'000; ///< a kept-alive connection without a request is closed
    qint64 webSocketAuthTimeoutMs = 10'000; ///< a WebSocket must authenticate within this
    qint64 maxConnectionsPerAddress = 64; ///< more at once from one address: 503
    qint64 maxConnections = 900; ///< more at once in all (below the usual 1,024 open files): 503
    qint64 loginWorkers = 0; ///< threads hashing passwords; 0: half the cores, at least 1
    qint64 maxPendingLogins = 32; ///< password checks queued or running; more: 503 with retry_after_s
    qint64 bootstrapCacheBytes = 64 * 1024 * 1024; ///< prepared bootstrap pages kept for reuse (LRU); 0: none

    struct Entry
    {
        const char *name;
        qint64 ServerLimits::*field;
    };
    /** The table: JSON names as /v1/limits and WERKSTATTPLAN_SERVER_LIMITS spell them. */
    static const QList<Entry> &table();

    /** The defaults with WERKSTATTPLAN_SERVER_LIMITS applied; a bad entry is reported in error. */
    static ServerLimits fromEnvironment(QString *error);
    [[nodiscard]] QJsonObject toJson() const;
};
