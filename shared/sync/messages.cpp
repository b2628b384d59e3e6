// SPDX-License-Identifier: GPL-3.0-or-later
#include "messages.h"

#include "protocol.h"
#include "pulltable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::Literals::StringLiterals;

namespace Protocol {

namespace {

Error malformed(const QString &what)
{
    return { u"malformed"_s, what };
}

} // namespace

void StoreIdentity::addTo(QJsonObject &answer) const
{
    if (epoch.isEmpty())
        return;
    answer.insert(u"epoch"_s, epoch);
    if (!restoredFrom.isEmpty())
        answer.insert(u"restored"_s, QJsonObject { { u"from"_s, restoredFrom }, { u"at"_s, restoredAt } });
}

StoreIdentity StoreIdentity::of(const QJsonObject &answer)
{
    // Absent from older servers: nothing to compare.
    const QJsonObject restored = answer.value(u"restored"_s).toObject();
    return { answer.value(u"epoch"_s).toString(), restored.value(u"from"_s).toString(),
             restored.value(u"at"_s).toInteger() };
}

QByteArray PushRequest::toBody() const
{
    QJsonArray changes;
    for (const PushItem &item : items) {
        QJsonObject object = item.change.toJson();
        if (!item.seal.isEmpty())
            object.insert(u"seal"_s, item.seal);
        changes.append(object);
    }
    return QJsonDocument(QJsonObject { { u"changes"_s, changes } }).toJson(QJsonDocument::Compact);
}

Result<PushRequest::Parsed> PushRequest::fromBody(const QByteArray &body, int maxChanges)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error { u"malformed_json"_s, parseError.errorString() };
    const QJsonValue items = doc.object().value(u"changes"_s);
    if (!items.isArray())
        return Error { u"bad_request"_s, u"push needs {\"changes\": [...]}"_s };
    const QJsonArray array = items.toArray();
    if (array.size() > maxChanges)
        return Error { u"payload_too_large"_s, u"push at most %1 changes at once"_s.arg(maxChanges) };
    Parsed parsed;
    parsed.items.reserve(array.size());
    for (const QJsonValue &item : array) {
        const QJsonObject object = item.toObject();
        auto change = Change::fromJson(object);
        if (!change) {
            parsed.malformed.append({ object.value(u"id"_s).toString(), change.errorCode(), change.errorMessage() });
            continue;
        }
        parsed.items.append({ std::move(change).value(), object.value(u"seal"_s).toString() });
    }
    return parsed;
}

QJsonObject PushAnswer::toJson() const
{
    QJsonArray rejections;
    for (const Rejection &r : rejected)
        rejections.append(QJsonObject { { u"id"_s, r.id }, { u"error"_s, r.error }, { u"message"_s, r.message } });
    QJsonObject answer { { u"accepted"_s, QJsonArray::fromStringList(accepted) },
                         { u"rejected"_s, rejections },
                         { u"cursor"_s, cursor } };
    identity.addTo(answer);
    return answer;
}

Result<PushAnswer> PushAnswer::fromJson(const QJsonObject &json)
{
    const QJsonValue acceptedJson = json.value(u"accepted"_s);
    const QJsonValue rejectedJson = json.value(u"rejected"_s);
    if (!acceptedJson.isArray() || !rejectedJson.isArray())
        return malformed(u"push answer without accepted/rejected"_s);
    PushAnswer answer;
    for (const QJsonValue &id : acceptedJson.toArray()) {
        if (!id.isString())
            return malformed(u"accepted id is not a string"_s);
        answer.accepted << id.toString();
    }
    for (const QJsonValue &item : rejectedJson.toArray()) {
        const QJsonObject o = item.toObject();
        Rejection rejection { o.value(u"id"_s).toString(), o.value(u"error"_s).toString(), o.value(u"message"_s).toString() };
        if (rejection.id.isEmpty() || rejection.error.isEmpty())
            return malformed(u"rejection without id or error"_s);
        answer.rejected << std::move(rejection);
    }
    answer.cursor = json.value(u"cursor"_s).toInteger();
    answer.identity = StoreIdentity::of(json);
    return answer;
}

QJsonObject PullPage::toJson(PullForm form) const
{
    QJsonObject answer { { u"next"_s, next }, { u"more"_s, more } };
    if (form == PullForm::Table) {
        PullTable::write(changes, answer);
    } else {
        QJsonArray items;
        for (const PulledChange &pulled : changes) {
            QJsonObject item { { u"seq"_s, pulled.seq }, { u"change"_s, pulled.change.toJson() } };
            if (!pulled.seal.isEmpty())
                item.insert(u"seal"_s, pulled.seal);
            items.append(item);
        }
        answer.insert(u"changes"_s, items);
    }
    if (!nextTag.isEmpty())
        answer.insert(u"next_tag"_s, nextTag);
    identity.addTo(answer);
    return answer;
}

Result<PullPage> PullPage::fromJson(const QJsonObject &json)
{
    const bool table = json.contains(u"rows"_s);
    if ((!table && !json.value(u"changes"_s).isArray()) || !json.value(u"next"_s).isDouble()
        || !json.value(u"more"_s).isBool())
        return malformed(u"pull page without changes, next or more"_s);
    PullPage page;
    page.next = json.value(u"next"_s).toInteger();
    page.more = json.value(u"more"_s).toBool();
    page.nextTag = json.value(u"next_tag"_s).toString();
    if (page.nextTag.size() > maxCursorTagLength)
        page.nextTag.clear();
    page.identity = StoreIdentity::of(json);
    if (table) {
        auto rows = PullTable::read(json);
        if (!rows)
            return rows.error();
        page.changes = std::move(rows).value();
        return page;
    }
    const QJsonArray items = json.value(u"changes"_s).toArray();
    page.changes.reserve(items.size());
    for (const QJsonValue &item : items) {
        const QJsonObject object = item.toObject();
        auto change = Change::fromJson(object.value(u"change"_s).toObject());
        if (!change)
            return malformed(u"pulled change: %1"_s.arg(change.errorMessage()));
        page.changes.append({ object.value(u"seq"_s).toInteger(), std::move(change).value(), object.value(u"seal"_s).toString() });
    }
    return page;
}

QJsonObject HistoryAnswer::toJson() const
{
    QJsonArray items;
    for (const auto &[id, changes] : histories) {
        QJsonArray array;
        for (const Change &change : changes)
            array.append(change.toJson());
        items.append(QJsonObject { { u"id"_s, id }, { u"changes"_s, array } });
    }
    return { { u"histories"_s, items }, { u"more"_s, more } };
}

Result<HistoryAnswer> HistoryAnswer::fromJson(const QJsonObject &json)
{
    if (!json.value(u"histories"_s).isArray() || !json.value(u"more"_s).isBool())
        return malformed(u"history answer without histories or more"_s);
    HistoryAnswer answer;
    answer.more = json.value(u"more"_s).toBool();
    for (const QJsonValue &item : json.value(u"histories"_s).toArray()) {
        const QJsonObject object = item.toObject();
        const QString id = object.value(u"id"_s).toString();
        if (id.isEmpty() || !object.value(u"changes"_s).isArray())
            return malformed(u"history without id or changes"_s);
        QList<Change> changes;
        for (const QJsonValue &value : object.value(u"changes"_s).toArray()) {
            auto change = Change::fromJson(value.toObject());
            if (!change)
                return malformed(u"history change: %1"_s.arg(change.errorMessage()));
            if (change->entityId != id)
                return malformed(u"the history of %1 holds a change of %2"_s.arg(id, change->entityId));
            changes << std::move(change).value();
        }
        answer.histories.append({ id, std::move(changes) });
    }
    return answer;
}

} // namespace Protocol
