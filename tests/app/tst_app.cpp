// SPDX-License-Identifier: GPL-3.0-or-later
// The real desktop client, headless, against the real server with the demo data: signed in through the
// first-start page, a measure opened and edited, an offline edit that meets a colleague's concurrent one,
// the conflict seen in place and resolved, everything checked in the replica and on the server. Saves a
// screenshot of every main page, in German and in English, into the build folder.
#include "appdriver.h"
#include "localreplica.h"
#include "planoutlinemodel.h"
#include "rowlistmodel.h"
#include "session/appsetup.h"
#include "session/session.h"
#include "syncengine.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(WerkstattplanPlugin)

using namespace Qt::Literals::StringLiterals;

namespace {

const QString screenshotDir = QStringLiteral(WERKSTATTPLAN_SCREENSHOTS);

} // namespace

class TestApp : public QObject
{
    Q_OBJECT

private:
    DemoServer m_demo;
    QTemporaryDir m_data;
    AppDriver m_app { screenshotDir };
    QString m_measure; ///< the measure the test edits
    bool m_firstSyncShot = false;

    /** Starts the client, and photographs the first sync's progress while it runs. */
    void startClient(const QString &folder, const QString &language, bool openLast = false)
    {
        m_app.start(folder, language, openLast, QSize(1366, 768)); // a common laptop's screen
        if (QTest::currentTestFailed())
            return;
        m_firstSyncShot = false;
        connect(m_app.session(), &Session::accountChanged, this, [this] {
            if (!m_app.status())
                return;
            connect(m_app.status(), &SyncStatus::progressDoneChanged, this, [this] {
                if (!m_firstSyncShot && m_app.status()->progressDone() > 0 && m_app.status()->progressTotal() > 0) {
                    m_firstSyncShot = true;
                    m_app.screenshot(u"01-first-sync"_s);
                }
            });
        });
    }

    /** Signs in on the first-start page and waits for the first sync, which must have shown its progress. */
    void signInThroughSetupPage(const QString &user)
    {
        m_app.signInThroughSetupPage(m_demo.url(), user, m_demo.password(user));
        QVERIFY2(m_firstSyncShot, "the first sync showed no progress");
    }

    SyncStatus *status() const { return m_app.status(); }
    QString replicaValue(const QString &id, const QString &field) const { return m_app.session()->fieldValue(id, field); }

    void selectInOutline(const QString &entityId)
    {
        auto *outline = m_app.item(u"planOutline"_s);
        QVERIFY(outline);
        auto *model = qobject_cast<PlanOutlineModel *>(outline->property("model").value<QObject *>());
        QVERIFY(model);
        const int row = model->indexOf(entityId);
        QVERIFY(row >= 0);
        outline->setProperty("currentIndex", row);
        QTRY_COMPARE(m_app.item(u"entityEditor"_s)->property("entityId").toString(), entityId);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_demo.start());
        // Only its own folders: the other client tests keep theirs in folders of their own beside them.
        for (const QString &language : { u"de"_s, u"en"_s })
            QDir(screenshotDir + u'/' + language).removeRecursively();

        startClient(m_data.filePath(u"client"_s), u"de"_s);
    }

    void firstStartShowsSetup()
    {
        QVERIFY(!m_app.session()->isReady());
        QVERIFY(m_app.visibleItem(u"setupSignIn"_s));
        m_app.screenshot(u"00-first-start"_s);
    }

    void signInOnFirstStart()
    {
        signInThroughSetupPage(u"adorf"_s);
        QVERIFY(!m_app.session()->planId().isEmpty());
        // The password is never stored.
        QFile account(m_data.filePath(u"client/account/account.json"_s));
        QVERIFY(account.open(QIODevice::ReadOnly));
        QVERIFY(!account.readAll().contains(m_demo.password(u"adorf"_s).toUtf8()));
    }

    void myPlanShowsTheDemoPlan()
    {
        auto *outline = m_app.item(u"planOutline"_s);
        QVERIFY(outline);
        auto *model = qobject_cast<PlanOutlineModel *>(outline->property("model").value<QObject *>());
        QTRY_VERIFY(model->count() > 5);
        for (int row = 0; row < model->count() && m_measure.isEmpty(); ++row) {
            if (model->get(row).value(u"entityType"_s) == u"measure"_s)
                m_measure = model->get(row).value(u"entityId"_s).toString();
        }
        QVERIFY(!m_measure.isEmpty());
        m_app.screenshot(u"02-my-plan"_s);
    }

    void editMeasureTitle()
    {
        selectInOutline(m_measure);
        m_app.screenshot(u"03-measure-editor"_s);
        m_app.typeInto(m_app.visibleItem(u"field_title"_s), u"Ausbildungsmesse „Zukunft vor Ort“ 2027"_s);
        QCOMPARE(replicaValue(m_measure, u"title"_s), u"Ausbildungsmesse „Zukunft vor Ort“ 2027"_s);
        // Pushed in the background; the office sees it on the server.
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 15'000);
        Laptop office;
        QVERIFY(office.signIn(m_demo.url(), u"geschaeftsstelle"_s, m_demo.password(u"geschaeftsstelle"_s)));
        QCOMPARE(office.sync(), QString());
        QCOMPARE(office.value(m_measure, u"title"_s), u"Ausbildungsmesse „Zukunft vor Ort“ 2027"_s);
    }

    void offlineEditMeetsAColleaguesEdit()
    {
        // Offline as a person goes offline: the switch in the settings.
        m_app.showPage(u"settings"_s);
        m_app.clickNamed(u"workOfflineSwitch"_s);
        QTRY_VERIFY(m_app.session()->workOffline());

        // Meanwhile a colleague on another laptop renames the same measure.
        Laptop colleague;
        QVERIFY(colleague.signIn(m_demo.url(), u"adorf"_s, m_demo.password(u"adorf"_s)));
        QCOMPARE(colleague.sync(), QString());
        QVERIFY(colleague.replica->set(m_measure, { { u"title"_s, u"Ausbildungsmesse (Laptop Rathaus)"_s } }));
        QCOMPARE(colleague.sync(), QString());

        // And then the server goes away entirely.
        m_demo.process().kill();

        m_app.showPage(u"plan"_s);
        selectInOutline(m_measure);
        m_app.typeInto(m_app.visibleItem(u"field_title"_s), u"Ausbildungsmesse (im Zug geändert)"_s);
        QCOMPARE(replicaValue(m_measure, u"title"_s), u"Ausbildungsmesse (im Zug geändert)"_s);
        QCOMPARE(status()->pendingChanges(), 1);
        QVERIFY(status()->state() != SyncStatus::Online); // never a green tick while anything is pending
        QVERIFY(m_app.visibleItem(u"syncPendingLabel"_s));
        m_app.screenshot(u"04-offline-edit"_s);

        // Back online: the server returns on its address, the person reconnects.
        QVERIFY(m_demo.process().restart(ServerProcess::Port::Same));
        m_app.clickNamed(u"syncNowButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_app.session()->workOffline(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(status()->state(), SyncStatus::Online, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(status()->openConflicts(), 1, 10'000);

        // Both edits are kept: the later one is the value, the other an open conflict, on every replica.
        QCOMPARE(colleague.sync(), QString());
        QCOMPARE(colleague.replica->store().conflicts().size(), 1);
        QCOMPARE(colleague.value(m_measure, u"title"_s), replicaValue(m_measure, u"title"_s));
    }

    void conflictIsShownInPlaceAndResolved()
    {
        m_app.showPage(u"plan"_s);
        selectInOutline(m_measure);
        QTRY_VERIFY(m_app.visibleItem(u"conflictButton_title"_s));
        m_app.screenshot(u"05-conflict-in-place"_s);
        m_app.showPage(u"conflicts"_s);
        m_app.screenshot(u"06-conflicts"_s);

        m_app.showPage(u"plan"_s);
        m_app.clickNamed(u"conflictButton_title"_s);
        QTRY_VERIFY(m_app.visibleItem(u"conflictKeepKept"_s));
        m_app.screenshot(u"07-conflict-dialog"_s);
        const QString kept = replicaValue(m_measure, u"title"_s);
        m_app.clickNamed(u"conflictKeepKept"_s);
        QTRY_COMPARE(status()->openConflicts(), 0);
        QCOMPARE(replicaValue(m_measure, u"title"_s), kept);
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 15'000);

        Laptop office;
        QVERIFY(office.signIn(m_demo.url(), u"geschaeftsstelle"_s, m_demo.password(u"geschaeftsstelle"_s)));
        QCOMPARE(office.sync(), QString());
        QCOMPARE(office.replica->store().conflicts().size(), 0);
        QCOMPARE(office.value(m_measure, u"title"_s), kept);
    }

    void addReorderDeleteUndoRestore()
    {
        m_app.showPage(u"plan"_s);
        selectInOutline(m_measure);
        auto *outline = m_app.item(u"planOutline"_s);
        auto *model = qobject_cast<PlanOutlineModel *>(outline->property("model").value<QObject *>());
        const int before = model->count();

        // A new measure goes under the selected one's goal, at the end; it opens in the editor.
        m_app.clickNamed(u"addMeasure"_s);
        QTRY_COMPARE(model->count(), before + 1);
        const QString added = m_app.item(u"entityEditor"_s)->property("entityId").toString();
        QCOMPARE(m_app.session()->entityType(added), u"measure"_s);
        QCOMPARE(m_app.session()->fieldValue(added, u"goal"_s), m_app.session()->fieldValue(m_measure, u"goal"_s));
        m_app.typeInto(m_app.visibleItem(u"field_title"_s), u"Azubi-Speeddating im Rathaus"_s);
        QCOMPARE(m_app.session()->fieldValue(added, u"title"_s), u"Azubi-Speeddating im Rathaus"_s);

        // Moved up one place: it now comes right before its former predecessor.
        const int row = model->indexOf(added);
        const QString predecessor = model->get(row - 1).value(u"entityId"_s).toString();
        m_app.clickNamed(u"moveUp"_s);
        QTRY_COMPARE(model->indexOf(added), row - 1);
        QCOMPARE(model->indexOf(predecessor), row);

        // Deleted, then undone from the notice.
        m_app.clickNamed(u"deleteEntry"_s);
        QTRY_COMPARE(model->indexOf(added), -1);
        m_app.clickNamed(u"noticeUndoButton"_s);
        QTRY_VERIFY(model->indexOf(added) >= 0);

        // Deleted again, then restored from the deleted entries.
        selectInOutline(added);
        m_app.clickNamed(u"deleteEntry"_s);
        QTRY_COMPARE(model->indexOf(added), -1);
        m_app.clickNamed(u"deletedEntriesToggle"_s);
        QTRY_VERIFY(m_app.visibleItem(u"deletedEntriesList"_s));
        m_app.screenshot(u"13-deleted-entries"_s);
        const bool restored = m_app.session()->restoreEntity(added); // the list's button does exactly this
        QVERIFY(restored);
        QTRY_VERIFY(model->indexOf(added) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 15'000);
    }

    void historyShowsEveryEdit()
    {
        m_app.showPage(u"plan"_s);
        selectInOutline(m_measure);
        // The previous step's push is still being pulled back: its refresh moves the layout under a click.
        QTRY_COMPARE_WITH_TIMEOUT(status()->state(), SyncStatus::Online, 15'000);
        QTest::qWait(200);
        m_app.clickNamed(u"tabHistory"_s);
        QTRY_VERIFY(m_app.visibleItem(u"historyList"_s));
        m_app.screenshot(u"08-history"_s);
        m_app.clickNamed(u"tabFields"_s);
    }

    void peersAndSearch()
    {
        // A peer's plan opens read-only beside the list.
        m_app.showPage(u"peers"_s);
        QTRY_VERIFY(m_app.visibleItem(u"peersList"_s));
        m_app.clickNamed(u"peer_Furth"_s);
        auto *peerOutline = m_app.item(u"peerplanOutline"_s);
        QVERIFY(peerOutline);
        QTRY_VERIFY(peerOutline->isVisible() && peerOutline->property("count").toInt() > 0);
        QCOMPARE(m_app.session()->municipalityOf(m_app.item(u"peerentityEditor"_s)->property("entityId").toString()), u"Furth"_s);
        QVERIFY(!m_app.visibleItem(u"addMeasure"_s, m_app.item(u"peersPage"_s))); // no editing of a peer's plan
        m_app.screenshot(u"09-peers"_s);

        // Searching across all plans, offline from the replica; a result opens its entry where it stands.
        m_app.showPage(u"search"_s);
        m_app.typeInto(m_app.visibleItem(u"searchQuery"_s), u"Fachkräfte"_s);
        QTRY_VERIFY(m_app.visibleItem(u"searchResults"_s) && m_app.visibleItem(u"searchResults"_s)->property("count").toInt() > 1);
        m_app.screenshot(u"10-search"_s);
        auto *results = qobject_cast<RowListModel *>(m_app.visibleItem(u"searchResults"_s)->property("model").value<QObject *>());
        QVERIFY(results);
        int peerRow = -1;
        for (int row = 0; row < results->count() && peerRow < 0; ++row) {
            if (results->get(row).value(u"planId"_s).toString() != m_app.session()->planId())
                peerRow = row;
        }
        QVERIFY2(peerRow >= 0, "no result from another municipality's plan");
        const QString opened = results->get(peerRow).value(u"openId"_s).toString();
        QMetaObject::invokeMethod(m_app.visibleItem(u"searchResults"_s), "positionViewAtIndex", Q_ARG(int, peerRow),
                                  Q_ARG(int, 0 /* ListView.Beginning */));
        m_app.clickNamed(u"searchResult_%1"_s.arg(peerRow));
        QTRY_COMPARE(m_app.window()->property("page").toString(), u"peers"_s);
        QTRY_COMPARE(m_app.item(u"peerentityEditor"_s)->property("entityId").toString(), opened);

        // A comment on the peer's entry, which the peer's municipality reads after the next sync.
        m_app.clickNamed(u"tabComments"_s);
        m_app.typeInto(m_app.visibleItem(u"commentDraft"_s), u"Wie habt ihr die Betriebe gewonnen?"_s, false);
        m_app.clickNamed(u"commentSend"_s);
        QTRY_COMPARE(m_app.visibleItem(u"commentsList"_s)->property("count").toInt(), 1);
        m_app.screenshot(u"14-peer-comment"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 15'000);
        QCOMPARE(status()->rejectedChanges(), 0); // the server took it
        m_app.clickNamed(u"tabFields"_s);

        m_app.showPage(u"sync"_s);
        m_app.screenshot(u"11-sync-status"_s);
        m_app.showPage(u"plan"_s);
    }

    void everyPageInEnglish()
    {
        m_app.setLanguage(u"en"_s);
        
        QTRY_COMPARE(m_app.item(u"navMyPlan"_s)->property("text").toString(), u"My plan"_s);
        selectInOutline(m_measure);
        m_app.screenshot(u"02-my-plan"_s);
        m_app.showPage(u"conflicts"_s);
        m_app.screenshot(u"06-conflicts"_s);
        m_app.showPage(u"plan"_s);
        m_app.clickNamed(u"tabHistory"_s);
        m_app.screenshot(u"08-history"_s);
        m_app.clickNamed(u"tabFields"_s);
        m_app.screenshot(u"03-measure-editor"_s);
        for (const auto &[page, name] : { std::pair(u"peers"_s, u"09-peers"_s), std::pair(u"search"_s, u"10-search"_s),
                                          std::pair(u"sync"_s, u"11-sync-status"_s),
                                          std::pair(u"settings"_s, u"12-settings"_s) }) {
            m_app.showPage(page);
            m_app.screenshot(name);
        }
        m_app.setLanguage(u"de"_s);
        
        m_app.showPage(u"settings"_s);
        m_app.screenshot(u"12-settings"_s);
        m_app.showPage(u"help"_s);
        m_app.screenshot(u"16-help"_s);
        m_app.showPage(u"plan"_s);
    }

    void firstSyncInEnglish()
    {
        startClient(m_data.filePath(u"client-en"_s), u"en"_s);
        QCOMPARE(m_app.item(u"setupSignIn"_s)->property("text").toString(), u"Sign in"_s);
        m_app.screenshot(u"00-first-start"_s);
        signInThroughSetupPage(u"dresden"_s);
        QVERIFY(!m_app.session()->planId().isEmpty());
    }

    void submitForReview()
    {
        // Adorf's client started again, as main() starts it: on the replica it used last.
        m_app.stop();
        startClient(m_data.filePath(u"client"_s), u"de"_s, true);
        QVERIFY(m_app.session()->isReady());
        m_app.session()->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(status()->state(), SyncStatus::Online, 20'000);
        m_app.showPage(u"plan"_s);
        m_app.clickNamed(u"submitPlan"_s);
        QObject *confirm = m_app.find(u"confirmSubmit"_s);
        QVERIFY(confirm);
        QTRY_VERIFY(confirm->property("opened").toBool());
        m_app.screenshot(u"15-submit"_s);
        QMetaObject::invokeMethod(confirm, "accept");
        QTRY_COMPARE(replicaValue(m_app.session()->planId(), u"review_status"_s), u"submitted"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 15'000);
        QCOMPARE(status()->rejectedChanges(), 0);
    }

    void officeReviewsAndReports()
    {
        startClient(m_data.filePath(u"client-office"_s), u"de"_s);
        signInThroughSetupPage(u"geschaeftsstelle"_s);
        QVERIFY(m_app.session()->isOffice());

        // Every plan at a glance; Adorf's submission just arrived.
        QTRY_COMPARE(m_app.window()->property("page").toString(), u"dashboard"_s);
        auto *table = m_app.visibleItem(u"dashboardTable"_s);
        QVERIFY(table);
        QTRY_VERIFY(table->property("count").toInt() >= 12);
        m_app.screenshot(u"20-dashboard"_s);

        // Filtered by cluster: only the clusters' own municipalities stay.
        auto *dashboard = qobject_cast<RowListModel *>(table->property("model").value<QObject *>());
        QVERIFY(dashboard);
        const int all = dashboard->count();
        dashboard->setProperty("cluster", u"Nord"_s);
        QTRY_VERIFY(dashboard->count() > 0 && dashboard->count() < all);
        for (int row = 0; row < dashboard->count(); ++row)
            QCOMPARE(dashboard->get(row).value(u"cluster"_s).toString(), u"Nord"_s);
        dashboard->setProperty("cluster", QString());
        QTRY_COMPARE(dashboard->count(), all);

        // Riesa's review: what changed since its previous submission.
        m_app.clickNamed(u"dashboardRow_Riesa"_s);
        QTRY_COMPARE(m_app.window()->property("page").toString(), u"review"_s);
        QTRY_VERIFY(m_app.visibleItem(u"reviewDiff"_s) && m_app.visibleItem(u"reviewDiff"_s)->property("count").toInt() > 0);
        m_app.screenshot(u"21-review-diff"_s);

        // A review note on the first changed item, and the review status moved on.
        m_app.clickNamed(u"diffItem_0"_s);
        m_app.typeInto(m_app.visibleItem(u"commentDraft"_s), u"Bitte den Zeitplan mit dem Kreis abstimmen."_s, false);
        m_app.clickNamed(u"commentSend"_s);
        m_app.clickNamed(u"reviewSet_in_review"_s);
        QTRY_COMPARE(replicaValue(u"plan-riesa"_s, u"review_status"_s), u"in_review"_s);
        m_app.screenshot(u"22-review-note"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 15'000);
        QCOMPARE(status()->rejectedChanges(), 0);

        // Riesa sees both.
        Laptop riesa;
        QVERIFY(riesa.signIn(m_demo.url(), u"riesa"_s, m_demo.password(u"riesa"_s)));
        QCOMPARE(riesa.sync(), QString());
        QCOMPARE(riesa.value(u"plan-riesa"_s, u"review_status"_s), u"in_review"_s);
        bool noteArrived = false;
        for (const QString &id : riesa.replica->store().entityIds(u"comment"_s))
            noteArrived |= riesa.value(id, u"body"_s) == u"Bitte den Zeitplan mit dem Kreis abstimmen."_s
                    && riesa.value(id, u"kind"_s) == u"review"_s;
        QVERIFY(noteArrived);

        m_app.showPage(u"synopsis"_s);
        QTRY_VERIFY(m_app.visibleItem(u"synopsisTable"_s) && m_app.visibleItem(u"synopsisTable"_s)->property("count").toInt() >= 12);
        m_app.screenshot(u"23-synopsis"_s);

        m_app.showPage(u"charts"_s);
        m_app.clickNamed(u"bar_0"_s);
        QTRY_VERIFY(m_app.visibleItem(u"chartMeasures"_s)->property("count").toInt() > 0);
        m_app.screenshot(u"24-charts-themes"_s);
        m_app.clickNamed(u"chartByCluster"_s);
        QTRY_VERIFY(m_app.visibleItem(u"bar_0"_s));
        m_app.screenshot(u"25-charts-clusters"_s);

        m_app.showPage(u"meetings"_s);
        m_app.clickNamed(u"meeting_0"_s);
        QTRY_VERIFY(m_app.visibleItem(u"meetingMeasures"_s));
        m_app.screenshot(u"26-meeting"_s);
    }

    void cleanupTestCase()
    {
        m_app.stop();
    }
};

QTEST_MAIN(TestApp)
#include "tst_app.moc"
