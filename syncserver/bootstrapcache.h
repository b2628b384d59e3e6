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
 * The key names everything a page's bytes depend on, including the store's last sequence
 * number and epoch, so a page is never served after a change that would alter it: a change
 * accepted (by this process or another on the same database) gives every page a new key.
 * Holds at most budgetBytes of bodies; the least recently used go first.
 */
class BootstrapCache
{
public:
    struct Key
    {
        QString epoch; ///< the store's identity: a restore under the same sequence numbers is another store
        qint64 lastSequence = 0; ///< the store's state the page was read at
        QString scope; ///< the account's read scope (BootstrapCache::scopeKey)
        qint64 after = 0;
        int limit = 0;
        int metaFormat = 0;
        int history = 0; ///< Protocol::HistoryForm: with histories or without (a compact first sync)
        QByteArray encoding; ///< "gzip" or empty

        [[nodiscard]] QString toString() const;
    };

    explicit BootstrapCache(qint64 budgetBytes) : m_budgetBytes(budgetBytes) { }

    /** The page's body kept under key, or a null QByteArray. */
    [[nodiscard]] QByteArray find(const Key &key);
    /** Keeps body under key, dropping the least recently used pages to stay within the budget. */
    void insert(const Key &key, const QByteArray &body);

    [[nodiscard]] qint64 bytes() const { return m_bytes; }
    [[nodiscard]] qint64 pages() const { return qint64(m_order.size()); }
    [[nodiscard]] qint64 budgetBytes() const { return m_budgetBytes; }

private:
    struct Entry
    {
        QString key;
        QByteArray body;
    };
    void evictTo(qint64 bytes);

    qint64 m_budgetBytes = 0;
    qint64 m_bytes = 0;
    std::list<Entry> m_order; ///< most recently used first
    QHash<QString, std::list<Entry>::iterator> m_index;
};
