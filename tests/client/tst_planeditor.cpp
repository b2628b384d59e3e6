// SPDX-License-Identifier: GPL-3.0-or-later
// The editing rules live in the client core (PlanEditor), so the command line and the desktop client
// apply them alike: a new measure starts as an idea, a comment's kind follows the author's role, a move
// lands between the neighbours; and signing in never blocks the desktop client's event loop.
#include "helpers/cliprocess.h"
#include "planeditor.h"
#include "session.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using namespace CliTest;

namespace {

struct Account
{
    QString user;
    QString passwordFile;
    QString password;
    QString planId;
};

/** A real server with one municipality (its account) and the office. */
struct ServerWithAccounts
{
    Server server;
    QTemporaryDir secrets;
    Account municipality;
    Account office;

    bool start()
    {
        if (!secrets.isValid() || !server.start())
            return false;
        const auto added = server.admin(
                { u"add-municipality"_s, u"Adorf/Vogtl."_s, u"--state"_s, u"Sachsen"_s, u"--cluster"_s, u"Süd"_s });
        const QStringList words = added.lines().value(0).split(u' ');
        if (!added.ok() || words.size() != 3)
            return false;
        municipality.planId = words[2];
        return addAccount(municipality, u"adorf-anna"_s, { u"--municipality"_s, u"Adorf/Vogtl."_s })
                && addAccount(office, u"office-dora"_s, { u"--office"_s });
    }

    bool addAccount(Account &account, const QString &user, const QStringList &where)
    {
        account.user = user;
        account.password = u"%1-Werkstatt-2026"_s.arg(user);
        account.passwordFile = secrets.filePath(user);
        QFile secret(account.passwordFile);
        if (!secret.open(QIODevice::WriteOnly) || secret.write(account.password.toUtf8() + '\n') < 0)
            return false;
        secret.close();
        return server.admin(QStringList { u"add-account"_s, user, u"--password-file"_s, account.passwordFile } + where)
                .ok();
    }
};

/** Passes connections on to a server, each only after a delay: a server that is slow to answer. */
class DelayingProxy : public QObject
{
public:
    DelayingProxy(quint16 target, int delayMs)
        : m_target(target),
          m_delayMs(delayMs)
    {
        m_listener.listen(QHostAddress::LocalHost);
        connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_listener.nextPendingConnection()) {
                ++m_waiting;
                QTimer::singleShot(m_delayMs, client, [this, client] { forward(client); });
            }
        });
    }
    [[nodiscard]] QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(m_listener.serverPort())); }
    /** Connections held back now. */
    [[nodiscard]] int waiting() const { return m_waiting; }

private:
    void forward(QTcpSocket *client)
    {
        --m_waiting;
        auto *upstream = new QTcpSocket(client);
        connect(upstream, &QTcpSocket::connected, client, [client, upstream] { upstream->write(client->readAll()); });
        connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
            if (upstream->state() == QAbstractSocket::ConnectedState)
                upstream->write(client->readAll());
        });
        connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
        connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        upstream->connectToHost(QHostAddress::LocalHost, m_target);
    }

    QTcpServer m_listener;
    quint16 m_target;
    int m_delayMs;
    int m_waiting = 0;
};

QUrl serverUrl(const Server &server)
{
    return QUrl(server.url());
}

/** A desktop client's session in a folder of its own, signed in (waits for the first sync); null on failure. */
std::unique_ptr<Session> signedInSession(const QTemporaryDir &folder, const QUrl &server, const Account &account)
{
    auto session = std::make_unique<Session>(folder.path());
    QSignalSpy finished(session.get(), &Session::signInFinished);
    session->signIn(server.toString(), account.user, account.password);
    if (!finished.wait(60'000) || !finished.constFirst().constFirst().toString().isEmpty()) {
        qWarning() << "sign-in failed:" << (finished.isEmpty() ? u"no answer"_s : finished.constFirst().constFirst().toString());
        return nullptr;
    }
    return session;
}

} // namespace

class TestPlanEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newMeasureStartsAsIdeaEverywhere();
    void commentKindFollowsTheRole();
    void moveLandsBetweenTheNeighbours();
    void schemaDefaultsOnlyFillWhatIsMissing();
    void signInDoesNotBlockTheEventLoop();
};

void TestPlanEditor::newMeasureStartsAsIdeaEverywhere()
{
    ServerWithAccounts fixture;
    QVERIFY(fixture.start());
    auto laptop = connectedLaptop(fixture.server, fixture.municipality.user, fixture.municipality.passwordFile,
                                  u"cli-laptop"_s);
    QVERIFY(laptop);
    const QString field = laptop->add(u"field"_s, fixture.municipality.planId, { u"title=Wirtschaft"_s });
    const QString goal = laptop->add(u"goal"_s, field, { u"title=Fachkräfte"_s });
    const QString fromCli = laptop->add(u"measure"_s, goal, { u"title=Ausbildungsmesse"_s });
    QVERIFY(!fromCli.isEmpty());
    QCOMPARE(laptop->value(fromCli, u"status"_s), u"idea"_s);
    QVERIFY(laptop->sync());

    QTemporaryDir desktopFolder;
    const auto desktop = signedInSession(desktopFolder, serverUrl(fixture.server), fixture.municipality);
    QVERIFY(desktop);
    const QString fromDesktop = desktop->addEntity(u"measure"_s, goal, u"Praktikumsbörse"_s);
    QVERIFY(!fromDesktop.isEmpty());
    QCOMPARE(desktop->fieldValue(fromDesktop, u"status"_s), u"idea"_s);
    // The create carries the default: the other replica gets it from the change, not from a rule of its own.
    QCOMPARE(desktop->fieldValue(fromCli, u"status"_s), u"idea"_s);
    // Given a status, a measure keeps it.
    const QString planned = laptop->add(u"measure"_s, goal, { u"title=Messe"_s, u"status=planned"_s });
    QCOMPARE(laptop->value(planned, u"status"_s), u"planned"_s);
}

void TestPlanEditor::commentKindFollowsTheRole()
{
    ServerWithAccounts fixture;
    QVERIFY(fixture.start());
    const QString plan = fixture.municipality.planId;
    auto municipality = connectedLaptop(fixture.server, fixture.municipality.user, fixture.municipality.passwordFile,
                                        u"adorf-laptop"_s);
    auto office = connectedLaptop(fixture.server, fixture.office.user, fixture.office.passwordFile, u"office-laptop"_s);
    QVERIFY(municipality && office);
    const QStringList body { u"target="_s + plan, u"body=Bitte den Zeitplan ergänzen."_s };
    const QString peer = municipality->add(u"comment"_s, plan, body);
    const QString review = office->add(u"comment"_s, plan, body);
    QCOMPARE(municipality->value(peer, u"kind"_s), u"peer"_s);
    QCOMPARE(office->value(review, u"kind"_s), u"review"_s);
    QCOMPARE(office->value(review, u"resolved"_s), u"false"_s);
    QVERIFY(municipality->sync());
    QVERIFY(office->sync());

    QTemporaryDir officeFolder;
    QTemporaryDir municipalityFolder;
    const auto officeDesktop = signedInSession(officeFolder, serverUrl(fixture.server), fixture.office);
    const auto municipalityDesktop = signedInSession(municipalityFolder, serverUrl(fixture.server), fixture.municipality);
    QVERIFY(officeDesktop && municipalityDesktop);
    const QString officeComment = officeDesktop->addComment(plan, u"Zeitplan fehlt."_s);
    // An answer to the office's note (synced before this desktop signed in) is peer feedback all the same.
    const QString municipalityComment = municipalityDesktop->addComment(plan, u"Wird ergänzt."_s, review);
    QCOMPARE(officeDesktop->fieldValue(officeComment, u"kind"_s), u"review"_s);
    QCOMPARE(municipalityDesktop->fieldValue(municipalityComment, u"kind"_s), u"peer"_s);
    QCOMPARE(municipalityDesktop->fieldValue(municipalityComment, u"resolved"_s), u"false"_s);
    QCOMPARE(municipalityDesktop->fieldValue(municipalityComment, u"reply_to"_s), review);
}

void TestPlanEditor::moveLandsBetweenTheNeighbours()
{
    QTemporaryDir folder;
    Session desktop(folder.path());
    QVERIFY(desktop.startLocal(u"Adorf/Vogtl."_s));
    QStringList fields;
    for (const QString &title : { u"Wirtschaft"_s, u"Wohnen"_s, u"Mobilität"_s })
        fields << desktop.addEntity(u"field_of_action"_s, desktop.planId(), title);
    QVERIFY(!fields.contains(QString()));

    // What the core computes is what the desktop client writes.
    PlanEditor editor(*desktop.replica());
    const QString expected = editor.positionAfterMove(fields[2], -1).value();
    QVERIFY(desktop.moveEntity(fields[2], -1));
    QCOMPARE(desktop.fieldValue(fields[2], u"position"_s), expected);
    QVERIFY(desktop.fieldValue(fields[0], u"position"_s) < expected);
    QVERIFY(expected < desktop.fieldValue(fields[1], u"position"_s));
    // And the move is undone like any edit.
    desktop.undo();
    QVERIFY(desktop.fieldValue(fields[2], u"position"_s) > desktop.fieldValue(fields[1], u"position"_s));

    QCOMPARE(editor.positionAfterMove(fields[0], -1).errorCode(), u"stale_position"_s);
    QCOMPARE(editor.positionAfterMove(desktop.planId(), 1).errorCode(), u"not_found"_s);
    const auto moved = editor.move(fields[0], 1);
    QVERIFY(moved);
    QCOMPARE(desktop.fieldValue(fields[0], u"position"_s), *moved);
    QVERIFY(*moved > desktop.fieldValue(fields[1], u"position"_s));
}

void TestPlanEditor::schemaDefaultsOnlyFillWhatIsMissing()
{
    QTemporaryDir folder;
    Session desktop(folder.path());
    QVERIFY(desktop.startLocal(u"Adorf/Vogtl."_s));
    PlanEditor editor(*desktop.replica());
    const LocalReplica::Fields measure = editor.withDefaults(u"measure"_s, { { u"title"_s, u"Messe"_s } });
    QVERIFY(measure.contains(qMakePair(u"status"_s, u"idea"_s)));
    const LocalReplica::Fields given = editor.withDefaults(u"measure"_s, { { u"status"_s, u"done"_s } });
    QCOMPARE(given, (LocalReplica::Fields { { u"status"_s, u"done"_s } }));
    // Without an account this is no office: peer feedback, not yet resolved.
    const LocalReplica::Fields comment = editor.withDefaults(u"comment"_s, {});
    QVERIFY(comment.contains(qMakePair(u"kind"_s, u"peer"_s)));
    QVERIFY(comment.contains(qMakePair(u"resolved"_s, u"false"_s)));
    QCOMPARE(editor.withDefaults(u"goal"_s, { { u"title"_s, u"Ziel"_s } }).size(), 1);
    // Editable per entity is "some field editable" by the one permission check.
    const QString field = desktop.addEntity(u"field_of_action"_s, desktop.planId(), u"Wirtschaft"_s);
    QVERIFY(editor.mayEditField(field, u"title"_s));
    QVERIFY(desktop.mayEdit(field));
    QVERIFY(!desktop.mayEdit(QString()));
}

void TestPlanEditor::signInDoesNotBlockTheEventLoop()
{
    ServerWithAccounts fixture;
    QVERIFY(fixture.start());
    DelayingProxy slowServer(quint16(serverUrl(fixture.server).port()), 1500);

    QTemporaryDir folder;
    Session desktop(folder.path());
    QSignalSpy finished(&desktop, &Session::signInFinished);
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(20);
    desktop.signIn(slowServer.url().toString(), fixture.municipality.user, fixture.municipality.password);
    // Back in this (the GUI's) event loop while the server holds the sign-in: nothing waits in a loop of its own.
    QTRY_VERIFY_WITH_TIMEOUT(slowServer.waiting() > 0, 10'000);
    const int ticksBefore = ticks;
    QTRY_VERIFY_WITH_TIMEOUT(ticks >= ticksBefore + 10, 5'000);
    QVERIFY(desktop.isBusy());
    QVERIFY(finished.isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60'000);
    QCOMPARE(finished.constFirst().constFirst().toString(), QString());
    QVERIFY(desktop.isReady());
    QVERIFY(!desktop.isBusy());
    QCOMPARE(desktop.user(), fixture.municipality.user);
    QCOMPARE(desktop.planId(), fixture.municipality.planId);
}

QTEST_MAIN(TestPlanEditor)
#include "tst_planeditor.moc"
