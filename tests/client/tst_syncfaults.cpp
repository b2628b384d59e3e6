// SPDX-License-Identifier: GPL-3.0-or-later
// The sync client against a real SyncService in this process (InProcessServer), with the faults a
// network and a broken server bring: a push too large, answers dropped, late, cut off or malformed.
// Nothing of the replica changes on a bad answer, no pending work is lost, and retries back off.

#include "helpers/inprocessserver.h"
#include "helpers/signin.h"
#include "localreplica.h"
#include "syncengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using Fault = InProcessServer::Fault;
Q_DECLARE_METATYPE(InProcessServer::Fault)
Q_DECLARE_METATYPE(std::optional<InProcessServer::Fault>)

namespace {

/** Short enough that no test waits long; the live socket reconnects rarely unless a test wants it. */
SyncTiming shortTiming()
{
    SyncTiming timing;
    timing.requestTimeoutMs = 200;
    timing.debounceMs = 1;
    timing.firstRetryMs = 10;
    timing.maxRetryMs = 80;
    timing.firstSocketRetryMs = 10 * 60 * 1000;
    return timing;
}

/** One client signed in to its own in-process server. Members in this order: the engine goes first. */
struct Client
{
    InProcessServer server;
    QTemporaryDir folder;
    std::unique_ptr<LocalReplica> replica;
    std::unique_ptr<SyncEngine> engine;
    QString planId;

    QString sync()
    {
        const auto done = engine->syncOnce();
        return done ? QString() : done.errorCode();
    }
    /** What a bad answer must not change: the outbox, the cursor, the log and the rejected changes. */
    [[nodiscard]] QStringList state()
    {
        QStringList state { u"cursor %1"_s.arg(replica->cursor()),
                            u"log %1"_s.arg(replica->store().lastSequence()),
                            u"rejected %1"_s.arg(replica->rejected().size()),
                            u"bootstrap %1"_s.arg(replica->needsBootstrap()) };
        for (const Change &change : replica->outbox(10'000))
            state << change.id;
        return state;
    }
};

std::unique_ptr<Client> makeClient(const SyncTiming &timing = shortTiming())
{
    auto client = std::make_unique<Client>();
    if (!client->server.openError().isEmpty()) {
        qWarning() << "server store:" << client->server.openError();
        return nullptr;
    }
    auto plan = client->server.addMunicipalityAccount(u"Marktredwitz"_s, u"marktredwitz"_s);
    auto opened = LocalReplica::open(client->folder.path());
    if (!plan || !opened) {
        qWarning() << plan.errorMessage() << opened.errorMessage();
        return nullptr;
    }
    client->planId = plan.value();
    client->replica = std::move(opened).value();
    if (Status in = client->server.signIn(*client->replica, u"marktredwitz"_s); !in) {
        qWarning() << in.errorMessage();
        return nullptr;
    }
    client->engine = std::make_unique<SyncEngine>(*client->replica, client->server.transport(), timing);
    return client;
}

/** A client that has bootstrapped and has nothing pending. */
std::unique_ptr<Client> makeSyncedClient(const SyncTiming &timing = shortTiming())
{
    auto client = makeClient(timing);
    if (client && !client->sync().isEmpty())
        return nullptr;
    return client;
}

/** Local edits: fields of action with a goal each. */
bool addFields(Client &client, int count)
{
    for (int i = 0; i < count; ++i) {
        const auto field = client.replica->add(u"field_of_action"_s, client.planId, { { u"title"_s, u"Feld %1"_s.arg(i) } });
        if (!field || !client.replica->add(u"goal"_s, field.value(), { { u"title"_s, u"Ziel %1"_s.arg(i) } }))
            return false;
    }
    return true;
}

/** Another device of the same account adds a field of action and sends it to the server. */
bool editOnAnotherDevice(Client &client)
{
    QTemporaryDir folder;
    auto other = LocalReplica::open(folder.path());
    if (!other || !client.server.signIn(*other.value(), u"marktredwitz"_s))
        return false;
    SyncEngine engine(*other.value(), client.server.transport(), shortTiming());
    if (!engine.syncOnce()) // a plan is edited once it is known
        return false;
    if (!other.value()->add(u"field_of_action"_s, client.planId, { { u"title"_s, u"Von nebenan"_s } }))
        return false;
    const auto synced = engine.syncOnce();
    if (!synced)
        qWarning() << "the other device:" << synced.errorCode() << synced.errorMessage();
    return bool(synced);
}

QStringList idsOf(const QList<Change> &changes)
{
    QStringList ids;
    for (const Change &change : changes)
        ids << change.id;
    return ids;
}

/** The ids of the changes in a push request body. */
QStringList pushedIds(const QByteArray &body)
{
    QStringList ids;
    const QJsonArray changes = QJsonDocument::fromJson(body).object().value(u"changes"_s).toArray();
    for (const QJsonValue &change : changes)
        ids << change.toObject().value(u"id"_s).toString();
    return ids;
}

} // namespace

class TestSyncFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pushHalvesOn413AndSendsEachChangeOnce();
    void largePushesGoPackedAndPlainToAServerThatRefusesThat_data();
    void largePushesGoPackedAndPlainToAServerThatRefusesThat();
    void badAnswerChangesNothing_data();
    void badAnswerChangesNothing();
    void badBootstrapPageChangesNothing_data();
    void badBootstrapPageChangesNothing();
    void lostAnswerKeepsTheWorkUntilConfirmed();
    void retriesBackOffUpToTheCap();
    void lateAnswerIsATimeout_data();
    void lateAnswerIsATimeout();
    void signInThroughTheTransport_data();
    void signInThroughTheTransport();
    void liveSocketReconnectsWithBackoff();
    void announcedCursorStartsAPull();
};

void TestSyncFaults::pushHalvesOn413AndSendsEachChangeOnce()
{
    auto client = makeSyncedClient();
    QVERIFY(client);
    QVERIFY(addFields(*client, 6));
    const QList<Change> pendingChanges = client->replica->outbox(10'000);
    const QStringList pending = idsOf(pendingChanges);
    QVERIFY(pending.size() >= 12);
    const qsizetype pushesBefore = client->server.exchangesOf(u"/v1/push"_s).size();
    client->server.inject(u"/v1/push"_s, Fault::answer(413), 2);

    QCOMPARE(client->sync(), QString());

    const QList<InProcessServer::Exchange> pushes = client->server.exchangesOf(u"/v1/push"_s).mid(pushesBefore);
    QVERIFY(pushes.size() >= 3);
    QCOMPARE(pushes[0].status, 413);
    QCOMPARE(pushes[1].status, 413);
    QCOMPARE(pushedIds(pushes[0].requestBody).size(), pending.size());
    QCOMPARE(pushedIds(pushes[1].requestBody).size(), pending.size() / 2);
    QStringList sent;
    for (const InProcessServer::Exchange &push : pushes.mid(2)) {
        QCOMPARE(push.status, 200);
        QVERIFY(pushedIds(push.requestBody).size() <= pending.size() / 4);
        sent << pushedIds(push.requestBody);
    }
    QCOMPARE(sent, pending); // each once, in order
    QCOMPARE(client->replica->pendingCount(), 0);
    for (const Change &change : pendingChanges) {
        const auto onServer = client->server.store().replica().record(change.entityId);
        QVERIFY2(onServer && onServer->isLive(), qPrintable(change.entityId));
    }
}

void TestSyncFaults::largePushesGoPackedAndPlainToAServerThatRefusesThat_data()
{
    QTest::addColumn<Fault>("refusal");
    // A server before compressed uploads reads the packed bytes as JSON; another may name the encoding.
    QTest::newRow("read as JSON") << Fault::answer(400, R"({"error":"malformed_json","message":"illegal value"})");
    QTest::newRow("encoding unsupported") << Fault::answer(415, R"({"error":"unsupported_encoding","message":"no"})");
}

void TestSyncFaults::largePushesGoPackedAndPlainToAServerThatRefusesThat()
{
    QFETCH(Fault, refusal);
    auto client = makeSyncedClient();
    QVERIFY(client);
    QVERIFY(addFields(*client, 6));
    const QStringList pending = idsOf(client->replica->outbox(10'000));
    const qsizetype pushesBefore = client->server.exchangesOf(u"/v1/push"_s).size();
    QCOMPARE(client->sync(), QString());
    // Packed, in a fraction of its bytes, and taken whole.
    auto pushes = client->server.exchangesOf(u"/v1/push"_s).mid(pushesBefore);
    QCOMPARE(pushes.size(), 1);
    QCOMPARE(pushes[0].requestEncoding, QByteArray("gzip"));
    QVERIFY(pushes[0].requestBody.size() >= SyncEngine::packBodiesFrom);
    QVERIFY2(pushes[0].requestBytes * 2 < pushes[0].requestBody.size(),
             qPrintable(u"%1 of %2"_s.arg(pushes[0].requestBytes).arg(pushes[0].requestBody.size())));
    QCOMPARE(pushedIds(pushes[0].requestBody), pending);
    QCOMPARE(client->replica->pendingCount(), 0);

    // Refused packed: sent again plain at once, and plain from then on; nothing lost, no error told.
    QVERIFY(addFields(*client, 6));
    const QStringList more = idsOf(client->replica->outbox(10'000));
    client->server.inject(u"/v1/push"_s, refusal);
    const qsizetype refusedFrom = client->server.exchangesOf(u"/v1/push"_s).size();
    QCOMPARE(client->sync(), QString());
    pushes = client->server.exchangesOf(u"/v1/push"_s).mid(refusedFrom);
    QCOMPARE(pushes.size(), 2);
    QCOMPARE(pushes[0].requestEncoding, QByteArray("gzip"));
    QVERIFY(pushes[0].status >= 400);
    QCOMPARE(pushes[1].requestEncoding, QByteArray());
    QCOMPARE(pushes[1].status, 200);
    QCOMPARE(pushedIds(pushes[1].requestBody), more);
    QCOMPARE(client->replica->pendingCount(), 0);
    QVERIFY(addFields(*client, 6));
    const qsizetype laterFrom = client->server.exchangesOf(u"/v1/push"_s).size();
    QCOMPARE(client->sync(), QString());
    pushes = client->server.exchangesOf(u"/v1/push"_s).mid(laterFrom);
    QCOMPARE(pushes.size(), 1);
    QCOMPARE(pushes[0].requestEncoding, QByteArray());
    QCOMPARE(client->replica->pendingCount(), 0);
}

void TestSyncFaults::badAnswerChangesNothing_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<QString>("code");
    auto removing = [](const QString &member) {
        return Fault::rewriteJson([member](QJsonObject &answer) { answer.remove(member); });
    };
    auto setting = [](const QString &member, const QJsonValue &value) {
        return Fault::rewriteJson([member, value](QJsonObject &answer) { answer.insert(member, value); });
    };
    const QString push = u"/v1/push"_s;
    const QString pull = u"/v1/pull"_s;
    for (const QString &path : { push, pull }) {
        const QByteArray name = path.toUtf8();
        auto row = [&name](const char *what) -> QTestData & { return QTest::addRow("%s %s", name.constData(), what); };
        row("not JSON") << path << Fault::answer(200, "{\"accepted\": [") << u"malformed_response"_s;
        row("a JSON array") << path << Fault::answer(200, "[]") << u"malformed_response"_s;
        row("cut off") << path << Fault::truncate(12) << u"malformed_response"_s;
        row("dropped") << path << Fault::drop() << u"server_unreachable"_s;
        row("500") << path << Fault::answer(500) << u"unexpected_response"_s;
        row("503 of a proxy") << path << Fault::answer(503) << u"server_unreachable"_s;
        row("503 with a code") << path
                                                 << Fault::answer(503, R"({"error":"store_unavailable","message":"x"})")
                                                 << u"store_unavailable"_s;
    }
    QTest::newRow("push without accepted") << push << removing(u"accepted"_s) << u"malformed_response"_s;
    QTest::newRow("push without rejected") << push << removing(u"rejected"_s) << u"malformed_response"_s;
    QTest::newRow("push accepted not a list") << push << setting(u"accepted"_s, u"all"_s) << u"malformed_response"_s;
    QTest::newRow("push rejected not a list") << push << setting(u"rejected"_s, 3) << u"malformed_response"_s;
    QTest::newRow("push confirming none") << push << setting(u"accepted"_s, QJsonArray()) << u"malformed_response"_s;
    QTest::newRow("push accepted ids not strings") << push << setting(u"accepted"_s, QJsonArray { 1 })
                                                   << u"malformed_response"_s;
    QTest::newRow("push rejection not an object") << push << setting(u"rejected"_s, QJsonArray { 1 })
                                                  << u"malformed_response"_s;
    QTest::newRow("pull without next") << pull << removing(u"next"_s) << u"malformed_response"_s;
    QTest::newRow("pull without more") << pull << removing(u"more"_s) << u"malformed_response"_s;
    // The client core pulls in table form (rows against tables of devices and authors).
    QTest::newRow("pull without rows") << pull << removing(u"rows"_s) << u"malformed_response"_s;
    QTest::newRow("pull without devices") << pull << removing(u"devices"_s) << u"malformed_response"_s;
    QTest::newRow("pull next a string") << pull << setting(u"next"_s, u"9"_s) << u"malformed_response"_s;
    QTest::newRow("pull more a number") << pull << setting(u"more"_s, 1) << u"malformed_response"_s;
    QTest::newRow("pull rows an object") << pull << setting(u"rows"_s, QJsonObject()) << u"malformed_response"_s;
    QTest::newRow("pull row not a change") << pull << setting(u"rows"_s, QJsonArray { QJsonArray { 1 } })
                                           << u"malformed_response"_s;
    QTest::newRow("pull authors emptied") << pull << setting(u"authors"_s, QJsonArray()) << u"malformed_response"_s;
    QTest::newRow("pull more without moving on") << pull << Fault::rewriteJson([](QJsonObject &answer) {
        answer.insert(u"more"_s, true);
        answer.insert(u"next"_s, 0);
    }) << u"malformed_response"_s;
}

void TestSyncFaults::badAnswerChangesNothing()
{
    QFETCH(QString, path);
    QFETCH(Fault, fault);
    QFETCH(QString, code);
    auto client = makeSyncedClient();
    QVERIFY(client);
    // Something to pull, and (for a bad push answer) something to push.
    QVERIFY(editOnAnotherDevice(*client));
    if (path == u"/v1/push"_s)
        QVERIFY(addFields(*client, 1));
    const QStringList before = client->state();
    client->server.inject(path, fault);

    QCOMPARE(client->sync(), code);
    QCOMPARE(client->state(), before);
    QCOMPARE(client->engine->status()->errorCode(), code);

    // The fault was one answer: the next sync brings and sends everything.
    QCOMPARE(client->sync(), QString());
    QCOMPARE(client->replica->pendingCount(), 0);
    QVERIFY(client->replica->cursor() > before.constFirst().split(u' ').last().toLongLong());
}

void TestSyncFaults::badBootstrapPageChangesNothing_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<QString>("code");
    auto editing = [](std::function<void(QJsonObject &)> edit) { return Fault::rewriteJson(std::move(edit)); };
    QTest::newRow("not JSON") << Fault::answer(200, "{\"next\": ") << u"malformed_response"_s;
    QTest::newRow("cut off") << Fault::truncate(40) << u"malformed_response"_s;
    QTest::newRow("dropped") << Fault::drop() << u"server_unreachable"_s;
    QTest::newRow("500") << Fault::answer(500) << u"unexpected_response"_s;
    QTest::newRow("504 of a proxy") << Fault::answer(504) << u"server_unreachable"_s;
    QTest::newRow("first page without cursor") << editing([](QJsonObject &page) { page.remove(u"cursor"_s); })
                                               << u"malformed_response"_s;
    QTest::newRow("without next") << editing([](QJsonObject &page) { page.remove(u"next"_s); }) << u"malformed_response"_s;
    QTest::newRow("more a string") << editing([](QJsonObject &page) { page.insert(u"more"_s, u"yes"_s); })
                                   << u"malformed_response"_s;
    QTest::newRow("more without moving on") << editing([](QJsonObject &page) {
        page.insert(u"more"_s, true);
        page.insert(u"next"_s, 0);
    }) << u"malformed_response"_s;
    QTest::newRow("entities an object") << editing([](QJsonObject &page) { page.insert(u"entities"_s, QJsonObject()); })
                                        << u"malformed_response"_s;
    QTest::newRow("an entity not an entity") << editing([](QJsonObject &page) {
        page.insert(u"entities"_s, QJsonArray { 1 });
    }) << u"malformed_response"_s;
}

void TestSyncFaults::badBootstrapPageChangesNothing()
{
    QFETCH(Fault, fault);
    QFETCH(QString, code);
    auto client = makeClient();
    QVERIFY(client);
    QVERIFY(editOnAnotherDevice(*client));
    QVERIFY(client->replica->needsBootstrap());
    const QStringList before = client->state();
    client->server.inject(u"/v1/bootstrap"_s, fault);

    QCOMPARE(client->sync(), code);
    QCOMPARE(client->state(), before);
    QVERIFY(!client->replica->store().record(client->planId));

    QCOMPARE(client->sync(), QString());
    QVERIFY(!client->replica->needsBootstrap());
    QVERIFY(client->replica->store().record(client->planId));
}

void TestSyncFaults::lostAnswerKeepsTheWorkUntilConfirmed()
{
    auto client = makeSyncedClient();
    QVERIFY(client);
    QVERIFY(addFields(*client, 2));
    const QList<Change> pending = client->replica->outbox(10'000);
    client->server.inject(u"/v1/push"_s, Fault::loseAnswer());

    QCOMPARE(client->sync(), u"server_unreachable"_s);
    QCOMPARE(idsOf(client->replica->outbox(10'000)), idsOf(pending)); // the server has them; this client cannot know

    QCOMPARE(client->sync(), QString());
    QCOMPARE(client->replica->pendingCount(), 0);
    QVERIFY(client->replica->rejected().isEmpty()); // sent twice, taken once
    const auto pushes = client->server.exchangesOf(u"/v1/push"_s);
    QCOMPARE(pushedIds(pushes.constLast().requestBody), idsOf(pending));
}

void TestSyncFaults::retriesBackOffUpToTheCap()
{
    auto client = makeSyncedClient();
    QVERIFY(client);
    SyncEngine &engine = *client->engine;
    QSignalSpy retries(&engine, &SyncEngine::retryScheduled);
    QSignalSpy synced(&engine, &SyncEngine::synced);
    client->server.inject(u"/v1/pull"_s, Fault::drop(), 6);

    engine.start();
    QTRY_COMPARE(synced.count(), 1);
    QList<int> delays;
    for (const QList<QVariant> &retry : std::as_const(retries))
        delays << retry.value(0).toInt();
    QCOMPARE(delays, (QList<int> { 10, 20, 40, 80, 80, 80 })); // doubled from firstRetryMs, capped at maxRetryMs

    // A success starts the backoff over.
    client->server.inject(u"/v1/pull"_s, Fault::drop());
    engine.notifyLocalChange();
    QTRY_COMPARE(synced.count(), 2);
    QCOMPARE(retries.count(), 7);
    QCOMPARE(retries.constLast().value(0).toInt(), 10);
    engine.stop();
}

void TestSyncFaults::lateAnswerIsATimeout_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("bootstrapped");
    QTest::newRow("push") << u"/v1/push"_s << true;
    QTest::newRow("pull") << u"/v1/pull"_s << true;
    QTest::newRow("bootstrap") << u"/v1/bootstrap"_s << false;
}

void TestSyncFaults::lateAnswerIsATimeout()
{
    QFETCH(QString, path);
    QFETCH(bool, bootstrapped);
    auto client = bootstrapped ? makeSyncedClient() : makeClient();
    QVERIFY(client);
    // A replica that was never bootstrapped cannot edit yet: the page waits on the server then.
    QVERIFY(bootstrapped ? addFields(*client, 1) : editOnAnotherDevice(*client));
    const QStringList before = client->state();
    // Far beyond the 200 ms the client waits; the answer arrives after the test has ended, to no one.
    client->server.inject(path, Fault::delay(60'000));

    const auto done = client->engine->syncOnce();
    QVERIFY(!done);
    QCOMPARE(done.errorCode(), u"server_unreachable"_s);
    QVERIFY2(done.errorMessage().contains(u"no answer within 200 ms"_s), qPrintable(done.errorMessage()));
    if (path == u"/v1/push"_s)
        QCOMPARE(client->state(), before);
    QVERIFY(client->replica->pendingCount() > 0 || path != u"/v1/push"_s);
}

void TestSyncFaults::signInThroughTheTransport_data()
{
    QTest::addColumn<std::optional<Fault>>("fault");
    QTest::addColumn<QString>("code");
    QTest::newRow("answered") << std::optional<Fault>() << QString();
    QTest::newRow("dropped") << std::optional(Fault::drop()) << u"server_unreachable"_s;
    QTest::newRow("answer lost") << std::optional(Fault::loseAnswer()) << u"server_unreachable"_s;
    QTest::newRow("late") << std::optional(Fault::delay(60'000)) << u"server_unreachable"_s;
    QTest::newRow("proxy without server") << std::optional(Fault::answer(502)) << u"server_unreachable"_s;
    QTest::newRow("wrong password") << std::optional(Fault::answer(401, R"({"error":"bad_credentials"})"))
                                    << u"bad_credentials"_s;
    QTest::newRow("too old") << std::optional(Fault::answer(426)) << u"unsupported_protocol"_s;
    QTest::newRow("cut off") << std::optional(Fault::truncate(20)) << u"malformed_response"_s;
    QTest::newRow("no token") << std::optional(Fault::rewriteJson([](QJsonObject &o) { o.remove(u"token"_s); }))
                              << u"malformed_response"_s;
    QTest::newRow("no account") << std::optional(Fault::rewriteJson([](QJsonObject &o) { o.remove(u"account"_s); }))
                                << u"malformed_response"_s;
}

void TestSyncFaults::signInThroughTheTransport()
{
    QFETCH(std::optional<Fault>, fault);
    QFETCH(QString, code);
    InProcessServer server;
    QVERIFY2(server.openError().isEmpty(), qPrintable(server.openError()));
    QVERIFY(server.addMunicipalityAccount(u"Marktredwitz"_s, u"marktredwitz"_s));
    QTemporaryDir folder;
    auto replica = LocalReplica::open(folder.path());
    QVERIFY(replica);
    // Long enough for the server to hash the password, which it does off its serving thread.
    SyncTiming timing = shortTiming();
    timing.requestTimeoutMs = 3000;
    SyncEngine engine(*replica.value(), server.transport(), timing);
    if (fault)
        server.inject(u"/v1/login"_s, *fault);

    const Status signedIn = signInAndWait(engine, InProcessServer::baseUrl(), u"marktredwitz"_s, u"geheim-und-lang"_s);
    QCOMPARE(signedIn ? QString() : signedIn.errorCode(), code);
    QCOMPARE(server.exchangesOf(u"/v1/login"_s).size(), 1);
    if (!code.isEmpty()) {
        // A failed sign-in leaves no half account behind.
        QVERIFY(!replica.value()->account());
        QVERIFY(replica.value()->token().isEmpty());
        return;
    }
    QCOMPARE(replica.value()->account()->user, u"marktredwitz"_s);
    const auto synced = engine.syncOnce();
    QVERIFY2(synced, qPrintable(synced.errorMessage()));
}

void TestSyncFaults::liveSocketReconnectsWithBackoff()
{
    SyncTiming timing = shortTiming();
    timing.firstSocketRetryMs = 10;
    auto client = makeSyncedClient(timing);
    QVERIFY(client);
    SyncEngine &engine = *client->engine;
    QSignalSpy reconnects(&engine, &SyncEngine::socketRetryScheduled);
    engine.start();
    QTRY_COMPARE(client->server.liveSockets(), 1);

    // The server goes and refuses for a while: each reconnect waits twice as long, up to the cap.
    client->server.refuseSockets(true);
    client->server.closeSockets();
    QTRY_VERIFY(reconnects.count() >= 6);
    QList<int> delays;
    for (qsizetype i = 0; i < 6; ++i)
        delays << reconnects.at(i).value(0).toInt();
    QCOMPARE(delays, (QList<int> { 10, 20, 40, 80, 80, 80 }));

    // Back: the socket signs in again, and the next loss starts the backoff over.
    client->server.refuseSockets(false);
    QTRY_COMPARE(client->server.liveSockets(), 1);
    const qsizetype before = reconnects.count();
    client->server.closeSockets();
    QTRY_COMPARE(reconnects.count(), before + 1);
    QCOMPARE(reconnects.constLast().value(0).toInt(), 10);
    QTRY_COMPARE(client->server.liveSockets(), 1);
    engine.stop();
    QCOMPARE(client->server.liveSockets(), 0);
}

void TestSyncFaults::announcedCursorStartsAPull()
{
    auto client = makeSyncedClient();
    QVERIFY(client);
    SyncEngine &engine = *client->engine;
    engine.start();
    QTRY_COMPARE(client->server.liveSockets(), 1);
    const qint64 cursor = client->replica->cursor();

    // No timer of the client is due: only the announced cursor can bring the other device's edit.
    QVERIFY(editOnAnotherDevice(*client));
    QVERIFY(client->server.store().replica().lastSequence() > cursor);
    QTRY_COMPARE(client->replica->cursor(), client->server.store().replica().lastSequence());
    engine.stop();
}

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
