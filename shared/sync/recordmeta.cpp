// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordmeta.h"


#include <QDataStream>
#include <QIODevice>
#include <QtEndian>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace RecordMeta {

namespace {
constexpr quint8 metaFormat = 1;
constexpr quint8 compactFormat = 2;

void writeState(QDataStream &out, const FieldState &state)
{
    const bool keepValues = state.heads.size() > 1;
    out << state.merged << state.pending << quint32(state.heads.size());
    for (const FieldVersion &head : state.heads) {
        out << head.changeId << head.hlc.toString() << head.author << head.seen;
        if (keepValues)
            out << head.value;
    }
}

bool readState(QDataStream &in, FieldState &state)
{
    quint32 count = 0;
    in >> state.merged >> state.pending >> count;
    if (in.status() != QDataStream::Ok || count > 1'000'000)
        return false;
    const bool keptValues = count > 1;
    state.heads.resize(count);
    for (FieldVersion &head : state.heads) {
        QString hlc;
        in >> head.changeId >> hlc >> head.author >> head.seen;
        if (keptValues)
            in >> head.value;
        else
            head.value = state.value;
        head.hlc = Hlc::fromString(hlc);
        head.device = head.hlc.device;
    }
    return in.status() == QDataStream::Ok;
}

/*
 * Format 2: a format byte, then varints (LEB128) and strings. A string is a
 * varint tag, 0 for null, else 1 + (length << 1 | wide), followed by the
 * length in bytes (ASCII) or in little-endian UTF-16 code units (wide).
 * Per state: merged (one byte), pending (count, ids), heads (count; per head
 * change id, wall time, counter, device, author, seen (count, ids), and the
 * value if there are several heads).
 */
class CompactWriter
{
public:
    explicit CompactWriter(qsizetype reserve) { m_out.reserve(reserve); }

    void byte(quint8 value) { m_out.append(char(value)); }

    void varint(quint64 value)
    {
        char buffer[10];
        int n = 0;
        do {
            const quint8 low = value & 0x7f;
            value >>= 7;
            buffer[n++] = char(value ? low | 0x80 : low);
        } while (value);
        m_out.append(buffer, n);
    }

    void string(const QString &text)
    {
        if (text.isNull()) {
            varint(0);
            return;
        }
        const qsizetype length = text.size();
        const char16_t *units = reinterpret_cast<const char16_t *>(text.constData());
        const bool wide = std::any_of(units, units + length, [](char16_t c) { return c >= 0x80; });
        varint(1 + ((quint64(length) << 1) | (wide ? 1 : 0)));
        const qsizetype at = m_out.size();
        m_out.resize(at + (wide ? 2 * length : length));
        char *out = m_out.data() + at;
        if (wide) {
            qToLittleEndian<quint16>(units, length, out);
        } else {
            for (qsizetype i = 0; i < length; ++i)
                out[i] = char(units[i]);
        }
    }

    void strings(const QStringList &list)
    {
        varint(quint64(list.size()));
        for (const QString &text : list)
            string(text);
    }

    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

class CompactReader
{
public:
    explicit CompactReader(QByteArrayView data) : m_at(data.data()), m_end(data.data() + data.size()) { }

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_at == m_end; }

    quint8 byte()
    {
        if (m_at >= m_end)
            return fail(), 0;
        return quint8(*m_at++);
    }

    quint64 varint()
    {
        quint64 value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_at >= m_end)
                return fail(), 0;
            const quint8 b = quint8(*m_at++);
            value |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                return value;
        }
        return fail(), 0;
    }

    /** A count of items that each take at least one byte: larger than what is left means damage. */
    quint64 count()
    {
        const quint64 n = varint();
        if (n > quint64(m_end - m_at))
            return fail(), 0;
        return n;
    }

    QString string()
    {
        const quint64 tag = varint();
        if (tag == 0 || !m_ok)
            return QString();
        const quint64 length = (tag - 1) >> 1;
        const bool wide = (tag - 1) & 1;
        const quint64 bytes = wide ? 2 * length : length;
        if (length > quint64(m_end - m_at) || bytes > quint64(m_end - m_at))
            return fail(), QString();
        const char *in = m_at;
        m_at += bytes;
        if (!wide)
            return QString::fromLatin1(in, qsizetype(length));
        QString text(qsizetype(length), Qt::Uninitialized);
        qFromLittleEndian<quint16>(in, qsizetype(length), text.data());
        return text;
    }

    QStringList strings()
    {
        QStringList list;
        const quint64 n = count();
        list.reserve(qsizetype(n));
        for (quint64 i = 0; i < n && m_ok; ++i)
            list.append(string());
        return list;
    }

private:
    void fail()
    {
        m_ok = false;
        m_at = m_end;
    }

    const char *m_at;
    const char *m_end;
    bool m_ok = true;
};

void writeCompact(CompactWriter &out, const FieldState &state)
{
    const bool keepValues = state.heads.size() > 1;
    out.byte(state.merged ? 1 : 0);
    out.strings(state.pending);
    out.varint(quint64(state.heads.size()));
    for (const FieldVersion &head : state.heads) {
        out.string(head.changeId);
        // Stamps from HlcClock are never negative; the cast keeps any value intact.
        out.varint(quint64(head.hlc.wallMs));
        out.varint(head.hlc.counter);
        out.string(head.hlc.device);
        out.string(head.author);
        out.strings(head.seen);
        if (keepValues)
            out.string(head.value);
    }
}

bool readCompact(CompactReader &in, FieldState &state)
{
    const quint8 merged = in.byte();
    if (merged > 1)
        return false;
    state.merged = merged;
    state.pending = in.strings();
    const quint64 count = in.count();
    if (!in.ok())
        return false;
    const bool keptValues = count > 1;
    state.heads.resize(qsizetype(count));
    for (FieldVersion &head : state.heads) {
        head.changeId = in.string();
        head.hlc.wallMs = qint64(in.varint());
        const quint64 counter = in.varint();
        head.hlc.counter = quint32(counter);
        head.hlc.device = in.string();
        head.device = head.hlc.device;
        head.author = in.string();
        head.seen = in.strings();
        head.value = keptValues ? in.string() : state.value;
        if (!in.ok() || counter > std::numeric_limits<quint32>::max())
            return false;
    }
    return in.ok();
}

/** A first guess of the blob size, so it is rarely reallocated. */
qsizetype compactSizeHint(const EntityRecord &record)
{
    return 16 + 64 * (record.fields.size() + 1);
}
} // namespace

QByteArray encode(const EntityRecord &record)
{
    QByteArray blob;
    QDataStream out(&blob, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << metaFormat << quint32(record.fields.size());
    writeState(out, record.lifecycle);
    for (const FieldState &field : record.fields)
        writeState(out, field);
    return blob;
}

QByteArray encodeCompact(const EntityRecord &record)
{
    CompactWriter out(compactSizeHint(record));
    out.byte(compactFormat);
    out.varint(quint64(record.fields.size()));
    writeCompact(out, record.lifecycle);
    for (const FieldState &field : record.fields)
        writeCompact(out, field);
    return out.take();
}

bool decode(const QByteArray &blob, EntityRecord &record)
{
    if (!blob.isEmpty() && quint8(blob.front()) == compactFormat) {
        CompactReader in(QByteArrayView(blob).sliced(1));
        const quint64 fieldCount = in.varint();
        if (!in.ok() || fieldCount > quint64(record.fields.size()))
            return false;
        if (!readCompact(in, record.lifecycle))
            return false;
        // Fields added to the schema after this row was written have no state yet.
        for (quint64 i = 0; i < fieldCount; ++i) {
            if (!readCompact(in, record.fields[qsizetype(i)]))
                return false;
        }
        return in.atEnd();
    }
    QDataStream in(blob);
    in.setVersion(QDataStream::Qt_6_4);
    quint8 format = 0;
    quint32 fieldCount = 0;
    in >> format >> fieldCount;
    if (format != metaFormat || fieldCount > quint32(record.fields.size()))
        return false;
    if (!readState(in, record.lifecycle))
        return false;
    // Fields added to the schema after this row was written have no state yet.
    for (quint32 i = 0; i < fieldCount; ++i) {
        if (!readState(in, record.fields[i]))
            return false;
    }
    return true;
}

} // namespace RecordMeta
