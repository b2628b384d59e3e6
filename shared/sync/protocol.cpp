// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol.h"

#include "storage/recordcodec.h"

using namespace Qt::Literals::StringLiterals;

namespace Protocol {

namespace {

/** Appends text as a JSON string: UTF-8, with quotes, backslashes and control characters escaped. */
void appendString(QByteArray &out, QStringView text)
{
    // Written into room for the worst case (\u00XX per character), then cut to size:
    // a page is mostly strings, and appending byte by byte costs more than encoding them.
    const qsizetype start = out.size();
    out.resize(start + 6 * text.size() + 2);
    char *to = out.data() + start;
    *to++ = '"';
    const char16_t *at = text.utf16();
    const char16_t *end = at + text.size();
    while (at < end) {
        const char16_t c = *at++;
        if (c < 0x80) {
            if (c == u'"' || c == u'\\') {
                *to++ = '\\';
                *to++ = char(c);
            } else if (c >= 0x20) {
                *to++ = char(c);
            } else {
                static const char hex[] = "0123456789abcdef";
                for (char e : { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xf] })
                    *to++ = e;
            }
            continue;
        }
        char32_t code = c;
        if (QChar::isHighSurrogate(c) && at < end && QChar::isLowSurrogate(*at))
            code = QChar::surrogateToUcs4(c, *at++);
        else if (QChar::isSurrogate(c))
            code = 0xfffd; // a lone surrogate, as QJsonDocument writes it
        if (code < 0x800) {
            *to++ = char(0xc0 | (code >> 6));
        } else if (code < 0x10000) {
            *to++ = char(0xe0 | (code >> 12));
            *to++ = char(0x80 | ((code >> 6) & 0x3f));
        } else {
            *to++ = char(0xf0 | (code >> 18));
            *to++ = char(0x80 | ((code >> 12) & 0x3f));
            *to++ = char(0x80 | ((code >> 6) & 0x3f));
        }
        *to++ = char(0x80 | (code & 0x3f));
    }
    *to++ = '"';
    out.truncate(to - out.constData());
}

/** A string, or null for a null QString. */
void appendNullable(QByteArray &out, const QString &text)
{
    if (text.isNull())
        out.append("null");
    else
        appendString(out, text);
}

void appendStrings(QByteArray &out, const QStringList &list)
{
    out.append('[');
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendString(out, list[i]);
    }
    out.append(']');
}

/** Writes the object Change::toJson() builds, with its keys in the same (sorted) order. */
void appendChange(QByteArray &out, const Change &change)
{
    const bool set = change.op == Change::Op::Set;
    out.append("{\"author\":");
    appendString(out, change.author);
    out.append(",\"base\":");
    appendStrings(out, change.base);
    out.append(",\"device\":");
    appendString(out, change.device);
    out.append(",\"entity\":");
    appendString(out, change.entityId);
    if (set) {
        out.append(",\"field\":");
        appendString(out, change.field);
    }
    out.append(",\"hlc\":");
    appendString(out, change.hlc.toString());
    out.append(",\"id\":");
    appendString(out, change.id);
    out.append(",\"op\":");
    appendString(out, Change::opName(change.op));
    if (!change.seen.isEmpty()) {
        out.append(",\"seen\":");
        appendStrings(out, change.seen);
    }
    out.append(",\"type\":");
    appendString(out, change.entityType);
    if (set) {
        out.append(",\"value\":");
        appendNullable(out, change.value);
    }
    out.append('}');
}

/** Writes the object toJson(SnapshotEntity) builds. */
void appendEntity(QByteArray &out, const SnapshotEntity &entity)
{
    const EntityRecord &record = entity.record;
    out.append("{\"history\":[");
    for (qsizetype i = 0; i < entity.history.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendChange(out, entity.history[i]);
    }
    out.append("],\"id\":");
    appendString(out, record.id);
    out.append(",\"key\":").append(QByteArray::number(entity.key));
    out.append(",\"meta\":\"").append(RecordCodec::encodeMeta(record).toBase64()).append('"');
    out.append(",\"state\":");
    appendNullable(out, record.lifecycle.value);
    out.append(",\"type\":");
    appendString(out, record.spec->name);
    out.append(",\"values\":{");
    for (qsizetype i = 0; i < record.fields.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendString(out, record.spec->fields[i].name);
        out.append(':');
        appendNullable(out, record.fields[i].value);
    }
    out.append("}}");
}

} // namespace

QByteArray bootstrapPageJson(qint64 cursor, const SnapshotPage &page)
{
    QByteArray out;
    // Most of a page is its histories: a guess that spares most reallocations.
    qsizetype changes = 0;
    for (const SnapshotEntity &entity : page.entities)
        changes += entity.history.size();
    out.reserve(256 + page.entities.size() * 1024 + changes * 320);
    out.append("{\"cursor\":").append(QByteArray::number(cursor)).append(",\"entities\":[");
    for (qsizetype i = 0; i < page.entities.size(); ++i) {
        if (i > 0)
            out.append(',');
        appendEntity(out, page.entities[i]);
    }
    out.append("],\"more\":").append(page.more ? "true" : "false");
    out.append(",\"next\":").append(QByteArray::number(page.next)).append('}');
    return out;
}

QJsonArray toJson(const QList<Change> &changes)
{
    QJsonArray array;
    for (const Change &change : changes)
        array.append(change.toJson());
    return array;
}

QJsonObject toJson(const SnapshotEntity &entity)
{
    const EntityRecord &record = entity.record;
    QJsonObject values;
    for (qsizetype i = 0; i < record.fields.size(); ++i) {
        const QString &value = record.fields[i].value;
        values.insert(record.spec->fields[i].name, value.isNull() ? QJsonValue() : QJsonValue(value));
    }
    return {
        { u"key"_s, entity.key },
        { u"type"_s, record.spec->name },
        { u"id"_s, record.id },
        { u"values"_s, values },
        { u"state"_s, record.lifecycle.value.isNull() ? QJsonValue() : QJsonValue(record.lifecycle.value) },
        { u"meta"_s, QString::fromLatin1(RecordCodec::encodeMeta(record).toBase64()) },
        { u"history"_s, toJson(entity.history) },
    };
}

Result<SnapshotEntity> snapshotEntityFromJson(const QJsonObject &object)
{
    const Error malformed { u"malformed_snapshot"_s, u"a bootstrap entity is malformed"_s };
    const EntitySpec *spec = Schema::instance().entity(object.value("type"_L1).toString());
    const QString id = object.value("id"_L1).toString();
    const QJsonValue valuesJson = object.value("values"_L1);
    const QJsonValue historyJson = object.value("history"_L1);
    if (!spec || !isChangeId(id) || !valuesJson.isObject() || !historyJson.isArray())
        return malformed;
    SnapshotEntity entity;
    entity.key = object.value("key"_L1).toInteger();
    EntityRecord &record = entity.record;
    record.spec = spec;
    record.id = id;
    record.fields.resize(spec->fields.size());
    const QJsonObject values = valuesJson.toObject();
    for (qsizetype i = 0; i < spec->fields.size(); ++i) {
        const QJsonValue value = values.value(spec->fields[i].name);
        record.fields[i].value = value.isString() ? value.toString() : QString();
    }
    const QJsonValue state = object.value("state"_L1);
    record.lifecycle.value = state.isString() ? state.toString() : QString();
    const QByteArray meta = QByteArray::fromBase64(object.value("meta"_L1).toString().toLatin1());
    if (!RecordCodec::decodeMeta(meta, record))
        return malformed;
    const QJsonArray history = historyJson.toArray();
    entity.history.reserve(history.size());
    for (const QJsonValue &item : history) {
        auto change = Change::fromJson(item.toObject());
        if (!change)
            return change.error();
        entity.history.append(std::move(change).value());
    }
    return entity;
}

} // namespace Protocol
