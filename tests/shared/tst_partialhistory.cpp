// SPDX-License-Identifier: GPL-3.0-or-later
// When a replica that took an entity by compact first sync (heads, no history) may apply an arriving
// change from what it holds, and when it must fetch the history first (PartialHistory::toComplete).
// Each case is built as a server would: a replica with every history makes the changes, and the
// compact one holds what the first sync would have given it at that point.

#include "sync/localeditor.h"
#include "sync/partialhistory.h"
#include "sync/replicastate.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

/** The replica with every history (as the server) and the editors of two laptops writing to it. */
class Scene
{
public:
    Scene()
        : m_clock(u"dev-a"_s, HlcClock::defaultMaxDriftMs, [this] { return m_time += 1000; }),
          m_otherClock(u"dev-b"_s, HlcClock::defaultMaxDriftMs, [this] { return m_time += 1000; }),
          m_editor(m_clock, u"anna"_s, [this] { return u"a-%1"_s.arg(++m_ids); }),
          m_other(m_otherClock, u"bernd"_s, [this] { return u"b-%1"_s.arg(++m_ids); })
    {
    }

    /** Makes and applies a change on the full replica. */
    Change commit(Change change)
    {
        if (!m_full.apply(change))
            qFatal("cannot apply %s", qPrintable(change.id));
        return change;
    }
    const EntityRecord &record() const { return *m_full.entity(u"m-1"_s); }
    Change create() { return commit(m_editor.create(u"measure"_s, u"m-1"_s)); }
    Change set(const QString &field, const QString &value, bool other = false)
    {
        return commit((other ? m_other : m_editor).set(record(), field, value));
    }
    /** A change made on the record as it is now, not applied to the full replica (it arrives later). */
    Change setAside(const QString &field, const QString &value, bool other = false)
    {
        return (other ? m_other : m_editor).set(record(), field, value);
    }

    /** What a compact first sync gives now: the record, its heads as held changes, and the history's length. */
    PartialHistory::PartialEntity compactNow(bool tellLength = true) const
    {
        PartialHistory::PartialEntity entity { record(), {}, -1 };
        for (const Change &head : PartialHistory::headChanges(record()))
            entity.held.insert(head.id, PartialHistory::heldChange(head, true));
        if (tellLength)
            entity.historyLength = m_full.history(u"m-1"_s).size();
        return entity;
    }

private:
    qint64 m_time = 1'764'000'000'000;
    int m_ids = 0;
    HlcClock m_clock;
    HlcClock m_otherClock;
    LocalEditor m_editor;
    LocalEditor m_other;
    ReplicaState m_full;
};

bool needsHistory(const QList<Change> &arriving, const PartialHistory::PartialEntity &entity)
{
    return PartialHistory::toComplete(arriving, { { entity.record.id, entity } }) == QStringList { entity.record.id };
}

} // namespace

class TestPartialHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editOnTheHeadNeedsNothing();
    void concurrentTextEditsOnOneHeadMergeFromWhatIsHeld();
    void concurrentTextEditsNeedTheHistory_data();
    void concurrentTextEditsNeedTheHistory();
    void concurrentEditsOfOtherFieldsNeedNothing();
    void changeBasedOnAVersionNotHeldNeedsTheHistory();
};

void TestPartialHistory::editOnTheHeadNeedsNothing()
{
    Scene scene;
    scene.create();
    scene.set(u"description"_s, u"Ein Bus fährt am Markt vorbei"_s);
    const auto compact = scene.compactNow(false);
    QVERIFY(!needsHistory({ scene.set(u"description"_s, u"Ein Bus fährt täglich am Markt vorbei"_s),
                            scene.set(u"description"_s, u"Ein Kleinbus fährt täglich am Markt vorbei"_s) },
                          compact));
}

void TestPartialHistory::concurrentTextEditsOnOneHeadMergeFromWhatIsHeld()
{
    // Two laptops edit the text the first sync brought as its one head: its nearest common ancestor is that
    // head, held here, so the three-way merge is the same as with the whole history.
    Scene scene;
    scene.create();
    scene.set(u"description"_s, u"Ein Bus fährt am Markt vorbei"_s);
    scene.set(u"description"_s, u"Ein Bus fährt täglich am Markt vorbei"_s);
    const auto compact = scene.compactNow();
    const Change mine = scene.setAside(u"description"_s, u"Ein Kleinbus fährt täglich am Markt vorbei"_s);
    const Change theirs = scene.setAside(u"description"_s, u"Ein Bus fährt täglich langsam am Markt vorbei"_s, true);
    QVERIFY(!needsHistory({ mine, theirs }, compact));
    QVERIFY(!needsHistory({ theirs, mine }, compact));
}

void TestPartialHistory::concurrentTextEditsNeedTheHistory_data()
{
    QTest::addColumn<bool>("lengthTold");
    QTest::addColumn<bool>("longHistory");
    QTest::addColumn<bool>("twoHeads");
    // The server did not say how long the history is (an older server): the cost of the search is unknown.
    QTest::newRow("length not told") << false << false << false;
    // So long that a replica with the whole history might give up the search (and keep a conflict).
    QTest::newRow("history beyond the search budget") << true << true << false;
    // The field had two heads at the first sync: the versions not held may hold the nearest common ancestor.
    QTest::newRow("two heads at the first sync") << true << false << true;
}

void TestPartialHistory::concurrentTextEditsNeedTheHistory()
{
    QFETCH(bool, lengthTold);
    QFETCH(bool, longHistory);
    QFETCH(bool, twoHeads);
    Scene scene;
    scene.create();
    scene.set(u"title"_s, u"Bürgerbus"_s);
    scene.set(u"description"_s, u"Ein Bus fährt am Markt vorbei"_s);
    if (twoHeads) {
        const Change a = scene.setAside(u"description"_s, u"Ein Kleinbus fährt am Markt vorbei"_s);
        const Change b = scene.setAside(u"description"_s, u"Ein Bus fährt täglich am Markt vorbei"_s, true);
        scene.commit(a);
        scene.commit(b);
        QCOMPARE(scene.record().state(u"description"_s)->heads.size(), 2);
    }
    auto compact = scene.compactNow(lengthTold);
    // Two walks each charged the whole history: just over the budget (told, not made: 10,000 edits take long).
    if (longHistory)
        compact.historyLength = MergeEngine::maxAncestorVisits / 2 + 1;
    else if (lengthTold)
        QVERIFY(!needsHistory({ scene.setAside(u"description"_s, u"Ein Bus"_s) }, compact)); // on the head: fine
    const Change mine = scene.setAside(u"description"_s, u"Ein Linienbus fährt am Markt vorbei"_s);
    const Change theirs = scene.setAside(u"description"_s, u"Ein Bus fährt langsam am Markt vorbei"_s, true);
    QVERIFY(needsHistory({ mine, theirs }, compact));
}

void TestPartialHistory::concurrentEditsOfOtherFieldsNeedNothing()
{
    // A title or a status merges by heads and base alone: kept as a conflict, whatever the history.
    Scene scene;
    scene.create();
    scene.set(u"title"_s, u"Bürgerbus"_s);
    scene.set(u"status"_s, u"planned"_s);
    const auto compact = scene.compactNow(false);
    QVERIFY(!needsHistory({ scene.setAside(u"title"_s, u"Rufbus"_s), scene.setAside(u"title"_s, u"Kleinbus"_s, true),
                            scene.setAside(u"status"_s, u"done"_s), scene.setAside(u"status"_s, u"idea"_s, true) },
                          compact));
}

void TestPartialHistory::changeBasedOnAVersionNotHeldNeedsTheHistory()
{
    // A change made offline on a version older than the head the first sync brought: the replica does not
    // hold its base and cannot tell how it relates to the head.
    Scene scene;
    scene.create();
    scene.set(u"title"_s, u"Bürgerbus"_s);
    const Change late = scene.setAside(u"title"_s, u"Rufbus"_s, true);
    scene.set(u"title"_s, u"Kleinbus"_s);
    QVERIFY(needsHistory({ late }, scene.compactNow()));
    // And one with no base at all likewise.
    Change again = late;
    again.base.clear();
    QVERIFY(needsHistory({ again }, scene.compactNow()));
}

QTEST_GUILESS_MAIN(TestPartialHistory)
#include "tst_partialhistory.moc"
