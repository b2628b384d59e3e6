// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordcache.h"

#include <algorithm>

void RecordCache::beginBatch(qint64 dataVersion)
{
    if (dataVersion < 0 || dataVersion != m_dataVersion)
        forget();
    m_dataVersion = dataVersion;
    evict();
    m_inBatch = true;
}

void RecordCache::forget()
{
    m_records.clear();
    m_dirty.clear();
    m_current = nullptr;
}

void RecordCache::erase(const QString &entityId)
{
    if (const auto it = m_records.find(entityId); it != m_records.end()) {
        std::erase(m_dirty, &it->second);
        if (m_current == &it->second)
            m_current = nullptr;
        m_records.erase(it);
    }
}

void RecordCache::evict()
{
    ++m_batchNumber;
    if (m_records.size() <= m_kept)
        return;
    // Keep the more recently used half.
    std::vector<quint64> used;
    used.reserve(m_records.size());
    for (const auto &[id, cached] : m_records)
        used.push_back(cached.lastUsed);
    const auto middle = used.begin() + ptrdiff_t(used.size() / 2);
    std::nth_element(used.begin(), middle, used.end());
    const quint64 cutoff = *middle;
    for (auto it = m_records.begin(); it != m_records.end();)
        it = it->second.lastUsed < cutoff ? m_records.erase(it) : std::next(it);
    if (m_records.size() > m_kept) // all used alike recently: start afresh
        m_records.clear();
}
