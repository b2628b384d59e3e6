// SPDX-License-Identifier: GPL-3.0-or-later
// SyncTone over a real SyncStatus: the tone of every state, with and without pending work and conflicts.
#include "synctone.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace Qt::Literals::StringLiterals;

class TestSyncTone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutStatusIsLocal()
    {
        SyncTone tone;
        QCOMPARE(tone.tone(), u"local"_s);
        QCOMPARE(tone.stateTone(), u"offline"_s);
        QVERIFY(!tone.showsError());
        QVERIFY(!tone.signInExpired());
    }

    void toneOfEachState_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("pending");
        QTest::addColumn<int>("conflicts");
        QTest::addColumn<QString>("tone");
        QTest::addColumn<QString>("stateTone");
        QTest::newRow("local") << int(SyncStatus::LocalOnly) << 0 << 0 << u"local"_s << u"offline"_s;
        QTest::newRow("local, pending") << int(SyncStatus::LocalOnly) << 3 << 0 << u"local"_s << u"offline"_s;
        QTest::newRow("online") << int(SyncStatus::Online) << 0 << 0 << u"online"_s << u"online"_s;
        // Online with work unconfirmed shows as syncing (SyncStatus), and the work is pending.
        QTest::newRow("online, pending") << int(SyncStatus::Online) << 2 << 0 << u"pending"_s << u"syncing"_s;
        QTest::newRow("online, conflict") << int(SyncStatus::Online) << 0 << 1 << u"conflict"_s << u"online"_s;
        QTest::newRow("syncing") << int(SyncStatus::Syncing) << 0 << 0 << u"syncing"_s << u"syncing"_s;
        QTest::newRow("syncing, pending") << int(SyncStatus::Syncing) << 1 << 0 << u"pending"_s << u"syncing"_s;
        QTest::newRow("offline") << int(SyncStatus::Offline) << 0 << 0 << u"offline"_s << u"offline"_s;
        QTest::newRow("offline, pending") << int(SyncStatus::Offline) << 4 << 0 << u"pending"_s << u"offline"_s;
        QTest::newRow("error") << int(SyncStatus::Error) << 0 << 0 << u"error"_s << u"error"_s;
        QTest::newRow("error, pending") << int(SyncStatus::Error) << 5 << 2 << u"error"_s << u"error"_s;
    }

    void toneOfEachState()
    {
        QFETCH(int, state);
        QFETCH(int, pending);
        QFETCH(int, conflicts);
        SyncStatus status;
        status.setPendingChanges(pending);
        status.setOpenConflicts(conflicts);
        status.setState(SyncStatus::State(state));
        SyncTone tone;
        tone.setStatus(&status);
        QTEST(tone.tone(), "tone");
        QTEST(tone.stateTone(), "stateTone");
    }

    void offlineByChoiceKeepsPendingWorkVisible()
    {
        SyncStatus status;
        status.setState(SyncStatus::Online);
        status.setOfflineByChoice(true);
        SyncTone tone;
        tone.setStatus(&status);
        QCOMPARE(tone.tone(), u"offline"_s);
        QCOMPARE(tone.stateTone(), u"offline"_s);
        status.setPendingChanges(1);
        QCOMPARE(tone.tone(), u"pending"_s);
    }

    void errorCodesWorthAWord()
    {
        SyncStatus status;
        SyncTone tone;
        tone.setStatus(&status);
        QVERIFY(!tone.showsError());
        status.setError(u"no_server"_s, u"no server configured"_s);
        QVERIFY(!tone.showsError());
        QVERIFY(!tone.signInExpired());
        status.setError(u"unauthorized"_s, u"sign in again"_s);
        QVERIFY(tone.showsError());
        QVERIFY(tone.signInExpired());
        status.setError(u"server_error"_s, u"500"_s);
        QVERIFY(tone.showsError());
        QVERIFY(!tone.signInExpired());
        status.setError({}, {});
        QVERIFY(!tone.showsError());
    }

    void followsItsStatus()
    {
        SyncStatus status;
        SyncTone tone;
        QSignalSpy statusChanged(&tone, &SyncTone::statusChanged);
        QSignalSpy changed(&tone, &SyncTone::changed);
        tone.setStatus(&status);
        QCOMPARE(statusChanged.size(), 1);
        QCOMPARE(changed.size(), 1);
        tone.setStatus(&status); // the same status again: nothing changes
        QCOMPARE(statusChanged.size(), 1);

        // Every part of the status the tone reads tells the views to read it again.
        const QList<std::function<void()>> edits = {
            [&] { status.setState(SyncStatus::Online); },
            [&] { status.setPendingChanges(1); },
            [&] { status.setOpenConflicts(1); },
            [&] { status.setError(u"server_error"_s, {}); },
        };
        for (const auto &edit : edits) {
            changed.clear();
            edit();
            QVERIFY(!changed.isEmpty());
        }
        QCOMPARE(tone.tone(), u"pending"_s);
    }

    void forgetsAStatusThatIsGone()
    {
        SyncTone tone;
        {
            SyncStatus status;
            status.setState(SyncStatus::Online);
            tone.setStatus(&status);
            QCOMPARE(tone.tone(), u"online"_s);
        }
        QCOMPARE(tone.status(), nullptr);
        QCOMPARE(tone.tone(), u"local"_s);
    }

    void leavesAReplacedStatusAlone()
    {
        SyncStatus first;
        SyncStatus second;
        SyncTone tone;
        tone.setStatus(&first);
        tone.setStatus(&second);
        QSignalSpy changed(&tone, &SyncTone::changed);
        first.setState(SyncStatus::Error);
        QCOMPARE(changed.size(), 0);
        second.setState(SyncStatus::Error);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(tone.tone(), u"error"_s);
    }
};

QTEST_GUILESS_MAIN(TestSyncTone)
#include "tst_synctone.moc"
