// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>

/** Counters of one server process, rendered in the Prometheus text format for /metrics. */
class Metrics
{
public:
    void countRequest(int status) { ++m_requests[status]; }
    void countAccepted(qint64 count) { m_accepted += count; }
    void countRejected(const QString &reason) { ++m_rejected[reason]; }
    void addStoreTime(double seconds)
    {
        m_storeSeconds += seconds;
        ++m_storeCalls;
    }
    void setWebSocketClients(int count) { m_webSocketClients = count; }
    void setCursor(qint64 cursor) { m_cursor = cursor; }
    /** Bytes as they crossed the wire: request or status line, headers and (compressed) body. */
    void countRequestBytes(qint64 bytes) { m_requestBytes += bytes; }
    void countResponseBytes(qint64 bytes) { m_responseBytes += bytes; }
    void countBootstrapPage(bool fromCache) { ++(fromCache ? m_bootstrapFromCache : m_bootstrapBuilt); }
    void setBootstrapCache(qint64 bytes, qint64 pages)
    {
        m_bootstrapCacheBytes = bytes;
        m_bootstrapCachePages = pages;
    }

    [[nodiscard]] QByteArray render() const;

private:
    QMap<int, qint64> m_requests;
    QMap<QString, qint64> m_rejected;
    qint64 m_accepted = 0;
    double m_storeSeconds = 0;
    qint64 m_storeCalls = 0;
    int m_webSocketClients = 0;
    qint64 m_cursor = 0;
    qint64 m_requestBytes = 0;
    qint64 m_responseBytes = 0;
    qint64 m_bootstrapFromCache = 0;
    qint64 m_bootstrapBuilt = 0;
    qint64 m_bootstrapCacheBytes = 0;
    qint64 m_bootstrapCachePages = 0;
};
