// SPDX-License-Identifier: GPL-3.0-or-later
#include "plandiff.h"

#include <QHash>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace {

QString titleOf(const PlanSnapshot::Item &item)
{
    for (const QString &field : { u"title"_s, u"name"_s, u"body"_s, u"key"_s }) {
        if (item.values.contains(field))
            return item.values.value(field).toString();
    }
    return {};
}

QString valueOf(const QJsonObject &values, const QString &field)
{
    return values.contains(field) ? values.value(field).toString() : QString();
}

QJsonValue nullable(const QString &value)
{
    return value.isNull() ? QJsonValue() : QJsonValue(value);
}

} // namespace

QString PlanDiffItem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Added:
        return u"added"_s;
    case Kind::Removed:
        return u"removed"_s;
    case Kind::Changed:
        break;
    }
    return u"changed"_s;
}

QJsonObject PlanDiffItem::toJson() const
{
    QJsonObject json { { u"change"_s, kindName(kind) }, { u"type"_s, type }, { u"id"_s, id }, { u"title"_s, title } };
    if (kind == Kind::Changed) {
        json.insert(u"field"_s, field);
        json.insert(u"old"_s, nullable(oldValue));
        json.insert(u"new"_s, nullable(newValue));
    }
    return json;
}

QList<PlanDiffItem> PlanDiff::compare(const PlanSnapshot &from, const PlanSnapshot &to)
{
    QHash<QString, const PlanSnapshot::Item *> before;
    for (const PlanSnapshot::Item &item : from.items)
        before.insert(item.id, &item);
    QSet<QString> after;
    QList<PlanDiffItem> diff;
    for (const PlanSnapshot::Item &item : to.items) {
        after.insert(item.id);
        const PlanSnapshot::Item *old = before.value(item.id);
        if (!old) {
            diff.append({ PlanDiffItem::Kind::Added, item.type, item.id, titleOf(item), {}, {}, {} });
            continue;
        }
        // Fields in the newer state's key order, then those only the older one had.
        QStringList fields = item.values.keys();
        for (const QString &field : old->values.keys()) {
            if (!item.values.contains(field))
                fields << field;
        }
        for (const QString &field : std::as_const(fields)) {
            const QString was = valueOf(old->values, field);
            const QString is = valueOf(item.values, field);
            if (was != is || was.isNull() != is.isNull())
                diff.append({ PlanDiffItem::Kind::Changed, item.type, item.id, titleOf(item), field, was, is });
        }
    }
    for (const PlanSnapshot::Item &item : from.items) {
        if (!after.contains(item.id))
            diff.append({ PlanDiffItem::Kind::Removed, item.type, item.id, titleOf(item), {}, {}, {} });
    }
    return diff;
}
