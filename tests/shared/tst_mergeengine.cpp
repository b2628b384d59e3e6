// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/localeditor.h"
#include "sync/mergeengine.h"
#include "sync/replicastate.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::Literals::StringLiterals;

// Readable QCOMPARE failures.
char *toString(const FieldVersion &v)
{
    return qstrdup(qPrintable(u"{%1 \"%2\" by %3@%4 %5}"_s.arg(v.changeId, v.value, v.author, v.device, v.hlc.toString())));
}

char *toString(const Conflict &c)
{
    char *kept = toString(c.kept);
    char *other = toString(c.other);
    char *text = qstrdup(qPrintable(u"%1 %2 %3.%4 kept %5 other %6"_s.arg(Conflict::kindName(c.kind), c.entityId,
                                                                            c.entityType, c.field,
                                                                            QString::fromUtf8(kept),
                                                                            QString::fromUtf8(other))));
    delete[] kept;
    delete[] other;
    return text;
}

namespace {

constexpr qint64 t0 = 1'700'000'000'000;
const QString measureId = u"m1"_s;

void fail(const QString &message)
{
    QTest::qFail(qPrintable(message), __FILE__, __LINE__);
}

/**
 * One replica: its own controllable clock, an editor making changes with
 * readable ids ("<device>:<n>"), and the in-memory state.
 */
struct Replica
{
    Replica(const QString &device, qint64 startMs)
        : now(std::make_shared<qint64>(startMs)),
          clock(device, HlcClock::defaultMaxDriftMs, [n = now] { return *n; }),
          editor(clock, u"author-"_s + device, [this]() -> QString { return clock.device() + u':' + QString::number(++sequence); })
    {
    }
    Q_DISABLE_COPY_MOVE(Replica)

    std::shared_ptr<qint64> now;
    HlcClock clock;
    int sequence = 0;
    LocalEditor editor;
    ReplicaState state;

    const QString &device() const { return clock.device(); }
    void setTime(qint64 ms) { *now = ms; }

    const EntityRecord &record(const QString &id = measureId) const
    {
        static const EntityRecord none;
        const EntityRecord *r = state.entity(id);
        if (!r) {
            fail(u"%1 has no entity %2"_s.arg(device(), id));
            return none;
        }
        return *r;
    }
    const FieldState &field(const QString &name, const QString &id = measureId) const
    {
        static const FieldState none;
        const FieldState *s = record(id).state(name);
        if (!s) {
            fail(u"no field %1"_s.arg(name));
            return none;
        }
        return *s;
    }
    QString value(const QString &name, const QString &id = measureId) const { return field(name, id).value; }

    /** Applies a change made here. */
    Change commit(const Change &change)
    {
        const auto result = state.apply(change);
        if (!result)
            fail(u"%1 rejected its own change: %2 %3"_s.arg(device(), result.errorCode(), result.errorMessage()));
        else if (result.value() != ApplyOutcome::Applied)
            fail(u"%1: own change %2 was a duplicate"_s.arg(device(), change.id));
        return change;
    }
    Change create(const QString &id = measureId, const QString &type = u"measure"_s)
    {
        return commit(editor.create(type, id));
    }
    Change set(const QString &field, const QString &value, const QString &id = measureId)
    {
        return commit(editor.set(record(id), field, value));
    }
    Change remove(const QString &id = measureId) { return commit(editor.remove(record(id))); }
    Change restore(const QString &id = measureId) { return commit(editor.restore(record(id))); }
    Change resolve(const Conflict &conflict, const QString &value)
    {
        return commit(editor.resolve(record(conflict.entityId), conflict, value));
    }

    /** Receives a change from another replica, as sync does: observe its stamp, apply it. */
    ApplyOutcome receive(const Change &change, bool observe = true)
    {
        if (observe)
            clock.observe(change.hlc);
        const auto result = state.apply(change);
        if (!result) {
            fail(u"%1 rejected %2: %3 %4"_s.arg(device(), change.id, result.errorCode(), result.errorMessage()));
            return ApplyOutcome::Duplicate;
        }
        return result.value();
    }
    void receive(const QList<Change> &changes)
    {
        for (const Change &change : changes)
            receive(change);
    }
    /** Receives everything the other replica has (duplicates are no-ops). */
    void pullFrom(const Replica &other) { receive(other.state.log()); }

    QList<Conflict> conflicts() const { return state.conflicts(); }
};

void exchange(Replica &a, Replica &b)
{
    a.pullFrom(b);
    b.pullFrom(a);
}

/** Both replicas hold the same changes and compute the same state. */
bool converged(const Replica &a, const Replica &b)
{
    bool ok = true;
    if (a.state.log().size() != b.state.log().size()) {
        fail(u"%1 has %2 changes, %3 has %4"_s.arg(a.device()).arg(a.state.log().size()).arg(b.device()).arg(b.state.log().size()));
        ok = false;
    }
    if (a.state.stateDigest() != b.state.stateDigest()) {
        fail(u"digests of %1 and %2 differ"_s.arg(a.device(), b.device()));
        ok = false;
    }
    if (a.conflicts() != b.conflicts()) {
        fail(u"conflicts of %1 and %2 differ"_s.arg(a.device(), b.device()));
        ok = false;
    }
    return ok;
}

FieldVersion versionOf(const Change &change)
{
    return FieldVersion::fromChange(change);
}

QStringList ids(const QList<Change> &changes)
{
    QStringList result;
    for (const Change &c : changes)
        result << c.id;
    return result;
}

} // namespace

class TestMergeEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sequentialEdits_data();
    void sequentialEdits();
    void concurrentEdits_data();
    void concurrentEdits();
    void concurrentEqualValues();
    void longText_data();
    void longText();
    void editOfMergedText();
    void concurrentEditsOfMergedText();
    void editsOfMergedTextTouchingMergedWords();
    void orderKeys_data();
    void orderKeys();
    void deleteVsEdit_data();
    void deleteVsEdit();
    void deleteThatSawEdit();
    void restoreKeepsEdit();
    void confirmDelete_data();
    void confirmDelete();
    void concurrentDeleteAndRestore();
    void resolveConflict_data();
    void resolveConflict();
    void ordinaryEditLeavesConflictOpen();
    void concurrentResolutions();
    void childBeforeBase();
    void outOfOrderDelivery_data();
    void outOfOrderDelivery();
    void duplicates();
    void invalidChangeChangesNothing();
    void history();
    void threeHeads_data();
    void threeHeads();
    void conflictIds();
};

// ---------------------------------------------------------------------------
// Last writer wins

void TestMergeEngine::sequentialEdits_data()
{
    QTest::addColumn<qint64>("secondClockOffset");
    QTest::addColumn<bool>("observe");

    QTest::addRow("second editor's clock ahead") << qint64(5000) << true;
    QTest::addRow("second editor's clock behind, stamps observed") << qint64(-5000) << true;
    // The base link decides, not the stamp: even an edit with a smaller stamp supersedes what it was based on.
    QTest::addRow("second editor's clock behind, stamps not observed") << qint64(-5000) << false;
}

void TestMergeEngine::sequentialEdits()
{
    QFETCH(qint64, secondClockOffset);
    QFETCH(bool, observe);

    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0 + secondClockOffset);
    a.create();
    const Change first = a.set(u"title"_s, u"Radweg"_s);
    for (const Change &c : a.state.log())
        b.receive(c, observe);
    const Change second = b.set(u"title"_s, u"Radweg an der B96"_s);
    QCOMPARE(second.base, QStringList { first.id });
    QCOMPARE(second.hlc < first.hlc, !observe);
    exchange(a, b);

    for (const Replica *r : { &a, &b }) {
        QCOMPARE(r->value(u"title"_s), u"Radweg an der B96"_s);
        QCOMPARE(r->field(u"title"_s).heads, QList<FieldVersion> { versionOf(second) });
        QVERIFY(r->field(u"title"_s).pending.isEmpty());
        QVERIFY(r->conflicts().isEmpty());
        QVERIFY(r->record().isLive());
    }
    QVERIFY(converged(a, b));
}

void TestMergeEngine::concurrentEdits_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("original");
    QTest::addColumn<QString>("valueA");
    QTest::addColumn<QString>("valueB");
    QTest::addColumn<qint64>("offsetA");
    QTest::addColumn<qint64>("offsetB");
    QTest::addColumn<bool>("aFirst"); // delivery order at the third replica
    QTest::addColumn<bool>("aWins");

    const QString title = u"title"_s;
    const QString start = u"Start"_s;
    QTest::addRow("title, A later, A delivered first") << title << start << u"Alpha"_s << u"Beta"_s << qint64(20)
                                                       << qint64(10) << true << true;
    QTest::addRow("title, A later, B delivered first") << title << start << u"Alpha"_s << u"Beta"_s << qint64(20)
                                                       << qint64(10) << false << true;
    QTest::addRow("title, B later, A delivered first") << title << start << u"Alpha"_s << u"Beta"_s << qint64(10)
                                                       << qint64(20) << true << false;
    QTest::addRow("title, B later, B delivered first") << title << start << u"Alpha"_s << u"Beta"_s << qint64(10)
                                                       << qint64(20) << false << false;
    QTest::addRow("same millisecond: device id breaks the tie") << title << start << u"Alpha"_s << u"Beta"_s
                                                                << qint64(10) << qint64(10) << true << false;
    QTest::addRow("same millisecond, other delivery order") << title << start << u"Alpha"_s << u"Beta"_s
                                                            << qint64(10) << qint64(10) << false << false;
    QTest::addRow("enum field") << u"status"_s << u"idea"_s << u"planned"_s << u"done"_s << qint64(30) << qint64(10)
                                << false << true;
    QTest::addRow("date field") << u"start_date"_s << u"2026-01-01"_s << u"2026-04-01"_s << u"2026-05-01"_s
                                << qint64(10) << qint64(30) << true << false;
    QTest::addRow("number field") << u"budget"_s << u"10"_s << u"1000"_s << u"2500.5"_s << qint64(30) << qint64(10)
                                  << true << true;
    QTest::addRow("themes field") << u"themes"_s << uR"(["economy"])"_s << uR"(["climate"])"_s << uR"(["youth"])"_s
                                  << qint64(30) << qint64(10) << false << true;
    QTest::addRow("bool field") << u"shared"_s << u"false"_s << u"true"_s << u"false"_s << qint64(30) << qint64(10)
                                << true << true;
    QTest::addRow("value against unset") << title << start << u"Alpha"_s << QString() << qint64(10) << qint64(30)
                                         << true << false;
    QTest::addRow("first writes, no common base") << title << QString() << u"Alpha"_s << u"Beta"_s << qint64(10)
                                                  << qint64(30) << false << false;
}

void TestMergeEngine::concurrentEdits()
{
    QFETCH(QString, field);
    QFETCH(QString, original);
    QFETCH(QString, valueA);
    QFETCH(QString, valueB);
    QFETCH(qint64, offsetA);
    QFETCH(qint64, offsetB);
    QFETCH(bool, aFirst);
    QFETCH(bool, aWins);

    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0);
    Replica c(u"c"_s, t0);
    // "shared" is a plan field; everything else is tested on a measure.
    const QString type = field == u"shared"_s ? u"plan"_s : u"measure"_s;
    c.create(measureId, type);
    const QStringList originalBase = original.isNull() ? QStringList() : QStringList { c.set(field, original).id };
    a.pullFrom(c);
    b.pullFrom(c);

    a.setTime(t0 + offsetA);
    b.setTime(t0 + offsetB);
    const Change changeA = a.set(field, valueA);
    const Change changeB = b.set(field, valueB);
    QCOMPARE(changeA.base, originalBase);
    QCOMPARE(changeB.base, originalBase);
    QCOMPARE(changeA.hlc > changeB.hlc, aWins);

    if (aFirst) {
        c.receive(changeA);
        c.receive(changeB);
    } else {
        c.receive(changeB);
        c.receive(changeA);
    }
    a.receive(changeB);
    b.receive(changeA);

    const Change &winner = aWins ? changeA : changeB;
    const Change &loser = aWins ? changeB : changeA;
    for (const Replica *r : { &a, &b, &c }) {
        const FieldState &state = r->field(field);
        QCOMPARE(state.value, winner.value);
        QCOMPARE(state.value.isNull(), winner.value.isNull());
        QVERIFY(!state.merged);
        QCOMPARE(state.heads, (QList<FieldVersion> { versionOf(loser), versionOf(winner) }));

        const QList<Conflict> conflicts = r->conflicts();
        QCOMPARE(conflicts.size(), 1);
        const Conflict &conflict = conflicts.first();
        QCOMPARE(conflict.kind, Conflict::Kind::ConcurrentEdit);
        QCOMPARE(conflict.entityType, type);
        QCOMPARE(conflict.entityId, measureId);
        QCOMPARE(conflict.field, field);
        QCOMPARE(conflict.kept.changeId, winner.id);
        QCOMPARE(conflict.kept.value, winner.value);
        QCOMPARE(conflict.kept.author, winner.author);
        QCOMPARE(conflict.kept.device, winner.device);
        QCOMPARE(conflict.kept.hlc, winner.hlc);
        QCOMPARE(conflict.other.changeId, loser.id);
        QCOMPARE(conflict.other.value, loser.value);
        QCOMPARE(conflict.other.author, loser.author);
        QCOMPARE(conflict.other.device, loser.device);
        QCOMPARE(conflict.other.hlc, loser.hlc);
        QCOMPARE(conflict.id, MergeEngine::conflictId(measureId, Conflict::Kind::ConcurrentEdit, field, loser.id));
        QCOMPARE(MergeEngine::conflicts(r->record()), conflicts);
    }
    QVERIFY(converged(a, b));
    QVERIFY(converged(a, c));
}

void TestMergeEngine::concurrentEqualValues()
{
    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0 + 5);
    a.create();
    a.set(u"title"_s, u"Alt"_s);
    b.pullFrom(a);
    const Change changeA = a.set(u"title"_s, u"Neu"_s);
    const Change changeB = b.set(u"title"_s, u"Neu"_s);
    exchange(a, b);

    for (const Replica *r : { &a, &b }) {
        QCOMPARE(r->value(u"title"_s), u"Neu"_s);
        QCOMPARE(r->field(u"title"_s).heads.size(), 2);
        QVERIFY(r->conflicts().isEmpty());
    }
    QVERIFY(converged(a, b));

    // The next edit sees both versions: one head again.
    const Change next = a.set(u"title"_s, u"Neuer"_s);
    QCOMPARE(QSet<QString>(next.base.cbegin(), next.base.cend()), (QSet<QString> { changeA.id, changeB.id }));
    exchange(a, b);
    QCOMPARE(b.field(u"title"_s).heads, QList<FieldVersion> { versionOf(next) });
    QVERIFY(converged(a, b));
}

// ---------------------------------------------------------------------------
// Long text

void TestMergeEngine::longText_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("textA"); // A edits later (wins on HLC)
    QTest::addColumn<QString>("textB");
    QTest::addColumn<QString>("merged"); // null: conflict expected

    const QString base = u"Wir bauen einen Radweg.\nDie Kosten tragen Land und Kreis.\nStart ist 2026."_s;
    QTest::addRow("edits in different lines merge")
            << base << u"Wir bauen einen breiten Radweg.\nDie Kosten tragen Land und Kreis.\nStart ist 2026."_s
            << u"Wir bauen einen Radweg.\nDie Kosten tragen Land und Kreis.\nStart ist 2027."_s
            << u"Wir bauen einen breiten Radweg.\nDie Kosten tragen Land und Kreis.\nStart ist 2027."_s;
    QTest::addRow("edits of different words in one line merge")
            << u"alpha beta gamma delta"_s << u"alpha BETA gamma delta"_s << u"alpha beta gamma DELTA"_s
            << u"alpha BETA gamma DELTA"_s;
    QTest::addRow("append and edit at the start merge")
            << base << base + u"\nNeuer Absatz."_s
            << u"Wir planen einen Radweg.\nDie Kosten tragen Land und Kreis.\nStart ist 2026."_s
            << u"Wir planen einen Radweg.\nDie Kosten tragen Land und Kreis.\nStart ist 2026.\nNeuer Absatz."_s;
    QTest::addRow("deletion and unrelated edit merge")
            << base << u"Wir bauen einen Radweg.\nStart ist 2026."_s
            << u"Wir bauen einen Radweg.\nDie Kosten tragen Land und Kreis.\nStart ist bald."_s
            << u"Wir bauen einen Radweg.\nStart ist bald."_s;
    QTest::addRow("same word changed differently conflicts")
            << u"alpha beta gamma"_s << u"alpha BETA gamma"_s << u"alpha Beta gamma"_s << QString();
    QTest::addRow("overlapping line edits conflict")
            << base << u"Wir bauen einen Radweg.\nDie Kosten trägt das Land.\nStart ist 2026."_s
            << u"Wir bauen einen Radweg.\nDie Kosten tragen Kreis und Bund.\nStart ist 2026."_s << QString();
    QTest::addRow("different insertions at the same place conflict")
            << u"alpha gamma"_s << u"alpha beta gamma"_s << u"alpha delta gamma"_s << QString();
    QTest::addRow("clearing against an edit conflicts")
            << u"alpha beta gamma"_s << QString() << u"alpha beta GAMMA"_s << QString();
    QTest::addRow("edit against clearing conflicts")
            << u"alpha beta gamma"_s << u"alpha beta GAMMA"_s << QString() << QString();
}

void TestMergeEngine::longText()
{
    QFETCH(QString, base);
    QFETCH(QString, textA);
    QFETCH(QString, textB);
    QFETCH(QString, merged);

    const QString field = u"description"_s;
    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0);
    a.create();
    a.set(field, base);
    b.pullFrom(a);
    a.setTime(t0 + 20);
    b.setTime(t0 + 10);
    const Change changeA = a.set(field, textA);
    const Change changeB = b.set(field, textB);
    QVERIFY(changeA.hlc > changeB.hlc);
    a.receive(changeB);
    b.receive(changeA);

    for (const Replica *r : { &a, &b }) {
        const FieldState &state = r->field(field);
        QCOMPARE(state.heads, (QList<FieldVersion> { versionOf(changeB), versionOf(changeA) }));
        if (!merged.isNull()) {
            QVERIFY(state.merged);
            QCOMPARE(state.value, merged);
            QVERIFY(r->conflicts().isEmpty());
            QCOMPARE(LocalEditor::editBase(state), state.headIds());
        } else {
            QVERIFY(!state.merged);
            QCOMPARE(state.value, changeA.value);
            const QList<Conflict> conflicts = r->conflicts();
            QCOMPARE(conflicts.size(), 1);
            QCOMPARE(conflicts.first().kind, Conflict::Kind::ConcurrentEdit);
            QCOMPARE(conflicts.first().field, field);
            QCOMPARE(conflicts.first().kept.changeId, changeA.id);
            QCOMPARE(conflicts.first().other.changeId, changeB.id);
            QCOMPARE(LocalEditor::editBase(state), QStringList { changeA.id });
        }
    }
    QVERIFY(converged(a, b));

    // A third replica receiving the same changes in another order computes the same.
    Replica c(u"c"_s, t0);
    QList<Change> log = a.state.log();
    std::reverse(log.begin(), log.end());
    c.receive(log);
    QVERIFY(converged(a, c));
}

void TestMergeEngine::editOfMergedText()
{
    const QString field = u"description"_s;
    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0 + 1);
    a.create();
    a.set(field, u"eins zwei drei vier"_s);
    b.pullFrom(a);
    const Change changeA = a.set(field, u"EINS zwei drei vier"_s);
    const Change changeB = b.set(field, u"eins zwei drei VIER"_s);
    exchange(a, b);
    QVERIFY(a.field(field).merged);
    QCOMPARE(a.value(field), u"EINS zwei drei VIER"_s);

    // An edit of the merged value is based on both heads and leaves a single head.
    const Change edit = b.set(field, u"EINS ZWEI drei VIER"_s);
    QCOMPARE(QSet<QString>(edit.base.cbegin(), edit.base.cend()), (QSet<QString> { changeA.id, changeB.id }));
    exchange(a, b);
    for (const Replica *r : { &a, &b }) {
        const FieldState &state = r->field(field);
        QCOMPARE(state.heads, QList<FieldVersion> { versionOf(edit) });
        QVERIFY(!state.merged);
        QCOMPARE(state.value, u"EINS ZWEI drei VIER"_s);
        QVERIFY(r->conflicts().isEmpty());
    }
    QVERIFY(converged(a, b));
}

void TestMergeEngine::concurrentEditsOfMergedText()
{
    // Both replicas edit the merged value concurrently, in different places:
    // the edits merge again, and the earlier merged edits are not lost.
    const QString field = u"description"_s;
    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0 + 1);
    a.create();
    a.set(field, u"eins zwei drei vier fünf sechs"_s);
    b.pullFrom(a);
    a.set(field, u"EINS zwei drei vier fünf sechs"_s);
    b.set(field, u"eins zwei drei vier fünf SECHS"_s);
    exchange(a, b);
    QCOMPARE(a.value(field), u"EINS zwei drei vier fünf SECHS"_s);

    a.setTime(t0 + 100);
    b.setTime(t0 + 200);
    a.set(field, u"EINS ZWEI drei vier fünf SECHS"_s);
    b.set(field, u"EINS zwei drei vier FÜNF SECHS"_s);
    exchange(a, b);
    for (const Replica *r : { &a, &b }) {
        QVERIFY(r->field(field).merged);
        QCOMPARE(r->value(field), u"EINS ZWEI drei vier FÜNF SECHS"_s);
        QVERIFY(r->conflicts().isEmpty());
    }
    QVERIFY(converged(a, b));
}

void TestMergeEngine::editsOfMergedTextTouchingMergedWords()
{
    // Regression: the base of edits made on a merged text is that merge, not
    // one of its heads; otherwise re-editing a merged word looks like an overlap.
    const QString field = u"description"_s;
    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0 + 1);
    a.create();
    a.set(field, u"eins zwei drei vier fünf sechs"_s);
    b.pullFrom(a);
    a.set(field, u"EINS zwei drei vier fünf sechs"_s);
    b.set(field, u"eins zwei drei vier fünf SECHS"_s);
    exchange(a, b);
    a.setTime(t0 + 100);
    b.setTime(t0 + 200);
    a.set(field, u"EINS1 zwei drei vier fünf SECHS"_s);
    b.set(field, u"EINS zwei drei vier FÜNF SECHS2"_s);
    exchange(a, b);
    for (const Replica *r : { &a, &b }) {
        QVERIFY(r->conflicts().isEmpty());
        QCOMPARE(r->value(field), u"EINS1 zwei drei vier FÜNF SECHS2"_s);
    }
    QVERIFY(converged(a, b));
}

// ---------------------------------------------------------------------------
// Order keys

void TestMergeEngine::orderKeys_data()
{
    QTest::addColumn<qint64>("offsetA");
    QTest::addColumn<qint64>("offsetB");
    QTest::addColumn<bool>("aWins");

    QTest::addRow("A moves later") << qint64(20) << qint64(10) << true;
    QTest::addRow("B moves later") << qint64(10) << qint64(20) << false;
    QTest::addRow("same millisecond: device id breaks the tie") << qint64(10) << qint64(10) << false;
}

void TestMergeEngine::orderKeys()
{
    QFETCH(qint64, offsetA);
    QFETCH(qint64, offsetB);
    QFETCH(bool, aWins);

    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0);
    a.create();
    a.set(u"position"_s, u"V"_s);
    b.pullFrom(a);
    a.setTime(t0 + offsetA);
    b.setTime(t0 + offsetB);
    const Change moveA = a.set(u"position"_s, u"a"_s);
    const Change moveB = b.set(u"position"_s, u"F"_s);
    exchange(a, b);

    const Change &winner = aWins ? moveA : moveB;
    for (const Replica *r : { &a, &b }) {
        QCOMPARE(r->value(u"position"_s), winner.value);
        QVERIFY(r->conflicts().isEmpty());
        QCOMPARE(r->field(u"position"_s).heads.size(), 2); // the loser stays, in the history
    }
    QVERIFY(converged(a, b));

    // The next move is based on the visible position only, and the silent loser does not come back.
    Replica &mover = aWins ? b : a;
    const Change next = mover.set(u"position"_s, u"Z"_s);
    QCOMPARE(next.base, QStringList { winner.id });
    exchange(a, b);
    QCOMPARE(a.value(u"position"_s), u"Z"_s);
    QVERIFY(a.conflicts().isEmpty());
    QVERIFY(converged(a, b));
}

// ---------------------------------------------------------------------------
// Delete and restore

void TestMergeEngine::deleteVsEdit_data()
{
    QTest::addColumn<qint64>("offsetDelete");
    QTest::addColumn<qint64>("offsetEdit");
    QTest::addColumn<bool>("deleteFirst"); // delivery order at the third replica

    QTest::addRow("delete later, delete delivered first") << qint64(20) << qint64(10) << true;
    QTest::addRow("delete later, edit delivered first") << qint64(20) << qint64(10) << false;
    QTest::addRow("edit later, delete delivered first") << qint64(10) << qint64(20) << true;
    QTest::addRow("edit later, edit delivered first") << qint64(10) << qint64(20) << false;
}

void TestMergeEngine::deleteVsEdit()
{
    QFETCH(qint64, offsetDelete);
    QFETCH(qint64, offsetEdit);
    QFETCH(bool, deleteFirst);

    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0);
    Replica c(u"c"_s, t0);
    c.create();
    const Change title = c.set(u"title"_s, u"Radweg"_s);
    const Change status = c.set(u"status"_s, u"planned"_s);
    a.pullFrom(c);
    b.pullFrom(c);

    a.setTime(t0 + offsetDelete);
    b.setTime(t0 + offsetEdit);
    const Change deletion = a.remove();
    QCOMPARE(QSet<QString>(deletion.seen.cbegin(), deletion.seen.cend()), (QSet<QString> { title.id, status.id }));
    const Change edit = b.set(u"title"_s, u"Radweg an der B96"_s);
    if (deleteFirst) {
        c.receive(deletion);
        c.receive(edit);
    } else {
        c.receive(edit);
        c.receive(deletion);
    }
    a.receive(edit);
    b.receive(deletion);

    for (const Replica *r : { &a, &b, &c }) {
        QVERIFY(r->record().isDeleted());
        QVERIFY(!r->record().isLive());
        QVERIFY(r->record().exists());
        QCOMPARE(r->value(u"title"_s), edit.value); // the edit is kept, for the conflict
        const QList<Conflict> conflicts = r->conflicts();
        QCOMPARE(conflicts.size(), 1);
        const Conflict &conflict = conflicts.first();
        QCOMPARE(conflict.kind, Conflict::Kind::EditVsDelete);
        QCOMPARE(conflict.field, u"title"_s);
        QCOMPARE(conflict.kept.changeId, deletion.id);
        QCOMPARE(conflict.kept.value, Change::deleted);
        QCOMPARE(conflict.kept.author, u"author-a"_s);
        QCOMPARE(conflict.other.changeId, edit.id);
        QCOMPARE(conflict.other.value, edit.value);
        QCOMPARE(conflict.other.author, u"author-b"_s);
        QCOMPARE(conflict.other.device, u"b"_s);
        QCOMPARE(conflict.other.hlc, edit.hlc);
    }
    QVERIFY(converged(a, b));
    QVERIFY(converged(a, c));
}

void TestMergeEngine::deleteThatSawEdit()
{
    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0 + 10);
    a.create();
    a.set(u"title"_s, u"Radweg"_s);
    b.pullFrom(a);
    const Change edit = b.set(u"title"_s, u"Radweg an der B96"_s);
    a.pullFrom(b);
    const Change deletion = a.remove();
    QVERIFY(deletion.seen.contains(edit.id));
    exchange(a, b);

    for (const Replica *r : { &a, &b }) {
        QVERIFY(r->record().isDeleted());
        QVERIFY(r->conflicts().isEmpty());
    }
    QVERIFY(converged(a, b));
}

void TestMergeEngine::restoreKeepsEdit()
{
    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0 + 10);
    a.create();
    a.set(u"title"_s, u"Radweg"_s);
    b.pullFrom(a);
    const Change deletion = a.remove();
    const Change edit = b.set(u"title"_s, u"Radweg an der B96"_s);
    exchange(a, b);
    QCOMPARE(a.conflicts().size(), 1);

    // Plain restore, by the replica that deleted.
    const Change restore = a.restore();
    QCOMPARE(restore.op, Change::Op::Restore);
    QCOMPARE(restore.base, QStringList { deletion.id });
    exchange(a, b);
    for (const Replica *r : { &a, &b }) {
        QVERIFY(r->record().isLive());
        QCOMPARE(r->value(u"title"_s), edit.value);
        QVERIFY(r->conflicts().isEmpty());
        QCOMPARE(r->record().lifecycle.heads, QList<FieldVersion> { versionOf(restore) });
    }
    QVERIFY(converged(a, b));

    // Resolving the edit-vs-delete conflict with the edit's value also restores.
    Replica c(u"c"_s, t0);
    Replica d(u"d"_s, t0 + 10);
    c.create();
    c.set(u"title"_s, u"Radweg"_s);
    d.pullFrom(c);
    c.remove();
    const Change edit2 = d.set(u"title"_s, u"Fußweg"_s);
    exchange(c, d);
    const QList<Conflict> conflicts = d.conflicts();
    QCOMPARE(conflicts.size(), 1);
    const Change resolution = d.resolve(conflicts.first(), edit2.value);
    QCOMPARE(resolution.op, Change::Op::Restore);
    exchange(c, d);
    for (const Replica *r : { &c, &d }) {
        QVERIFY(r->record().isLive());
        QCOMPARE(r->value(u"title"_s), u"Fußweg"_s);
        QVERIFY(r->conflicts().isEmpty());
    }
    QVERIFY(converged(c, d));
}

void TestMergeEngine::confirmDelete_data()
{
    QTest::addColumn<bool>("byDeleter");

    QTest::addRow("confirmed by the replica that deleted") << true;
    QTest::addRow("confirmed by the replica that edited") << false;
}

void TestMergeEngine::confirmDelete()
{
    QFETCH(bool, byDeleter);

    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0 + 10);
    a.create();
    a.set(u"title"_s, u"Radweg"_s);
    b.pullFrom(a);
    const Change deletion = a.remove();
    const Change edit = b.set(u"title"_s, u"Radweg an der B96"_s);
    const Change budget = b.set(u"budget"_s, u"5000"_s);
    exchange(a, b);
    QCOMPARE(a.conflicts().size(), 2); // title and budget
    QCOMPARE(a.conflicts(), b.conflicts());

    Replica &resolver = byDeleter ? a : b;
    const Conflict conflict = resolver.conflicts().first();
    const Change confirmation = resolver.resolve(conflict, Change::deleted);
    QCOMPARE(confirmation.op, Change::Op::Delete);
    QCOMPARE(confirmation.base, QStringList { deletion.id });
    QVERIFY(confirmation.seen.contains(edit.id));
    QVERIFY(confirmation.seen.contains(budget.id));
    exchange(a, b);

    for (const Replica *r : { &a, &b }) {
        QVERIFY(r->record().isDeleted());
        QVERIFY(r->conflicts().isEmpty()); // one confirmation settles every edit the delete had not seen
        QCOMPARE(r->record().lifecycle.heads, QList<FieldVersion> { versionOf(confirmation) });
    }
    QVERIFY(converged(a, b));
}

void TestMergeEngine::concurrentDeleteAndRestore()
{
    // After a delete, one replica restores while another confirms: the
    // lifecycle register has two heads and the HLC winner decides; it is a
    // conflict of its own.
    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0);
    a.create();
    a.set(u"title"_s, u"Radweg"_s);
    a.remove();
    b.pullFrom(a);
    a.setTime(t0 + 10);
    b.setTime(t0 + 20);
    const Change again = a.remove();
    const Change restore = b.restore();
    exchange(a, b);
    for (const Replica *r : { &a, &b }) {
        QVERIFY(r->record().isLive());
        QCOMPARE(r->record().lifecycle.heads.size(), 2);
        const QList<Conflict> conflicts = r->conflicts();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().field, Change::stateField);
        QCOMPARE(conflicts.first().kept.changeId, restore.id);
        QCOMPARE(conflicts.first().other.changeId, again.id);
    }
    QVERIFY(converged(a, b));

    // Settled by confirming the delete.
    a.resolve(a.conflicts().first(), Change::deleted);
    exchange(a, b);
    QVERIFY(b.record().isDeleted());
    QVERIFY(b.conflicts().isEmpty());
    QVERIFY(converged(a, b));
}

// ---------------------------------------------------------------------------
// Resolving conflicts

void TestMergeEngine::resolveConflict_data()
{
    QTest::addColumn<QString>("choice"); // "winner", "loser" or a new value
    QTest::addColumn<bool>("byWinner");

    QTest::addRow("keep the winner's value, resolved by the winner") << u"winner"_s << true;
    QTest::addRow("keep the winner's value, resolved by the loser") << u"winner"_s << false;
    QTest::addRow("take the other value, resolved by the winner") << u"loser"_s << true;
    QTest::addRow("take the other value, resolved by the loser") << u"loser"_s << false;
    QTest::addRow("write a new value") << u"Gamma"_s << false;
    QTest::addRow("unset the field") << QString() << true;
}

void TestMergeEngine::resolveConflict()
{
    QFETCH(QString, choice);
    QFETCH(bool, byWinner);

    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0);
    a.create();
    a.set(u"title"_s, u"Start"_s);
    b.pullFrom(a);
    a.setTime(t0 + 20);
    b.setTime(t0 + 10);
    const Change winner = a.set(u"title"_s, u"Alpha"_s);
    const Change loser = b.set(u"title"_s, u"Beta"_s);
    exchange(a, b);
    QCOMPARE(a.conflicts().size(), 1);

    const QString value = choice == u"winner"_s ? winner.value : choice == u"loser"_s ? loser.value : choice;
    Replica &resolver = byWinner ? a : b;
    const Change resolution = resolver.resolve(resolver.conflicts().first(), value);
    QCOMPARE(resolution.op, Change::Op::Set);
    QCOMPARE(resolution.field, u"title"_s);
    QCOMPARE(QSet<QString>(resolution.base.cbegin(), resolution.base.cend()), (QSet<QString> { winner.id, loser.id }));
    QVERIFY(resolver.conflicts().isEmpty());
    exchange(a, b);

    for (const Replica *r : { &a, &b }) {
        QCOMPARE(r->value(u"title"_s), value);
        QCOMPARE(r->value(u"title"_s).isNull(), value.isNull());
        QCOMPARE(r->field(u"title"_s).heads, QList<FieldVersion> { versionOf(resolution) });
        QVERIFY(r->conflicts().isEmpty());
    }
    QVERIFY(converged(a, b));
}

void TestMergeEngine::ordinaryEditLeavesConflictOpen()
{
    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0);
    a.create();
    b.pullFrom(a);
    a.setTime(t0 + 20);
    b.setTime(t0 + 10);
    const Change winner = a.set(u"title"_s, u"Alpha"_s);
    const Change loser = b.set(u"title"_s, u"Beta"_s);
    exchange(a, b);

    // An edit is based on the value shown (the winner), not on the losing version.
    const Change edit = b.set(u"title"_s, u"Alpha 2"_s);
    QCOMPARE(edit.base, QStringList { winner.id });
    exchange(a, b);
    for (const Replica *r : { &a, &b }) {
        QCOMPARE(r->value(u"title"_s), u"Alpha 2"_s);
        const QList<Conflict> conflicts = r->conflicts();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts.first().kept.changeId, edit.id);
        QCOMPARE(conflicts.first().other.changeId, loser.id);
    }
    QVERIFY(converged(a, b));
}

void TestMergeEngine::concurrentResolutions()
{
    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0);
    a.create();
    b.pullFrom(a);
    a.setTime(t0 + 20);
    b.setTime(t0 + 10);
    a.set(u"title"_s, u"Alpha"_s);
    b.set(u"title"_s, u"Beta"_s);
    exchange(a, b);
    const Conflict original = a.conflicts().first();

    a.setTime(t0 + 100);
    b.setTime(t0 + 200);
    a.resolve(a.conflicts().first(), u"Alpha"_s);
    const Change resolutionB = b.resolve(b.conflicts().first(), u"Beta"_s);
    exchange(a, b);

    QVERIFY(converged(a, b));
    QCOMPARE(a.value(u"title"_s), resolutionB.value); // the later resolution wins
    QCOMPARE(b.value(u"title"_s), resolutionB.value);
    // The original conflict is settled; the two resolutions may conflict with each other.
    for (const Conflict &c : a.conflicts())
        QVERIFY(c.id != original.id);
    QVERIFY(a.conflicts().size() <= 1);
}

// ---------------------------------------------------------------------------
// Delivery order and duplicates

void TestMergeEngine::childBeforeBase()
{
    Replica a(u"a"_s, t0);
    const Change create = a.create();
    const Change v1 = a.set(u"title"_s, u"v1"_s);
    const Change v2 = a.set(u"title"_s, u"v2"_s);
    const Change v3 = a.set(u"title"_s, u"v3"_s);

    Replica inOrder(u"x"_s, t0);
    inOrder.pullFrom(a);

    Replica b(u"b"_s, t0);
    QCOMPARE(b.receive(v3), ApplyOutcome::Applied);
    QCOMPARE(b.field(u"title"_s).pending, QStringList { v2.id }); // waiting for its base
    QCOMPARE(b.value(u"title"_s), u"v3"_s);
    QVERIFY(!b.record().exists()); // the create has not arrived
    QCOMPARE(b.receive(v1), ApplyOutcome::Applied);
    QCOMPARE(b.receive(create), ApplyOutcome::Applied);
    QCOMPARE(b.receive(v2), ApplyOutcome::Applied);
    QVERIFY(b.field(u"title"_s).pending.isEmpty());
    QCOMPARE(b.field(u"title"_s).heads, QList<FieldVersion> { versionOf(v3) });
    QCOMPARE(b.value(u"title"_s), u"v3"_s);
    QVERIFY(b.record().isLive());
    QVERIFY(b.conflicts().isEmpty());
    QCOMPARE(b.state.stateDigest(), inOrder.state.stateDigest());
}

void TestMergeEngine::outOfOrderDelivery_data()
{
    QTest::addColumn<int>("ordering"); // -1: reversed, otherwise a shuffle seed

    QTest::addRow("reversed") << -1;
    for (int seed = 1; seed <= 12; ++seed)
        QTest::addRow("shuffled, seed %d", seed) << seed;
}

void TestMergeEngine::outOfOrderDelivery()
{
    QFETCH(int, ordering);

    // A history with sequential edits, a concurrent conflict, a text merge, a
    // resolution, a position race and a delete-vs-edit on a second entity.
    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0 + 7);
    a.create();
    a.set(u"title"_s, u"Eins"_s);
    a.set(u"description"_s, u"alpha beta gamma delta"_s);
    a.create(u"g1"_s, u"goal"_s);
    a.set(u"title"_s, u"Ziel"_s, u"g1"_s);
    b.pullFrom(a);
    a.set(u"title"_s, u"Zwei"_s);
    b.set(u"title"_s, u"Drei"_s);
    a.set(u"description"_s, u"alpha BETA gamma delta"_s);
    b.set(u"description"_s, u"alpha beta gamma DELTA"_s);
    a.set(u"position"_s, u"a"_s);
    b.set(u"position"_s, u"b"_s);
    a.remove(u"g1"_s);
    b.set(u"title"_s, u"Ziel 2"_s, u"g1"_s);
    exchange(a, b);
    b.resolve(b.conflicts().first(), u"Vier"_s);
    a.set(u"description"_s, u"alpha BETA gamma DELTA epsilon"_s);
    a.pullFrom(b);
    QVERIFY(!QTest::currentTestFailed());

    QList<Change> changes = a.state.log();
    if (ordering < 0) {
        std::reverse(changes.begin(), changes.end());
    } else {
        QRandomGenerator random { quint32(ordering) };
        std::shuffle(changes.begin(), changes.end(), random);
    }
    Replica c(u"c"_s, t0);
    c.receive(changes);

    QCOMPARE(c.state.stateDigest(), a.state.stateDigest());
    QCOMPARE(c.conflicts(), a.conflicts());
    QCOMPARE(c.value(u"description"_s), u"alpha BETA gamma DELTA epsilon"_s);
    for (const EntityRecord *record : c.state.entities()) {
        QCOMPARE(*record, *a.state.entity(record->id));
        QVERIFY(record->lifecycle.pending.isEmpty());
        for (const FieldState &f : record->fields)
            QVERIFY(f.pending.isEmpty());
    }
}

void TestMergeEngine::duplicates()
{
    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0 + 3);
    a.create();
    a.set(u"title"_s, u"Eins"_s);
    b.pullFrom(a);
    a.set(u"title"_s, u"Zwei"_s);
    b.set(u"title"_s, u"Drei"_s);
    b.remove();
    exchange(a, b);

    const QByteArray digest = a.state.stateDigest();
    const qsizetype logSize = a.state.log().size();
    const QList<Change> log = a.state.log();
    for (const Change &change : log) {
        const auto outcome = a.state.apply(change);
        QVERIFY(outcome.isOk());
        QCOMPARE(outcome.value(), ApplyOutcome::Duplicate);
    }
    // The same id with other content is a duplicate too: a change is immutable.
    Change altered = log.last();
    altered.hlc.wallMs += 1000;
    const auto outcome = a.state.apply(altered);
    QVERIFY(outcome.isOk());
    QCOMPARE(outcome.value(), ApplyOutcome::Duplicate);

    QCOMPARE(a.state.stateDigest(), digest);
    QCOMPARE(a.state.log().size(), logSize);
    QCOMPARE(a.state.log(), log);
    QVERIFY(converged(a, b));
}

void TestMergeEngine::invalidChangeChangesNothing()
{
    Replica a(u"a"_s, t0);
    a.create();
    a.set(u"title"_s, u"Eins"_s);
    const QByteArray digest = a.state.stateDigest();

    Change bad = a.editor.set(a.record(), u"status"_s, u"finished"_s);
    const auto result = a.state.apply(bad);
    QVERIFY(!result.isOk());
    QCOMPARE(result.errorCode(), u"invalid_value"_s);
    QVERIFY(!a.state.hasChange(bad.id));

    Change wrongType = a.editor.set(a.record(), u"title"_s, u"x"_s);
    wrongType.entityType = u"goal"_s;
    const auto mismatch = a.state.apply(wrongType);
    QVERIFY(!mismatch.isOk());
    QVERIFY(!a.state.hasChange(wrongType.id));

    QCOMPARE(a.state.stateDigest(), digest);
    QCOMPARE(a.state.log().size(), 2);
}

// ---------------------------------------------------------------------------
// History

void TestMergeEngine::history()
{
    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0 + 5);
    const Change create = a.create();
    const Change title = a.set(u"title"_s, u"Eins"_s);
    a.create(u"other"_s);
    a.set(u"title"_s, u"Anderes"_s, u"other"_s);
    b.pullFrom(a);
    const Change status = b.set(u"status"_s, u"done"_s);
    const Change deletion = b.remove();
    a.pullFrom(b);

    const QList<Change> expected { create, title, status, deletion };
    for (const Replica *r : { &a, &b }) {
        const QList<Change> history = r->state.history(measureId);
        QCOMPARE(ids(history), ids(expected));
        for (qsizetype i = 0; i < history.size(); ++i) {
            QCOMPARE(history[i], expected[i]);
            QCOMPARE(history[i].author, expected[i].author);
            QCOMPARE(history[i].device, expected[i].device);
            QCOMPARE(history[i].hlc, expected[i].hlc);
        }
        QCOMPARE(r->state.history(u"other"_s).size(), 2);
        QVERIFY(r->state.history(u"unknown"_s).isEmpty());
    }
    QCOMPARE(a.state.history(measureId)[2].author, u"author-b"_s);
    QCOMPARE(a.state.history(measureId)[2].device, u"b"_s);
    QCOMPARE(a.state.history(measureId)[0].author, u"author-a"_s);

    // History lists the order received: a replica receiving in reverse sees it reversed.
    Replica c(u"c"_s, t0);
    QList<Change> log = a.state.history(measureId);
    std::reverse(log.begin(), log.end());
    c.receive(log);
    QCOMPARE(c.state.history(measureId), log);
}

// ---------------------------------------------------------------------------
// Three concurrent writers

void TestMergeEngine::threeHeads_data()
{
    QTest::addColumn<QList<qint64>>("offsets"); // of a, b, c
    QTest::addColumn<int>("winner");

    QTest::addRow("c latest") << QList<qint64> { 10, 20, 30 } << 2;
    QTest::addRow("a latest") << QList<qint64> { 30, 20, 10 } << 0;
    QTest::addRow("b latest") << QList<qint64> { 10, 30, 20 } << 1;
    QTest::addRow("all in one millisecond: greatest device id") << QList<qint64> { 10, 10, 10 } << 2;
}

void TestMergeEngine::threeHeads()
{
    QFETCH(QList<qint64>, offsets);
    QFETCH(int, winner);

    Replica a(u"a"_s, t0);
    Replica b(u"b"_s, t0);
    Replica c(u"c"_s, t0);
    a.create();
    b.pullFrom(a);
    c.pullFrom(a);
    Replica *replicas[] = { &a, &b, &c };
    QList<Change> edits;
    const QStringList values { u"Alpha"_s, u"Beta"_s, u"Gamma"_s };
    for (int i = 0; i < 3; ++i) {
        replicas[i]->setTime(t0 + offsets[i]);
        edits << replicas[i]->set(u"title"_s, values[i]);
    }
    exchange(a, b);
    exchange(b, c);
    exchange(a, c);

    const Change &won = edits[winner];
    for (const Replica *r : replicas) {
        QCOMPARE(r->value(u"title"_s), won.value);
        QCOMPARE(r->field(u"title"_s).heads.size(), 3);
        QCOMPARE(r->field(u"title"_s).heads.last(), versionOf(won));
        const QList<Conflict> conflicts = r->conflicts();
        QCOMPARE(conflicts.size(), 2);
        QSet<QString> others;
        for (const Conflict &conflict : conflicts) {
            QCOMPARE(conflict.kept, versionOf(won));
            others.insert(conflict.other.changeId);
        }
        QSet<QString> losers;
        for (int i = 0; i < 3; ++i) {
            if (i != winner)
                losers.insert(edits[i].id);
        }
        QCOMPARE(others, losers);
    }
    QVERIFY(converged(a, b));
    QVERIFY(converged(a, c));

    // One resolution settles both conflicts.
    const Change resolution = b.resolve(b.conflicts().first(), u"Delta"_s);
    QCOMPARE(resolution.base.size(), 3);
    exchange(a, b);
    exchange(b, c);
    for (const Replica *r : replicas) {
        QCOMPARE(r->value(u"title"_s), u"Delta"_s);
        QVERIFY(r->conflicts().isEmpty());
    }
    QVERIFY(converged(a, c));
}

void TestMergeEngine::conflictIds()
{
    const QString id = MergeEngine::conflictId(u"m1"_s, Conflict::Kind::ConcurrentEdit, u"title"_s, u"a:1"_s);
    QCOMPARE(id.size(), 16);
    QCOMPARE(MergeEngine::conflictId(u"m1"_s, Conflict::Kind::ConcurrentEdit, u"title"_s, u"a:1"_s), id);
    QVERIFY(MergeEngine::conflictId(u"m2"_s, Conflict::Kind::ConcurrentEdit, u"title"_s, u"a:1"_s) != id);
    QVERIFY(MergeEngine::conflictId(u"m1"_s, Conflict::Kind::EditVsDelete, u"title"_s, u"a:1"_s) != id);
    QVERIFY(MergeEngine::conflictId(u"m1"_s, Conflict::Kind::ConcurrentEdit, u"status"_s, u"a:1"_s) != id);
    QVERIFY(MergeEngine::conflictId(u"m1"_s, Conflict::Kind::ConcurrentEdit, u"title"_s, u"a:2"_s) != id);
    QCOMPARE(Conflict::kindName(Conflict::Kind::ConcurrentEdit), u"concurrent_edit"_s);
    QCOMPARE(Conflict::kindName(Conflict::Kind::EditVsDelete), u"edit_vs_delete"_s);
}

QTEST_GUILESS_MAIN(TestMergeEngine)
#include "tst_mergeengine.moc"
