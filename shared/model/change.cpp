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

std::optional<Change::Member> Change::memberNamed(QByteArrayView key)
{
    for (size_t i = 0; i < memberNames.size(); ++i) {
        if (key == memberNames[i])
            return Member(i);
    }
    return std::nullopt;
}

QJsonObject Change::toJson() const
{
    QJsonObject o {
        { memberName(Member::Id), id },
        { memberName(Member::Op), opName(op) },
        { memberName(Member::Type), entityType },
        { memberName(Member::Entity), entityId },
        { memberName(Member::Hlc), hlc.toString() },
        { memberName(Member::Device), device },
        { memberName(Member::Author), author },
        { memberName(Member::Base), QJsonArray::fromStringList(base) },
    };
    if (op == Op::Set) {
        o.insert(memberName(Member::Field), field);
        o.insert(memberName(Member::Value), value.isNull() ? QJsonValue() : QJsonValue(value));
    }
    if (!seen.isEmpty())
        o.insert(memberName(Member::Seen), QJsonArray::fromStringList(seen));
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
    // Each member is looked up once.
    Wire wire;
    for (size_t i = 0; i < memberNames.size(); ++i) {
        const QJsonValue value = o.value(memberName(Member(i)));
        switch (Member(i)) {
        case Member::Base:
            wire.base = stringList(value);
            break;
        case Member::Seen:
            wire.seen = stringList(value);
            break;
        case Member::Value:
            if (value.isString()) {
                wire.valueKind = Wire::Value::String;
                wire.value = value.toString();
            } else if (value.isNull()) {
                wire.valueKind = Wire::Value::Null;
            } else if (!value.isUndefined()) {
                wire.valueKind = Wire::Value::Invalid;
            }
            break;
        default:
            if (value.isString())
                wire.text[i] = value.toString();
        }
    }
    return fromWire(std::move(wire));
}

Result<Change> Change::fromWire(Wire wire)
{
    for (Member member : requiredMembers) {
        if (!wire.text[size_t(member)])
            return malformed(u"'%1' must be a string"_s.arg(memberName(member)));
    }
    auto take = [&wire](Member member) { return std::move(*wire.text[size_t(member)]); };
    Change c;
    c.id = take(Member::Id);
    const QString opText = take(Member::Op);
    const auto op = opFromName(opText);
    if (!op)
        return malformed(u"unknown op '%1'"_s.arg(opText));
    c.op = *op;
    c.entityType = take(Member::Type);
    c.entityId = take(Member::Entity);
    c.hlc = Hlc::fromString(take(Member::Hlc));
    if (c.hlc.isNull())
        return malformed(u"'hlc' is not a stamp"_s);
    c.device = take(Member::Device);
    c.author = take(Member::Author);
    if (!wire.base || !wire.seen)
        return malformed(u"'base' and 'seen' must be arrays of strings"_s);
    c.base = std::move(*wire.base);
    c.seen = std::move(*wire.seen);
    if (c.op == Op::Set) {
        if (!wire.text[size_t(Member::Field)])
            return malformed(u"'field' must be a string"_s);
        c.field = take(Member::Field);
        if (wire.valueKind == Wire::Value::Invalid)
            return { Error { u"invalid_value"_s, u"'value' must be a string or null"_s } };
        // Null or absent is a null string; "" is an empty one.
        if (wire.valueKind == Wire::Value::String)
            c.value = std::move(wire.value);
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

Status BatchWrites::admit(const Change &change)
{
    const QString key = change.entityId + u'\n' + change.field;
    const auto latest = m_latest.find(key);
    if (latest != m_latest.end() && !change.base.contains(*latest)) {
        const QString what = change.field == Change::stateField ? u"the state"_s : change.field;
        return Error { u"duplicate_field"_s,
                       u"%1 of %2 is written twice in one batch, the second write not based on the first; "
                       "give each field once"_s.arg(what, change.entityId) };
    }
    m_latest.insert(key, change.id);
    return Ok {};
}

Result<Change> validateChange(Change change)
{
    if (!isChangeId(change.id))
        return Error { u"malformed_change"_s, u"change id must have 1 to 128 of A-Z a-z 0-9 - _ . :"_s };
    if (!isChangeId(change.entityId) || change.entityId.size() > 64)
        return Error { u"malformed_change"_s, u"entity id must have 1 to 64 of A-Z a-z 0-9 - _ . :"_s };
    if (change.base.size() > Change::maxBase)
        return Error { u"malformed_change"_s, u"a change names at most %1 base versions, this one %2"_s.arg(
                                                     Change::maxBase).arg(change.base.size()) };
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
    if (const qsizetype most = Change::maxSeen(entity->fields.size()); change.seen.size() > most)
        return Error { u"malformed_change"_s, u"a delete of a %1 names at most %2 seen versions, this one %3"_s.arg(
                                                     entity->name).arg(most).arg(change.seen.size()) };
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
