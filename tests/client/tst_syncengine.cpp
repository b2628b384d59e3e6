// SPDX-License-Identifier: GPL-3.0-or-later
// The client's sync engine against a real werkstattplan-server: laptops that
// edit offline converge, the status tells the truth, an unreachable server
// loses nothing.

#include "helpers/laptop.h"
#include "helpers/serverprocess.h"
#include "localreplica.h"
#include "syncengine.h"
#include "syncstatus.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString password = u"geheim-und-lang"_s;

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void offlineEditsOfTwoLaptopsConverge();
    void statusIsHonest();
    void bootstrapOfSeveralPagesMatchesTheWriter();
    void devicesKnowEachOthersNames();
    void workingOfflineByChoiceIsAStateOfItsOwn();
    void newerServerProtocolChangesNothing();
    void unreachableServerLosesNothing(); // stops the server: last

private:
    bool signIn(Laptop &laptop, const QString &user);
    ServerProcess m_server;
    QString m_planId;
};

void TestSyncEngine::initTestCase()
{
    QVERIFY(m_server.start());
    const auto added = m_server.admin({ u"add-municipality"_s, u"Marktredwitz"_s, u"--state"_s, u"Bayern"_s,
                                        u"--cluster"_s, u"Süd"_s });
    QVERIFY2(added.ok(), added.err.constData());
    m_planId = added.lines().value(0).split(u' ').value(2);
    QVERIFY(!m_planId.isEmpty());
    QVERIFY(m_server.admin({ u"add-account"_s, u"marktredwitz"_s, u"--municipality"_s, u"Marktredwitz"_s },
                           password.toUtf8())
                    .ok());
    QVERIFY(m_server.admin({ u"add-account"_s, u"office"_s, u"--office"_s }, password.toUtf8()).ok());
}

bool TestSyncEngine::signIn(Laptop &laptop, const QString &user)
{
    return laptop.signIn(m_server.baseUrl(), user, password);
}

void TestSyncEngine::offlineEditsOfTwoLaptopsConverge()
{
    Laptop one, two, office;
    QVERIFY(signIn(one, u"marktredwitz"_s));
    QVERIFY(signIn(two, u"marktredwitz"_s));
    QVERIFY(signIn(office, u"office"_s));
    QCOMPARE(one.sync(), QString());
    const auto field = one.replica->add(u"field_of_action"_s, m_planId, { { u"title"_s, u"Wohnen"_s } });
    QVERIFY(field);
    const auto goal = one.replica->add(u"goal"_s, field.value(), { { u"title"_s, u"Leerstand nutzen"_s } });
    const auto measure = one.replica->add(
            u"measure"_s, goal.value(),
            { { u"title"_s, u"Leerstandskataster"_s },
              { u"description"_s, u"Die Stadt erfasst leere Häuser. Eigentümer werden beraten."_s } });
    QVERIFY(measure);
    QCOMPARE(one.sync(), QString());
    QCOMPARE(two.sync(), QString());
    QCOMPARE(two.value(measure.value(), u"title"_s), u"Leerstandskataster"_s);

    // Offline on both laptops: the same title, and different parts of the description.
    QVERIFY(one.replica->set(measure.value(), { { u"title"_s, u"Leerstandskataster 2026"_s },
                                                { u"description"_s, u"Die Stadt erfasst leere Häuser und Läden. Eigentümer werden beraten."_s } }));
    QVERIFY(two.replica->set(measure.value(), { { u"title"_s, u"Kataster leerer Gebäude"_s },
                                                { u"description"_s, u"Die Stadt erfasst leere Häuser. Eigentümer werden kostenlos beraten."_s } }));
    QCOMPARE(one.sync(), QString());
    QCOMPARE(two.sync(), QString());
    QCOMPARE(one.sync(), QString());
    QCOMPARE(office.sync(), QString());
    for (Laptop *laptop : { &one, &two, &office }) {
        QCOMPARE(laptop->value(measure.value(), u"description"_s),
                 u"Die Stadt erfasst leere Häuser und Läden. Eigentümer werden kostenlos beraten."_s);
        QCOMPARE(laptop->replica->store().conflicts().size(), 1);
    }
    QCOMPARE(one.replica->store().stateDigest(), two.replica->store().stateDigest());

    // Resolving on one laptop settles it everywhere.
    const Conflict conflict = one.replica->store().conflicts().first();
    QVERIFY(one.replica->resolve(conflict.id, LocalReplica::Keep::Theirs));
    QCOMPARE(one.sync(), QString());
    QCOMPARE(two.sync(), QString());
    QVERIFY(two.replica->store().conflicts().isEmpty());
    QCOMPARE(two.value(measure.value(), u"title"_s), one.value(measure.value(), u"title"_s));
    QCOMPARE(one.replica->store().stateDigest(), two.replica->store().stateDigest());
}

void TestSyncEngine::statusIsHonest()
{
    Laptop laptop;
    QVERIFY(signIn(laptop, u"marktredwitz"_s));
    QCOMPARE(laptop.sync(), QString());
    SyncStatus *status = laptop.engine->status();
    QCOMPARE(status->state(), SyncStatus::State::Online);
    QVERIFY(status->lastCompleteSync().isValid());
    QVERIFY(laptop.replica->set(m_planId, { { u"vision"_s, u"Marktredwitz verbindet Generationen."_s } }));
    laptop.engine->notifyLocalChange();
    // Not confirmed yet: never a green light while something is pending.
    QVERIFY(status->pendingChanges() > 0 || laptop.replica->pendingCount() > 0);
    QVERIFY(status->state() != SyncStatus::State::Online || laptop.replica->pendingCount() == 0);
    QCOMPARE(laptop.sync(), QString());
    QCOMPARE(laptop.replica->pendingCount(), 0);
    QCOMPARE(status->pendingChanges(), 0);
    QCOMPARE(status->state(), SyncStatus::State::Online);
    QCOMPARE(status->toJson().value(u"pending"_s).toInt(), 0);
}

void TestSyncEngine::devicesKnowEachOthersNames()
{
    // Issue 12: changes were shown by device id. A device names itself in the first sync, every replica
    // learns the name, and a rename travels like any edit.
    Laptop rathaus, office;
    QVERIFY(signIn(rathaus, u"marktredwitz"_s));
    QVERIFY(signIn(office, u"office"_s));
    QCOMPARE(rathaus.sync(), QString());
    QCOMPARE(office.sync(), QString());
    QCOMPARE(rathaus.replica->pendingCount(), 0);
    QCOMPARE(office.replica->pendingCount(), 0);
    QCOMPARE(rathaus.replica->deviceName(), LocalReplica::defaultDeviceName());
    QVERIFY(!LocalReplica::defaultDeviceName().isEmpty());

    QVERIFY(rathaus.replica->describeDevice(u"Laptop Rathaus"_s));
    QCOMPARE(rathaus.sync(), QString());
    QCOMPARE(office.sync(), QString());
    const auto seen = office.replica->store().record(rathaus.replica->device());
    QVERIFY(seen && seen->isLive());
    QCOMPARE(seen->spec->name, u"device"_s);
    QCOMPARE(seen->value(u"name"_s), u"Laptop Rathaus"_s);
    QCOMPARE(seen->value(u"municipality"_s), rathaus.replica->account()->municipalityId);
    const auto officeDevice = rathaus.replica->store().record(office.replica->device());
    QVERIFY(officeDevice && officeDevice->isLive());
    QCOMPARE(officeDevice->value(u"name"_s), LocalReplica::defaultDeviceName());
    QVERIFY(officeDevice->value(u"municipality"_s).isEmpty()); // the office belongs to no municipality

    // Only a device writes its own record.
    const auto forged = rathaus.replica->set(office.replica->device(), { { u"name"_s, u"Gekapert"_s } });
    QVERIFY(!forged);
    QCOMPARE(forged.errorCode(), u"forbidden"_s);
}

void TestSyncEngine::workingOfflineByChoiceIsAStateOfItsOwn()
{
    // Issue 12: with "Offline arbeiten" on, the status said "Alles übertragen", then "Wird abgeglichen …".
    Laptop laptop;
    QVERIFY(signIn(laptop, u"marktredwitz"_s));
    QCOMPARE(laptop.sync(), QString());
    SyncStatus *status = laptop.engine->status();
    QCOMPARE(status->state(), SyncStatus::Online);
    laptop.engine->pause();
    QCOMPARE(status->state(), SyncStatus::OfflineByChoice);
    QVERIFY(!status->isSyncing());
    QVERIFY(laptop.replica->set(m_planId, { { u"vision"_s, u"Offline gewählt, offline geschrieben."_s } }));
    laptop.engine->notifyLocalChange();
    QCOMPARE(status->pendingChanges(), 1);
    QCOMPARE(status->state(), SyncStatus::OfflineByChoice); // neither green nor "syncing"
    QCOMPARE(status->toJson().value(u"state"_s).toString(), u"offlinebychoice"_s);
    QCOMPARE(status->toJson().value(u"offline_by_choice"_s).toBool(), true);
    QCOMPARE(status->toJson().value(u"pending"_s).toInt(), 1);

    // The command line's `status` on the same replica tells the same.
    {
        SyncEngine cli(*laptop.replica);
        QCOMPARE(cli.status()->state(), SyncStatus::OfflineByChoice);
    }
    // Reconnecting sends what waited.
    laptop.engine->start();
    QVERIFY(!status->isOfflineByChoice());
    QTRY_COMPARE_WITH_TIMEOUT(status->state(), SyncStatus::Online, 15000);
    QCOMPARE(laptop.replica->pendingCount(), 0);
    laptop.engine->stop();
    SyncEngine cli(*laptop.replica);
    QCOMPARE(cli.status()->state(), SyncStatus::Online);
}

void TestSyncEngine::unreachableServerLosesNothing()
{
    Laptop laptop;
    QVERIFY(signIn(laptop, u"marktredwitz"_s));
    QCOMPARE(laptop.sync(), QString());
    m_server.kill();
    QVERIFY(laptop.replica->set(m_planId, { { u"title"_s, u"Werkstattplan Marktredwitz 2027"_s } }));
    const auto result = laptop.engine->syncOnce();
    QVERIFY(!result);
    QCOMPARE(result.errorCode(), u"server_unreachable"_s);
    QCOMPARE(laptop.engine->status()->state(), SyncStatus::State::Offline);
    QCOMPARE(laptop.replica->pendingCount(), 1);
    QCOMPARE(laptop.value(m_planId, u"title"_s), u"Werkstattplan Marktredwitz 2027"_s);
}

void TestSyncEngine::bootstrapOfSeveralPagesMatchesTheWriter()
{
    // More entities than fit one bootstrap page: the next page is asked for while one is written.
    Laptop writer;
    QVERIFY(signIn(writer, u"marktredwitz"_s));
    QCOMPARE(writer.sync(), QString());
    const auto field = writer.replica->add(u"field_of_action"_s, m_planId, { { u"title"_s, u"Mobilität"_s } });
    QVERIFY(field);
    const auto goal = writer.replica->add(u"goal"_s, field.value(), { { u"title"_s, u"Bus im Takt"_s } });
    QVERIFY(goal);
    QList<LocalReplica::EntityEdit> edits;
    const int measures = SyncEngine::bootstrapPageSize * 2 + 100;
    for (int i = 0; i < measures; ++i)
        edits.append({ {}, u"measure"_s, goal.value(), { { u"title"_s, u"Haltestelle %1"_s.arg(i) } } });
    QVERIFY(writer.replica->applyEdits(edits));
    QCOMPARE(writer.sync(), QString());

    Laptop office;
    QVERIFY(signIn(office, u"office"_s));
    QCOMPARE(office.sync(), QString());
    QVERIFY(!office.replica->needsBootstrap());
    QCOMPARE(writer.sync(), QString()); // the office's first sync also told everyone its device's name
    // A compact first sync: the same records, their heads in the log instead of every change.
    QCOMPARE(office.replica->store().stateDigest(DigestOf::Records), writer.replica->store().stateDigest(DigestOf::Records));
    QVERIFY(office.replica->store().partialHistories().value() >= measures);

    // The change log is indexed again: the office's own edit is logged once, and reaches the writer.
    const auto comment = office.replica->add(u"comment"_s, m_planId, { { u"body"_s, u"Schöne Haltestellen"_s } });
    QVERIFY(comment);
    QCOMPARE(office.sync(), QString());
    QCOMPARE(office.engine->status()->pendingChanges(), 0);
    QCOMPARE(writer.sync(), QString());
    QCOMPARE(writer.value(comment.value(), u"body"_s), u"Schöne Haltestellen"_s);
}

void TestSyncEngine::newerServerProtocolChangesNothing()
{
    // A server of a later protocol version: the real server speaks ours, so a
    // minimal stand-in answers every request as such a server would (426).
    Laptop laptop;
    QVERIFY(signIn(laptop, u"marktredwitz"_s));
    QCOMPARE(laptop.sync(), QString());
    QTcpServer newer;
    QVERIFY(newer.listen(QHostAddress::LocalHost));
    connect(&newer, &QTcpServer::newConnection, &newer, [&newer] {
        QTcpSocket *socket = newer.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [socket] {
            if (!socket->readAll().contains("\r\n\r\n"))
                return;
            const QByteArray body = R"({"error":"unsupported_protocol","message":"this server speaks protocol 2","supported":[2]})";
            socket->write("HTTP/1.1 426 Upgrade Required\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
    });
    AccountInfo account = *laptop.replica->account();
    account.serverUrl = u"http://127.0.0.1:%1"_s.arg(newer.serverPort());
    QVERIFY(laptop.replica->setAccount(account, laptop.replica->token()));
    QVERIFY(laptop.replica->set(m_planId, { { u"vision"_s, u"Offline geschrieben."_s } }));
    const qint64 cursor = laptop.replica->cursor();
    const QByteArray before = laptop.replica->store().stateDigest();
    laptop.engine = std::make_unique<SyncEngine>(*laptop.replica);

    const auto result = laptop.engine->syncOnce();
    QVERIFY(!result);
    QCOMPARE(result.errorCode(), u"unsupported_protocol"_s);
    QCOMPARE(laptop.engine->status()->state(), SyncStatus::State::Error);
    QCOMPARE(laptop.engine->status()->errorCode(), u"unsupported_protocol"_s);
    // Nothing changed: the edit still waits, the replica and its cursor are as they were.
    QCOMPARE(laptop.replica->pendingCount(), 1);
    QCOMPARE(laptop.replica->cursor(), cursor);
    QCOMPARE(laptop.replica->store().stateDigest(), before);
    QVERIFY(!laptop.replica->token().isEmpty());
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
