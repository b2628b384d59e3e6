// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol.h"

#include "jsonreader.h"
#include "sync/recordmeta.h"

#include <QCryptographicHash>
#include <QJsonDocument>

#include <algorithm>

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

/** Appends UTF-8 text as a JSON string: copied as it is, quotes, backslashes and control characters escaped. */
void appendString(QByteArray &out, QUtf8StringView text)
{
    const qsizetype start = out.size();
    out.resize(start + 6 * text.size() + 2);
    char *to = out.data() + start;
    *to++ = '"';
    for (const char c : text) {
        const auto u = uchar(c);
        if (u == '"' || u == '\\') {
            *to++ = '\\';
            *to++ = c;
        } else if (u >= 0x20) {
            *to++ = c;
        } else {
            static const char hex[] = "0123456789abcdef";
            for (char e : { '\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xf] })
                *to++ = e;
        }
    }
    *to++ = '"';
    out.truncate(to - out.constData());
}

/** A comma-separated list as stored, as a JSON array of strings. */
void appendStrings(QByteArray &out, QUtf8StringView list)
{
    out.append('[');
    bool first = true;
    for (qsizetype from = 0; from < list.size();) {
        qsizetype comma = from;
        while (comma < list.size() && list[comma] != ',')
            ++comma;
        if (comma > from) { // empty parts are skipped, as QString::split(SkipEmptyParts) does
            if (!first)
                out.append(',');
            appendString(out, list.sliced(from, comma - from));
            first = false;
        }
        from = comma + 1;
    }
    out.append(']');
}

/** The members of a change, as text of either kind, in the order Change::toJson() sorts them. */
template <typename Text, typename List>
struct ChangeMembers
{
    bool set;
    Text author;
    List base;
    Text device, entityId, field, hlc, id, op;
    List seen;
    bool hasSeen;
    Text entityType, value;
    bool valueIsNull;
};

/** Writes the object Change::toJson() builds, member by member in Change's one list (sorted, as Qt keeps keys). */
template <typename Text, typename List>
void appendChangeMembers(QByteArray &out, const ChangeMembers<Text, List> &c)
{
    using Member = Change::Member;
    char separator = '{';
    for (size_t i = 0; i < Change::memberNames.size(); ++i) {
        const auto member = Member(i);
        if (((member == Member::Field || member == Member::Value) && !c.set) || (member == Member::Seen && !c.hasSeen))
            continue;
        out.append(separator).append('"').append(Change::memberNames[i]).append("\":");
        separator = ',';
        switch (member) {
        case Member::Author: appendString(out, c.author); break;
        case Member::Base: appendStrings(out, c.base); break;
        case Member::Device: appendString(out, c.device); break;
        case Member::Entity: appendString(out, c.entityId); break;
        case Member::Field: appendString(out, c.field); break;
        case Member::Hlc: appendString(out, c.hlc); break;
        case Member::Id: appendString(out, c.id); break;
        case Member::Op: appendString(out, c.op); break;
        case Member::Seen: appendStrings(out, c.seen); break;
        case Member::Type: appendString(out, c.entityType); break;
        case Member::Value:
            if (c.valueIsNull)
                out.append("null");
            else
                appendString(out, c.value);
            break;
        case Member::Count: break;
        }
    }
    out.append('}');
}

void appendChange(QByteArray &out, const Change &change)
{
    const QString hlc = change.hlc.toString();
    const QString op = Change::opName(change.op);
    appendChangeMembers<QStringView, const QStringList &>(
            out, { change.op == Change::Op::Set, change.author, change.base, change.device, change.entityId,
                   change.field, hlc, change.id, op, change.seen, !change.seen.isEmpty(), change.entityType,
                   change.value, change.value.isNull() });
}

/** Writes the members of the object toJson(SnapshotEntity) builds that follow its history. */
void appendEntityAfterHistory(QByteArray &out, const SnapshotEntity &entity, MetaFormat metaFormat)
{
    const EntityRecord &record = entity.record;
    if (entity.historyOmitted && entity.historyLength >= 0)
        out.append("\"history_length\":").append(QByteArray::number(entity.historyLength)).append(',');
    out.append(entity.historyOmitted ? "\"id\":" : "],\"id\":");
    appendString(out, record.id);
    out.append(",\"key\":").append(QByteArray::number(entity.key));
    const QByteArray meta = metaFormat == MetaFormat::Compact ? RecordMeta::encodeCompact(record)
                                                              : RecordMeta::encode(record);
    out.append(",\"meta\":\"").append(meta.toBase64()).append('"');
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

QString cursorTag(const QString &changeId)
{
    if (changeId.isEmpty())
        return {};
    return QString::fromLatin1(QCryptographicHash::hash(changeId.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}

BootstrapPageWriter::BootstrapPageWriter(qint64 cursor, int limit, MetaFormat metaFormat, HistoryForm history)
    : m_metaFormat(metaFormat), m_history(history)
{
    // Most of a page is its histories, a few KB per entity: a guess that spares most reallocations.
    m_out.reserve(256 + qsizetype(limit) * 4096);
    m_out.append("{\"cursor\":").append(QByteArray::number(cursor));
}

void BootstrapPageWriter::bounds(const SnapshotPage &page)
{
    m_out.append(",\"more\":").append(page.more ? "true" : "false");
    m_out.append(",\"next\":").append(QByteArray::number(page.next));
    m_out.append(",\"entities\":[");
}

void BootstrapPageWriter::openEntity()
{
    if (m_entities > 0)
        m_out.append(',');
    m_out.append(m_history == HistoryForm::Full ? "{\"history\":[" : "{");
    m_entityOpen = true;
}

void BootstrapPageWriter::beginChange()
{
    Q_ASSERT(m_history == HistoryForm::Full);
    if (m_entityOpen)
        m_out.append(',');
    else
        openEntity();
}

void BootstrapPageWriter::change(const StoredChangeText &change)
{
    beginChange();
    appendChangeMembers<QUtf8StringView, QUtf8StringView>(
            m_out, { change.op == "set", change.author, change.base, change.device, change.entityId, change.field,
                     change.hlc, change.id, change.op, change.seen, !change.seen.isEmpty(), change.entityType,
                     change.value, change.valueIsNull });
}

void BootstrapPageWriter::change(const Change &change)
{
    beginChange();
    appendChange(m_out, change);
}

void BootstrapPageWriter::entity(const SnapshotEntity &entity)
{
    if (!m_entityOpen) // no history came to open it
        openEntity();
    if (m_history == HistoryForm::Omitted && !entity.historyOmitted) {
        SnapshotEntity omitted { entity.key, entity.record, {}, true, qint64(entity.history.size()) };
        appendEntityAfterHistory(m_out, omitted, m_metaFormat);
    } else {
        appendEntityAfterHistory(m_out, entity, m_metaFormat);
    }
    m_entityOpen = false;
    ++m_entities;
}

QByteArray BootstrapPageWriter::finish()
{
    m_out.append("]}");
    return std::move(m_out);
}

QByteArray bootstrapPageJson(qint64 cursor, const SnapshotPage &page, MetaFormat metaFormat, HistoryForm history)
{
    BootstrapPageWriter writer(cursor, int(page.entities.size()), metaFormat, history);
    writer.bounds(page);
    for (const SnapshotEntity &entity : page.entities) {
        if (history == HistoryForm::Full) {
            for (const Change &change : entity.history)
                writer.change(change);
        }
        writer.entity(entity);
    }
    return writer.finish();
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
        { u"meta"_s, QString::fromLatin1(RecordMeta::encode(record).toBase64()) },
        { u"history"_s, toJson(entity.history) },
    };
}

namespace {

const Error malformedSnapshot { u"malformed_snapshot"_s, u"a bootstrap entity is malformed"_s };

/** The record of a snapshot entity from the members it was sent with; every reader ends here. */
Result<SnapshotEntity> snapshotEntityFrom(const QString &type, const QString &id, qint64 key,
                                          const QList<QPair<QString, QString>> &values, const QString &state,
                                          const QByteArray &meta, std::optional<QList<Change>> history,
                                          qint64 historyLength)
{
    const EntitySpec *spec = Schema::instance().entity(type);
    if (!spec || !isChangeId(id))
        return malformedSnapshot;
    SnapshotEntity entity;
    entity.key = key;
    EntityRecord &record = entity.record;
    record.spec = spec;
    record.id = id;
    record.fields.resize(spec->fields.size());
    for (const auto &[name, value] : values) {
        const int field = spec->fieldIndex(name);
        if (field >= 0)
            record.fields[field].value = value;
    }
    record.lifecycle.value = state;
    if (!RecordMeta::decode(QByteArray::fromBase64(meta), record))
        return malformedSnapshot;
    entity.historyOmitted = !history;
    if (history)
        entity.history = std::move(*history);
    else
        entity.historyLength = historyLength;
    return entity;
}

std::optional<QStringList> readStringList(JsonReader &reader)
{
    if (reader.peek() == JsonReader::Type::Null) {
        reader.skip();
        return QStringList();
    }
    if (reader.peek() != JsonReader::Type::Array)
        return reader.skip(), std::nullopt;
    QStringList list;
    reader.beginArray();
    while (reader.hasNext()) {
        QString item;
        if (reader.peek() != JsonReader::Type::String) {
            reader.skip();
            return std::nullopt;
        }
        reader.readString(item);
        list << std::move(item);
    }
    return list;
}

Result<Change> readChange(JsonReader &reader)
{
    Change::Wire wire;
    if (!reader.beginObject())
        return malformedSnapshot;
    QByteArrayView key;
    while (reader.nextKey(key)) {
        const auto member = Change::memberNamed(key);
        switch (member.value_or(Change::Member::Count)) {
        case Change::Member::Value: {
            const JsonReader::Type type = reader.peek();
            if (type == JsonReader::Type::String) {
                wire.valueKind = Change::Wire::Value::String;
                reader.readString(wire.value);
            } else {
                wire.valueKind = type == JsonReader::Type::Null ? Change::Wire::Value::Null : Change::Wire::Value::Invalid;
                reader.skip();
            }
            break;
        }
        case Change::Member::Base:
            wire.base = readStringList(reader);
            break;
        case Change::Member::Seen:
            wire.seen = readStringList(reader);
            break;
        case Change::Member::Count: // a key of no member
            reader.skip();
            break;
        default: {
            auto &slot = wire.text[size_t(*member)];
            QString text;
            if (reader.peek() == JsonReader::Type::String && reader.readString(text))
                slot = std::move(text);
            else
                reader.skip(), slot.reset();
        }
        }
    }
    if (reader.failed())
        return malformedSnapshot;
    return Change::fromWire(std::move(wire));
}

Result<SnapshotEntity> readSnapshotEntity(JsonReader &reader)
{
    QString type, id, state;
    qint64 key = 0, historyLength = -1;
    QByteArray meta;
    QList<QPair<QString, QString>> values;
    QList<Change> history;
    bool hasValues = false, hasHistory = false, historyNamed = false;
    if (!reader.beginObject())
        return malformedSnapshot;
    QByteArrayView name;
    while (reader.nextKey(name)) {
        if (name == "type") {
            reader.readString(type);
        } else if (name == "id") {
            reader.readString(id);
        } else if (name == "key") {
            reader.readInteger(key);
        } else if (name == "history_length") {
            // Not a count: as if not told, so the replica fetches rather than guesses.
            if (reader.peek() == JsonReader::Type::Number)
                reader.readInteger(historyLength);
            else
                reader.skip();
            historyLength = std::max<qint64>(historyLength, -1);
        } else if (name == "state") {
            reader.readStringOrNull(state);
        } else if (name == "meta") {
            QString text;
            reader.readString(text);
            meta = text.toLatin1();
        } else if (name == "values") {
            hasValues = reader.beginObject();
            QByteArrayView field;
            while (reader.nextKey(field)) {
                QString value;
                if (reader.peek() == JsonReader::Type::String)
                    reader.readString(value);
                else
                    reader.skip(); // null or anything else: no value
                values.append({ QString::fromUtf8(field), std::move(value) });
            }
        } else if (name == "history") {
            historyNamed = true;
            hasHistory = reader.beginArray();
            while (reader.hasNext()) {
                auto change = readChange(reader);
                if (!change)
                    return change.error();
                history.append(std::move(change).value());
            }
        } else {
            reader.skip();
        }
    }
    // Without a history: a compact page (history=none), whose entities carry their heads in meta alone.
    if (reader.failed() || !hasValues || historyNamed != hasHistory)
        return malformedSnapshot;
    return snapshotEntityFrom(type, id, key, values, state, meta,
                              hasHistory ? std::optional(std::move(history)) : std::nullopt, historyLength);
}

} // namespace

Result<SnapshotEntity> snapshotEntityFromJson(const QJsonObject &object)
{
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Compact);
    JsonReader reader(text);
    return readSnapshotEntity(reader);
}

namespace {

/** Reads a member of a page's head; false for any other key (its value is left unread). */
bool readHeadMember(JsonReader &reader, QByteArrayView key, BootstrapPageBounds &head, bool &hasNext, bool &hasMore)
{
    if (key == "cursor") {
        qint64 cursor = 0;
        if (reader.readInteger(cursor))
            head.cursor = cursor;
    } else if (key == "next") {
        hasNext = reader.readInteger(head.next);
    } else if (key == "more") {
        hasMore = reader.readBool(head.more);
    } else {
        return false;
    }
    return true;
}

} // namespace

Result<BootstrapPageHead> readBootstrapHead(QByteArrayView json)
{
    const Error malformed { u"malformed_snapshot"_s, u"a bootstrap page is malformed"_s };
    JsonReader reader(json);
    BootstrapPageHead head;
    bool hasNext = false, hasMore = false, hasEntities = false;
    if (!reader.beginObject())
        return malformed;
    QByteArrayView key;
    while (reader.nextKey(key)) {
        if (readHeadMember(reader, key, head, hasNext, hasMore))
            continue;
        if (key == "entities")
            hasEntities = reader.peek() == JsonReader::Type::Array && reader.skip(&head.entities);
        else
            reader.skip();
    }
    if (!reader.atEnd() || !hasNext || !hasMore || !hasEntities)
        return Error { malformed.code, u"%1 (%2)"_s.arg(malformed.message, reader.failed() ? reader.errorString()
                                                                                            : u"entities, next or more missing"_s) };
    return head;
}

std::optional<BootstrapPageBounds> readBootstrapBounds(QByteArrayView start)
{
    // The text may end anywhere: reading fails there, which here only means "not yet".
    // A member counts once the key after it has been read: only then is its value whole.
    JsonReader reader(start);
    BootstrapPageBounds head;
    bool hasNext = false, hasMore = false;
    if (!reader.beginObject())
        return std::nullopt;
    QByteArrayView key;
    while (reader.nextKey(key)) {
        if (readHeadMember(reader, key, head, hasNext, hasMore))
            continue;
        if (key == "entities")
            return hasNext && hasMore ? std::optional(head) : std::nullopt;
        reader.skip();
    }
    return std::nullopt;
}

Result<QList<SnapshotEntity>> readSnapshotEntities(QByteArrayView entitiesArray)
{
    JsonReader reader(entitiesArray);
    QList<SnapshotEntity> entities;
    if (!reader.beginArray())
        return malformedSnapshot;
    while (reader.hasNext()) {
        auto entity = readSnapshotEntity(reader);
        if (!entity)
            return entity.error();
        entities.append(std::move(entity).value());
    }
    if (!reader.atEnd())
        return malformedSnapshot;
    return entities;
}

} // namespace Protocol
