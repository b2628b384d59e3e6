// SPDX-License-Identifier: GPL-3.0-or-later
#include "statedigest.h"

using namespace Qt::Literals::StringLiterals;

StateDigest::StateDigest() : m_hash(QCryptographicHash::Sha256) { }

void StateDigest::add(const QString &text)
{
    // Length-prefixed, so that no two different sequences of texts hash alike; null differs from "".
    const QByteArray utf8 = text.toUtf8();
    const qint64 length = text.isNull() ? -1 : utf8.size();
    m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(&length), sizeof length));
    m_hash.addData(utf8);
}

void StateDigest::addState(const FieldState &state)
{
    add(state.value);
    add(state.merged ? u"merged"_s : u"plain"_s);
    add(state.headIds().join(u',')); // heads ascend by HLC, a total order
    add(state.pending.join(u','));
}

void StateDigest::addEntity(const EntityRecord &record, QStringList historyIds)
{
    add(record.spec->name);
    add(record.id);
    addState(record.lifecycle);
    for (const FieldState &field : record.fields)
        addState(field);
    for (const Conflict &conflict : MergeEngine::conflicts(record)) {
        add(conflict.id);
        add(conflict.kept.changeId);
        add(conflict.other.changeId);
    }
    historyIds.sort();
    add(historyIds.join(u','));
}

QByteArray StateDigest::result()
{
    return m_hash.result().toHex();
}
