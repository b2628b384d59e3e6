// SPDX-License-Identifier: GPL-3.0-or-later
#include "loginthrottle.h"

#include <algorithm>

qint64 LoginThrottle::waitSeconds(const QString &key, qint64 nowMs, int free) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend() || nowMs - it->firstMs > windowMs || it->failures < free)
        return 0;
    const int extra = std::min(it->failures - free, 20);
    const qint64 delayMs = std::min<qint64>(qint64(1000) << extra, maxDelayS * 1000);
    const qint64 remainingMs = it->lastMs + delayMs - nowMs;
    return remainingMs > 0 ? (remainingMs + 999) / 1000 : 0;
}

void LoginThrottle::recordFailure(const QString &key, qint64 nowMs)
{
    Entry &entry = m_entries[key];
    if (nowMs - entry.firstMs > windowMs)
        entry = { 0, nowMs, nowMs };
    ++entry.failures;
    entry.lastMs = nowMs;
    if (m_entries.size() > 100000) // bounded memory under a flood of distinct keys
        m_entries.removeIf([nowMs](const auto &it) { return nowMs - it.value().firstMs > windowMs; });
}

void LoginThrottle::recordSuccess(const QString &key)
{
    m_entries.remove(key);
}
