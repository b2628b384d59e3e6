// SPDX-License-Identifier: GPL-3.0-or-later
// The real desktop client against the real server with the demo data, around accounts and the sync status
// (issue 12): a first sync that shows itself as one, working offline by choice, signing out with unsent
// work and signing in again, changing the account, and a selection that does not outlive its replica.
#include "appdriver.h"
#include "planoutlinemodel.h"
#include "session/vocabulary.h"

#include <QFile>
#include <QQmlEngineExtensionPlugin>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

Q_IMPORT_QML_PLUGIN(WerkstattplanPlugin)

using namespace Qt::Literals::StringLiterals;

class TestAccountFlows : public QObject
{
    Q_OBJECT

private:
    DemoServer m_server;
    QTemporaryDir m_data;
    AppDriver m_app { QStringLiteral(WERKSTATTPLAN_SCREENSHOTS) };

    /** What the window showed at the first progress of the first sync. */
    struct FirstSyncSeen
    {
        bool seen = false;
        bool sessionSaysFirstSync = false;
        bool viewShown = false;
        bool addEnabled = false; ///< "+ Handlungsfeld" visible and enabled
        bool submitVisible = false;
        bool emptyPlanShown = false;
        bool overviewTableShown = false;
    };

    /** Watches the first sync of the client just started and notes what it showed at its first progress. */
    void watchFirstSync(FirstSyncSeen *seen, const QString &screenshot)
    {
        connect(m_app.session(), &Session::accountChanged, this, [this, seen, screenshot] {
            SyncStatus *status = m_app.status();
            if (!status)
                return;
            connect(status, &SyncStatus::progressDoneChanged, this, [this, seen, screenshot, status] {
                if (seen->seen || status->progressDone() == 0 || status->progressTotal() == 0)
                    return;
                seen->seen = true;
                seen->sessionSaysFirstSync = m_app.session()->isFirstSync();
                seen->viewShown = m_app.visibleItem(u"firstSyncView"_s) != nullptr;
                QQuickItem *add = m_app.visibleItem(u"addFieldOfAction"_s);
                seen->addEnabled = add && add->isEnabled();
                seen->submitVisible = m_app.visibleItem(u"submitPlan"_s) != nullptr;
                seen->overviewTableShown = m_app.visibleItem(u"dashboardTable"_s) != nullptr;
                seen->emptyPlanShown = m_app.visibleItem(u"planOutline"_s) != nullptr;
                m_app.screenshot(screenshot);
            });
        });
    }

    void selectInOutline(const QString &entityId)
    {
        auto *outline = m_app.item(u"planOutline"_s);
        QVERIFY(outline);
        auto *model = qobject_cast<PlanOutlineModel *>(outline->property("model").value<QObject *>());
        QVERIFY(model);
        QTRY_VERIFY(model->indexOf(entityId) >= 0);
        outline->setProperty("currentIndex", model->indexOf(entityId));
        QTRY_COMPARE(m_app.item(u"entityEditor"_s)->property("entityId").toString(), entityId);
    }

    QString accountFolder(const QString &client, const QString &name = u"account"_s) const
    {
        return m_data.filePath(client + u'/' + name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start());
    }

    void firstSyncOfAMunicipalityIsShownAsSuch()
    {
        // Issue 12: during the first sync "Mein Plan" invited to create the first field of action, and
        // "+ Handlungsfeld" and "Zur Prüfung einreichen …" were enabled.
        m_app.start(m_data.filePath(u"adorf"_s), u"de"_s, false, QSize(1366, 768));
        if (QTest::currentTestFailed())
            return;
        FirstSyncSeen seen;
        watchFirstSync(&seen, u"first-sync-my-plan"_s);
        m_app.signInThroughSetupPage(m_server.url(), u"adorf"_s, m_server.password(u"adorf"_s));
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(seen.seen, "the first sync showed no progress");
        QVERIFY(seen.sessionSaysFirstSync);
        QVERIFY2(seen.viewShown, "the first sync was not shown as such");
        QVERIFY2(!seen.addEnabled, "entries could be created during the first sync");
        QVERIFY2(!seen.submitVisible, "the plan could be submitted during the first sync");
        QVERIFY2(!seen.emptyPlanShown, "the plan looked empty during the first sync");

        // Once the plan has arrived: the plan, and creating it.
        QVERIFY(!m_app.session()->isFirstSync());
        QTRY_VERIFY(!m_app.visibleItem(u"firstSyncView"_s));
        QTRY_VERIFY(m_app.visibleItem(u"addFieldOfAction"_s));
        QVERIFY(m_app.visibleItem(u"addFieldOfAction"_s)->isEnabled());
        QVERIFY(m_app.visibleItem(u"submitPlan"_s));
        auto *outline = qobject_cast<PlanOutlineModel *>(m_app.item(u"planOutline"_s)->property("model").value<QObject *>());
        QVERIFY(outline);
        QTRY_VERIFY2(outline->count() > 0, "the plan that arrived is not shown");
        m_app.screenshot(u"my-plan-after-first-sync"_s);

        // The history of a measure made by the server's demo data: its creation is one entry, by the server.
        const QString measure = outline->get(2).value(u"entityId"_s).toString();
        QCOMPARE(m_app.session()->entityType(measure), u"measure"_s);
        selectInOutline(measure);
        QTRY_VERIFY(m_app.visibleItem(u"tabMilestones"_s)); // the measure's tabs, not the plan's
        QQuickItem *origin = nullptr;
        for (int attempt = 0; attempt < 5 && !origin; ++attempt) { // a click while the editor is rebuilt is lost
            m_app.clickNamed(u"tabHistory"_s);
            if (!QTest::qWaitFor([&] { return (origin = m_app.visibleItem(u"historyOrigin_0"_s)) != nullptr; }, 200))
                continue; // not shown: the click was lost, click again
        }
        QVERIFY(origin);
        QVERIFY2(!origin->property("text").toString().contains(u"server-"_s), qPrintable(origin->property("text").toString()));
        QQuickItem *expand = nullptr;
        for (int row = 0; row < 20 && !expand; ++row)
            expand = m_app.visibleItem(u"historyExpand_%1"_s.arg(row));
        QVERIFY2(expand, "no creation entry to open");
        m_app.screenshot(u"history"_s);
        m_app.click(expand);
        m_app.screenshot(u"history-creation-opened"_s);
        m_app.clickNamed(u"tabFields"_s);
    }

    void firstSyncOfTheOfficeIsShownAsSuch()
    {
        // Issue 12: the office's overview said "Keine Kommune passt zu diesem Filter · 0 von 0 Kommunen".
        AppDriver office;
        office.start(m_data.filePath(u"office"_s), u"de"_s, false, QSize(1366, 768));
        if (QTest::currentTestFailed())
            return;
        FirstSyncSeen seen;
        bool watched = false;
        connect(office.session(), &Session::accountChanged, this, [&] {
            SyncStatus *status = office.status();
            if (!status || watched)
                return;
            watched = true;
            connect(status, &SyncStatus::progressDoneChanged, this, [&, status] {
                if (seen.seen || status->progressDone() == 0 || status->progressTotal() == 0)
                    return;
                seen.seen = true;
                seen.sessionSaysFirstSync = office.session()->isFirstSync();
                seen.viewShown = office.visibleItem(u"firstSyncView"_s) != nullptr;
                seen.overviewTableShown = office.visibleItem(u"dashboardTable"_s) != nullptr;
            });
        });
        office.signInThroughSetupPage(m_server.url(), u"geschaeftsstelle"_s, m_server.password(u"geschaeftsstelle"_s));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(seen.seen);
        QVERIFY(seen.sessionSaysFirstSync);
        QVERIFY2(seen.viewShown, "the overview did not show the first sync");
        QVERIFY2(!seen.overviewTableShown, "the overview showed an empty table during the first sync");
        QTRY_VERIFY(office.visibleItem(u"dashboardTable"_s));
        QVERIFY(!office.visibleItem(u"firstSyncView"_s));
    }

    void aSignInTheServerNeverAnswersShowsNoPlan()
    {
        // A server that takes the connection, says nothing and then hangs up. While the sign-in waits,
        // the replica opened for the account must not show as a plan ("Nur auf diesem Gerät", empty).
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        connect(&silent, &QTcpServer::newConnection, this, [&silent] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                QTimer::singleShot(1500, socket, [socket] { socket->abort(); });
        });
        AppDriver fresh(QStringLiteral(WERKSTATTPLAN_SCREENSHOTS));
        fresh.start(m_data.filePath(u"silent"_s), u"de"_s, false, QSize(1366, 768));
        if (QTest::currentTestFailed())
            return;
        Session *session = fresh.session();
        bool planShownWhileWaiting = false;
        connect(session, &Session::accountChanged, this, [&] {
            if (session->isBusy() && (session->isReady() || !fresh.visibleItem(u"setupPage"_s)))
                planShownWhileWaiting = true;
        });
        fresh.typeInto(fresh.item(u"setupServer"_s), u"http://127.0.0.1:%1"_s.arg(silent.serverPort()), false);
        fresh.typeInto(fresh.item(u"setupUser"_s), u"adorf"_s, false);
        fresh.typeInto(fresh.item(u"setupPassword"_s), u"geheim-und-lang"_s, false);
        fresh.clickNamed(u"setupSignIn"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 40'000);
        QVERIFY2(!planShownWhileWaiting, "an empty plan was shown while the server had not answered");
        QVERIFY(!session->isReady());
        QVERIFY(fresh.visibleItem(u"setupPage"_s));
        QObject *error = fresh.visibleItem(u"setupError"_s);
        QVERIFY(error);
        QCOMPARE(error->property("text").toString(), Vocabulary::signInErrorText(u"server_unreachable"_s));
        fresh.screenshot(u"sign-in-no-answer"_s);
    }

    void signingInOverPlainHttpAsksFirstAndTheCaFileIsChosenThere()
    {
        AppDriver fresh(QStringLiteral(WERKSTATTPLAN_SCREENSHOTS));
        fresh.start(m_data.filePath(u"plain-http"_s), u"de"_s, false, QSize(1366, 768));
        if (QTest::currentTestFailed())
            return;
        Session *session = fresh.session();
        // A certificate authority of the municipality, chosen under "Erweitert"; a file without one is refused.
        fresh.clickNamed(u"setupAdvanced"_s);
        QTRY_VERIFY(fresh.visibleItem(u"setupCaFile"_s));
        const QString notPem = m_data.filePath(u"not-a-certificate.pem"_s);
        QFile file(notPem);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("kein Zertifikat\n") > 0);
        file.close();
        QVERIFY(!session->useCaFile(QUrl::fromLocalFile(notPem)));
        QCOMPARE(session->caFile(), QString());
        const QString authorities = u"/etc/ssl/certs/ca-certificates.crt"_s;
        QVERIFY2(QFile::exists(authorities), "ca-certificates is not installed");
        QVERIFY(session->useCaFile(QUrl::fromLocalFile(authorities)));
        QTRY_COMPARE(fresh.item(u"setupCaFile"_s)->property("text").toString(), authorities);
        fresh.clickNamed(u"setupRemoveCaFile"_s);
        QTRY_COMPARE(session->caFile(), QString());

        // Plain http:// to another computer: asked first, and cancelling sends nothing.
        fresh.typeInto(fresh.item(u"setupServer"_s), u"http://192.0.2.10:8470"_s, false);
        fresh.typeInto(fresh.item(u"setupUser"_s), u"adorf"_s, false);
        fresh.typeInto(fresh.item(u"setupPassword"_s), u"geheim-und-lang"_s, false);
        fresh.clickNamed(u"setupSignIn"_s);
        QObject *question = fresh.find(u"setupInsecureConnection"_s);
        QVERIFY(question);
        QTRY_VERIFY(question->property("opened").toBool());
        QVERIFY(!session->isBusy());
        fresh.screenshot(u"sign-in-plain-http"_s);
        fresh.clickNamed(u"insecureConnectionCancel"_s);
        QTRY_VERIFY(!question->property("visible").toBool());
        QVERIFY(!session->isBusy());
        QVERIFY(!session->isReady());
        QCOMPARE(fresh.item(u"setupPassword"_s)->property("text").toString(), u"geheim-und-lang"_s); // nothing sent
    }

    void workingOfflineByChoiceSaysSo()
    {
        // Issue 12: "Offline arbeiten" showed a green "Alles übertragen", then "Wird abgeglichen …".
        // The office's client of the test before was the app's one Session: start this one again, as after a restart.
        m_app.start(m_data.filePath(u"adorf"_s), u"de"_s, true, QSize(1366, 768));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_app.session()->isReady());
        QTRY_COMPARE(m_app.status()->state(), SyncStatus::Online);
        m_app.session()->setWorkOffline(true);
        QCOMPARE(m_app.status()->state(), SyncStatus::OfflineByChoice);
        QTRY_COMPARE(m_app.item(u"syncStateLabel"_s)->property("text").toString(), u"Offline (gewählt)"_s);
        const QString plan = m_app.session()->planId();
        QVERIFY(m_app.session()->setField(plan, u"vision"_s, u"Adorf bleibt lebenswert – offline geschrieben."_s));
        QTRY_COMPARE(m_app.item(u"syncPendingLabel"_s)->property("text").toString(), u"· 1 Änderung wartet"_s);
        QTest::qWait(SyncEngine::debounceMs * 2); // a push would have started by now
        QCOMPARE(m_app.status()->state(), SyncStatus::OfflineByChoice);
        QCOMPARE(m_app.item(u"syncStateLabel"_s)->property("text").toString(), u"Offline (gewählt)"_s);
        QCOMPARE(m_app.item(u"syncStatusBar"_s)->property("tone").toString(), u"pending"_s);
        QCOMPARE(m_app.session()->unsentChanges(), 1);
        auto *outline = qobject_cast<PlanOutlineModel *>(m_app.item(u"planOutline"_s)->property("model").value<QObject *>());
        QTRY_VERIFY(outline->count() > 0);
        m_app.screenshot(u"offline-by-choice"_s);
    }

    void signingOutKeepsUnsentWorkForTheNextSignIn()
    {
        // Issue 12: there was no way to sign out; signing out must never discard unsent changes.
        const QString vision = m_app.session()->fieldValue(m_app.session()->planId(), u"vision"_s);
        QCOMPARE(m_app.session()->unsentChanges(), 1);
        m_app.showPage(u"settings"_s);
        m_app.clickNamed(u"signOutButton"_s);
        QQuickItem *text = nullptr;
        QTRY_VERIFY((text = m_app.visibleItem(u"signOutDialogText"_s)) != nullptr);
        const QString warning = text->property("text").toString();
        QVERIFY2(warning.contains(u"1 Änderung ist noch nicht auf dem Server"_s), qPrintable(warning));
        QVERIFY2(warning.contains(u"bleiben auf diesem Gerät"_s) || warning.contains(u"bleibt auf diesem Gerät"_s),
                 qPrintable(warning));
        m_app.screenshot(u"sign-out-dialog"_s);
        m_app.clickNamed(u"signOutConfirm"_s);
        QTRY_VERIFY(!m_app.session()->isReady());
        QTRY_VERIFY(m_app.visibleItem(u"setupSignIn"_s));

        // The replica is still there, with the change and without the token.
        {
            auto kept = LocalReplica::open(accountFolder(u"adorf"_s));
            QVERIFY(kept);
            QCOMPARE(kept.value()->pendingCount(), 1);
            QVERIFY(kept.value()->token().isEmpty());
            QCOMPARE(kept.value()->account()->user, u"adorf"_s);
        }
        // After a restart too, the first-start page asks for an account (nothing is signed in).
        m_app.start(m_data.filePath(u"adorf"_s), u"de"_s, false, QSize(1366, 768));
        QVERIFY(!m_app.session()->openLast());
        m_app.session()->setWorkOffline(false);

        // Signing in again with the same account continues with the same replica and sends the change.
        m_app.signInThroughSetupPage(m_server.url(), u"adorf"_s, m_server.password(u"adorf"_s));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(QDir(m_app.session()->replica()->folder()).absolutePath(), QDir(accountFolder(u"adorf"_s)).absolutePath());
        QTRY_COMPARE(m_app.session()->unsentChanges(), 0);
        Laptop other;
        QVERIFY(other.signIn(m_server.url(), u"adorf"_s, m_server.password(u"adorf"_s)));
        QCOMPARE(other.sync(), QString());
        QCOMPARE(other.value(m_app.session()->planId(), u"vision"_s), vision);
    }

    void deviceIsNamedInSettings()
    {
        // Issue 12: devices were shown by id. The name is the computer's until someone names it in Einstellungen.
        QCOMPARE(m_app.session()->deviceName(), LocalReplica::defaultDeviceName());
        m_app.showPage(u"settings"_s);
        QQuickItem *field = nullptr;
        QTRY_VERIFY((field = m_app.visibleItem(u"deviceNameField"_s)) != nullptr);
        QCOMPARE(field->property("text").toString(), LocalReplica::defaultDeviceName());
        m_app.typeInto(field, u"Laptop Rathaus"_s);
        QTRY_COMPARE(m_app.session()->deviceName(), u"Laptop Rathaus"_s);
        QTRY_COMPARE(m_app.session()->unsentChanges(), 0);
        QTRY_COMPARE(m_app.status()->state(), SyncStatus::Online);
        m_app.screenshot(u"settings-device-name"_s);

        // Another device of the same municipality learns the name, and shows this device's edits by it.
        Laptop other;
        QVERIFY(other.signIn(m_server.url(), u"adorf"_s, m_server.password(u"adorf"_s)));
        QCOMPARE(other.sync(), QString());
        QCOMPARE(other.value(m_app.session()->device(), u"name"_s), u"Laptop Rathaus"_s);
        QCOMPARE(other.value(m_app.session()->device(), u"municipality"_s),
                 m_app.session()->fieldValue(m_app.session()->planId(), u"municipality"_s));
    }

    void changingTheAccountUsesAReplicaOfItsOwn()
    {
        // "Konto wechseln": another account on the same device gets its own replica; the first one's stays.
        m_app.showPage(u"settings"_s);
        m_app.clickNamed(u"switchAccountButton"_s);
        m_app.clickNamed(u"signOutConfirm"_s);
        QTRY_VERIFY(!m_app.session()->isReady());
        m_app.signInThroughSetupPage(m_server.url(), u"furth"_s, m_server.password(u"furth"_s));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(m_app.session()->user(), u"furth"_s);
        QCOMPARE(QDir(m_app.session()->replica()->folder()).absolutePath(),
                 QDir(accountFolder(u"adorf"_s, u"account-2"_s)).absolutePath());
        QCOMPARE(m_app.session()->municipalityName(), u"Furth"_s);

        m_app.session()->signOut();
        QTRY_VERIFY(!m_app.session()->isReady());
        m_app.signInThroughSetupPage(m_server.url(), u"adorf"_s, m_server.password(u"adorf"_s));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(QDir(m_app.session()->replica()->folder()).absolutePath(), QDir(accountFolder(u"adorf"_s)).absolutePath());
    }

    void selectionDoesNotOutliveLocalWorkTakenIntoAnAccount()
    {
        // Issue 12: after connecting local work to an account the buttons stayed enabled with nothing
        // selected, and "Löschen" said "Der Eintrag ist nicht (mehr) vorhanden.".
        m_app.start(m_data.filePath(u"local"_s), u"de"_s, false, QSize(1366, 768));
        if (QTest::currentTestFailed())
            return;
        Session *session = m_app.session();
        QVERIFY(session->startLocal(u"Riesa"_s));
        const QString field = session->addEntity(u"field_of_action"_s, session->planId(), u"Innenstadt"_s);
        const QString goal = session->addEntity(u"goal"_s, field, u"Leerstand nutzen"_s);
        const QString measure = session->addEntity(u"measure"_s, goal, u"Pop-up-Läden"_s);
        QVERIFY(!measure.isEmpty());
        selectInOutline(measure);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_app.visibleItem(u"deleteEntry"_s)->isEnabled());

        session->signIn(m_server.url().toString(), u"riesa"_s, m_server.password(u"riesa"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy() && !session->isLocalOnly(), 30'000);
        QCOMPARE(session->user(), u"riesa"_s);
        QTRY_VERIFY(m_app.visibleItem(u"deleteEntry"_s));
        QVERIFY2(!m_app.visibleItem(u"deleteEntry"_s)->isEnabled(), "deleting was offered with nothing selected");
        QVERIFY(!m_app.visibleItem(u"moveUp"_s)->isEnabled());
        QVERIFY(!m_app.visibleItem(u"moveDown"_s)->isEnabled());
        QCOMPARE(m_app.item(u"entityEditor"_s)->property("entityId").toString(), session->planId());

        // A selected entry that is gone (here: its creation undone) leaves no selection behind either.
        const QString added = session->addEntity(u"field_of_action"_s, session->planId(), u"Mobilität"_s);
        selectInOutline(added);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_app.visibleItem(u"deleteEntry"_s)->isEnabled());
        session->undo();
        QVERIFY(!session->isLive(added));
        QTRY_VERIFY(!m_app.visibleItem(u"deleteEntry"_s)->isEnabled());
        QCOMPARE(m_app.item(u"entityEditor"_s)->property("entityId").toString(), session->planId());
    }

    void cleanupTestCase() { m_app.stop(); }
};

QTEST_MAIN(TestAccountFlows)
#include "tst_accountflows.moc"
