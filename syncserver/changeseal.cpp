// SPDX-License-Identifier: GPL-3.0-or-later
#include "changeseal.h"

#include <QMessageAuthenticationCode>

namespace {

/** Every member, each with its length in front: no two changes give the same bytes. */
QByteArray sealedBytes(const Change &change)
{
    QByteArray bytes;
    auto add = [&bytes](const QString &text) {
        const QByteArray utf8 = text.toUtf8();
        bytes.append(QByteArray::number(utf8.size())).append(':').append(utf8);
    };
    add(change.id);
    add(Change::opName(change.op));
    add(change.entityType);
    add(change.entityId);
    add(change.field);
    bytes.append(change.value.isNull() ? 'n' : 'v');
    add(change.value);
    add(change.hlc.toString());
    add(change.device);
    add(change.author);
    for (const QStringList *ids : { &change.base, &change.seen }) {
        bytes.append(QByteArray::number(ids->size())).append('[');
        for (const QString &id : *ids)
            add(id);
    }
    return bytes;
}

} // namespace

ChangeSeal::ChangeSeal(QByteArray key) : m_key(std::move(key)) { }

QString ChangeSeal::seal(const Change &change) const
{
    if (m_key.isEmpty())
        return {};
    const QByteArray mac = QMessageAuthenticationCode::hash(sealedBytes(change), m_key, QCryptographicHash::Sha256);
    return QString::fromLatin1(mac.left(16).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool ChangeSeal::verify(const Change &change, const QString &seal) const
{
    const QString expected = ChangeSeal::seal(change);
    if (expected.isEmpty() || seal.size() != expected.size())
        return false;
    // Compared in full whatever differs first, so that timing tells nothing of the right seal.
    char16_t difference = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        difference |= expected[i].unicode() ^ seal[i].unicode();
    return difference == 0;
}
