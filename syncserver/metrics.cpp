// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics.h"

using namespace Qt::Literals::StringLiterals;

QByteArray Metrics::render() const
{
    QString out;
    auto family = [&out](const char *name, const char *type, const char *help) {
        out += u"# HELP %1 %2\n# TYPE %1 %3\n"_s.arg(QLatin1String(name), QLatin1String(help), QLatin1String(type));
    };
    family("werkstattplan_http_requests_total", "counter", "HTTP requests answered, by status");
    for (auto it = m_requests.cbegin(); it != m_requests.cend(); ++it)
        out += u"werkstattplan_http_requests_total{status=\"%1\"} %2\n"_s.arg(it.key()).arg(it.value());
    family("werkstattplan_changes_accepted_total", "counter", "changes accepted by pushes (including repeats)");
    out += u"werkstattplan_changes_accepted_total %1\n"_s.arg(m_accepted);
    family("werkstattplan_changes_rejected_total", "counter", "changes rejected by pushes, by reason");
    for (auto it = m_rejected.cbegin(); it != m_rejected.cend(); ++it)
        out += u"werkstattplan_changes_rejected_total{reason=\"%1\"} %2\n"_s.arg(it.key()).arg(it.value());
    family("werkstattplan_websocket_clients", "gauge", "connected and signed-in WebSocket clients");
    out += u"werkstattplan_websocket_clients %1\n"_s.arg(m_webSocketClients);
    family("werkstattplan_store_seconds", "summary", "time spent in the store");
    out += u"werkstattplan_store_seconds_sum %1\nwerkstattplan_store_seconds_count %2\n"_s.arg(m_storeSeconds, 0, 'f', 6)
                   .arg(m_storeCalls);
    family("werkstattplan_cursor", "gauge", "highest sequence number in the change log");
    out += u"werkstattplan_cursor %1\n"_s.arg(m_cursor);
    family("werkstattplan_http_request_bytes_total", "counter",
           "bytes of requests read whole: request line, headers and body as sent (compressed if it was)");
    out += u"werkstattplan_http_request_bytes_total %1\n"_s.arg(m_requestBytes);
    family("werkstattplan_http_response_bytes_total", "counter",
           "bytes of answers written: status line, headers and body as sent (compressed if it was)");
    out += u"werkstattplan_http_response_bytes_total %1\n"_s.arg(m_responseBytes);
    family("werkstattplan_bootstrap_pages_total", "counter", "bootstrap pages served, by where they came from");
    out += u"werkstattplan_bootstrap_pages_total{source=\"cache\"} %1\n"
           "werkstattplan_bootstrap_pages_total{source=\"built\"} %2\n"_s.arg(m_bootstrapFromCache).arg(m_bootstrapBuilt);
    family("werkstattplan_bootstrap_cache_bytes", "gauge", "bytes of prepared bootstrap pages held for reuse");
    out += u"werkstattplan_bootstrap_cache_bytes %1\n"_s.arg(m_bootstrapCacheBytes);
    family("werkstattplan_bootstrap_cache_pages", "gauge", "prepared bootstrap pages held for reuse");
    out += u"werkstattplan_bootstrap_cache_pages %1\n"_s.arg(m_bootstrapCachePages);
    return out.toUtf8();
}
