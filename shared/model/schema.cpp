// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

#include "model/orderkey.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

int EntitySpec::fieldIndex(const QString &fieldName) const
{
    for (int i = 0; i < fields.size(); ++i) {
        if (fields[i].name == fieldName)
            return i;
    }
    return -1;
}

const FieldSpec *EntitySpec::field(const QString &fieldName) const
{
    const int i = fieldIndex(fieldName);
    return i < 0 ? nullptr : &fields[i];
}

Writer EntitySpec::writerOf(int index) const
{
    const FieldSpec &f = fields[index];
    return f.overridesWriter ? f.writer : writer;
}

namespace {

FieldSpec text(const QString &name)
{
    return { name, FieldType::ShortText, {}, {}, 0, Writer::PlanEditor, false };
}
FieldSpec longText(const QString &name)
{
    return { name, FieldType::LongText, {}, {}, 0, Writer::PlanEditor, false };
}
FieldSpec choice(const QString &name, const QStringList &choices)
{
    return { name, FieldType::Enum, choices, {}, 0, Writer::PlanEditor, false };
}
FieldSpec typed(const QString &name, FieldType type)
{
    return { name, type, {}, {}, 0, Writer::PlanEditor, false };
}
FieldSpec reference(const QString &name, const QString &target)
{
    return { name, FieldType::Reference, {}, target, 0, Writer::PlanEditor, false };
}
FieldSpec position()
{
    return typed(u"position"_s, FieldType::OrderKey);
}
FieldSpec withDefault(FieldSpec field, const QString &value)
{
    field.defaultValue = value;
    return field;
}

} // namespace

const QStringList &Schema::themeKeys()
{
    static const QStringList keys = {
        u"skilled_workers"_s, u"volunteering"_s, u"location_cooperation"_s, u"public_services"_s,
        u"mobility"_s, u"housing"_s, u"town_centre"_s, u"digitalisation"_s,
        u"youth"_s, u"older_people"_s, u"health_care"_s, u"climate"_s,
        u"education"_s, u"participation"_s, u"economy"_s, u"culture"_s,
    };
    return keys;
}

Schema::Schema()
{
    FieldSpec reviewStatus = choice(u"review_status"_s,
                                    { u"draft"_s, u"submitted"_s, u"in_review"_s, u"reviewed"_s,
                                      u"changes_requested"_s });
    reviewStatus.writer = Writer::ReviewWorkflow;
    reviewStatus.overridesWriter = true;

    FieldSpec themes = typed(u"themes"_s, FieldType::Themes);
    themes.choices = themeKeys();

    // A submitted version's plan content as compressed JSON (PlanSnapshot): opaque, so not searched.
    // A device's name is shown beside changes, not searched for.
    FieldSpec deviceName = text(u"name"_s);
    deviceName.searchable = false;

    FieldSpec snapshot = longText(u"snapshot"_s);
    snapshot.maxLength = snapshotMax;
    snapshot.searchable = false;

    m_entities = {
        { u"municipality"_s, u"municipalities"_s, {}, Writer::Office,
          { text(u"name"_s), text(u"state"_s), text(u"cluster"_s),
            choice(u"kind"_s, { u"city"_s, u"community"_s, u"initiative"_s }) } },
        { u"synopsis_figure"_s, u"synopsis_figures"_s, u"municipality"_s, Writer::Office,
          { reference(u"municipality"_s, u"municipality"_s), text(u"key"_s),
            typed(u"value"_s, FieldType::Number), text(u"unit"_s), typed(u"year"_s, FieldType::Number) } },
        { u"plan"_s, u"plans"_s, u"municipality"_s, Writer::PlanEditor,
          { reference(u"municipality"_s, u"municipality"_s), text(u"title"_s), longText(u"vision"_s),
            reviewStatus, typed(u"shared"_s, FieldType::Bool) } },
        { u"field_of_action"_s, u"fields_of_action"_s, u"plan"_s, Writer::PlanEditor,
          { reference(u"plan"_s, u"plan"_s), text(u"title"_s), longText(u"description"_s), position() } },
        { u"goal"_s, u"goals"_s, u"field_of_action"_s, Writer::PlanEditor,
          { reference(u"field_of_action"_s, u"field_of_action"_s), text(u"title"_s),
            longText(u"description"_s), text(u"indicator"_s), text(u"target_value"_s), position() } },
        { u"measure"_s, u"measures"_s, u"goal"_s, Writer::PlanEditor,
          { reference(u"goal"_s, u"goal"_s), text(u"title"_s), longText(u"description"_s),
            withDefault(choice(u"status"_s, { u"idea"_s, u"planned"_s, u"in_progress"_s, u"done"_s, u"paused"_s,
                                              u"dropped"_s }),
                        u"idea"_s),
            typed(u"start_date"_s, FieldType::Date), typed(u"end_date"_s, FieldType::Date),
            text(u"responsible"_s), text(u"partners"_s), typed(u"budget"_s, FieldType::Number), themes,
            choice(u"priority"_s, { u"low"_s, u"medium"_s, u"high"_s }), position() } },
        { u"milestone"_s, u"milestones"_s, u"measure"_s, Writer::PlanEditor,
          { reference(u"measure"_s, u"measure"_s), text(u"title"_s), typed(u"due_date"_s, FieldType::Date),
            typed(u"done"_s, FieldType::Bool), position() } },
        { u"comment"_s, u"comments"_s, u"plan"_s, Writer::Author,
          { reference(u"plan"_s, u"plan"_s), reference(u"target"_s, {}), longText(u"body"_s),
            choice(u"kind"_s, { u"peer"_s, u"review"_s }),
            withDefault(typed(u"resolved"_s, FieldType::Bool), u"false"_s),
            reference(u"reply_to"_s, u"comment"_s) } },
        // A submitted version ("Stand vom …"): written once by the plan's editors, then immutable.
        { u"plan_version"_s, u"plan_versions"_s, u"plan"_s, Writer::PlanEditor,
          { reference(u"plan"_s, u"plan"_s), text(u"label"_s), text(u"submitted_at"_s), snapshot } },
        { u"meeting"_s, u"meetings"_s, {}, Writer::Office,
          { text(u"title"_s), text(u"cluster"_s), typed(u"date"_s, FieldType::Date),
            reference(u"host"_s, u"municipality"_s), text(u"place"_s), longText(u"participants"_s),
            longText(u"agenda"_s), longText(u"notes"_s) } },
        { u"meeting_link"_s, u"meeting_links"_s, u"measure"_s, Writer::PlanEditor,
          { reference(u"measure"_s, u"measure"_s), reference(u"meeting"_s, u"meeting"_s) } },
        // A device as people know it ("Laptop Rathaus"): its id is the device id of the changes it makes,
        // written by that device only (Permissions), so every replica can name who changed what where.
        { u"device"_s, u"devices"_s, {}, Writer::Author, { deviceName, reference(u"municipality"_s, u"municipality"_s) } },
    };
    for (int i = 0; i < m_entities.size(); ++i)
        m_byName.insert(m_entities[i].name, i);
}

const Schema &Schema::instance()
{
    static const Schema schema;
    return schema;
}

const EntitySpec *Schema::entity(const QString &name) const
{
    const auto it = m_byName.constFind(name);
    return it == m_byName.cend() ? nullptr : &m_entities[*it];
}

namespace {

Error invalid(const FieldSpec &field, const QString &why)
{
    return { u"invalid_value"_s, u"%1: %2"_s.arg(field.name, why) };
}

bool isIdentifier(const QString &value)
{
    static const QRegularExpression re(u"^[A-Za-z0-9_.:-]{1,64}$"_s);
    return re.match(value).hasMatch();
}

bool isOrderKey(const QString &value)
{
    return value.size() <= 200 && OrderKey::isValid(value);
}

} // namespace

Result<QString> Schema::normalize(const FieldSpec &field, const QString &value)
{
    if (value.isEmpty())
        return QString();

    switch (field.type) {
    case FieldType::ShortText:
    case FieldType::LongText: {
        const int cap = field.maxLength > 0 ? field.maxLength
                                            : (field.type == FieldType::ShortText ? shortTextMax : longTextMax);
        if (value.size() > cap)
            return Error { u"value_too_long"_s, u"%1: %2 characters, at most %3"_s.arg(field.name).arg(value.size()).arg(cap) };
        return value;
    }
    case FieldType::Enum:
        if (!field.choices.contains(value))
            return invalid(field, u"'%1' is not one of %2"_s.arg(value, field.choices.join(u", "_s)));
        return value;
    case FieldType::Date: {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid() || value.size() != 10)
            return invalid(field, u"'%1' is not a date (YYYY-MM-DD)"_s.arg(value));
        return date.toString(Qt::ISODate);
    }
    case FieldType::Number: {
        bool ok = false;
        const double number = value.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return invalid(field, u"'%1' is not a number"_s.arg(value));
        return QString::number(number, 'g', 15);
    }
    case FieldType::Bool:
        if (value == u"true"_s || value == u"1"_s)
            return u"true"_s;
        if (value == u"false"_s || value == u"0"_s)
            return u"false"_s;
        return invalid(field, u"'%1' is not true or false"_s.arg(value));
    case FieldType::Reference:
        if (!isIdentifier(value))
            return invalid(field, u"'%1' is not an id"_s.arg(value));
        return value;
    case FieldType::Themes: {
        // Accepts a JSON array or a comma-separated list; stores a sorted, unique JSON array.
        QStringList keys;
        const QJsonDocument doc = QJsonDocument::fromJson(value.toUtf8());
        if (doc.isArray()) {
            for (const QJsonValue &v : doc.array()) {
                if (!v.isString())
                    return invalid(field, u"themes must be strings"_s);
                keys << v.toString();
            }
        } else {
            for (const QString &part : value.split(u',', Qt::SkipEmptyParts))
                keys << part.trimmed();
        }
        for (const QString &key : std::as_const(keys)) {
            if (!field.choices.contains(key))
                return invalid(field, u"unknown theme '%1'"_s.arg(key));
        }
        keys.sort();
        keys.removeDuplicates();
        if (keys.isEmpty())
            return QString();
        return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact));
    }
    case FieldType::OrderKey:
        if (!isOrderKey(value))
            return invalid(field, u"'%1' is not an order key"_s.arg(value));
        return value;
    }
    return invalid(field, u"unknown type"_s);
}
