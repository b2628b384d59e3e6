// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverlimits.h"

#include <QThread>

using namespace Qt::Literals::StringLiterals;

const QList<ServerLimits::Entry> &ServerLimits::table()
{
    static const QList<Entry> entries {
        { "max_body_bytes", &ServerLimits::maxBodyBytes },
        { "max_header_bytes", &ServerLimits::maxHeaderBytes },
        { "max_websocket_message_bytes", &ServerLimits::maxWebSocketMessageBytes },
        { "header_timeout_ms", &ServerLimits::headerTimeoutMs },
        { "body_stall_timeout_ms", &ServerLimits::bodyStallTimeoutMs },
        { "request_timeout_ms", &ServerLimits::requestTimeoutMs },
        { "idle_timeout_ms", &ServerLimits::idleTimeoutMs },
        { "websocket_auth_timeout_ms", &ServerLimits::webSocketAuthTimeoutMs },
        { "max_connections_per_address", &ServerLimits::maxConnectionsPerAddress },
        { "max_connections", &ServerLimits::maxConnections },
        { "login_workers", &ServerLimits::loginWorkers },
        { "max_pending_logins", &ServerLimits::maxPendingLogins },
        { "bootstrap_cache_bytes", &ServerLimits::bootstrapCacheBytes },
    };
    return entries;
}

ServerLimits ServerLimits::fromEnvironment(QString *error)
{
    ServerLimits limits;
    const QString spec = qEnvironmentVariable("WERKSTATTPLAN_SERVER_LIMITS");
    for (const QString &part : spec.split(u',', Qt::SkipEmptyParts)) {
        const QString name = part.section(u'=', 0, 0).trimmed();
        bool ok = false;
        const qint64 value = part.section(u'=', 1).trimmed().toLongLong(&ok);
        const auto &entries = table();
        const auto entry = std::find_if(entries.cbegin(), entries.cend(),
                                        [&](const Entry &e) { return name == QLatin1String(e.name); });
        if (entry == entries.cend() || !ok || value < 0) {
            if (error)
                *error = u"WERKSTATTPLAN_SERVER_LIMITS: cannot use \"%1\""_s.arg(part);
            continue;
        }
        limits.*(entry->field) = value;
    }
    // The body limit is the protocol's: a client sends what protocol.h allows, never more.
    limits.maxBodyBytes = qMin(limits.maxBodyBytes, qint64(Protocol::maxBodyBytes));
    if (limits.loginWorkers <= 0)
        limits.loginWorkers = qMax(1, QThread::idealThreadCount() / 2);
    limits.maxConnectionsPerAddress = qMax<qint64>(1, limits.maxConnectionsPerAddress);
    limits.maxPendingLogins = qMax<qint64>(1, limits.maxPendingLogins);
    return limits;
}

QJsonObject ServerLimits::toJson() const
{
    QJsonObject object;
    for (const Entry &entry : table())
        object.insert(QLatin1String(entry.name), this->*(entry.field));
    return object;
}
