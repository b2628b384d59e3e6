// SPDX-License-Identifier: GPL-3.0-or-later
// The real desktop client, headless, against the real server with the demo data: signed in through the
// first-start page, a measure opened and edited, an offline edit that meets a colleague's concurrent one,
// the conflict seen in place and resolved, everything checked in the replica and on the server. Saves a
// screenshot of every main page, in German and in English, into the build folder.
#include "helpers/serverprocess.h"
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

/** Another device or account, working through the same client core as the desktop client. */
struct OtherClient
{
    QTemporaryDir dir;
    std::unique_ptr<LocalReplica> replica;
    std::unique_ptr<SyncEngine> engine;

    bool signIn(const QUrl &server, const QString &user, const QString &password)
    {
        auto opened = LocalReplica::open(dir.path());
        if (!opened)
            return false;
        replica = std::move(opened).value();
        engine = std::make_unique<SyncEngine>(*replica);
        return engine->login(server, user, password) && sync();
    }
    bool sync() { return bool(engine->syncOnce()); }
    QString value(const QString &id, const QString &field)
    {
        const auto record = replica->store().record(id);
        return record ? record->value(field) : QString();
    }
};

} // namespace

class TestApp : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;
    QHash<QString, QString> m_passwords;
    QTemporaryDir m_data;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    QString m_measure; ///< the measure the test edits
    QString m_language = u"de"_s;
    bool m_firstSyncShot = false;

    /** Starts the client on a data folder, as the program does (openLast: on the replica used last), and waits for its window. */
    void startClient(const QString &folder, const QString &language, bool openLast = false)
    {
        m_engine.reset();
        m_session = std::make_unique<Session>(folder);
        if (openLast)
            QVERIFY(m_session->openLast());
        m_session->setLanguage(language);
        m_language = language;
        m_engine = std::make_unique<QQmlApplicationEngine>();
        QVERIFY(AppSetup::load(*m_engine, *m_session));
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        // The first sync's progress, caught while it runs.
        m_firstSyncShot = false;
        connect(m_session.get(), &Session::accountChanged, this, [this] {
            if (!status())
                return;
            connect(status(), &SyncStatus::progressDoneChanged, this, [this] {
                if (!m_firstSyncShot && status()->progressDone() > 0 && status()->progressTotal() > 0) {
                    m_firstSyncShot = true;
                    screenshot(u"01-first-sync"_s);
                }
            });
        });
    }

    /** Signs in on the first-start page, as a person would, and waits for the first sync. */
    void signInThroughSetupPage(const QString &user)
    {
        typeInto(item(u"setupServer"_s), m_server.baseUrl().toString(), false);
        typeInto(item(u"setupUser"_s), user, false);
        typeInto(item(u"setupPassword"_s), m_passwords.value(user), false);
        clickNamed(u"setupSignIn"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->isReady() && !m_session->isBusy(), 30'000);
        QCOMPARE(m_session->user(), user);
        QTRY_COMPARE_WITH_TIMEOUT(status()->state(), SyncStatus::Online, 15'000);
        QVERIFY2(m_firstSyncShot, "the first sync showed no progress");
    }

    /** An object of the window by objectName, through QObject children and visual children alike. */
    QObject *find(const QString &name, QObject *from = nullptr) const
    {
        QObject *start = from ? from : static_cast<QObject *>(m_window);
        if (start->objectName() == name)
            return start;
        if (QObject *found = start->findChild<QObject *>(name))
            return found;
        if (auto *item = qobject_cast<QQuickItem *>(start); item || start == m_window) {
            const auto children = item ? item->childItems() : QList<QQuickItem *> { m_window->contentItem() };
            for (QQuickItem *child : children) {
                if (QObject *found = find(name, child))
                    return found;
            }
        }
        return nullptr;
    }
    QQuickItem *item(const QString &name) const { return qobject_cast<QQuickItem *>(find(name)); }

    /** A visible item by objectName (pages keep hidden copies of some controls). */
    QQuickItem *visibleItem(const QString &name, QQuickItem *from = nullptr) const
    {
        QQuickItem *start = from ? from : m_window->contentItem();
        if (start->objectName() == name && start->isVisible())
            return start;
        for (QQuickItem *child : start->childItems()) {
            if (!child->isVisible())
                continue;
            if (QQuickItem *found = visibleItem(name, child))
                return found;
        }
        return nullptr;
    }

    void click(QQuickItem *target)
    {
        QVERIFY(target);
        QVERIFY2(target->isVisible() && target->isEnabled(), qPrintable(target->objectName()));
        const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, {}, centre.toPoint());
    }
    void clickNamed(const QString &name)
    {
        QQuickItem *target = nullptr;
        QTRY_VERIFY2_WITH_TIMEOUT((target = visibleItem(name)) != nullptr, qPrintable(name), 5000);
        click(target);
    }

    /** Types into a text field as a person would, and leaves it with Enter. */
    void typeInto(QQuickItem *field, const QString &text, bool enter = true)
    {
        QVERIFY(field);
        field->forceActiveFocus();
        QTRY_VERIFY(field->hasActiveFocus());
        QMetaObject::invokeMethod(field, "selectAll");
        for (const QChar c : text)
            QTest::sendKeyEvent(QTest::Click, m_window, Qt::Key_unknown, QString(c), Qt::NoModifier);
        if (enter)
            QTest::keyClick(m_window, Qt::Key_Return);
    }

    void showPage(const QString &page)
    {
        m_window->setProperty("page", page);
        QTest::qWait(50);
    }

    void screenshot(const QString &name)
    {
        QDir().mkpath(screenshotDir + u'/' + m_language);
        QTest::qWait(100); // let bindings and layouts settle
        const QImage image = m_window->grabWindow();
        QVERIFY(!image.isNull());
        QVERIFY(image.save(u"%1/%2/%3.png"_s.arg(screenshotDir, m_language, name)));
    }

    SyncStatus *status() const { return m_session->sync(); }
    QString replicaValue(const QString &id, const QString &field) const { return m_session->fieldValue(id, field); }

    void selectInOutline(const QString &entityId)
    {
        auto *outline = item(u"planOutline"_s);
        QVERIFY(outline);
        auto *model = qobject_cast<PlanOutlineModel *>(outline->property("model").value<QObject *>());
        QVERIFY(model);
        const int row = model->indexOf(entityId);
        QVERIFY(row >= 0);
        outline->setProperty("currentIndex", row);
        QTRY_COMPARE(item(u"entityEditor"_s)->property("entityId").toString(), entityId);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
        const auto seeded = m_server.admin({ u"seed-demo"_s });
        QVERIFY2(seeded.ok(), seeded.err.constData());
        for (const QString &line : seeded.lines()) {
            const QStringList parts = line.split(u' ');
            if (parts.size() >= 3 && parts[0] == u"account"_s)
                m_passwords.insert(parts[1], parts[2]);
        }
        QVERIFY(m_passwords.contains(u"adorf"_s) && m_passwords.contains(u"geschaeftsstelle"_s));
        QDir(screenshotDir).removeRecursively();

        startClient(m_data.filePath(u"client"_s), u"de"_s);
    }

    void firstStartShowsSetup()
    {
        QVERIFY(!m_session->isReady());
        QVERIFY(visibleItem(u"setupSignIn"_s));
        screenshot(u"00-first-start"_s);
    }

    void signInOnFirstStart()
    {
        signInThroughSetupPage(u"adorf"_s);
        QVERIFY(!m_session->planId().isEmpty());
        // The password is never stored.
        QFile account(m_data.filePath(u"client/account/account.json"_s));
        QVERIFY(account.open(QIODevice::ReadOnly));
        QVERIFY(!account.readAll().contains(m_passwords.value(u"adorf"_s).toUtf8()));
    }

    void myPlanShowsTheDemoPlan()
    {
        auto *outline = item(u"planOutline"_s);
        QVERIFY(outline);
        auto *model = qobject_cast<PlanOutlineModel *>(outline->property("model").value<QObject *>());
        QTRY_VERIFY(model->count() > 5);
        for (int row = 0; row < model->count() && m_measure.isEmpty(); ++row) {
            if (model->get(row).value(u"entityType"_s) == u"measure"_s)
                m_measure = model->get(row).value(u"entityId"_s).toString();
        }
        QVERIFY(!m_measure.isEmpty());
        screenshot(u"02-my-plan"_s);
    }

    void editMeasureTitle()
    {
        selectInOutline(m_measure);
        screenshot(u"03-measure-editor"_s);
        typeInto(visibleItem(u"field_title"_s), u"Ausbildungsmesse „Zukunft vor Ort“ 2027"_s);
        QCOMPARE(replicaValue(m_measure, u"title"_s), u"Ausbildungsmesse „Zukunft vor Ort“ 2027"_s);
        // Pushed in the background; the office sees it on the server.
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 15'000);
        OtherClient office;
        QVERIFY(office.signIn(m_server.baseUrl(), u"geschaeftsstelle"_s, m_passwords.value(u"geschaeftsstelle"_s)));
        QCOMPARE(office.value(m_measure, u"title"_s), u"Ausbildungsmesse „Zukunft vor Ort“ 2027"_s);
    }

    void offlineEditMeetsAColleaguesEdit()
    {
        // Offline as a person goes offline: the switch in the settings.
        showPage(u"settings"_s);
        clickNamed(u"workOfflineSwitch"_s);
        QTRY_VERIFY(m_session->workOffline());

        // Meanwhile a colleague on another laptop renames the same measure.
        OtherClient colleague;
        QVERIFY(colleague.signIn(m_server.baseUrl(), u"adorf"_s, m_passwords.value(u"adorf"_s)));
        QVERIFY(colleague.replica->set(m_measure, { { u"title"_s, u"Ausbildungsmesse (Laptop Rathaus)"_s } }));
        QVERIFY(colleague.sync());

        // And then the server goes away entirely.
        m_server.kill();

        showPage(u"plan"_s);
        selectInOutline(m_measure);
        typeInto(visibleItem(u"field_title"_s), u"Ausbildungsmesse (im Zug geändert)"_s);
        QCOMPARE(replicaValue(m_measure, u"title"_s), u"Ausbildungsmesse (im Zug geändert)"_s);
        QCOMPARE(status()->pendingChanges(), 1);
        QVERIFY(status()->state() != SyncStatus::Online); // never a green tick while anything is pending
        QVERIFY(visibleItem(u"syncPendingLabel"_s));
        screenshot(u"04-offline-edit"_s);

        // Back online: the server returns on its address, the person reconnects.
        QVERIFY(m_server.restart(ServerProcess::Port::Same));
        clickNamed(u"syncNowButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->workOffline(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(status()->state(), SyncStatus::Online, 20'000);
        QTRY_COMPARE_WITH_TIMEOUT(status()->openConflicts(), 1, 10'000);

        // Both edits are kept: the later one is the value, the other an open conflict, on every replica.
        QVERIFY(colleague.sync());
        QCOMPARE(colleague.replica->store().conflicts().size(), 1);
        QCOMPARE(colleague.value(m_measure, u"title"_s), replicaValue(m_measure, u"title"_s));
    }

    void conflictIsShownInPlaceAndResolved()
    {
        showPage(u"plan"_s);
        selectInOutline(m_measure);
        QTRY_VERIFY(visibleItem(u"conflictButton_title"_s));
        screenshot(u"05-conflict-in-place"_s);
        showPage(u"conflicts"_s);
        screenshot(u"06-conflicts"_s);

        showPage(u"plan"_s);
        clickNamed(u"conflictButton_title"_s);
        QTRY_VERIFY(visibleItem(u"conflictKeepKept"_s));
        screenshot(u"07-conflict-dialog"_s);
        const QString kept = replicaValue(m_measure, u"title"_s);
        clickNamed(u"conflictKeepKept"_s);
        QTRY_COMPARE(status()->openConflicts(), 0);
        QCOMPARE(replicaValue(m_measure, u"title"_s), kept);
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 15'000);

        OtherClient office;
        QVERIFY(office.signIn(m_server.baseUrl(), u"geschaeftsstelle"_s, m_passwords.value(u"geschaeftsstelle"_s)));
        QCOMPARE(office.replica->store().conflicts().size(), 0);
        QCOMPARE(office.value(m_measure, u"title"_s), kept);
    }

    void addReorderDeleteUndoRestore()
    {
        showPage(u"plan"_s);
        selectInOutline(m_measure);
        auto *outline = item(u"planOutline"_s);
        auto *model = qobject_cast<PlanOutlineModel *>(outline->property("model").value<QObject *>());
        const int before = model->count();

        // A new measure goes under the selected one's goal, at the end; it opens in the editor.
        clickNamed(u"addMeasure"_s);
        QTRY_COMPARE(model->count(), before + 1);
        const QString added = item(u"entityEditor"_s)->property("entityId").toString();
        QCOMPARE(m_session->entityType(added), u"measure"_s);
        QCOMPARE(m_session->fieldValue(added, u"goal"_s), m_session->fieldValue(m_measure, u"goal"_s));
        typeInto(visibleItem(u"field_title"_s), u"Azubi-Speeddating im Rathaus"_s);
        QCOMPARE(m_session->fieldValue(added, u"title"_s), u"Azubi-Speeddating im Rathaus"_s);

        // Moved up one place: it now comes right before its former predecessor.
        const int row = model->indexOf(added);
        const QString predecessor = model->get(row - 1).value(u"entityId"_s).toString();
        clickNamed(u"moveUp"_s);
        QTRY_COMPARE(model->indexOf(added), row - 1);
        QCOMPARE(model->indexOf(predecessor), row);

        // Deleted, then undone from the notice.
        clickNamed(u"deleteEntry"_s);
        QTRY_COMPARE(model->indexOf(added), -1);
        clickNamed(u"noticeUndoButton"_s);
        QTRY_VERIFY(model->indexOf(added) >= 0);

        // Deleted again, then restored from the deleted entries.
        selectInOutline(added);
        clickNamed(u"deleteEntry"_s);
        QTRY_COMPARE(model->indexOf(added), -1);
        clickNamed(u"deletedEntriesToggle"_s);
        QTRY_VERIFY(visibleItem(u"deletedEntriesList"_s));
        screenshot(u"13-deleted-entries"_s);
        const bool restored = m_session->restoreEntity(added); // the list's button does exactly this
        QVERIFY(restored);
        QTRY_VERIFY(model->indexOf(added) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 15'000);
    }

    void historyShowsEveryEdit()
    {
        showPage(u"plan"_s);
        selectInOutline(m_measure);
        clickNamed(u"tabHistory"_s);
        QTRY_VERIFY(visibleItem(u"historyList"_s));
        screenshot(u"08-history"_s);
        clickNamed(u"tabFields"_s);
    }

    void peersAndSearch()
    {
        // A peer's plan opens read-only beside the list.
        showPage(u"peers"_s);
        QTRY_VERIFY(visibleItem(u"peersList"_s));
        clickNamed(u"peer_Furth"_s);
        auto *peerOutline = item(u"peerplanOutline"_s);
        QVERIFY(peerOutline);
        QTRY_VERIFY(peerOutline->isVisible() && peerOutline->property("count").toInt() > 0);
        QCOMPARE(m_session->municipalityOf(item(u"peerentityEditor"_s)->property("entityId").toString()), u"Furth"_s);
        QVERIFY(!visibleItem(u"addMeasure"_s, item(u"peersPage"_s))); // no editing of a peer's plan
        screenshot(u"09-peers"_s);

        // Searching across all plans, offline from the replica; a result opens its entry where it stands.
        showPage(u"search"_s);
        typeInto(visibleItem(u"searchQuery"_s), u"Fachkräfte"_s);
        QTRY_VERIFY(visibleItem(u"searchResults"_s) && visibleItem(u"searchResults"_s)->property("count").toInt() > 1);
        screenshot(u"10-search"_s);
        auto *results = qobject_cast<RowListModel *>(visibleItem(u"searchResults"_s)->property("model").value<QObject *>());
        QVERIFY(results);
        int peerRow = -1;
        for (int row = 0; row < results->count() && peerRow < 0; ++row) {
            if (results->get(row).value(u"planId"_s).toString() != m_session->planId())
                peerRow = row;
        }
        QVERIFY2(peerRow >= 0, "no result from another municipality's plan");
        const QString opened = results->get(peerRow).value(u"openId"_s).toString();
        QMetaObject::invokeMethod(visibleItem(u"searchResults"_s), "positionViewAtIndex", Q_ARG(int, peerRow),
                                  Q_ARG(int, 0 /* ListView.Beginning */));
        clickNamed(u"searchResult_%1"_s.arg(peerRow));
        QTRY_COMPARE(m_window->property("page").toString(), u"peers"_s);
        QTRY_COMPARE(item(u"peerentityEditor"_s)->property("entityId").toString(), opened);

        // A comment on the peer's entry, which the peer's municipality reads after the next sync.
        clickNamed(u"tabComments"_s);
        typeInto(visibleItem(u"commentDraft"_s), u"Wie habt ihr die Betriebe gewonnen?"_s, false);
        clickNamed(u"commentSend"_s);
        QTRY_COMPARE(visibleItem(u"commentsList"_s)->property("count").toInt(), 1);
        screenshot(u"14-peer-comment"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 15'000);
        QCOMPARE(status()->rejectedChanges(), 0); // the server took it
        clickNamed(u"tabFields"_s);

        showPage(u"sync"_s);
        screenshot(u"11-sync-status"_s);
        showPage(u"plan"_s);
    }

    void everyPageInEnglish()
    {
        m_session->setLanguage(u"en"_s);
        m_language = u"en"_s;
        QTRY_COMPARE(item(u"navMyPlan"_s)->property("text").toString(), u"My plan"_s);
        selectInOutline(m_measure);
        screenshot(u"02-my-plan"_s);
        showPage(u"conflicts"_s);
        screenshot(u"06-conflicts"_s);
        showPage(u"plan"_s);
        clickNamed(u"tabHistory"_s);
        screenshot(u"08-history"_s);
        clickNamed(u"tabFields"_s);
        screenshot(u"03-measure-editor"_s);
        for (const auto &[page, name] : { std::pair(u"peers"_s, u"09-peers"_s), std::pair(u"search"_s, u"10-search"_s),
                                          std::pair(u"sync"_s, u"11-sync-status"_s),
                                          std::pair(u"settings"_s, u"12-settings"_s) }) {
            showPage(page);
            screenshot(name);
        }
        m_session->setLanguage(u"de"_s);
        m_language = u"de"_s;
        showPage(u"settings"_s);
        screenshot(u"12-settings"_s);
    }

    void firstSyncInEnglish()
    {
        startClient(m_data.filePath(u"client-en"_s), u"en"_s);
        QCOMPARE(item(u"setupSignIn"_s)->property("text").toString(), u"Sign in"_s);
        screenshot(u"00-first-start"_s);
        signInThroughSetupPage(u"dresden"_s);
        QVERIFY(!m_session->planId().isEmpty());
    }

    void submitForReview()
    {
        // Adorf's client started again, as main() starts it: on the replica it used last.
        m_engine.reset();
        m_session.reset();
        startClient(m_data.filePath(u"client"_s), u"de"_s, true);
        QVERIFY(m_session->isReady());
        m_session->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(status()->state(), SyncStatus::Online, 20'000);
        showPage(u"plan"_s);
        clickNamed(u"submitPlan"_s);
        QObject *confirm = find(u"confirmSubmit"_s);
        QVERIFY(confirm);
        QTRY_VERIFY(confirm->property("opened").toBool());
        screenshot(u"15-submit"_s);
        QMetaObject::invokeMethod(confirm, "accept");
        QTRY_COMPARE(replicaValue(m_session->planId(), u"review_status"_s), u"submitted"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 15'000);
        QCOMPARE(status()->rejectedChanges(), 0);
    }

    void officeReviewsAndReports()
    {
        startClient(m_data.filePath(u"client-office"_s), u"de"_s);
        signInThroughSetupPage(u"geschaeftsstelle"_s);
        QVERIFY(m_session->isOffice());

        // Every plan at a glance; Adorf's submission just arrived.
        QTRY_COMPARE(m_window->property("page").toString(), u"dashboard"_s);
        auto *table = visibleItem(u"dashboardTable"_s);
        QVERIFY(table);
        QTRY_VERIFY(table->property("count").toInt() >= 12);
        screenshot(u"20-dashboard"_s);

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
        clickNamed(u"dashboardRow_Riesa"_s);
        QTRY_COMPARE(m_window->property("page").toString(), u"review"_s);
        QTRY_VERIFY(visibleItem(u"reviewDiff"_s) && visibleItem(u"reviewDiff"_s)->property("count").toInt() > 0);
        screenshot(u"21-review-diff"_s);

        // A review note on the first changed item, and the review status moved on.
        clickNamed(u"diffItem_0"_s);
        typeInto(visibleItem(u"commentDraft"_s), u"Bitte den Zeitplan mit dem Kreis abstimmen."_s, false);
        clickNamed(u"commentSend"_s);
        clickNamed(u"reviewSet_in_review"_s);
        QTRY_COMPARE(replicaValue(u"plan-riesa"_s, u"review_status"_s), u"in_review"_s);
        screenshot(u"22-review-note"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status()->pendingChanges(), 0, 15'000);
        QCOMPARE(status()->rejectedChanges(), 0);

        // Riesa sees both.
        OtherClient riesa;
        QVERIFY(riesa.signIn(m_server.baseUrl(), u"riesa"_s, m_passwords.value(u"riesa"_s)));
        QCOMPARE(riesa.value(u"plan-riesa"_s, u"review_status"_s), u"in_review"_s);
        bool noteArrived = false;
        for (const QString &id : riesa.replica->store().entityIds(u"comment"_s))
            noteArrived |= riesa.value(id, u"body"_s) == u"Bitte den Zeitplan mit dem Kreis abstimmen."_s
                    && riesa.value(id, u"kind"_s) == u"review"_s;
        QVERIFY(noteArrived);

        showPage(u"synopsis"_s);
        QTRY_VERIFY(visibleItem(u"synopsisTable"_s) && visibleItem(u"synopsisTable"_s)->property("count").toInt() >= 12);
        screenshot(u"23-synopsis"_s);

        showPage(u"charts"_s);
        clickNamed(u"bar_0"_s);
        QTRY_VERIFY(visibleItem(u"chartMeasures"_s)->property("count").toInt() > 0);
        screenshot(u"24-charts-themes"_s);
        clickNamed(u"chartByCluster"_s);
        QTRY_VERIFY(visibleItem(u"bar_0"_s));
        screenshot(u"25-charts-clusters"_s);

        showPage(u"meetings"_s);
        clickNamed(u"meeting_0"_s);
        QTRY_VERIFY(visibleItem(u"meetingMeasures"_s));
        screenshot(u"26-meeting"_s);
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_session.reset();
    }
};

QTEST_MAIN(TestApp)
#include "tst_app.moc"
