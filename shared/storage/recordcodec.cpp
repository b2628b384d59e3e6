// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordcodec.h"

using namespace Qt::Literals::StringLiterals;

namespace RecordCodec {

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

} // namespace RecordCodec
