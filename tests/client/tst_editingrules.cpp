// SPDX-License-Identifier: GPL-3.0-or-later
// The client core's rules for what people type and do in the editors: why a typed value is refused,
// which plan hints an entry gets, that a push never splits a submission, and that the office asks
// for changes only with a note.
#include "helpers/sampleplan.h"
#include "localreplica.h"
#include "office/reviewnotes.h"
#include "planhints.h"
#include "syncengine.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestEditingRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedValues_data();
    void typedValues();
    void planHints_data();
    void planHints();
    void pushKeepsSubmissionsWhole_data();
    void pushKeepsSubmissionsWhole();
    void askingForChangesNeedsANote();
};

void TestEditingRules::typedValues_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value"); // the model's form, if accepted
    QTest::addColumn<QString>("problem"); // FieldInput::code, empty if accepted

    QTest::addRow("German date") << u"measure"_s << u"start_date"_s << u"31.3.2026"_s << u"2026-03-31"_s << QString();
    QTest::addRow("two-digit year") << u"measure"_s << u"start_date"_s << u"1.4.27"_s << u"2027-04-01"_s << QString();
    QTest::addRow("ISO date") << u"milestone"_s << u"due_date"_s << u"2026-12-01"_s << u"2026-12-01"_s << QString();
    QTest::addRow("empty date") << u"measure"_s << u"end_date"_s << u""_s << QString() << QString();
    QTest::addRow("31 February") << u"measure"_s << u"end_date"_s << u"31.2.2027"_s << QString() << u"no_such_day"_s;
    QTest::addRow("29 February, not a leap year") << u"measure"_s << u"end_date"_s << u"29.02.2027"_s << QString() << u"no_such_day"_s;
    QTest::addRow("29 February, leap year") << u"measure"_s << u"end_date"_s << u"29.02.2028"_s << u"2028-02-29"_s << QString();
    QTest::addRow("ISO 30 February") << u"measure"_s << u"end_date"_s << u"2026-02-30"_s << QString() << u"no_such_day"_s;
    QTest::addRow("month 13") << u"measure"_s << u"end_date"_s << u"1.13.2026"_s << QString() << u"no_such_month"_s;
    QTest::addRow("words") << u"measure"_s << u"end_date"_s << u"nächste Woche"_s << QString() << u"date_format"_s;
    QTest::addRow("slashes") << u"measure"_s << u"end_date"_s << u"31/03/2026"_s << QString() << u"date_format"_s;
    QTest::addRow("German number") << u"measure"_s << u"budget"_s << u"1.500,50"_s << u"1500.5"_s << QString();
    QTest::addRow("plain number") << u"measure"_s << u"budget"_s << u"1500.50"_s << u"1500.5"_s << QString();
    QTest::addRow("not a number") << u"measure"_s << u"budget"_s << u"viel"_s << QString() << u"not_a_number"_s;
    QTest::addRow("currency sign") << u"measure"_s << u"budget"_s << u"500 €"_s << QString() << u"not_a_number"_s;
    QTest::addRow("title at its cap") << u"measure"_s << u"title"_s << QString(Schema::shortTextMax, u'x')
                                      << QString(Schema::shortTextMax, u'x') << QString();
    QTest::addRow("title too long") << u"measure"_s << u"title"_s << QString(Schema::shortTextMax + 1, u'x') << QString()
                                    << u"too_long"_s;
    QTest::addRow("description too long") << u"measure"_s << u"description"_s << QString(Schema::longTextMax + 1, u'x')
                                          << QString() << u"too_long"_s;
    QTest::addRow("unknown choice") << u"measure"_s << u"status"_s << u"fertig"_s << QString() << u"not_a_choice"_s;
    QTest::addRow("choice") << u"measure"_s << u"status"_s << u"done"_s << u"done"_s << QString();
}

void TestEditingRules::typedValues()
{
    QFETCH(QString, type);
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, value);
    QFETCH(QString, problem);

    const FieldSpec &spec = *Schema::instance().entity(type)->field(field);
    const FieldInput::Parsed parsed = FieldInput::parse(spec, text);
    QCOMPARE(FieldInput::code(parsed.problem), problem);
    QCOMPARE(parsed.value, value);
    // What is accepted, the server accepts too (the same canonical form).
    if (parsed.ok() && !value.isEmpty())
        QCOMPARE(Schema::normalize(spec, parsed.value).value(), value);
}

void TestEditingRules::planHints_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");
    QTest::addColumn<QString>("due"); // of a milestone; empty: the measure's hints are checked
    QTest::addColumn<QStringList>("hints"); // codes, at their fields: "code@field"

    QTest::addRow("milestone inside the period") << u"planned"_s << u"2026-01-01"_s << u"2026-12-31"_s << u"2026-06-01"_s << QStringList();
    QTest::addRow("milestone before the start") << u"planned"_s << u"2026-03-01"_s << u"2026-12-31"_s << u"2026-02-28"_s
                                                << QStringList { u"milestone_before_start@due_date"_s };
    QTest::addRow("milestone after the end") << u"planned"_s << u"2026-01-01"_s << u"2026-06-30"_s << u"2026-07-01"_s
                                             << QStringList { u"milestone_after_end@due_date"_s };
    QTest::addRow("milestone of a measure without dates") << u"planned"_s << u""_s << u""_s << u"2030-01-01"_s << QStringList();
    QTest::addRow("done, ended") << u"done"_s << u"2020-01-01"_s << u"2021-01-01"_s << u""_s << QStringList();
    QTest::addRow("done, ends in the future") << u"done"_s << u"2020-01-01"_s << u"2099-01-01"_s << u""_s
                                              << QStringList { u"done_but_ends_later@end_date"_s };
    QTest::addRow("in progress, ends in the future") << u"in_progress"_s << u"2020-01-01"_s << u"2099-01-01"_s << u""_s << QStringList();
    QTest::addRow("ends before it starts") << u"planned"_s << u"2026-06-01"_s << u"2026-05-01"_s << u""_s
                                           << QStringList { u"end_before_start@end_date"_s };
}

void TestEditingRules::planHints()
{
    QFETCH(QString, status);
    QFETCH(QString, start);
    QFETCH(QString, end);
    QFETCH(QString, due);
    QFETCH(QStringList, hints);

    QTemporaryDir dir;
    auto replica = LocalReplica::open(dir.path()).value();
    SamplePlan plan;
    QVERIFY(replica->applyPulled(plan.changes, 1));
    QVERIFY(replica->set(u"measure-1"_s, { { u"status"_s, status }, { u"start_date"_s, start }, { u"end_date"_s, end } }));
    QString entity = u"measure-1"_s;
    if (!due.isEmpty()) {
        const auto milestone = replica->add(u"milestone"_s, u"measure-1"_s, { { u"title"_s, u"Termin"_s }, { u"due_date"_s, due } });
        QVERIFY(milestone);
        entity = *milestone;
    }
    const auto lookup = [&](const QString &id) { return replica->store().record(id); };
    QStringList found;
    for (const PlanHints::Hint &hint : PlanHints::of(*replica->store().record(entity), lookup, QDate(2026, 11, 1)))
        found << PlanHints::code(hint.kind) + u'@' + hint.field;
    QCOMPARE(found, hints);
}

void TestEditingRules::pushKeepsSubmissionsWhole_data()
{
    QTest::addColumn<QString>("outbox"); // one letter a change: e edit, v a plan_version's create, p its other fields, s the status
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("pushed");

    QTest::addRow("no submission") << u"eeeeee"_s << 3 << 3;
    QTest::addRow("cut before a submission") << u"eeevpps"_s << 3 << 3;
    QTest::addRow("cut inside a submission: it waits") << u"eevppps"_s << 4 << 2;
    QTest::addRow("cut before its status: it waits") << u"eevppse"_s << 5 << 2;
    QTest::addRow("cut inside the first submission: sent whole") << u"vpppsee"_s << 2 << 5;
    QTest::addRow("cut after a submission") << u"vppseee"_s << 4 << 4;
    QTest::addRow("two submissions, cut in the second") << u"vpsvps"_s << 4 << 3;
    QTest::addRow("everything fits") << u"evpps"_s << 5 << 5;
}

void TestEditingRules::pushKeepsSubmissionsWhole()
{
    QFETCH(QString, outbox);
    QFETCH(int, limit);
    QFETCH(int, pushed);

    QList<Change> changes;
    for (const QChar c : outbox) {
        Change change;
        change.op = c == u'v' ? Change::Op::Create : Change::Op::Set;
        change.entityType = c == u'e' ? u"measure"_s : c == u's' ? u"plan"_s : u"plan_version"_s;
        change.field = c == u's' ? u"review_status"_s : c == u'e' ? u"title"_s : u"snapshot"_s;
        change.value = c == u's' ? u"submitted"_s : u"x"_s;
        changes << change;
    }
    QCOMPARE(SyncEngine::keepSubmissionsWhole(changes, limit), qsizetype(pushed));
}

void TestEditingRules::askingForChangesNeedsANote()
{
    QTemporaryDir dir;
    auto replica = LocalReplica::open(dir.path()).value();
    SamplePlan plan;
    QVERIFY(replica->applyPulled(plan.changes, 1));
    QVERIFY(replica->setAccount({ u"http://127.0.0.1:1"_s, u"office"_s, u"office"_s, {}, {} }, u"wpt_x"_s));
    const int before = replica->pendingCount();

    const Status silent = replica->review(u"plan-adorf"_s, u"changes_requested"_s, u"  "_s);
    QCOMPARE(silent.errorCode(), u"note_required"_s);
    QCOMPARE(replica->pendingCount(), before);

    QVERIFY(replica->review(u"plan-adorf"_s, u"changes_requested"_s, u"Bitte Termine ergänzen."_s));
    QCOMPARE(replica->store().record(u"plan-adorf"_s)->value(u"review_status"_s), u"changes_requested"_s);
    const auto note = ReviewNotes::latestOnPlan(replica->store(), u"plan-adorf"_s);
    QVERIFY(note);
    QCOMPARE(note->body, u"Bitte Termine ergänzen."_s);
    QCOMPARE(note->kind, u"review"_s);

    // Other steps need no note; the office cannot submit for the municipality.
    QVERIFY(replica->review(u"plan-adorf"_s, u"in_review"_s));
    QCOMPARE(replica->review(u"plan-adorf"_s, u"submitted"_s).errorCode(), u"forbidden"_s);
}

QTEST_GUILESS_MAIN(TestEditingRules)
#include "tst_editingrules.moc"
