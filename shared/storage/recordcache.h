// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/mergeengine.h"

#include <QString>

#include <unordered_map>
#include <vector>

/** A record as a batch holds it, with what the store knows of its rows. */
struct CachedRecord
{
    EntityRecord record;
    bool stored = false; ///< a row exists in the table
    bool dirty = false;
    bool hadConflicts = false;
    /** The text the search index holds for the entity (null: none), so unchanged text is not rewritten. */
    QString indexedText;
    qint64 key = -1; ///< entities.key, the search index's rowid; -1 if not known
    bool maybeIndexed = false; ///< the search index may hold a row for the entity
    quint64 lastUsed = 0; ///< the batch that last touched the record, for eviction
};

/**
 * Records of the current batch and, on SQLite, of recent ones (bounded;
 * dropped on rollback and when another connection wrote): a record touched
 * again in the next batch is neither read nor decoded again.
 */
class RecordCache
{
public:
    /** kept: decoded records kept across batches. */
    explicit RecordCache(int kept) : m_kept(size_t(qMax(kept, 0))) { }

    /** The record last handed out, if it is this one (a create brings a change per field). */
    [[nodiscard]] CachedRecord *current(const QString &entityId) const
    {
        return m_current && m_current->record.id == entityId ? m_current : nullptr;
    }
    /** The kept record, or null; does not count as a use. */
    [[nodiscard]] CachedRecord *find(const QString &entityId)
    {
        const auto it = m_records.find(entityId);
        return it == m_records.end() ? nullptr : &it->second;
    }
    /** Keeps a record read from the store. */
    CachedRecord &insert(const QString &entityId, CachedRecord &&cached)
    {
        return m_records.emplace(entityId, std::move(cached)).first->second;
    }
    /** Hands the record out: it becomes the current one, used in this batch. */
    CachedRecord *use(CachedRecord &cached)
    {
        m_current = &cached;
        m_current->lastUsed = m_batchNumber;
        return m_current;
    }
    /** A record of this cache changed in the batch (it is written at the end). */
    void markDirty(EntityRecord &record)
    {
        CachedRecord *cached = m_current && &m_current->record == &record ? m_current : find(record.id);
        if (!cached->dirty) {
            cached->dirty = true;
            m_dirty.push_back(cached);
        }
    }
    /** The records changed in this batch, in the order first changed. */
    [[nodiscard]] const std::vector<CachedRecord *> &dirty() const { return m_dirty; }
    /** Counts the record as used in this batch without handing it out (so eviction keeps it). */
    void touch(CachedRecord &cached) const { cached.lastUsed = m_batchNumber; }
    /** Between beginBatch() and endBatch(): the kept records are known current. */
    [[nodiscard]] bool inBatch() const { return m_inBatch; }
    /** The batch ended: nothing is dirty or current any more. */
    void endBatch()
    {
        m_dirty.clear();
        m_current = nullptr;
        m_inBatch = false;
    }
    /** The data version of the last batch (-1: unknown). */
    [[nodiscard]] qint64 dataVersion() const { return m_dataVersion; }
    /** A new batch: the records are dropped if another connection wrote since (dataVersion changed). */
    void beginBatch(qint64 dataVersion);
    void forget();
    /** Forgets one record, whether dirty or not. */
    void erase(const QString &entityId);

private:
    void evict();

    size_t m_kept = 0;
    std::unordered_map<QString, CachedRecord> m_records; // node-based: records keep their address
    std::vector<CachedRecord *> m_dirty; ///< records changed in this batch, in the order first changed
    CachedRecord *m_current = nullptr; ///< the record last handed out
    quint64 m_batchNumber = 0;
    bool m_inBatch = false;
    qint64 m_dataVersion = -1; ///< PRAGMA data_version when the records were last known current
};
