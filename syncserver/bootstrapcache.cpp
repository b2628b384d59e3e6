// SPDX-License-Identifier: GPL-3.0-or-later
#include "bootstrapcache.h"

using namespace Qt::Literals::StringLiterals;

QString BootstrapCache::Key::pageKey() const
{
    // Fields of fixed meaning joined by a byte no id, scope or encoding holds.
    return QStringList { epoch,
                         scope,
                         QString::number(after),
                         QString::number(limit),
                         QString::number(metaFormat), QString::number(history),
                         QString::fromLatin1(encoding) }
            .join(QChar(0x1f));
}

QByteArray BootstrapCache::find(const Key &key, qint64 oldest)
{
    const auto it = m_index.constFind(key.pageKey());
    if (it == m_index.cend() || it.value()->lastSequence < oldest || it.value()->lastSequence > key.lastSequence)
        return {};
    m_order.splice(m_order.begin(), m_order, it.value());
    return it.value()->body;
}

void BootstrapCache::insert(const Key &key, const QByteArray &body)
{
    if (body.size() > m_budgetBytes)
        return; // would push out everything and still not fit
    const QString text = key.pageKey();
    if (const auto it = m_index.find(text); it != m_index.end()) {
        if (it.value()->lastSequence > key.lastSequence)
            return; // a later read of the page is kept already
        m_bytes -= it.value()->body.size();
        m_order.erase(it.value());
        m_index.erase(it);
    }
    evictTo(m_budgetBytes - body.size());
    m_order.push_front({ text, key.lastSequence, body });
    m_index.insert(text, m_order.begin());
    m_bytes += body.size();
}

void BootstrapCache::evictTo(qint64 bytes)
{
    while (m_bytes > bytes && !m_order.empty()) {
        m_bytes -= m_order.back().body.size();
        m_index.remove(m_order.back().key);
        m_order.pop_back();
    }
}
