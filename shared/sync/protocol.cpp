// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol.h"

#include "storage/recordcodec.h"

using namespace Qt::Literals::StringLiterals;

namespace Protocol {

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
    const EntitySpec *spec = Schema::instance().entity(object.value(u"type"_s).toString());
    const QString id = object.value(u"id"_s).toString();
    if (!spec || !isChangeId(id) || !object.value(u"values"_s).isObject() || !object.value(u"history"_s).isArray())
        return malformed;
    SnapshotEntity entity;
    entity.key = object.value(u"key"_s).toInteger();
    EntityRecord &record = entity.record;
    record.spec = spec;
    record.id = id;
    record.fields.resize(spec->fields.size());
    const QJsonObject values = object.value(u"values"_s).toObject();
    for (qsizetype i = 0; i < spec->fields.size(); ++i) {
        const QJsonValue value = values.value(spec->fields[i].name);
        record.fields[i].value = value.isString() ? value.toString() : QString();
    }
    const QJsonValue state = object.value(u"state"_s);
    record.lifecycle.value = state.isString() ? state.toString() : QString();
    const QByteArray meta = QByteArray::fromBase64(object.value(u"meta"_s).toString().toLatin1());
    if (!RecordCodec::decodeMeta(meta, record))
        return malformed;
    for (const QJsonValue &item : object.value(u"history"_s).toArray()) {
        auto change = Change::fromJson(item.toObject());
        if (!change)
            return change.error();
        entity.history.append(std::move(change).value());
    }
    return entity;
}

} // namespace Protocol
