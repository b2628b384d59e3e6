// SPDX-License-Identifier: GPL-3.0-or-later
#include "plansnapshot.h"

#include "model/schema.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int formatVersion = 1;

/** Fields that are not content: the order is kept as item order, the review status is workflow. */
bool isContent(const FieldSpec &field)
{
    return field.type != FieldType::OrderKey && field.name != u"review_status"_s;
}

/** Entity types below a type in a plan's outline; comments and versions are about the plan, not in it. */
QList<const EntitySpec *> contentChildTypes(const QString &type)
{
    QList<const EntitySpec *> types;
    for (const EntitySpec &spec : Schema::instance().entities()) {
        if (spec.parentField.isEmpty() || spec.name == u"comment"_s || spec.name == u"plan_version"_s)
            continue;
        if (spec.field(spec.parentField)->target == type)
            types << &spec;
    }
    return types;
}

void addItem(PlanSnapshot &snapshot, const EntityRecord &record, const PlanSnapshot::Children &children)
{
    PlanSnapshot::Item item { record.spec->name, record.id, {} };
    for (qsizetype i = 0; i < record.spec->fields.size(); ++i) {
        const FieldSpec &field = record.spec->fields[i];
        if (isContent(field) && !record.fields[i].value.isNull())
            item.values.insert(field.name, record.fields[i].value);
    }
    snapshot.items << item;
    for (const EntitySpec *spec : contentChildTypes(record.spec->name)) {
        QList<EntityRecord> list = children(*spec, record.id);
        std::sort(list.begin(), list.end(), [](const EntityRecord &a, const EntityRecord &b) {
            return std::pair(a.value(u"position"_s), a.id) < std::pair(b.value(u"position"_s), b.id);
        });
        for (const EntityRecord &child : std::as_const(list))
            addItem(snapshot, child, children);
    }
}

} // namespace

PlanSnapshot PlanSnapshot::build(const EntityRecord &plan, const Children &children)
{
    PlanSnapshot snapshot;
    snapshot.planId = plan.id;
    addItem(snapshot, plan, children);
    return snapshot;
}

QJsonObject PlanSnapshot::toJson() const
{
    QJsonArray array;
    for (const Item &item : items)
        array.append(QJsonObject { { u"type"_s, item.type }, { u"id"_s, item.id }, { u"values"_s, item.values } });
    return { { u"format"_s, formatVersion }, { u"plan"_s, planId }, { u"items"_s, array } };
}

Result<PlanSnapshot> PlanSnapshot::fromJson(const QJsonObject &json)
{
    if (json.value(u"format"_s).toInt() != formatVersion)
        return Error { u"invalid_snapshot"_s, u"unknown snapshot format %1"_s.arg(json.value(u"format"_s).toInt()) };
    PlanSnapshot snapshot;
    snapshot.planId = json.value(u"plan"_s).toString();
    for (const QJsonValue &value : json.value(u"items"_s).toArray()) {
        const QJsonObject item = value.toObject();
        if (!Schema::instance().entity(item.value(u"type"_s).toString()))
            return Error { u"invalid_snapshot"_s, u"unknown entity type in a snapshot"_s };
        snapshot.items.append({ item.value(u"type"_s).toString(), item.value(u"id"_s).toString(),
                                item.value(u"values"_s).toObject() });
    }
    return snapshot;
}

QString PlanSnapshot::encode() const
{
    const QByteArray json = QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(qCompress(json, 9).toBase64());
}

Result<PlanSnapshot> PlanSnapshot::decode(const QString &stored)
{
    const QByteArray json = qUncompress(QByteArray::fromBase64(stored.toLatin1()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (json.isEmpty() || !document.isObject())
        return Error { u"invalid_snapshot"_s, u"the stored snapshot cannot be read"_s };
    return fromJson(document.object());
}
