// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/schema.h"
#include "model/change.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

const FieldSpec &fieldSpec(const QString &entity, const QString &field)
{
    const EntitySpec *spec = Schema::instance().entity(entity);
    Q_ASSERT(spec);
    const FieldSpec *f = spec->field(field);
    Q_ASSERT(f);
    return *f;
}

Change validSet()
{
    Change c;
    c.id = u"dev-a:1"_s;
    c.op = Change::Op::Set;
    c.entityType = u"measure"_s;
    c.entityId = u"m1"_s;
    c.field = u"title"_s;
    c.value = u"Radweg an der B96"_s;
    c.hlc = Hlc { 1'700'000'000'000, 3, u"dev-a"_s };
    c.device = u"dev-a"_s;
    c.author = u"alice"_s;
    c.base = { u"dev-a:0"_s };
    return c;
}

Change lifecycle(Change::Op op)
{
    Change c = validSet();
    c.op = op;
    c.field = Change::stateField;
    c.value = op == Change::Op::Delete ? Change::deleted : Change::live;
    if (op == Change::Op::Create)
        c.base.clear();
    return c;
}

using Mutation = std::function<void(Change &)>;

} // namespace


class TestSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entitiesExist_data();
    void entitiesExist();
    void schemaIsConsistent();
    void fieldPolicies();
    void normalize_data();
    void normalize();
    void normalizeIsIdempotent_data();
    void normalizeIsIdempotent();
    void validateChange_data();
    void validateChange();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonShape();
    void fromJsonErrors_data();
    void fromJsonErrors();
    void opNames();
    void changeIds_data();
    void changeIds();
};

void TestSchema::entitiesExist_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("parent"); // empty for roots

    QTest::addRow("municipality is a root") << u"municipality"_s << QString();
    QTest::addRow("synopsis_figure belongs to a municipality") << u"synopsis_figure"_s << u"municipality"_s;
    QTest::addRow("plan belongs to a municipality") << u"plan"_s << u"municipality"_s;
    QTest::addRow("field_of_action belongs to a plan") << u"field_of_action"_s << u"plan"_s;
    QTest::addRow("goal belongs to a field_of_action") << u"goal"_s << u"field_of_action"_s;
    QTest::addRow("measure belongs to a goal") << u"measure"_s << u"goal"_s;
    QTest::addRow("milestone belongs to a measure") << u"milestone"_s << u"measure"_s;
    QTest::addRow("comment belongs to a plan") << u"comment"_s << u"plan"_s;
    QTest::addRow("meeting is a root") << u"meeting"_s << QString();
    QTest::addRow("meeting_link belongs to a measure") << u"meeting_link"_s << u"measure"_s;
    QTest::addRow("plan_version belongs to a plan") << u"plan_version"_s << u"plan"_s;
    QTest::addRow("device is a root") << u"device"_s << QString();
}

void TestSchema::entitiesExist()
{
    QFETCH(QString, entity);
    QFETCH(QString, parent);

    const EntitySpec *spec = Schema::instance().entity(entity);
    QVERIFY(spec);
    QCOMPARE(spec->name, entity);
    QVERIFY(!spec->table.isEmpty());
    QCOMPARE(spec->parentField, parent);
    QVERIFY(!spec->fields.isEmpty());
    if (parent.isEmpty())
        return;
    // The parent field is a reference to the parent entity type, which exists.
    const FieldSpec *parentField = spec->field(parent);
    QVERIFY(parentField);
    QCOMPARE(parentField->type, FieldType::Reference);
    QCOMPARE(parentField->target, parent);
    QVERIFY(Schema::instance().entity(parent));
}

void TestSchema::schemaIsConsistent()
{
    const Schema &schema = Schema::instance();
    QCOMPARE(schema.entities().size(), 12);
    QVERIFY(!schema.entity(u"unknown"_s));
    QVERIFY(!schema.entity(QString()));
    QVERIFY(!schema.entity(u"Measure"_s)); // names are case sensitive

    QSet<QString> names;
    QSet<QString> tables;
    for (const EntitySpec &entity : schema.entities()) {
        QVERIFY2(!names.contains(entity.name), qPrintable(entity.name));
        QVERIFY2(!tables.contains(entity.table), qPrintable(entity.table));
        names.insert(entity.name);
        tables.insert(entity.table);
        QCOMPARE(schema.entity(entity.name), &entity);

        QSet<QString> fieldNames;
        for (int i = 0; i < entity.fields.size(); ++i) {
            const FieldSpec &field = entity.fields[i];
            QVERIFY2(!field.name.isEmpty(), qPrintable(entity.name));
            QVERIFY2(!fieldNames.contains(field.name), qPrintable(entity.name + u'.' + field.name));
            QVERIFY2(field.name != Change::stateField, qPrintable(entity.name));
            fieldNames.insert(field.name);
            QCOMPARE(entity.fieldIndex(field.name), i);
            QCOMPARE(entity.field(field.name), &field);
            if (field.type == FieldType::Enum || field.type == FieldType::Themes)
                QVERIFY2(!field.choices.isEmpty(), qPrintable(entity.name + u'.' + field.name));
            if (field.type == FieldType::Reference && !field.target.isEmpty())
                QVERIFY2(schema.entity(field.target), qPrintable(entity.name + u'.' + field.name));
        }
        QCOMPARE(entity.fieldIndex(u"no_such_field"_s), -1);
        QVERIFY(!entity.field(u"no_such_field"_s));
        QVERIFY(!entity.field(Change::stateField));
    }
}

void TestSchema::fieldPolicies()
{
    const FieldSpec &position = fieldSpec(u"measure"_s, u"position"_s);
    QCOMPARE(position.type, FieldType::OrderKey);
    QCOMPARE(position.conflictPolicy(), ConflictPolicy::SilentLastWriter);
    QVERIFY(!position.isMergeableText());

    const FieldSpec &description = fieldSpec(u"measure"_s, u"description"_s);
    QCOMPARE(description.type, FieldType::LongText);
    QCOMPARE(description.conflictPolicy(), ConflictPolicy::KeepBoth);
    QVERIFY(description.isMergeableText());

    const FieldSpec &title = fieldSpec(u"measure"_s, u"title"_s);
    QCOMPARE(title.type, FieldType::ShortText);
    QCOMPARE(title.conflictPolicy(), ConflictPolicy::KeepBoth);
    QVERIFY(!title.isMergeableText());

    // Every sortable child has a position; review status is written by the review workflow.
    for (const QString &entity : { u"field_of_action"_s, u"goal"_s, u"measure"_s, u"milestone"_s })
        QVERIFY2(Schema::instance().entity(entity)->field(u"position"_s), qPrintable(entity));
    const EntitySpec *plan = Schema::instance().entity(u"plan"_s);
    QCOMPARE(plan->writerOf(plan->fieldIndex(u"review_status"_s)), Writer::ReviewWorkflow);
    QCOMPARE(plan->writerOf(plan->fieldIndex(u"title"_s)), Writer::PlanEditor);
    QCOMPARE(Schema::instance().entity(u"comment"_s)->writer, Writer::Author);
    QCOMPARE(Schema::instance().entity(u"municipality"_s)->writer, Writer::Office);

    // A version's snapshot is opaque data with its own cap, kept out of the search index.
    const FieldSpec &snapshot = fieldSpec(u"plan_version"_s, u"snapshot"_s);
    QCOMPARE(snapshot.maxLength, Schema::snapshotMax);
    QVERIFY(!snapshot.searchable);
    QCOMPARE(fieldSpec(u"comment"_s, u"reply_to"_s).target, u"comment"_s);

    QCOMPARE(Schema::themeKeys().size(), 16);
    QVERIFY(Schema::themeKeys().contains(u"climate"_s));
    QCOMPARE(fieldSpec(u"measure"_s, u"themes"_s).choices, Schema::themeKeys());
}

void TestSchema::normalize_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // null: unset
    QTest::addColumn<QString>("error"); // empty: valid

    const QString m = u"measure"_s;
    const QString ok;
    const QString invalid = u"invalid_value"_s;
    const QString tooLong = u"value_too_long"_s;
    const QString unset;

    // Empty means unset, for every type.
    for (const FieldSpec &f : Schema::instance().entity(m)->fields)
        QTest::addRow("empty %s is unset", qPrintable(f.name)) << m << f.name << u""_s << unset << ok;
    QTest::addRow("null is unset") << m << u"title"_s << QString() << unset << ok;

    // Short text: kept as typed, capped at 500 UTF-16 code units.
    QTest::addRow("short text") << m << u"title"_s << u"Radweg an der B96"_s << u"Radweg an der B96"_s << ok;
    QTest::addRow("short text keeps surrounding spaces") << m << u"title"_s << u"  x  "_s << u"  x  "_s << ok;
    QTest::addRow("short text at the cap") << m << u"title"_s << QString(500, u'x') << QString(500, u'x') << ok;
    QTest::addRow("short text over the cap") << m << u"title"_s << QString(501, u'x') << unset << tooLong;
    QTest::addRow("short text cap counts UTF-16 code units (250 emoji fit)")
            << m << u"title"_s << u"😀"_s.repeated(250) << u"😀"_s.repeated(250) << ok;
    QTest::addRow("short text cap counts UTF-16 code units (251 emoji do not)")
            << m << u"title"_s << u"😀"_s.repeated(251) << unset << tooLong;

    // Long text: capped at 20000.
    QTest::addRow("long text with line breaks") << m << u"description"_s << u"a\nb\n\nc"_s << u"a\nb\n\nc"_s << ok;
    QTest::addRow("long text at the cap") << m << u"description"_s << QString(20000, u'y') << QString(20000, u'y')
                                          << ok;
    QTest::addRow("long text over the cap") << m << u"description"_s << QString(20001, u'y') << unset << tooLong;
    QTest::addRow("snapshot has its own cap") << u"plan_version"_s << u"snapshot"_s << QString(100000, u'z')
                                              << QString(100000, u'z') << ok;
    QTest::addRow("snapshot over its cap") << u"plan_version"_s << u"snapshot"_s << QString(Schema::snapshotMax + 1, u'z')
                                           << unset << tooLong;
    QTest::addRow("short text cap does not apply to long text") << m << u"description"_s << QString(501, u'y')
                                                                << QString(501, u'y') << ok;

    // Enum.
    QTest::addRow("enum choice") << m << u"status"_s << u"in_progress"_s << u"in_progress"_s << ok;
    QTest::addRow("enum is case sensitive") << m << u"status"_s << u"Planned"_s << unset << invalid;
    QTest::addRow("enum unknown choice") << m << u"status"_s << u"finished"_s << unset << invalid;
    QTest::addRow("enum choice of another field") << m << u"status"_s << u"high"_s << unset << invalid;
    QTest::addRow("enum is not trimmed") << m << u"status"_s << u" done"_s << unset << invalid;
    QTest::addRow("review status") << u"plan"_s << u"review_status"_s << u"changes_requested"_s
                                   << u"changes_requested"_s << ok;

    // Date.
    QTest::addRow("date") << m << u"start_date"_s << u"2026-03-31"_s << u"2026-03-31"_s << ok;
    QTest::addRow("date on a leap day") << m << u"start_date"_s << u"2024-02-29"_s << u"2024-02-29"_s << ok;
    QTest::addRow("date 30 February") << m << u"start_date"_s << u"2026-02-30"_s << unset << invalid;
    QTest::addRow("date 29 February in a common year") << m << u"start_date"_s << u"2026-02-29"_s << unset
                                                       << invalid;
    QTest::addRow("date month 13") << m << u"start_date"_s << u"2026-13-01"_s << unset << invalid;
    QTest::addRow("date day 0") << m << u"start_date"_s << u"2026-01-00"_s << unset << invalid;
    QTest::addRow("date year 0") << m << u"start_date"_s << u"0000-01-01"_s << unset << invalid;
    QTest::addRow("date German format") << m << u"start_date"_s << u"31.03.2026"_s << unset << invalid;
    QTest::addRow("date without leading zeros") << m << u"start_date"_s << u"2026-3-31"_s << unset << invalid;
    QTest::addRow("date with time") << m << u"start_date"_s << u"2026-03-31T10:00:00"_s << unset << invalid;
    QTest::addRow("date with trailing space") << m << u"start_date"_s << u"2026-03-31 "_s << unset << invalid;
    QTest::addRow("date words") << m << u"start_date"_s << u"tomorrow"_s << unset << invalid;
    // Qt's ISO parser accepts any punctuation as separator; the canonical form uses dashes.
    QTest::addRow("date with slashes is canonicalised") << m << u"end_date"_s << u"2026/03/31"_s
                                                        << u"2026-03-31"_s << ok;

    // Number: C locale, stored in shortest form with up to 15 significant digits.
    QTest::addRow("integer") << m << u"budget"_s << u"25000"_s << u"25000"_s << ok;
    QTest::addRow("decimal") << m << u"budget"_s << u"12.5"_s << u"12.5"_s << ok;
    QTest::addRow("negative") << m << u"budget"_s << u"-3"_s << u"-3"_s << ok;
    QTest::addRow("trailing zeros dropped") << m << u"budget"_s << u"1.50"_s << u"1.5"_s << ok;
    QTest::addRow("exponent expanded") << m << u"budget"_s << u"1e3"_s << u"1000"_s << ok;
    QTest::addRow("surrounding spaces trimmed") << m << u"budget"_s << u" 42 "_s << u"42"_s << ok;
    QTest::addRow("zero point one") << m << u"budget"_s << u"0.1"_s << u"0.1"_s << ok;
    QTest::addRow("decimal comma is not a number") << m << u"budget"_s << u"12,5"_s << unset << invalid;
    QTest::addRow("two decimal points") << m << u"budget"_s << u"12.5.1"_s << unset << invalid;
    QTest::addRow("hexadecimal") << m << u"budget"_s << u"0x10"_s << unset << invalid;
    QTest::addRow("not a number") << m << u"budget"_s << u"nan"_s << unset << invalid;
    QTest::addRow("infinity") << m << u"budget"_s << u"inf"_s << unset << invalid;
    QTest::addRow("overflow to infinity") << m << u"budget"_s << u"1e400"_s << unset << invalid;
    QTest::addRow("words") << m << u"budget"_s << u"viel"_s << unset << invalid;
    QTest::addRow("year as number") << u"synopsis_figure"_s << u"year"_s << u"2026"_s << u"2026"_s << ok;

    // Bool.
    QTest::addRow("bool true") << u"plan"_s << u"shared"_s << u"true"_s << u"true"_s << ok;
    QTest::addRow("bool false") << u"plan"_s << u"shared"_s << u"false"_s << u"false"_s << ok;
    QTest::addRow("bool 1") << u"plan"_s << u"shared"_s << u"1"_s << u"true"_s << ok;
    QTest::addRow("bool 0") << u"plan"_s << u"shared"_s << u"0"_s << u"false"_s << ok;
    QTest::addRow("bool upper case") << u"plan"_s << u"shared"_s << u"TRUE"_s << unset << invalid;
    QTest::addRow("bool yes") << u"milestone"_s << u"done"_s << u"yes"_s << unset << invalid;

    // Reference.
    QTest::addRow("reference") << m << u"goal"_s << u"goal-1"_s << u"goal-1"_s << ok;
    QTest::addRow("reference uuid") << m << u"goal"_s << u"0b8e2f1c9d4a4e6fb1c2d3e4f5a6b7c8"_s
                                    << u"0b8e2f1c9d4a4e6fb1c2d3e4f5a6b7c8"_s << ok;
    QTest::addRow("reference with dots, colons, underscores") << m << u"goal"_s << u"a.b:c_d-e"_s
                                                              << u"a.b:c_d-e"_s << ok;
    QTest::addRow("reference of 64 characters") << m << u"goal"_s << QString(64, u'r') << QString(64, u'r') << ok;
    QTest::addRow("reference of 65 characters") << m << u"goal"_s << QString(65, u'r') << unset << invalid;
    QTest::addRow("reference with a space") << m << u"goal"_s << u"goal 1"_s << unset << invalid;
    QTest::addRow("reference with a slash") << m << u"goal"_s << u"goal/1"_s << unset << invalid;
    QTest::addRow("reference with an umlaut") << m << u"goal"_s << u"zäh"_s << unset << invalid;
    QTest::addRow("untyped reference") << u"comment"_s << u"target"_s << u"m1"_s << u"m1"_s << ok;

    // Themes: comma list or JSON array, stored as a sorted, unique JSON array.
    QTest::addRow("one theme") << m << u"themes"_s << u"climate"_s << uR"(["climate"])"_s << ok;
    QTest::addRow("themes comma list sorted") << m << u"themes"_s << u"mobility,climate"_s
                                              << uR"(["climate","mobility"])"_s << ok;
    QTest::addRow("themes comma list with spaces") << m << u"themes"_s << u" youth , climate "_s
                                                   << uR"(["climate","youth"])"_s << ok;
    QTest::addRow("themes duplicates removed") << m << u"themes"_s << u"climate,youth,climate"_s
                                               << uR"(["climate","youth"])"_s << ok;
    QTest::addRow("themes trailing comma") << m << u"themes"_s << u"climate,"_s << uR"(["climate"])"_s << ok;
    QTest::addRow("themes JSON array sorted") << m << u"themes"_s << uR"(["youth","culture"])"_s
                                              << uR"(["culture","youth"])"_s << ok;
    QTest::addRow("themes empty JSON array is unset") << m << u"themes"_s << u"[]"_s << unset << ok;
    QTest::addRow("themes only commas is unset") << m << u"themes"_s << u",,"_s << unset << ok;
    QTest::addRow("unknown theme") << m << u"themes"_s << u"climate,weather"_s << unset << invalid;
    QTest::addRow("theme is case sensitive") << m << u"themes"_s << u"Climate"_s << unset << invalid;
    QTest::addRow("theme in JSON array is not a string") << m << u"themes"_s << u"[1]"_s << unset << invalid;
    QTest::addRow("unknown theme in JSON array") << m << u"themes"_s << uR"(["climate","x"])"_s << unset
                                                 << invalid;

    // Order keys.
    QTest::addRow("order key") << m << u"position"_s << u"a"_s << u"a"_s << ok;
    QTest::addRow("order key mixed case and digits") << m << u"position"_s << u"0Vz9"_s << u"0Vz9"_s << ok;
    QTest::addRow("order key of 200 characters") << m << u"position"_s << QString(200, u'V') << QString(200, u'V')
                                                 << ok;
    QTest::addRow("order key of 201 characters") << m << u"position"_s << QString(201, u'V') << unset << invalid;
    QTest::addRow("order key with a dash") << m << u"position"_s << u"a-b"_s << unset << invalid;
    QTest::addRow("order key with a dot") << m << u"position"_s << u"0.5"_s << unset << invalid;
    QTest::addRow("order key with an umlaut") << m << u"position"_s << u"ä"_s << unset << invalid;
}

void TestSchema::normalize()
{
    QFETCH(QString, entity);
    QFETCH(QString, field);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, error);

    const Result<QString> result = Schema::normalize(fieldSpec(entity, field), input);
    if (!error.isEmpty()) {
        QVERIFY2(!result.isOk(), qPrintable(result.isOk() ? result.value() : QString()));
        QCOMPARE(result.errorCode(), error);
        QVERIFY(result.errorMessage().contains(field));
        return;
    }
    QVERIFY2(result.isOk(), qPrintable(result.errorCode() + u": "_s + result.errorMessage()));
    QCOMPARE(result.value(), expected);
    QCOMPARE(result.value().isNull(), expected.isNull());
}

void TestSchema::normalizeIsIdempotent_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("input");

    QTest::addRow("number with exponent") << u"budget"_s << u"1.25e5"_s;
    QTest::addRow("number with many digits") << u"budget"_s << u"3.14159265358979323846"_s;
    QTest::addRow("themes") << u"themes"_s << u"youth, climate,culture"_s;
    QTest::addRow("date") << u"start_date"_s << u"2026.03.31"_s;
    QTest::addRow("text") << u"title"_s << u"Titel"_s;
}

void TestSchema::normalizeIsIdempotent()
{
    QFETCH(QString, field);
    QFETCH(QString, input);

    const FieldSpec &spec = fieldSpec(u"measure"_s, field);
    const Result<QString> once = Schema::normalize(spec, input);
    QVERIFY(once.isOk());
    const Result<QString> twice = Schema::normalize(spec, once.value());
    QVERIFY(twice.isOk());
    QCOMPARE(twice.value(), once.value());
}

void TestSchema::validateChange_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::addColumn<QString>("expectedField");
    QTest::addColumn<QString>("expectedValue");

    const QString ok;
    auto row = [](const char *name, Change c, const QString &error, const QString &field = {},
                  const QString &value = {}) {
        QTest::addRow("%s", name) << c << error << field << value;
    };
    auto mutated = [](Change c, const Mutation &m) {
        m(c);
        return c;
    };
    const Change set = validSet();
    const QString malformed = u"malformed_change"_s;

    row("valid set", set, ok, u"title"_s, set.value);
    row("valid set, value normalised", mutated(set, [](Change &c) { c.field = u"budget"_s; c.value = u"1e3"_s; }),
        ok, u"budget"_s, u"1000"_s);
    row("valid set to unset", mutated(set, [](Change &c) { c.value = QString(); }), ok, u"title"_s, QString());
    row("valid create", lifecycle(Change::Op::Create), ok, Change::stateField, Change::live);
    row("valid delete with seen", mutated(lifecycle(Change::Op::Delete), [](Change &c) { c.seen = { u"x:1"_s }; }),
        ok, Change::stateField, Change::deleted);
    row("valid restore", lifecycle(Change::Op::Restore), ok, Change::stateField, Change::live);
    row("create: field and value are forced to the lifecycle register",
        mutated(lifecycle(Change::Op::Create), [](Change &c) { c.field = u"title"_s; c.value = u"deleted"_s; }), ok,
        Change::stateField, Change::live);
    row("delete: value is forced to deleted",
        mutated(lifecycle(Change::Op::Delete), [](Change &c) { c.value = Change::live; }), ok, Change::stateField,
        Change::deleted);
    row("change id of 128 characters", mutated(set, [](Change &c) { c.id = QString(128, u'i'); }), ok, u"title"_s,
        set.value);
    row("entity id of 64 characters", mutated(set, [](Change &c) { c.entityId = QString(64, u'e'); }), ok,
        u"title"_s, set.value);

    row("unknown entity type", mutated(set, [](Change &c) { c.entityType = u"project"_s; }), u"unknown_type"_s);
    row("empty entity type", mutated(set, [](Change &c) { c.entityType.clear(); }), u"unknown_type"_s);
    row("unknown type on a create", mutated(lifecycle(Change::Op::Create), [](Change &c) { c.entityType = u"x"_s; }),
        u"unknown_type"_s);
    row("unknown field", mutated(set, [](Change &c) { c.field = u"colour"_s; }), u"unknown_field"_s);
    row("field of another entity type", mutated(set, [](Change &c) { c.field = u"vision"_s; }), u"unknown_field"_s);
    row("set of the lifecycle register", mutated(set, [](Change &c) { c.field = Change::stateField; c.value = u"deleted"_s; }),
        u"unknown_field"_s);
    row("invalid value", mutated(set, [](Change &c) { c.field = u"status"_s; c.value = u"finished"_s; }),
        u"invalid_value"_s);
    row("value too long", mutated(set, [](Change &c) { c.value = QString(501, u'x'); }), u"value_too_long"_s);
    row("empty change id", mutated(set, [](Change &c) { c.id.clear(); }), malformed);
    row("change id of 129 characters", mutated(set, [](Change &c) { c.id = QString(129, u'i'); }), malformed);
    row("empty entity id", mutated(set, [](Change &c) { c.entityId.clear(); }), malformed);
    row("entity id of 65 characters", mutated(set, [](Change &c) { c.entityId = QString(65, u'e'); }), malformed);
    row("stamp of another device", mutated(set, [](Change &c) { c.hlc.device = u"dev-b"_s; }), malformed);
    row("null stamp", mutated(set, [](Change &c) { c.hlc = Hlc(); }), malformed);
    row("empty device", mutated(set, [](Change &c) { c.device.clear(); c.hlc.device.clear(); }), malformed);
    row("seen on a set", mutated(set, [](Change &c) { c.seen = { u"x:1"_s }; }), malformed);
    row("seen on a create", mutated(lifecycle(Change::Op::Create), [](Change &c) { c.seen = { u"x:1"_s }; }),
        malformed);
    row("seen on a restore", mutated(lifecycle(Change::Op::Restore), [](Change &c) { c.seen = { u"x:1"_s }; }),
        malformed);
    row("change id with a space", mutated(set, [](Change &c) { c.id = u"dev a:1"_s; }), malformed);
    row("change id with a slash", mutated(set, [](Change &c) { c.id = u"dev/a:1"_s; }), malformed);
    row("entity id with a space", mutated(set, [](Change &c) { c.entityId = u"m 1"_s; }), malformed);
    row("entity id with an umlaut", mutated(set, [](Change &c) { c.entityId = u"maßnahme"_s; }), malformed);
    row("base lists a malformed id", mutated(set, [](Change &c) { c.base = { u"dev-a:0"_s, u"x y"_s }; }),
        malformed);
    row("base lists an empty id", mutated(set, [](Change &c) { c.base = { QString() }; }), malformed);
    row("seen lists a malformed id",
        mutated(lifecycle(Change::Op::Delete), [](Change &c) { c.seen = { u"a;b"_s }; }), malformed);
    row("change based on itself", mutated(set, [](Change &c) { c.base = { c.id }; }), malformed);
    row("create with a base", mutated(lifecycle(Change::Op::Create), [](Change &c) { c.base = { u"x:1"_s }; }),
        malformed);
}

void TestSchema::validateChange()
{
    QFETCH(Change, change);
    QFETCH(QString, error);
    QFETCH(QString, expectedField);
    QFETCH(QString, expectedValue);

    const Result<Change> result = ::validateChange(change);
    if (!error.isEmpty()) {
        QVERIFY(!result.isOk());
        QCOMPARE(result.errorCode(), error);
        QVERIFY(!result.errorMessage().isEmpty());
        return;
    }
    QVERIFY2(result.isOk(), qPrintable(result.errorCode() + u": "_s + result.errorMessage()));
    QCOMPARE(result->field, expectedField);
    QCOMPARE(result->value, expectedValue);
    QCOMPARE(result->value.isNull(), expectedValue.isNull());
    // Everything else is kept as it was.
    QCOMPARE(result->id, change.id);
    QCOMPARE(result->op, change.op);
    QCOMPARE(result->entityType, change.entityType);
    QCOMPARE(result->entityId, change.entityId);
    QCOMPARE(result->hlc, change.hlc);
    QCOMPARE(result->device, change.device);
    QCOMPARE(result->author, change.author);
    QCOMPARE(result->base, change.base);
    QCOMPARE(result->seen, change.seen);
}

void TestSchema::jsonRoundTrip_data()
{
    QTest::addColumn<Change>("change");

    QTest::addRow("create") << lifecycle(Change::Op::Create);
    QTest::addRow("set") << validSet();
    Change unset = validSet();
    unset.value = QString();
    QTest::addRow("set to unset") << unset;
    Change multi = validSet();
    multi.field = u"description"_s;
    multi.value = u"Zeile 1\nZeile 2 mit \"Anführungszeichen\" und 😀"_s;
    multi.base = { u"dev-a:0"_s, u"dev-b:7"_s };
    QTest::addRow("set of a long text with two bases") << multi;
    Change first = validSet();
    first.base.clear();
    QTest::addRow("set without base (first write)") << first;
    Change del = lifecycle(Change::Op::Delete);
    del.seen = { u"dev-a:1"_s, u"dev-b:2"_s };
    QTest::addRow("delete with seen versions") << del;
    QTest::addRow("delete without seen versions") << lifecycle(Change::Op::Delete);
    QTest::addRow("restore") << lifecycle(Change::Op::Restore);
}

void TestSchema::jsonRoundTrip()
{
    QFETCH(Change, change);

    const QJsonObject json = change.toJson();
    const Result<Change> parsed = Change::fromJson(json);
    QVERIFY2(parsed.isOk(), qPrintable(parsed.errorCode() + u": "_s + parsed.errorMessage()));
    QCOMPARE(parsed.value(), change);
    QCOMPARE(parsed->value.isNull(), change.value.isNull());

    // Through the wire text as well.
    const QByteArray wire = QJsonDocument(json).toJson(QJsonDocument::Compact);
    const Result<Change> fromWire = Change::fromJson(QJsonDocument::fromJson(wire).object());
    QVERIFY(fromWire.isOk());
    QCOMPARE(fromWire.value(), change);
    QCOMPARE(fromWire->toJson(), json);

    // A parsed change validates like the original.
    const Result<Change> valid = ::validateChange(parsed.value());
    QVERIFY2(valid.isOk(), qPrintable(valid.errorCode() + u": "_s + valid.errorMessage()));
}

void TestSchema::jsonShape()
{
    const Change set = validSet();
    const QJsonObject json = set.toJson();
    QCOMPARE(json.value(u"id"_s).toString(), set.id);
    QCOMPARE(json.value(u"op"_s).toString(), u"set"_s);
    QCOMPARE(json.value(u"type"_s).toString(), u"measure"_s);
    QCOMPARE(json.value(u"entity"_s).toString(), u"m1"_s);
    QCOMPARE(json.value(u"field"_s).toString(), u"title"_s);
    QCOMPARE(json.value(u"value"_s).toString(), set.value);
    QCOMPARE(json.value(u"hlc"_s).toString(), set.hlc.toString());
    QCOMPARE(json.value(u"device"_s).toString(), u"dev-a"_s);
    QCOMPARE(json.value(u"author"_s).toString(), u"alice"_s);
    QCOMPARE(json.value(u"base"_s).toArray(), QJsonArray { u"dev-a:0"_s });
    QVERIFY(!json.contains(u"seen"_s));

    Change unset = set;
    unset.value = QString();
    QVERIFY(unset.toJson().value(u"value"_s).isNull());

    // Lifecycle changes carry neither field nor value on the wire.
    Change del = lifecycle(Change::Op::Delete);
    del.seen = { u"v1"_s };
    const QJsonObject delJson = del.toJson();
    QCOMPARE(delJson.value(u"op"_s).toString(), u"delete"_s);
    QVERIFY(!delJson.contains(u"field"_s));
    QVERIFY(!delJson.contains(u"value"_s));
    QCOMPARE(delJson.value(u"seen"_s).toArray(), QJsonArray { u"v1"_s });

    // A set without "value" means unset; a missing "base" means a first write.
    QJsonObject noValue = json;
    noValue.remove(u"value"_s);
    noValue.remove(u"base"_s);
    const Result<Change> parsed = Change::fromJson(noValue);
    QVERIFY(parsed.isOk());
    QVERIFY(parsed->value.isNull());
    QVERIFY(parsed->base.isEmpty());

    // fromJson checks shape only: an unknown type parses, validateChange rejects it.
    QJsonObject unknownType = json;
    unknownType.insert(u"type"_s, u"project"_s);
    const Result<Change> shapeOnly = Change::fromJson(unknownType);
    QVERIFY(shapeOnly.isOk());
    QCOMPARE(::validateChange(shapeOnly.value()).errorCode(), u"unknown_type"_s);
}

void TestSchema::fromJsonErrors_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("error");

    const QJsonObject valid = validSet().toJson();
    const QString malformed = u"malformed_change"_s;
    auto without = [&](const QString &key) {
        QJsonObject o = valid;
        o.remove(key);
        return o;
    };
    auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject o = valid;
        o.insert(key, value);
        return o;
    };

    QTest::addRow("empty object") << QJsonObject() << malformed;
    for (const QString &key : { u"id"_s, u"op"_s, u"type"_s, u"entity"_s, u"hlc"_s, u"device"_s, u"author"_s }) {
        QTest::addRow("missing %s", qPrintable(key)) << without(key) << malformed;
        QTest::addRow("%s is a number", qPrintable(key)) << with(key, 7) << malformed;
        QTest::addRow("%s is null", qPrintable(key)) << with(key, QJsonValue::Null) << malformed;
    }
    QTest::addRow("unknown op") << with(u"op"_s, u"update"_s) << malformed;
    QTest::addRow("op in upper case") << with(u"op"_s, u"SET"_s) << malformed;
    QTest::addRow("malformed stamp") << with(u"hlc"_s, u"yesterday"_s) << malformed;
    QTest::addRow("empty stamp") << with(u"hlc"_s, u""_s) << malformed;
    QTest::addRow("base is a string") << with(u"base"_s, u"dev-a:0"_s) << malformed;
    QTest::addRow("base holds a number") << with(u"base"_s, QJsonArray { 1 }) << malformed;
    QTest::addRow("seen is an object") << with(u"seen"_s, QJsonObject()) << malformed;
    QTest::addRow("seen holds null") << with(u"seen"_s, QJsonArray { QJsonValue() }) << malformed;
    QTest::addRow("set without field") << without(u"field"_s) << malformed;
    QTest::addRow("set with a numeric field") << with(u"field"_s, 3) << malformed;
    // A value of the wrong JSON type is reported as an invalid value.
    QTest::addRow("value is a number") << with(u"value"_s, 12.5) << u"invalid_value"_s;
    QTest::addRow("value is a bool") << with(u"value"_s, true) << u"invalid_value"_s;
    QTest::addRow("value is an array") << with(u"value"_s, QJsonArray { u"climate"_s }) << u"invalid_value"_s;
}

void TestSchema::fromJsonErrors()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, error);

    const Result<Change> result = Change::fromJson(json);
    QVERIFY(!result.isOk());
    QCOMPARE(result.errorCode(), error);
    QVERIFY(!result.errorMessage().isEmpty());
}

void TestSchema::opNames()
{
    for (Change::Op op : { Change::Op::Create, Change::Op::Set, Change::Op::Delete, Change::Op::Restore }) {
        const QString name = Change::opName(op);
        QVERIFY(!name.isEmpty());
        QCOMPARE(Change::opFromName(name), std::optional<Change::Op>(op));
    }
    QCOMPARE(Change::opName(Change::Op::Create), u"create"_s);
    QCOMPARE(Change::opName(Change::Op::Restore), u"restore"_s);
    QVERIFY(!Change::opFromName(u"remove"_s));
    QVERIFY(!Change::opFromName(QString()));
}

void TestSchema::changeIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<bool>("valid");

    QTest::addRow("device and sequence") << u"laptop-1:42"_s << true;
    QTest::addRow("uuid") << u"0b8e2f1c9d4a4e6fb1c2d3e4f5a6b7c8"_s << true;
    QTest::addRow("all allowed punctuation") << u"a-b_c.d:e"_s << true;
    QTest::addRow("128 characters") << QString(128, u'x') << true;
    QTest::addRow("129 characters") << QString(129, u'x') << false;
    QTest::addRow("empty") << QString() << false;
    QTest::addRow("space") << u"a b"_s << false;
    QTest::addRow("comma") << u"a,b"_s << false;
    QTest::addRow("quote") << u"a'b"_s << false;
    QTest::addRow("umlaut") << u"ä"_s << false;
}

void TestSchema::changeIds()
{
    QFETCH(QString, id);
    QFETCH(bool, valid);

    QCOMPARE(isChangeId(id), valid);
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
