// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordcodec.h"

#include <QDataStream>
#include <QIODevice>

using namespace Qt::Literals::StringLiterals;

namespace RecordCodec {

namespace {
constexpr quint8 metaFormat = 1;

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
} // namespace

QString columnType(FieldType type, bool postgres)
{
    switch (type) {
    case FieldType::Number:
        return postgres ? u"DOUBLE PRECISION"_s : u"REAL"_s;
    case FieldType::Bool:
        return u"INTEGER"_s;
    default:
        return u"TEXT"_s;
    }
}

QVariant toColumn(FieldType type, const QString &value)
{
    if (value.isNull())
        return QVariant(QMetaType::fromType<QString>());
    switch (type) {
    case FieldType::Number:
        return value.toDouble();
    case FieldType::Bool:
        return value == u"true"_s ? 1 : 0;
    default:
        return value;
    }
}

QString fromColumn(FieldType type, const QVariant &column)
{
    if (column.isNull())
        return QString();
    switch (type) {
    case FieldType::Number:
        return QString::number(column.toDouble(), 'g', 15);
    case FieldType::Bool:
        return column.toInt() ? u"true"_s : u"false"_s;
    default:
        return column.toString();
    }
}

QByteArray encodeMeta(const EntityRecord &record)
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

bool decodeMeta(const QByteArray &blob, EntityRecord &record)
{
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

} // namespace RecordCodec
