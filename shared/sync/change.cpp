// SPDX-License-Identifier: GPL-3.0-or-later
#include "change.h"

#include "model/schema.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

QString Change::opName(Op op)
{
    switch (op) {
    case Op::Create:
        return u"create"_s;
    case Op::Set:
        return u"set"_s;
    case Op::Delete:
        return u"delete"_s;
    case Op::Restore:
        return u"restore"_s;
    }
    return {};
}

std::optional<Change::Op> Change::opFromName(const QString &name)
{
    for (Op op : { Op::Create, Op::Set, Op::Delete, Op::Restore }) {
        if (opName(op) == name)
            return op;
    }
    return std::nullopt;
}

QJsonObject Change::toJson() const
{
    QJsonObject o {
        { u"id"_s, id },
        { u"op"_s, opName(op) },
        { u"type"_s, entityType },
        { u"entity"_s, entityId },
        { u"hlc"_s, hlc.toString() },
        { u"device"_s, device },
        { u"author"_s, author },
        { u"base"_s, QJsonArray::fromStringList(base) },
    };
    if (op == Op::Set) {
        o.insert(u"field"_s, field);
        o.insert(u"value"_s, value.isNull() ? QJsonValue() : QJsonValue(value));
    }
    if (!seen.isEmpty())
        o.insert(u"seen"_s, QJsonArray::fromStringList(seen));
    return o;
}

namespace {

Error malformed(const QString &why)
{
    return { u"malformed_change"_s, why };
}

std::optional<QStringList> stringList(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QStringList();
    if (!value.isArray())
        return std::nullopt;
    const QJsonArray array = value.toArray();
    QStringList list;
    list.reserve(array.size());
    for (const QJsonValue &v : array) {
        if (!v.isString())
            return std::nullopt;
        list << v.toString();
    }
    return list;
}

} // namespace

Result<Change> Change::fromJson(const QJsonObject &o)
{
    // Each member is looked up once: a bootstrap parses hundreds of thousands of changes.
    static constexpr QLatin1StringView required[] = { "id"_L1, "op"_L1, "type"_L1, "entity"_L1,
                                                      "hlc"_L1, "device"_L1, "author"_L1 };
    QString text[std::size(required)];
    for (size_t i = 0; i < std::size(required); ++i) {
        const QJsonValue value = o.value(required[i]);
        if (!value.isString())
            return malformed(u"'%1' must be a string"_s.arg(required[i]));
        text[i] = value.toString();
    }
    Change c;
    c.id = std::move(text[0]);
    const auto op = opFromName(text[1]);
    if (!op)
        return malformed(u"unknown op '%1'"_s.arg(text[1]));
    c.op = *op;
    c.entityType = std::move(text[2]);
    c.entityId = std::move(text[3]);
    c.hlc = Hlc::fromString(text[4]);
    if (c.hlc.isNull())
        return malformed(u"'hlc' is not a stamp"_s);
    c.device = std::move(text[5]);
    c.author = std::move(text[6]);
    auto base = stringList(o.value("base"_L1));
    auto seen = stringList(o.value("seen"_L1));
    if (!base || !seen)
        return malformed(u"'base' and 'seen' must be arrays of strings"_s);
    c.base = std::move(*base);
    c.seen = std::move(*seen);
    if (c.op == Op::Set) {
        const QJsonValue field = o.value("field"_L1);
        if (!field.isString())
            return malformed(u"'field' must be a string"_s);
        c.field = field.toString();
        const QJsonValue value = o.value("value"_L1);
        if (!value.isString() && !value.isNull() && !value.isUndefined())
            return { Error { u"invalid_value"_s, u"'value' must be a string or null"_s } };
        // toString() of null or undefined is an empty, not a null, string.
        if (value.isString())
            c.value = value.toString();
    } else {
        c.field = stateField;
        c.value = c.op == Op::Delete ? deleted : live;
    }
    return c;
}

bool isChangeId(const QString &id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')
                || u == u'-' || u == u'_' || u == u'.' || u == u':';
        if (!ok)
            return false;
    }
    return true;
}

Result<Change> validateChange(Change change)
{
    if (!isChangeId(change.id))
        return Error { u"malformed_change"_s, u"change id must have 1 to 128 of A-Z a-z 0-9 - _ . :"_s };
    if (!isChangeId(change.entityId) || change.entityId.size() > 64)
        return Error { u"malformed_change"_s, u"entity id must have 1 to 64 of A-Z a-z 0-9 - _ . :"_s };
    for (const QStringList *ids : { &change.base, &change.seen }) {
        if (!std::all_of(ids->cbegin(), ids->cend(), isChangeId))
            return Error { u"malformed_change"_s, u"base and seen must list change ids"_s };
    }
    if (change.base.contains(change.id))
        return Error { u"malformed_change"_s, u"a change cannot be based on itself"_s };
    if (change.hlc.isNull() || change.device.isEmpty() || change.hlc.device != change.device)
        return Error { u"malformed_change"_s, u"stamp and device do not match"_s };
    const EntitySpec *entity = Schema::instance().entity(change.entityType);
    if (!entity)
        return Error { u"unknown_type"_s, u"unknown entity type '%1'"_s.arg(change.entityType) };
    if (change.op != Change::Op::Set) {
        change.field = Change::stateField;
        change.value = change.op == Change::Op::Delete ? Change::deleted : Change::live;
        if (change.op == Change::Op::Create && !change.base.isEmpty())
            return Error { u"malformed_change"_s, u"a create has no base"_s };
        if (change.op != Change::Op::Delete && !change.seen.isEmpty())
            return Error { u"malformed_change"_s, u"only a delete lists seen versions"_s };
        return change;
    }
    if (!change.seen.isEmpty())
        return Error { u"malformed_change"_s, u"only a delete lists seen versions"_s };
    const FieldSpec *field = entity->field(change.field);
    if (!field)
        return Error { u"unknown_field"_s, u"%1 has no field '%2'"_s.arg(change.entityType, change.field) };
    auto normalized = Schema::normalize(*field, change.value);
    if (!normalized)
        return normalized.error();
    change.value = normalized.value();
    return change;
}
