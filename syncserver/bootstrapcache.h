// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <list>

/**
 * Bootstrap pages as they were sent, kept for the next replica that asks for the same page:
 * many replicas bootstrapping the same state cost one page build each, not one per replica.
 * A page is kept under everything its bytes depend on but the state it was read at, which is
 * kept with it: each page is kept as last read, and a request names the oldest state that
 * serves it (find's oldest), so a page read before a change is served only to a replica whose
 * bootstrap pulls that change anyway, never to one that would miss it.
 * Holds at most budgetBytes of bodies; the least recently used go first.
 */
class BootstrapCache
{
public:
    struct Key
    {
        QString epoch; ///< the store's identity: a restore under the same sequence numbers is another store
        qint64 lastSequence = 0; ///< the store's state the page was (or is about to be) read at
        QString scope; ///< what the account reads (ReplicaStore::readSet): the same plans, the same pages
        qint64 after = 0;
        int limit = 0;
        int metaFormat = 0;
        int history = 0; ///< Protocol::HistoryForm: with histories or without (a compact first sync)
        QByteArray encoding; ///< "gzip" or empty

        /** Everything but lastSequence: one page, whatever state it was read at. */
        [[nodiscard]] QString pageKey() const;
    };

    explicit BootstrapCache(qint64 budgetBytes) : m_budgetBytes(budgetBytes) { }

    /**
     * The page's body if it was read at a state from oldest to key.lastSequence, or a null
     * QByteArray.
     */
    [[nodiscard]] QByteArray find(const Key &key, qint64 oldest);
    /**
     * Keeps body as the page read at key.lastSequence, in place of one read earlier, dropping
     * the least recently used pages to stay within the budget.
     */
    void insert(const Key &key, const QByteArray &body);

    [[nodiscard]] qint64 bytes() const { return m_bytes; }
    [[nodiscard]] qint64 pages() const { return qint64(m_order.size()); }
    [[nodiscard]] qint64 budgetBytes() const { return m_budgetBytes; }

private:
    struct Entry
    {
        QString key;
        qint64 lastSequence = 0;
        QByteArray body;
    };
    void evictTo(qint64 bytes);

    qint64 m_budgetBytes = 0;
    qint64 m_bytes = 0;
    std::list<Entry> m_order; ///< most recently used first
    QHash<QString, std::list<Entry>::iterator> m_index;
};
