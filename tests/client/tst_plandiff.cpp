// SPDX-License-Identifier: GPL-3.0-or-later
// Plan snapshots (what a submitted version freezes), their diff, and the CSV reader of the office's imports.
#include "model/plansnapshot.h"
#include "office/csv.h"
#include "office/plandiff.h"
#include "sync/localeditor.h"
#include "sync/replicastate.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

/** A small plan built change by change, as an editor would. */
class PlanBuilder
{
public:
    PlanBuilder()
        : m_clock(u"dev-test"_s),
          m_editor(m_clock, u"tester"_s)
    { }

    QString create(const QString &type, const QString &id, const QList<std::pair<QString, QString>> &fields)
    {
        apply(m_editor.create(type, id));
        for (const auto &[field, value] : fields)
            set(id, field, value);
        return id;
    }
    void set(const QString &id, const QString &field, const QString &value)
    {
        apply(m_editor.set(*m_state.entity(id), field, value));
    }
    void remove(const QString &id) { apply(m_editor.remove(*m_state.entity(id))); }

    PlanSnapshot snapshot(const QString &planId) const
    {
        return PlanSnapshot::build(*m_state.entity(planId), [this](const EntitySpec &spec, const QString &parent) {
            QList<EntityRecord> children;
            for (const EntityRecord *record : m_state.entities()) {
                if (record->spec == &spec && record->isLive() && record->value(spec.parentField) == parent)
                    children << *record;
            }
            return children;
        });
    }

private:
    void apply(const Change &change) { QVERIFY(m_state.apply(change)); }

    HlcClock m_clock;
    LocalEditor m_editor;
    ReplicaState m_state;
};

void buildPlan(PlanBuilder &b)
{
    b.create(u"plan"_s, u"p"_s,
             { { u"title"_s, u"Werkstattplan Musterstadt"_s }, { u"review_status"_s, u"draft"_s }, { u"shared"_s, u"true"_s } });
    b.create(u"field_of_action"_s, u"f"_s, { { u"plan"_s, u"p"_s }, { u"title"_s, u"Mobilität"_s }, { u"position"_s, u"V"_s } });
    b.create(u"goal"_s, u"g"_s, { { u"field_of_action"_s, u"f"_s }, { u"title"_s, u"Busse"_s }, { u"position"_s, u"V"_s } });
    // Listed by position, not by id.
    b.create(u"measure"_s, u"m2"_s, { { u"goal"_s, u"g"_s }, { u"title"_s, u"Rufbus"_s }, { u"position"_s, u"a"_s } });
    b.create(u"measure"_s, u"m1"_s,
             { { u"goal"_s, u"g"_s }, { u"title"_s, u"Bürgerbus"_s }, { u"status"_s, u"planned"_s }, { u"position"_s, u"b"_s } });
    b.create(u"milestone"_s, u"ms"_s, { { u"measure"_s, u"m1"_s }, { u"title"_s, u"Fahrzeug"_s }, { u"position"_s, u"V"_s } });
    // Not plan content: a comment and a version.
    b.create(u"comment"_s, u"c"_s, { { u"plan"_s, u"p"_s }, { u"body"_s, u"Gut"_s } });
}

} // namespace

class TestPlanDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshotIsTheOutline();
    void snapshotRoundTrips();
    void identicalStatesHaveNoDiff();
    void oneEditIsExactlyOneChange();
    void addedRemovedAndUnset();
    void reorderingIsNoChange();
    void csvParsesQuotesAndLines();
};

void TestPlanDiff::snapshotIsTheOutline()
{
    PlanBuilder b;
    buildPlan(b);
    const PlanSnapshot snapshot = b.snapshot(u"p"_s);
    QStringList ids;
    for (const PlanSnapshot::Item &item : snapshot.items)
        ids << item.id;
    QCOMPARE(ids, (QStringList { u"p"_s, u"f"_s, u"g"_s, u"m2"_s, u"m1"_s, u"ms"_s }));
    // Workflow state and list positions are not content.
    QVERIFY(!snapshot.items[0].values.contains(u"review_status"_s));
    QVERIFY(!snapshot.items[3].values.contains(u"position"_s));
    QCOMPARE(snapshot.items[4].values.value(u"status"_s).toString(), u"planned"_s);
    QVERIFY(!snapshot.items[3].values.contains(u"status"_s)); // unset fields are left out
}

void TestPlanDiff::snapshotRoundTrips()
{
    PlanBuilder b;
    buildPlan(b);
    const PlanSnapshot snapshot = b.snapshot(u"p"_s);
    const QString stored = snapshot.encode();
    QVERIFY(stored.size() < Schema::snapshotMax);
    const auto decoded = PlanSnapshot::decode(stored);
    QVERIFY(decoded);
    QCOMPARE(decoded->toJson(), snapshot.toJson());
    QTest::ignoreMessage(QtWarningMsg, "qUncompress: Input data is corrupted");
    QVERIFY(!PlanSnapshot::decode(u"not a snapshot"_s));
}

void TestPlanDiff::identicalStatesHaveNoDiff()
{
    PlanBuilder b;
    buildPlan(b);
    QVERIFY(PlanDiff::compare(b.snapshot(u"p"_s), b.snapshot(u"p"_s)).isEmpty());
    // The review status is no content change.
    const PlanSnapshot before = b.snapshot(u"p"_s);
    b.set(u"p"_s, u"review_status"_s, u"submitted"_s);
    QVERIFY(PlanDiff::compare(before, b.snapshot(u"p"_s)).isEmpty());
}

void TestPlanDiff::oneEditIsExactlyOneChange()
{
    PlanBuilder b;
    buildPlan(b);
    const PlanSnapshot before = b.snapshot(u"p"_s);
    b.set(u"m1"_s, u"status"_s, u"in_progress"_s);
    const QList<PlanDiffItem> diff = PlanDiff::compare(before, b.snapshot(u"p"_s));
    QCOMPARE(diff.size(), 1);
    QCOMPARE(diff[0].kind, PlanDiffItem::Kind::Changed);
    QCOMPARE(diff[0].type, u"measure"_s);
    QCOMPARE(diff[0].id, u"m1"_s);
    QCOMPARE(diff[0].title, u"Bürgerbus"_s);
    QCOMPARE(diff[0].field, u"status"_s);
    QCOMPARE(diff[0].oldValue, u"planned"_s);
    QCOMPARE(diff[0].newValue, u"in_progress"_s);
    QCOMPARE(diff[0].toJson().value(u"change"_s).toString(), u"changed"_s);
}

void TestPlanDiff::addedRemovedAndUnset()
{
    PlanBuilder b;
    buildPlan(b);
    const PlanSnapshot before = b.snapshot(u"p"_s);
    b.create(u"measure"_s, u"m3"_s, { { u"goal"_s, u"g"_s }, { u"title"_s, u"Carsharing"_s }, { u"position"_s, u"c"_s } });
    b.remove(u"ms"_s);
    b.set(u"m1"_s, u"status"_s, QString());
    const QList<PlanDiffItem> diff = PlanDiff::compare(before, b.snapshot(u"p"_s));
    QCOMPARE(diff.size(), 3);
    // The newer outline's order first, removed entries last.
    QCOMPARE(diff[0].kind, PlanDiffItem::Kind::Changed);
    QCOMPARE(diff[0].id, u"m1"_s);
    QVERIFY(diff[0].newValue.isNull());
    QCOMPARE(diff[0].toJson().value(u"new"_s), QJsonValue());
    QCOMPARE(diff[1].kind, PlanDiffItem::Kind::Added);
    QCOMPARE(diff[1].title, u"Carsharing"_s);
    QCOMPARE(diff[2].kind, PlanDiffItem::Kind::Removed);
    QCOMPARE(diff[2].id, u"ms"_s);
    QCOMPARE(diff[2].type, u"milestone"_s);
    QCOMPARE(diff[2].title, u"Fahrzeug"_s);
    // And back: each the other way round.
    const QList<PlanDiffItem> back = PlanDiff::compare(b.snapshot(u"p"_s), before);
    QCOMPARE(back.size(), 3);
    QCOMPARE(back[2].kind, PlanDiffItem::Kind::Removed);
    QCOMPARE(back[2].id, u"m3"_s);
}

void TestPlanDiff::reorderingIsNoChange()
{
    PlanBuilder b;
    buildPlan(b);
    const PlanSnapshot before = b.snapshot(u"p"_s);
    b.set(u"m2"_s, u"position"_s, u"z"_s);
    const PlanSnapshot after = b.snapshot(u"p"_s);
    QCOMPARE(after.items[3].id, u"m1"_s);
    QVERIFY(PlanDiff::compare(before, after).isEmpty());
}

void TestPlanDiff::csvParsesQuotesAndLines()
{
    bool ok = false;
    const QList<Csv::Record> records
            = Csv::parse(u"a;b\r\n\"x;1\";\"say \"\"hi\"\"\"\n\n\"multi\nline\";\n3;4"_s, u';', &ok);
    QVERIFY(ok);
    QCOMPARE(records.size(), 4);
    QCOMPARE(records[1].fields, (QStringList { u"x;1"_s, u"say \"hi\""_s }));
    QCOMPARE(records[1].line, 2);
    QCOMPARE(records[2].fields, (QStringList { u"multi\nline"_s, QString() }));
    QCOMPARE(records[2].line, 4);
    QCOMPARE(records[3].line, 6);
    QCOMPARE(Csv::line({ u"a,b"_s, u"c"_s }), u"\"a,b\",c\r\n"_s);
    Csv::parse(u"\"open"_s, u',', &ok);
    QVERIFY(!ok);
}

QTEST_GUILESS_MAIN(TestPlanDiff)
#include "tst_plandiff.moc"
