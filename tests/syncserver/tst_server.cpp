// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpers/clientreplica.h"
#include "helpers/serverprocess.h"
#include "helpers/teststore.h"
#include "helpers/syncclient.h"
#include "storage/replicastore.h"
#include "sync/protocol.h"
#include "sync/statedigest.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

/** An account made by add-account, with its municipality and plan ("" for the office). */
struct Account
{
    QString user;
    QString password;
    QString municipalityName;
    QString municipalityId;
    QString planId;
};

/** A logged-in laptop: the client replica, its HTTP client and how far it has pulled. */
struct Session
{
    Account account;
    std::unique_ptr<SyncClient> client;
    std::unique_ptr<ClientReplica> replica;
    qint64 cursor = 0;
};

// Logins are slow on purpose (PBKDF2, 310,000 rounds), so each account logs in once per test case.
const QString passwordSuffix = u"-Werkstatt-2026"_s;

/** A tag unique to this run, so names do not collide with data an earlier run left on PostgreSQL. */
QString runTag()
{
    static const QString tag = QString::number(QRandomGenerator::global()->bounded(0x10000), 16);
    return tag;
}

QString uniqueName(const QString &prefix)
{
    static int counter = 0;
    return u"%1%2x%3"_s.arg(prefix).arg(++counter).arg(runTag());
}

/** StateDigest of some entities of a ReplicaStore (the same function ClientReplica::digestOf uses). */
QByteArray storeDigestOf(ReplicaStore &store, QStringList ids)
{
    ids.sort();
    StateDigest digest;
    for (const QString &id : std::as_const(ids)) {
        const auto record = store.record(id);
        if (!record || record->isEmpty())
            continue;
        QStringList historyIds;
        for (const Change &change : store.history(id))
            historyIds << change.id;
        digest.addEntity(*record, historyIds);
    }
    return digest.result();
}

/** "k=v;k=v" with "@key" values looked up in ids: the fields of a row of the authorisation table. */
ClientReplica::Fields parseFields(const QString &text, const QHash<QString, QString> &ids)
{
    ClientReplica::Fields fields;
    for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        const QString name = part.left(eq);
        QString value = part.mid(eq + 1);
        if (value.startsWith(u'@')) {
            Q_ASSERT_X(ids.contains(value.mid(1)), "parseFields", qPrintable(value));
            value = ids.value(value.mid(1));
        }
        fields.append({ name, value });
    }
    return fields;
}

QString describeRejections(const PushResult &result)
{
    QStringList parts;
    for (const Rejection &rejection : result.rejected)
        parts << u"%1: %2 (%3)"_s.arg(rejection.id, rejection.error, rejection.message);
    return parts.join(u"; "_s);
}

} // namespace

class TestServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void login_data();
    void login();
    void pushAndPullBetweenMunicipalitiesAndOffice();
    void rePushingABatchIsIdempotent();
    void mixedBatchRejectsChangesOneByOne();
    void errorStatuses_data();
    void errorStatuses();
    void revokedTokenIsUnauthorized();
    void adminCommandsRefuseBadArguments_data();
    void adminCommandsRefuseBadArguments();
    void writeAuthorisation_data();
    void writeAuthorisation();
    void submissionNeedsItsVersion();
    void readsFollowSharing_data();
    void readsFollowSharing();
    void webSocketAnnouncesPushes();
    void pullNeverMissesConcurrentPushes();
    void backupOfARunningServerRestoresTheSameState();
    void killedMidPushLosesNothingAndAppliesNothingTwice();
    void twoServersOnOneDatabaseAnnounceEachOthersPushes();
    void seedDemoMakesAccountsThatCanLogIn();
    void stopsCleanlyOnSignal_data();
    void stopsCleanlyOnSignal();
    // Last: it throttles logins from 127.0.0.1, which every other test needs.
    void loginThrottlesRepeatedFailures();

private:
    bool addMunicipality(ServerProcess &server, const QString &name, Account &account, QString *why);
    bool addAccount(ServerProcess &server, const QString &user, const QString &municipalityName, QString *why);
    /** Makes a municipality and an editor account for it (or an office account if office). */
    bool makeAccount(ServerProcess &server, const QString &prefix, bool office, Account &account, QString *why);
    bool logIn(Session &session, const Account &account, const QUrl &baseUrl, const QString &device, QString *why);
    /** Pushes the outbox (every change must be accepted), then pulls and applies what is new. */
    bool sync(Session &session, QString *why);
    /** Gives changes to every fixture replica, as if each had pulled them (keeps their bases current). */
    void broadcast(const QList<Change> &changes);
    Session &session(const QString &name);

    ServerProcess m_server;
    QTemporaryDir m_scratch;
    Session m_a; ///< editor of municipality A; plan A is shared
    Session m_b; ///< editor of municipality B; plan B is not shared
    Session m_c; ///< editor of municipality C; plan C is not shared
    Session m_office;
    QHash<QString, QString> m_ids; ///< fixture entities by key, for the data-driven tables
};

bool TestServer::addMunicipality(ServerProcess &server, const QString &name, Account &account, QString *why)
{
    const auto result = server.admin({ u"add-municipality"_s, name, u"--state"_s, u"Sachsen"_s, u"--cluster"_s, u"Süd"_s });
    const QStringList words = result.lines().value(0).split(u' ');
    if (!result.ok() || words.size() != 3 || words[0] != u"municipality"_s) {
        *why = u"add-municipality %1: exit %2, stdout '%3', stderr '%4'"_s.arg(name).arg(result.exitCode).arg(
                QString::fromUtf8(result.out), QString::fromUtf8(result.err));
        return false;
    }
    account.municipalityName = name;
    account.municipalityId = words[1];
    account.planId = words[2];
    return true;
}

bool TestServer::addAccount(ServerProcess &server, const QString &user, const QString &municipalityName, QString *why)
{
    const QString file = m_scratch.filePath(user + u".password"_s);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        *why = u"cannot write %1"_s.arg(file);
        return false;
    }
    out.write((user + passwordSuffix).toUtf8());
    out.close();
    QStringList args { u"add-account"_s, user };
    if (municipalityName.isEmpty())
        args << u"--office"_s;
    else
        args << u"--municipality"_s << municipalityName;
    args << u"--password-file"_s << file;
    const auto result = server.admin(args);
    if (!result.ok()) {
        *why = u"add-account %1: exit %2, stderr '%3'"_s.arg(user).arg(result.exitCode).arg(QString::fromUtf8(result.err));
        return false;
    }
    return true;
}

bool TestServer::makeAccount(ServerProcess &server, const QString &prefix, bool office, Account &account, QString *why)
{
    account = {};
    account.user = uniqueName(prefix);
    account.password = account.user + passwordSuffix;
    if (!office && !addMunicipality(server, u"Gemeinde-"_s + account.user, account, why))
        return false;
    return addAccount(server, account.user, account.municipalityName, why);
}

bool TestServer::logIn(Session &session, const Account &account, const QUrl &baseUrl, const QString &device,
                       QString *why)
{
    session.account = account;
    session.client = std::make_unique<SyncClient>(baseUrl);
    session.replica = std::make_unique<ClientReplica>(account.user, device);
    session.cursor = 0;
    const HttpResponse response = session.client->login(account.user, account.password, device);
    if (response.status != 200 || session.client->token().isEmpty()) {
        *why = u"login %1: %2"_s.arg(account.user, response.describe());
        return false;
    }
    return true;
}

bool TestServer::sync(Session &session, QString *why)
{
    const QList<Change> outbox = session.replica->takeOutbox();
    if (!outbox.isEmpty()) {
        const PushResult pushed = session.client->push(outbox);
        if (pushed.status() != 200 || !pushed.rejected.isEmpty() || pushed.accepted.size() != outbox.size()) {
            *why = u"push by %1: %2; rejected: %3"_s.arg(session.account.user, pushed.response.describe(),
                                                        describeRejections(pushed));
            return false;
        }
    }
    const PullResult pulled = session.client->pullAll(session.cursor);
    if (!pulled.ok) {
        *why = u"pull by %1: %2"_s.arg(session.account.user, pulled.response.describe());
        return false;
    }
    session.replica->receive(pulled.plainChanges());
    session.cursor = pulled.next;
    return true;
}

void TestServer::broadcast(const QList<Change> &changes)
{
    for (Session *s : { &m_a, &m_b, &m_c, &m_office })
        s->replica->receive(changes);
}

Session &TestServer::session(const QString &name)
{
    if (name == u"a"_s)
        return m_a;
    if (name == u"b"_s)
        return m_b;
    if (name == u"c"_s)
        return m_c;
    return m_office;
}

void TestServer::initTestCase()
{
    QVERIFY2(QFile::exists(ServerProcess::binary()), qPrintable(u"no server binary at "_s + ServerProcess::binary()));
    QVERIFY(m_scratch.isValid());
    WERKSTATTPLAN_CHECK_TEST_STORE();
    QVERIFY(m_server.start());

    QString why;
    Account a, b, c, office;
    QVERIFY2(makeAccount(m_server, u"adorf"_s, false, a, &why), qPrintable(why));
    QVERIFY2(makeAccount(m_server, u"bdorf"_s, false, b, &why), qPrintable(why));
    QVERIFY2(makeAccount(m_server, u"cdorf"_s, false, c, &why), qPrintable(why));
    QVERIFY2(makeAccount(m_server, u"office"_s, true, office, &why), qPrintable(why));
    QVERIFY2(logIn(m_a, a, m_server.baseUrl(), u"laptop-a"_s, &why), qPrintable(why));
    QVERIFY2(logIn(m_b, b, m_server.baseUrl(), u"laptop-b"_s, &why), qPrintable(why));
    QVERIFY2(logIn(m_c, c, m_server.baseUrl(), u"laptop-c"_s, &why), qPrintable(why));
    QVERIFY2(logIn(m_office, office, m_server.baseUrl(), u"office-pc"_s, &why), qPrintable(why));

    // Everyone first learns the municipalities and plans the admin made.
    for (Session *s : { &m_a, &m_b, &m_c, &m_office })
        QVERIFY2(sync(*s, &why), qPrintable(why));
    QVERIFY2(m_a.replica->entity(a.planId), "editor A does not receive its own plan after add-municipality");

    m_ids = {
        { u"plan"_s, a.planId }, { u"plan_b"_s, b.planId }, { u"plan_c"_s, c.planId },
        { u"municipality"_s, a.municipalityId }, { u"municipality_b"_s, b.municipalityId },
        { u"municipality_c"_s, c.municipalityId },
    };

    // Plan A is shared with peers, B and C are not: the read tests rely on it.
    m_a.replica->set(a.planId, u"shared"_s, u"true"_s);
    m_a.replica->set(a.planId, u"title"_s, u"Werkstattplan "_s + a.municipalityName);
    m_b.replica->set(b.planId, u"shared"_s, u"false"_s);
    m_c.replica->set(c.planId, u"shared"_s, u"false"_s);

    // Plan A's content, one entity of each kind, for the authorisation table.
    ClientReplica &ra = *m_a.replica;
    m_ids[u"field_of_action"_s] = ra.create(u"field_of_action"_s, { { u"plan"_s, a.planId }, { u"title"_s, u"Fachkräfte"_s } });
    m_ids[u"goal"_s] = ra.create(u"goal"_s, { { u"field_of_action"_s, m_ids[u"field_of_action"_s] }, { u"title"_s, u"Junge Fachkräfte halten"_s } });
    m_ids[u"measure"_s] = ra.create(u"measure"_s, { { u"goal"_s, m_ids[u"goal"_s] }, { u"title"_s, u"Ausbildungsmesse"_s } });
    m_ids[u"milestone"_s] = ra.create(u"milestone"_s, { { u"measure"_s, m_ids[u"measure"_s] }, { u"title"_s, u"Aussteller gefunden"_s } });
    m_ids[u"comment_a"_s] = ra.create(u"comment"_s, { { u"plan"_s, a.planId }, { u"target"_s, m_ids[u"measure"_s] },
                                                       { u"body"_s, u"Termin mit der Schule klären."_s }, { u"kind"_s, u"peer"_s } });
    m_ids[u"foa_c"_s] = m_c.replica->create(u"field_of_action"_s, { { u"plan"_s, c.planId }, { u"title"_s, u"Geheim"_s } });
    m_ids[u"foa_b"_s] = m_b.replica->create(u"field_of_action"_s, { { u"plan"_s, b.planId }, { u"title"_s, u"Wohnen"_s } });
    m_ids[u"meeting"_s] = m_office.replica->create(u"meeting"_s, { { u"title"_s, u"Werkstatttreffen Süd"_s }, { u"cluster"_s, u"Süd"_s } });
    m_ids[u"synopsis_figure"_s] = m_office.replica->create(u"synopsis_figure"_s,
            { { u"municipality"_s, a.municipalityId }, { u"key"_s, u"population"_s }, { u"value"_s, u"5012"_s } });
    for (Session *s : { &m_a, &m_b, &m_c, &m_office })
        QVERIFY2(sync(*s, &why), qPrintable(why));

    m_ids[u"meeting_link"_s] = ra.create(u"meeting_link"_s, { { u"measure"_s, m_ids[u"measure"_s] }, { u"meeting"_s, m_ids[u"meeting"_s] } });
    QVERIFY2(sync(m_a, &why), qPrintable(why));
    m_ids[u"comment_b"_s] = m_b.replica->create(u"comment"_s, { { u"plan"_s, a.planId }, { u"target"_s, m_ids[u"measure"_s] },
                                                                 { u"body"_s, u"Wir machen mit!"_s }, { u"kind"_s, u"peer"_s } });
    QVERIFY2(sync(m_b, &why), qPrintable(why));
    for (Session *s : { &m_a, &m_b, &m_c, &m_office })
        QVERIFY2(sync(*s, &why), qPrintable(why));
    // The tables build changes on entities some replicas cannot read (to see them refused): give everyone everything.
    broadcast(m_office.replica->state().log());
}

void TestServer::init()
{
    m_server.clearLog();
}

void TestServer::cleanup()
{
    if (QTest::currentTestFailed())
        m_server.dumpLog();
}

void TestServer::cleanupTestCase()
{
    if (m_server.isRunning())
        QVERIFY2(m_server.terminate(), "the server did not exit cleanly on SIGTERM");
}

void TestServer::login_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("role");

    QTest::addRow("editor, right password") << u"a"_s << QString() << 200 << QString() << u"editor"_s;
    QTest::addRow("office, right password") << u"office"_s << QString() << 200 << QString() << u"office"_s;
    QTest::addRow("wrong password") << u"a"_s << u"not-the-password"_s << 401 << u"bad_credentials"_s << QString();
    QTest::addRow("unknown user") << u"nobody"_s << u"whatever-password"_s << 401 << u"bad_credentials"_s << QString();
}

void TestServer::login()
{
    QFETCH(QString, who);
    QFETCH(QString, password);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, role);

    const bool known = who != u"nobody"_s;
    const Account account = known ? session(who).account : Account { uniqueName(u"nobody"_s), {}, {}, {}, {} };
    SyncClient client(m_server.baseUrl());
    const HttpResponse response = client.login(account.user, password.isNull() ? account.password : password, u"login-test"_s);
    QVERIFY2(response.status == status, qPrintable(response.describe()));
    if (status != 200) {
        QCOMPARE(response.code(), code);
        QVERIFY2(!response.json.value(u"message"_s).toString().isEmpty(), "an error needs an English message");
        QVERIFY(!response.json.contains(u"token"_s));
        return;
    }
    QVERIFY2(client.token().startsWith(u"wpt_"_s), qPrintable(client.token()));
    const QJsonObject accountJson = client.account();
    QCOMPARE(accountJson.value(u"user"_s).toString(), account.user);
    QCOMPARE(accountJson.value(u"role"_s).toString(), role);
    if (role == u"editor"_s) {
        QCOMPARE(accountJson.value(u"municipality"_s).toString(), account.municipalityId);
        QCOMPARE(accountJson.value(u"plan"_s).toString(), account.planId);
    }
    // The new token works; the one the fixture got earlier still works too (one token per device).
    QCOMPARE(client.pull(0, 1).response.status, 200);
    QCOMPARE(session(who).client->pull(0, 1).response.status, 200);
}

void TestServer::pushAndPullBetweenMunicipalitiesAndOffice()
{
    QString why;
    // Editor A edits its (shared) plan like a laptop: local first, then one push.
    ClientReplica &ra = *m_a.replica;
    const QString foa = ra.create(u"field_of_action"_s, { { u"plan"_s, m_ids[u"plan"_s] }, { u"title"_s, u"Mobilität"_s }, { u"position"_s, u"V"_s } });
    const QString goal = ra.create(u"goal"_s, { { u"field_of_action"_s, foa }, { u"title"_s, u"Busanbindung"_s }, { u"target_value"_s, u"+2 Linien"_s } });
    const QString measure = ra.create(u"measure"_s,
            { { u"goal"_s, goal }, { u"title"_s, u"Rufbus am Wochenende"_s },
              { u"description"_s, u"Ein Rufbus fährt samstags und sonntags alle Ortsteile an."_s },
              { u"status"_s, u"planned"_s }, { u"start_date"_s, u"2026-05-01"_s }, { u"budget"_s, u"30000"_s },
              { u"themes"_s, u"mobility,older_people"_s }, { u"priority"_s, u"high"_s } });
    ra.set(measure, u"title"_s, u"Rufbus am Wochenende und abends"_s);
    QVERIFY2(sync(m_a, &why), qPrintable(why));

    // Editor B (another municipality) and the office pull and see it.
    QVERIFY2(sync(m_b, &why), qPrintable(why));
    QVERIFY2(sync(m_office, &why), qPrintable(why));
    for (Session *reader : { &m_b, &m_office }) {
        QCOMPARE(reader->replica->value(measure, u"title"_s), u"Rufbus am Wochenende und abends"_s);
        QCOMPARE(reader->replica->value(measure, u"themes"_s), ra.value(measure, u"themes"_s));
    }

    // B answers with a comment on A's measure; A pulls it.
    const QString comment = m_b.replica->create(u"comment"_s, { { u"plan"_s, m_ids[u"plan"_s] }, { u"target"_s, measure },
                                                                 { u"body"_s, u"Bei uns fährt so ein Bus schon."_s }, { u"kind"_s, u"peer"_s } });
    QVERIFY2(sync(m_b, &why), qPrintable(why));
    QVERIFY2(sync(m_a, &why), qPrintable(why));
    QVERIFY2(sync(m_office, &why), qPrintable(why));
    QCOMPARE(ra.value(comment, u"body"_s), u"Bei uns fährt so ein Bus schon."_s);

    // The office starts a new replica from a bootstrap, as a fresh installation would.
    const BootstrapResult boot = m_office.client->bootstrap(50);
    QVERIFY2(boot.ok, qPrintable(boot.response.describe()));
    QVERIFY(boot.cursor > 0);
    // Asked for the compact merge state (as the client core asks), the same entities.
    const BootstrapResult compact = m_office.client->bootstrap(50, Protocol::MetaFormat::Compact);
    QVERIFY2(compact.ok, qPrintable(compact.response.describe()));
    QCOMPARE(compact.entities.size(), boot.entities.size());
    for (qsizetype i = 0; i < boot.entities.size(); ++i) {
        QCOMPARE(compact.entities[i].record, boot.entities[i].record);
        QCOMPARE(compact.entities[i].history, boot.entities[i].history);
    }
    QVERIFY(compact.response.body != boot.response.body); // the last pages differ in their "meta"
    QTemporaryDir dir;
    auto store = ReplicaStore::open(dir.filePath(u"office.sqlite"_s));
    QVERIFY2(store, qPrintable(store.errorMessage()));
    const Status imported = store.value()->importSnapshot(boot.entities);
    QVERIFY2(imported, qPrintable(imported.errorMessage()));
    // Changes made since the bootstrap's cursor arrive by pull and are no-ops if already there.
    const PullResult tail = m_office.client->pullAll(boot.cursor);
    QVERIFY2(tail.ok, qPrintable(tail.response.describe()));
    const auto applied = store.value()->applyBatch(tail.plainChanges());
    QVERIFY2(applied, qPrintable(applied.errorMessage()));

    const auto record = store.value()->record(measure);
    QVERIFY2(record.has_value(), "the office's bootstrap lacks A's measure");
    QCOMPARE(*record, *ra.entity(measure));
    const QStringList shared { m_ids[u"plan"_s], foa, goal, measure, comment };
    const QByteArray digestA = ra.digestOf(shared);
    QCOMPARE(m_b.replica->digestOf(shared), digestA);
    QCOMPARE(m_office.replica->digestOf(shared), digestA);
    QCOMPARE(storeDigestOf(*store.value(), shared), digestA);
}

void TestServer::rePushingABatchIsIdempotent()
{
    const qint64 before = m_office.client->pullAll(m_office.cursor).next;
    ClientReplica &ra = *m_a.replica;
    const QString measure = ra.create(u"measure"_s, { { u"goal"_s, m_ids[u"goal"_s] }, { u"title"_s, u"Dorffest"_s },
                                                        { u"status"_s, u"idea"_s } });
    ra.set(measure, u"responsible"_s, u"Ortschaftsrat"_s);
    const QList<Change> batch = ra.takeOutbox();
    QStringList ids;
    for (const Change &change : batch)
        ids << change.id;

    const PushResult first = m_a.client->push(batch);
    QVERIFY2(first.status() == 200, qPrintable(first.response.describe()));
    // The answer's order is not part of the contract; the set is.
    QStringList sortedIds = ids;
    sortedIds.sort();
    QStringList firstAccepted = first.accepted;
    firstAccepted.sort();
    QCOMPARE(firstAccepted, sortedIds);
    QVERIFY2(first.rejected.isEmpty(), qPrintable(describeRejections(first)));
    const PullResult logAfterFirst = m_office.client->pullAll(before);
    QVERIFY(logAfterFirst.ok);
    QCOMPARE(logAfterFirst.ids(), ids);

    // A laptop that lost the answer sends the same batch again: accepted again, stored once.
    const PushResult second = m_a.client->push(batch);
    QVERIFY2(second.status() == 200, qPrintable(second.response.describe()));
    QStringList secondAccepted = second.accepted;
    secondAccepted.sort();
    QCOMPARE(secondAccepted, sortedIds);
    QVERIFY2(second.rejected.isEmpty(), qPrintable(describeRejections(second)));
    QVERIFY2(second.cursor >= first.cursor, "the cursor went back");
    const PullResult logAfterSecond = m_office.client->pullAll(before);
    QCOMPARE(logAfterSecond.ids(), ids);
    QCOMPARE(logAfterSecond.next, logAfterFirst.next);
    QString why;
    QVERIFY2(sync(m_office, &why), qPrintable(why));
}

void TestServer::mixedBatchRejectsChangesOneByOne()
{
    const qint64 before = m_office.client->pullAll(m_office.cursor).next;
    ClientReplica &ra = *m_a.replica;
    const QString measure = LocalEditor::newId();

    struct Item
    {
        const char *what;
        Change change;
        QString expected; ///< "" = accepted, else the rejection code
    };
    QList<Item> items;
    const QList<Change> made = ra.makeEntity(u"measure"_s, measure, { { u"goal"_s, m_ids[u"goal"_s] }, { u"title"_s, u"Repair-Café"_s } });
    for (const Change &change : made)
        items.append({ "valid: new measure", change, {} });

    items.append({ "forbidden: another municipality's record", ra.makeSet(m_ids[u"municipality_b"_s], u"name"_s, u"Gekapert"_s), u"forbidden"_s });
    items.append({ "forbidden: own plan reviewed by its editor", ra.makeSet(m_ids[u"plan"_s], u"review_status"_s, u"reviewed"_s), u"forbidden"_s });
    items.append({ "forbidden: plan of another municipality", ra.makeSet(m_ids[u"foa_b"_s], u"title"_s, u"Gekapert"_s), u"forbidden"_s });

    Change invalid = ra.makeSet(measure, u"status"_s, u"bogus"_s);
    items.append({ "invalid value", invalid, u"invalid_value"_s });
    Change badDate = ra.makeSet(measure, u"start_date"_s, u"2026-02-30"_s);
    items.append({ "invalid date", badDate, u"invalid_value"_s });
    Change unknownField = ra.makeSet(measure, u"title"_s, u"x"_s);
    unknownField.field = u"colour"_s;
    items.append({ "unknown field", unknownField, u"unknown_field"_s });
    Change unknownType = ra.makeSet(measure, u"title"_s, u"x"_s);
    unknownType.entityType = u"spaceship"_s;
    items.append({ "unknown type", unknownType, u"unknown_type"_s });
    items.append({ "short text over 500", ra.makeSet(measure, u"title"_s, QString(501, u'x')), u"value_too_long"_s });
    items.append({ "long text over 20,000", ra.makeSet(measure, u"description"_s, QString(20'001, u'y')), u"value_too_long"_s });
    Change malformed = ra.makeSet(measure, u"responsible"_s, u"Bauhof"_s);
    malformed.id = u"not a valid id!"_s;
    items.append({ "malformed change id", malformed, u"malformed_change"_s });
    Change otherAuthor = ra.makeSet(measure, u"partners"_s, u"Schule"_s);
    otherAuthor.author = m_b.account.user;
    items.append({ "author is someone else", otherAuthor, u"author_mismatch"_s });
    Change otherDevice = ra.makeSet(measure, u"partners"_s, u"Kita"_s);
    otherDevice.device = u"someone-elses-laptop"_s;
    otherDevice.hlc.device = otherDevice.device;
    items.append({ "device is not the token's", otherDevice, u"author_mismatch"_s });

    // A laptop whose clock is two days ahead: its stamps would win every later conflict.
    HlcClock fastClock(m_a.replica->device(), HlcClock::defaultMaxDriftMs,
                       [] { return QDateTime::currentMSecsSinceEpoch() + 2LL * 24 * 3600 * 1000; });
    LocalEditor fastEditor(fastClock, m_a.account.user);
    EntityRecord stub { Schema::instance().entity(u"measure"_s), measure, {}, QList<FieldState>(Schema::instance().entity(u"measure"_s)->fields.size()) };
    items.append({ "clock two days ahead", fastEditor.set(stub, u"responsible"_s, u"Zukunft"_s), u"clock_ahead"_s });

    // Valid changes after the rejected ones are not lost either.
    items.append({ "valid after the rejected ones", ra.makeSet(measure, u"budget"_s, u"1500"_s), {} });
    items.append({ "valid: long text at the cap", ra.makeSet(measure, u"description"_s, QString(20'000, u'z')), {} });

    QList<Change> batch;
    for (const Item &item : std::as_const(items))
        batch << item.change;
    const PushResult result = m_a.client->push(batch);
    QVERIFY2(result.status() == 200, qPrintable(result.response.describe()));

    QStringList validIds;
    for (const Item &item : std::as_const(items)) {
        const QString outcome = result.outcomeOf(item.change.id);
        QVERIFY2(outcome == item.expected,
                 qPrintable(u"%1: expected '%2', got '%3'"_s.arg(QLatin1String(item.what), item.expected.isEmpty() ? u"accepted"_s : item.expected,
                                                              outcome.isEmpty() ? u"accepted"_s : outcome)));
        if (item.expected.isEmpty())
            validIds << item.change.id;
    }
    QCOMPARE(result.accepted.size() + result.rejected.size(), items.size());
    for (const Rejection &rejection : result.rejected)
        QVERIFY2(!rejection.message.isEmpty(), qPrintable(u"no message for "_s + rejection.error));

    // The log holds exactly the valid changes.
    const PullResult log = m_office.client->pullAll(before);
    QVERIFY(log.ok);
    QCOMPARE(log.ids(), validIds);
    QCOMPARE(m_office.client->healthz().status, 200);
    m_a.replica->receive(log.plainChanges());
    QString why;
    QVERIFY2(sync(m_office, &why), qPrintable(why));
    QCOMPARE(m_office.replica->value(measure, u"budget"_s), u"1500"_s);
    QCOMPARE(m_office.replica->value(measure, u"title"_s), u"Repair-Café"_s);
}

void TestServer::errorStatuses_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body"); // "@big" and "@2001" are made in the test
    QTest::addColumn<QString>("auth"); // "token", "none", "unknown", "basic"
    QTest::addColumn<QByteArray>("protocol"); // header value; empty = left out
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");

    const QByteArray v1 = "1";
    QTest::addRow("malformed JSON push") << QByteArray("POST") << u"/v1/push"_s << QByteArray(R"({"changes": [)") << u"token"_s << v1 << 400 << u"malformed_json"_s;
    QTest::addRow("malformed JSON login") << QByteArray("POST") << u"/v1/login"_s << QByteArray("{user") << u"none"_s << v1 << 400 << u"malformed_json"_s;
    QTest::addRow("push without changes") << QByteArray("POST") << u"/v1/push"_s << QByteArray(R"({"nothing": 1})") << u"token"_s << v1 << 400 << u"bad_request"_s;
    QTest::addRow("pull cursor not a number") << QByteArray("GET") << u"/v1/pull?after=abc"_s << QByteArray() << u"token"_s << v1 << 400 << u"bad_request"_s;
    QTest::addRow("push without token") << QByteArray("POST") << u"/v1/push"_s << QByteArray(R"({"changes": []})") << u"none"_s << v1 << 401 << u"unauthorized"_s;
    QTest::addRow("pull without token") << QByteArray("GET") << u"/v1/pull?after=0"_s << QByteArray() << u"none"_s << v1 << 401 << u"unauthorized"_s;
    QTest::addRow("bootstrap without token") << QByteArray("GET") << u"/v1/bootstrap"_s << QByteArray() << u"none"_s << v1 << 401 << u"unauthorized"_s;
    QTest::addRow("push with unknown token") << QByteArray("POST") << u"/v1/push"_s << QByteArray(R"({"changes": []})") << u"unknown"_s << v1 << 401 << u"unauthorized"_s;
    QTest::addRow("pull with basic auth") << QByteArray("GET") << u"/v1/pull?after=0"_s << QByteArray() << u"basic"_s << v1 << 401 << u"unauthorized"_s;
    // protocol.md has no request that is forbidden as a whole: 403 "forbidden" is tested per change
    // (mixedBatchRejectsChangesOneByOne, writeAuthorisation).
    QTest::addRow("body over 8 MiB") << QByteArray("POST") << u"/v1/push"_s << QByteArray("@big") << u"token"_s << v1 << 413 << u"payload_too_large"_s;
    QTest::addRow("2001 changes") << QByteArray("POST") << u"/v1/push"_s << QByteArray("@2001") << u"token"_s << v1 << 413 << u"payload_too_large"_s;
    QTest::addRow("push without protocol header") << QByteArray("POST") << u"/v1/push"_s << QByteArray(R"({"changes": []})") << u"token"_s << QByteArray() << 426 << u"unsupported_protocol"_s;
    QTest::addRow("login without protocol header") << QByteArray("POST") << u"/v1/login"_s << QByteArray(R"({"user": "x", "password": "y", "device": "z"})") << u"none"_s << QByteArray() << 426 << u"unsupported_protocol"_s;
    QTest::addRow("pull with protocol 2") << QByteArray("GET") << u"/v1/pull?after=0"_s << QByteArray() << u"token"_s << QByteArray("2") << 426 << u"unsupported_protocol"_s;
    QTest::addRow("push with protocol 0") << QByteArray("POST") << u"/v1/push"_s << QByteArray(R"({"changes": []})") << u"token"_s << QByteArray("0") << 426 << u"unsupported_protocol"_s;
    QTest::addRow("unknown path") << QByteArray("GET") << u"/v1/nothing-here"_s << QByteArray() << u"token"_s << v1 << 404 << u"not_found"_s;
    QTest::addRow("GET on push") << QByteArray("GET") << u"/v1/push"_s << QByteArray() << u"token"_s << v1 << 405 << u"method_not_allowed"_s;
}

void TestServer::errorStatuses()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, auth);
    QFETCH(QByteArray, protocol);
    QFETCH(int, status);
    QFETCH(QString, code);

    QStringList bodyIds;
    if (body == "@big") {
        // Valid JSON, so only the size can be the reason.
        body = R"({"changes": [], "padding": ")" + QByteArray(8 * 1024 * 1024 + 1024, 'x') + R"("})";
    } else if (body == "@2001") {
        ClientReplica scratch(m_a.account.user, m_a.replica->device());
        QList<Change> changes;
        for (int i = 0; i < 2001; ++i) {
            changes << scratch.makeCreate(u"milestone"_s, LocalEditor::newId());
            bodyIds << changes.last().id;
        }
        body = QJsonDocument(QJsonObject { { u"changes"_s, Protocol::toJson(changes) } }).toJson(QJsonDocument::Compact);
        QVERIFY(body.size() < 8 * 1024 * 1024);
    }
    const qint64 before = m_office.client->pullAll(m_office.cursor).next;

    SyncClient client(m_server.baseUrl());
    SyncClient::RequestFlags flags = SyncClient::NoFlags;
    QList<QPair<QByteArray, QByteArray>> headers;
    if (auth == u"token"_s)
        client.setToken(m_a.client->token());
    else if (auth == u"unknown"_s)
        client.setToken(u"wpt_thisTokenWasNeverIssued0123456789"_s);
    else if (auth == u"basic"_s)
        headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Basic YWRvcmY6cGFzc3dvcmQ=")));
    if (protocol.isEmpty())
        flags |= SyncClient::NoProtocol;
    else
        headers.append(qMakePair(QByteArray("Werkstattplan-Protocol"), protocol));

    const HttpResponse response = client.request(method, path, body, headers, flags, 60'000);
    QVERIFY2(response.status == status, qPrintable(response.describe()));
    QCOMPARE(response.code(), code);
    QVERIFY2(!response.json.value(u"message"_s).toString().isEmpty(), "an error needs an English message");
    if (status == 426) {
        const QJsonArray supported = response.json.value(u"supported"_s).toArray();
        QVERIFY2(supported.contains(QJsonValue(1)), qPrintable(QString::fromUtf8(response.body)));
    }

    // The server keeps serving, and a refused push stored nothing.
    const HttpResponse health = m_office.client->healthz();
    QVERIFY2(health.status == 200, qPrintable(health.describe()));
    QCOMPARE(health.json.value(u"status"_s).toString(), u"ok"_s);
    const PullResult after = m_office.client->pullAll(before);
    QVERIFY(after.ok);
    QVERIFY2(after.changes.isEmpty(), qPrintable(u"a refused request stored %1 changes"_s.arg(after.changes.size())));
}

void TestServer::revokedTokenIsUnauthorized()
{
    QString why;
    Account account;
    QVERIFY2(makeAccount(m_server, u"revoked"_s, false, account, &why), qPrintable(why));
    const auto listed = m_server.admin({ u"list-accounts"_s });
    QVERIFY2(listed.ok(), listed.err.constData());
    QVERIFY2(listed.out.contains(account.user.toUtf8()), listed.out.constData());

    Session session;
    QVERIFY2(logIn(session, account, m_server.baseUrl(), u"laptop-r"_s, &why), qPrintable(why));
    QCOMPARE(session.client->pull(0, 1).response.status, 200);
    const auto revoked = m_server.admin({ u"revoke-tokens"_s, account.user });
    QVERIFY2(revoked.ok(), revoked.err.constData());
    const HttpResponse refused = session.client->pull(0, 1).response;
    QVERIFY2(refused.status == 401, qPrintable(refused.describe()));
    QCOMPARE(refused.code(), u"unauthorized"_s);
    const PushResult push = session.client->push({});
    QCOMPARE(push.status(), 401);
    // A revoked token no longer opens a live socket either.
    LiveSocket socket;
    QVERIFY2(!socket.open(m_server.baseUrl(), session.client->token(), 5000), "a revoked token got a cursor message");
}

void TestServer::adminCommandsRefuseBadArguments_data()
{
    QTest::addColumn<QStringList>("arguments");

    QTest::addRow("no command") << QStringList();
    QTest::addRow("unknown command") << QStringList { u"make-coffee"_s };
    QTest::addRow("add-municipality without state") << QStringList { u"add-municipality"_s, u"Xdorf"_s, u"--cluster"_s, u"Süd"_s };
    QTest::addRow("add-municipality without name") << QStringList { u"add-municipality"_s, u"--state"_s, u"Sachsen"_s, u"--cluster"_s, u"Süd"_s };
    QTest::addRow("add-account for an unknown municipality")
            << QStringList { u"add-account"_s, u"ghost"_s, u"--municipality"_s, u"Nirgendwo-"_s + runTag(), u"--password-file"_s, u"/dev/null"_s };
    QTest::addRow("add-account with municipality and office")
            << QStringList { u"add-account"_s, u"twofaced"_s, u"--municipality"_s, u"X"_s, u"--office"_s, u"--password-file"_s, u"/dev/null"_s };
    QTest::addRow("add-account with a missing password file")
            << QStringList { u"add-account"_s, u"nopass"_s, u"--office"_s, u"--password-file"_s, u"/nonexistent/password"_s };
    QTest::addRow("revoke-tokens of an unknown user") << QStringList { u"revoke-tokens"_s, u"nobody-"_s + runTag() };
    QTest::addRow("backup without a file") << QStringList { u"backup"_s };
}

void TestServer::adminCommandsRefuseBadArguments()
{
    QFETCH(QStringList, arguments);
    const auto result = m_server.admin(arguments);
    QVERIFY2(!result.crashed, "the admin command crashed");
    QVERIFY2(result.exitCode != 0, qPrintable(u"exit code 0; stdout: "_s + QString::fromUtf8(result.out)));
    QVERIFY2(!result.err.trimmed().isEmpty(), "no message on stderr");
}

void TestServer::writeAuthorisation_data()
{
    QTest::addColumn<QString>("actor"); // a: editor of plan A; b: editor of another municipality; office
    QTest::addColumn<QString>("op"); // create, set, delete
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("target"); // set: fixture key; delete: who creates the entity first
    QTest::addColumn<QString>("fields"); // "k=v;k=@fixtureKey"
    // One word per change pushed: "ok", "forbidden", or "*" where protocol.md does not decide
    // (a bare create of plan content before its parent is known).
    QTest::addColumn<QString>("outcomes");

    auto row = [](const char *name, const char *actor, const char *op, const char *type, const char *target,
                  const char *fields, const char *outcomes) {
        QTest::addRow("%s", name) << QString::fromUtf8(actor) << QString::fromUtf8(op) << QString::fromUtf8(type)
                                  << QString::fromUtf8(target) << QString::fromUtf8(fields) << QString::fromUtf8(outcomes);
    };

    // Plan fields.
    row("plan title: own plan", "a", "set", "plan", "plan", "title=Unser Plan", "ok");
    row("plan title: other municipality", "b", "set", "plan", "plan", "title=Fremder Plan", "forbidden");
    row("plan title: office", "office", "set", "plan", "plan", "title=Amtsplan", "forbidden");
    row("plan vision: own plan", "a", "set", "plan", "plan", "vision=Lebenswert", "ok");
    row("plan vision: other municipality", "b", "set", "plan", "plan", "vision=Fremd", "forbidden");
    row("plan vision: office", "office", "set", "plan", "plan", "vision=Amt", "forbidden");
    row("plan shared: own plan", "a", "set", "plan", "plan", "shared=true", "ok");
    row("plan shared: other municipality", "b", "set", "plan", "plan", "shared=true", "forbidden");
    row("plan shared: office", "office", "set", "plan", "plan", "shared=true", "forbidden");
    // Submitted only with the version a submission freezes (submissionNeedsItsVersion); draft only on a new plan.
    for (const char *status : { "draft", "submitted" }) {
        const QByteArray fields = "review_status=" + QByteArray(status);
        row(qPrintable(u"review %1: own plan"_s.arg(QLatin1String(status))), "a", "set", "plan", "plan", fields.constData(), "forbidden");
        row(qPrintable(u"review %1: other municipality"_s.arg(QLatin1String(status))), "b", "set", "plan", "plan", fields.constData(), "forbidden");
        row(qPrintable(u"review %1: office"_s.arg(QLatin1String(status))), "office", "set", "plan", "plan", fields.constData(), "forbidden");
    }
    for (const char *status : { "in_review", "reviewed", "changes_requested" }) {
        const QByteArray fields = "review_status=" + QByteArray(status);
        row(qPrintable(u"review %1: own plan"_s.arg(QLatin1String(status))), "a", "set", "plan", "plan", fields.constData(), "forbidden");
        row(qPrintable(u"review %1: other municipality"_s.arg(QLatin1String(status))), "b", "set", "plan", "plan", fields.constData(), "forbidden");
        row(qPrintable(u"review %1: office"_s.arg(QLatin1String(status))), "office", "set", "plan", "plan", fields.constData(), "ok");
    }
    row("plan municipality: own plan moved to another municipality", "a", "set", "plan", "plan", "municipality=@municipality_b", "forbidden");
    row("create plan: own municipality", "a", "create", "plan", "", "municipality=@municipality", "ok ok");
    row("create plan: for another municipality", "b", "create", "plan", "", "municipality=@municipality", "* forbidden");
    row("create plan: office", "office", "create", "plan", "", "municipality=@municipality", "ok ok");
    row("delete plan: own plan", "a", "delete", "plan", "a", "municipality=@municipality;title=Zweitplan", "ok");
    row("delete plan: other municipality", "b", "delete", "plan", "a", "municipality=@municipality;title=Zweitplan", "forbidden");
    row("delete plan: office", "office", "delete", "plan", "a", "municipality=@municipality;title=Zweitplan", "forbidden");

    // Plan content: everything below the plan is its editors' alone.
    const QList<std::pair<const char *, const char *>> content {
        { "field_of_action", "plan=@plan;title=Neues Handlungsfeld" },
        { "goal", "field_of_action=@field_of_action;title=Neues Ziel" },
        { "measure", "goal=@goal;title=Neue Maßnahme" },
        { "milestone", "measure=@measure;title=Neuer Meilenstein" },
        { "meeting_link", "measure=@measure;meeting=@meeting" },
    };
    for (const auto &[type, fields] : content) {
        const QString t = QLatin1String(type);
        const QString setField = t == u"meeting_link"_s ? u"meeting=@meeting"_s : u"title=Geändert"_s;
        row(qPrintable(t + u": create in own plan"_s), "a", "create", type, "", fields, "ok ok ok");
        row(qPrintable(t + u": create in other municipality's plan"_s), "b", "create", type, "", fields, "* forbidden *");
        row(qPrintable(t + u": create by office"_s), "office", "create", type, "", fields, "* forbidden *");
        row(qPrintable(t + u": set in own plan"_s), "a", "set", type, type, qPrintable(setField), "ok");
        row(qPrintable(t + u": set in other municipality's plan"_s), "b", "set", type, type, qPrintable(setField), "forbidden");
        row(qPrintable(t + u": set by office"_s), "office", "set", type, type, qPrintable(setField), "forbidden");
        row(qPrintable(t + u": delete in own plan"_s), "a", "delete", type, "a", fields, "ok");
        row(qPrintable(t + u": delete in other municipality's plan"_s), "b", "delete", type, "a", fields, "forbidden");
        row(qPrintable(t + u": delete by office"_s), "office", "delete", type, "a", fields, "forbidden");
    }

    // Comments belong to their authors.
    row("comment: create on own plan", "a", "create", "comment", "", "plan=@plan;body=Gut;kind=peer", "ok ok ok ok");
    row("comment: create on a shared plan", "b", "create", "comment", "", "plan=@plan;body=Toll;kind=peer", "ok ok ok ok");
    row("comment: create on a plan not shared", "b", "create", "comment", "", "plan=@plan_c;body=Psst;kind=peer", "* forbidden * *");
    row("comment: office creates a review comment", "office", "create", "comment", "", "plan=@plan;body=Bitte ergänzen;kind=review", "ok ok ok ok");
    row("comment: editor creates a review comment", "b", "create", "comment", "", "plan=@plan;body=Review?;kind=review", "ok ok ok forbidden");
    row("comment: editor reviews own plan", "a", "create", "comment", "", "plan=@plan;body=Selbstlob;kind=review", "ok ok ok forbidden");
    row("comment: edit own", "b", "set", "comment", "comment_b", "body=Wir machen gern mit!", "ok");
    row("comment: edit another's on own plan", "a", "set", "comment", "comment_b", "body=Umgeschrieben", "forbidden");
    row("comment: edit another's on another plan", "b", "set", "comment", "comment_a", "body=Umgeschrieben", "forbidden");
    row("comment: office edits an editor's", "office", "set", "comment", "comment_a", "body=Umgeschrieben", "forbidden");
    row("comment: resolve another's on own plan", "a", "set", "comment", "comment_b", "resolved=true", "ok");
    row("comment: resolve own", "b", "set", "comment", "comment_b", "resolved=false", "ok");
    row("comment: resolve another's on another plan", "b", "set", "comment", "comment_a", "resolved=true", "forbidden");
    // "same" as editors: the office has no plan of its own, so it resolves only its own comments.
    row("comment: office resolves an editor's", "office", "set", "comment", "comment_a", "resolved=true", "ok");
    row("comment: delete own", "b", "delete", "comment", "b", "plan=@plan;body=Weg damit", "ok");
    row("comment: delete another's on own plan", "a", "delete", "comment", "b", "plan=@plan;body=Bleibt", "forbidden");
    row("comment: office deletes an editor's", "office", "delete", "comment", "b", "plan=@plan;body=Bleibt", "forbidden");

    // What only the office writes.
    row("municipality: office creates", "office", "create", "municipality", "", "name=Neudorf;state=Bayern", "ok ok ok");
    row("municipality: editor creates", "a", "create", "municipality", "", "name=Neudorf;state=Bayern", "forbidden forbidden forbidden");
    row("municipality: office renames", "office", "set", "municipality", "municipality", "cluster=Süd", "ok");
    row("municipality: editor renames own", "a", "set", "municipality", "municipality", "name=Adorf (umbenannt)", "forbidden");
    row("municipality: office deletes", "office", "delete", "municipality", "office", "name=Wegdorf", "ok");
    row("municipality: editor deletes", "a", "delete", "municipality", "office", "name=Wegdorf", "forbidden");
    row("synopsis: office creates", "office", "create", "synopsis_figure", "", "municipality=@municipality;key=area_km2;value=47.5", "ok ok ok ok");
    row("synopsis: editor creates for own municipality", "a", "create", "synopsis_figure", "", "municipality=@municipality;key=area_km2;value=47.5", "forbidden forbidden forbidden forbidden");
    row("synopsis: office sets", "office", "set", "synopsis_figure", "synopsis_figure", "value=5020", "ok");
    row("synopsis: editor sets own municipality's", "a", "set", "synopsis_figure", "synopsis_figure", "value=9999", "forbidden");
    row("synopsis: office deletes", "office", "delete", "synopsis_figure", "office", "municipality=@municipality;key=old", "ok");
    row("synopsis: editor deletes", "a", "delete", "synopsis_figure", "office", "municipality=@municipality;key=old", "forbidden");
    row("meeting: office creates", "office", "create", "meeting", "", "title=Treffen Nord;date=2026-06-01", "ok ok ok");
    row("meeting: editor creates", "a", "create", "meeting", "", "title=Eigenes Treffen;date=2026-06-01", "forbidden forbidden forbidden");
    row("meeting: office sets", "office", "set", "meeting", "meeting", "place=Zwickau", "ok");
    row("meeting: editor sets", "a", "set", "meeting", "meeting", "place=Adorf", "forbidden");
    row("meeting: office deletes", "office", "delete", "meeting", "office", "title=Abgesagt", "ok");
    row("meeting: editor deletes", "a", "delete", "meeting", "office", "title=Abgesagt", "forbidden");
}

void TestServer::writeAuthorisation()
{
    QFETCH(QString, actor);
    QFETCH(QString, op);
    QFETCH(QString, type);
    QFETCH(QString, target);
    QFETCH(QString, fields);
    QFETCH(QString, outcomes);

    Session &writer = session(actor);
    const ClientReplica::Fields values = parseFields(fields, m_ids);
    QList<Change> batch;
    if (op == u"create"_s) {
        batch = writer.replica->makeEntity(type, LocalEditor::newId(), values);
    } else if (op == u"set"_s) {
        QVERIFY2(m_ids.contains(target), qPrintable(target));
        for (const auto &[field, value] : values)
            batch << writer.replica->makeSet(m_ids.value(target), field, value);
    } else {
        // Deletes work on a new entity, so the fixture stays whole for the other rows.
        Session &owner = session(target);
        const QString id = owner.replica->create(type, values);
        const QList<Change> made = owner.replica->takeOutbox();
        const PushResult setup = owner.client->push(made);
        QVERIFY2(setup.status() == 200 && setup.accepted.size() == made.size(),
                 qPrintable(u"setting up the entity to delete: %1 %2"_s.arg(setup.response.describe(), describeRejections(setup))));
        broadcast(made);
        batch << writer.replica->makeRemove(id);
    }
    const QStringList expected = outcomes.split(u' ');
    QCOMPARE(expected.size(), batch.size());

    const PushResult result = writer.client->push(batch);
    QVERIFY2(result.status() == 200, qPrintable(result.response.describe()));
    QList<Change> accepted;
    QStringList problems;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const Change &change = batch[i];
        const QString outcome = result.outcomeOf(change.id);
        const QString got = outcome.isEmpty() ? u"ok"_s : outcome;
        if (outcome.isEmpty())
            accepted << change;
        if (expected[i] == u"*"_s) {
            qInfo().noquote() << "not decided by protocol.md:" << Change::opName(change.op) << change.field << "→" << got;
            continue;
        }
        if (got != expected[i])
            problems << u"%1 %2.%3: expected %4, got %5"_s.arg(Change::opName(change.op), type, change.field, expected[i], got);
    }
    // Keep every replica in step with what the server now holds.
    broadcast(accepted);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
}

void TestServer::submissionNeedsItsVersion()
{
    ClientReplica &ra = *m_a.replica;
    const QString plan = m_ids[u"plan"_s];
    auto version = [&] {
        return ra.makeEntity(u"plan_version"_s, LocalEditor::newId(),
                             { { u"plan"_s, plan }, { u"submitted_at"_s, u"2026-05-04T10:00:00.000Z"_s },
                               { u"snapshot"_s, u"eJwDAAAAAAE="_s } });
    };

    // A raw write of the status: the office would see "eingereicht" with nothing submitted.
    const Change alone = ra.makeSet(plan, u"review_status"_s, u"submitted"_s);
    PushResult pushed = m_a.client->push({ alone });
    QCOMPARE(pushed.status(), 200);
    QCOMPARE(pushed.outcomeOf(alone.id), u"forbidden"_s);

    // The version in one push, the status in the next: the status is still refused.
    const QList<Change> earlier = version();
    pushed = m_a.client->push(earlier);
    QCOMPARE(pushed.accepted.size(), earlier.size());
    broadcast(earlier);
    const Change later = ra.makeSet(plan, u"review_status"_s, u"submitted"_s);
    pushed = m_a.client->push({ later });
    QCOMPARE(pushed.outcomeOf(later.id), u"forbidden"_s);

    // Another municipality cannot ride on it either, with a version of its own in the batch.
    QList<Change> foreign = m_b.replica->makeEntity(u"plan_version"_s, LocalEditor::newId(),
                                                    { { u"plan"_s, plan }, { u"snapshot"_s, u"eJwDAAAAAAE="_s } });
    foreign << m_b.replica->makeSet(plan, u"review_status"_s, u"submitted"_s);
    pushed = m_b.client->push(foreign);
    QCOMPARE(pushed.outcomeOf(foreign.constLast().id), u"forbidden"_s);

    // As LocalReplica::submit writes it: the sealed version, then the status, in one push.
    QList<Change> submission = version();
    submission << ra.makeSet(plan, u"review_status"_s, u"submitted"_s);
    pushed = m_a.client->push(submission);
    QVERIFY2(pushed.rejected.isEmpty(), qPrintable(describeRejections(pushed)));
    QCOMPARE(pushed.accepted.size(), submission.size());
    broadcast(submission);
    QCOMPARE(m_office.replica->value(plan, u"review_status"_s), u"submitted"_s);
}

void TestServer::readsFollowSharing_data()
{
    QTest::addColumn<QString>("reader");
    QTest::addColumn<QString>("entity"); // fixture key
    QTest::addColumn<bool>("visible");

    QTest::addRow("editor reads its own shared plan") << u"a"_s << u"plan"_s << true;
    QTest::addRow("editor reads content of its own plan") << u"a"_s << u"measure"_s << true;
    QTest::addRow("editor reads its own plan, not shared") << u"b"_s << u"plan_b"_s << true;
    QTest::addRow("editor reads content of its own plan, not shared") << u"b"_s << u"foa_b"_s << true;
    QTest::addRow("editor reads another's shared plan") << u"b"_s << u"plan"_s << true;
    QTest::addRow("editor reads content of another's shared plan") << u"b"_s << u"measure"_s << true;
    QTest::addRow("editor reads comments on a shared plan") << u"c"_s << u"comment_a"_s << true;
    QTest::addRow("editor does not read a plan not shared") << u"b"_s << u"plan_c"_s << false;
    QTest::addRow("editor does not read content of a plan not shared") << u"b"_s << u"foa_c"_s << false;
    QTest::addRow("other editor does not read it either") << u"a"_s << u"foa_b"_s << false;
    QTest::addRow("editor reads municipalities") << u"b"_s << u"municipality_c"_s << true;
    QTest::addRow("editor reads synopsis figures") << u"c"_s << u"synopsis_figure"_s << true;
    QTest::addRow("editor reads meetings") << u"c"_s << u"meeting"_s << true;
    QTest::addRow("office reads a plan not shared") << u"office"_s << u"plan_c"_s << true;
    QTest::addRow("office reads content not shared") << u"office"_s << u"foa_c"_s << true;
    QTest::addRow("office reads another plan not shared") << u"office"_s << u"foa_b"_s << true;
}

void TestServer::readsFollowSharing()
{
    QFETCH(QString, reader);
    QFETCH(QString, entity);
    QFETCH(bool, visible);

    const QString id = m_ids.value(entity);
    QVERIFY(!id.isEmpty());
    const PullResult pulled = session(reader).client->pullAll(0);
    QVERIFY2(pulled.ok, qPrintable(pulled.response.describe()));
    qsizetype changesOfEntity = 0;
    for (const auto &[seq, change] : pulled.changes)
        changesOfEntity += change.entityId == id ? 1 : 0;
    QVERIFY2((changesOfEntity > 0) == visible, qPrintable(u"%1 changes of %2 in the pull"_s.arg(changesOfEntity).arg(entity)));

    // A bootstrap gives the same view.
    const BootstrapResult boot = session(reader).client->bootstrap();
    QVERIFY2(boot.ok, qPrintable(boot.response.describe()));
    const bool inBootstrap = std::any_of(boot.entities.cbegin(), boot.entities.cend(),
                                         [&](const SnapshotEntity &e) { return e.record.id == id; });
    QCOMPARE(inBootstrap, visible);
}

void TestServer::webSocketAnnouncesPushes()
{
    LiveSocket office;
    QVERIFY2(office.open(m_server.baseUrl(), m_office.client->token()), qPrintable(office.errorString()));
    LiveSocket editor;
    QVERIFY2(editor.open(m_server.baseUrl(), m_b.client->token()), qPrintable(editor.errorString()));
    const qint64 first = office.lastCursor();
    QVERIFY(first >= 0);

    m_a.replica->set(m_ids[u"measure"_s], u"partners"_s, u"Handwerkskammer"_s);
    const PushResult pushed = m_a.client->push(m_a.replica->takeOutbox());
    QVERIFY2(pushed.status() == 200 && pushed.rejected.isEmpty(), qPrintable(pushed.response.describe()));
    QVERIFY2(pushed.cursor > first, qPrintable(u"push cursor %1, socket had %2"_s.arg(pushed.cursor).arg(first)));

    QElapsedTimer timer;
    timer.start();
    QVERIFY2(office.waitForCursor(pushed.cursor, 5000),
             qPrintable(u"no cursor >= %1 within 5 s; got %2"_s.arg(pushed.cursor).arg(office.lastCursor())));
    QVERIFY2(editor.waitForCursor(pushed.cursor, 5000), "the other editor's socket was not told");
    qInfo() << "announced after" << timer.elapsed() << "ms";
    QVERIFY(office.isConnected());
}

void TestServer::pullNeverMissesConcurrentPushes()
{
    constexpr int writers = 3;
    constexpr int batches = 12;
    constexpr int measuresPerBatch = 4;

    // Each writer is a separate device of editor A (a token each), in its own thread.
    QStringList tokens;
    for (int w = 0; w < writers; ++w) {
        SyncClient login(m_server.baseUrl());
        const HttpResponse response = login.login(m_a.account.user, m_a.account.password, u"race-%1"_s.arg(w));
        QVERIFY2(response.status == 200, qPrintable(response.describe()));
        tokens << login.token();
    }
    const qint64 start = m_office.client->pullAll(m_office.cursor).next;

    struct WriterResult
    {
        QStringList accepted;
        QStringList errors;
    };
    QList<WriterResult> results(writers);
    QList<QThread *> threads;
    const QUrl baseUrl = m_server.baseUrl();
    const QString goal = m_ids[u"goal"_s];
    const QString user = m_a.account.user;
    for (int w = 0; w < writers; ++w) {
        threads << QThread::create([&, w] {
            SyncClient client(baseUrl);
            client.setToken(tokens[w]);
            ClientReplica replica(user, u"race-%1"_s.arg(w));
            for (int b = 0; b < batches; ++b) {
                for (int m = 0; m < measuresPerBatch; ++m)
                    replica.create(u"measure"_s, { { u"goal"_s, goal }, { u"title"_s, u"Rennen %1-%2-%3"_s.arg(w).arg(b).arg(m) } });
                const PushResult pushed = client.push(replica.takeOutbox());
                if (pushed.status() != 200)
                    results[w].errors << pushed.response.describe();
                results[w].accepted += pushed.accepted;
                if (!pushed.rejected.isEmpty())
                    results[w].errors << describeRejections(pushed);
            }
        });
        threads.last()->start();
    }

    // The office pulls in small pages while the writers push, and never goes back.
    QList<QPair<qint64, Change>> seen;
    qint64 cursor = start;
    int pulls = 0;
    auto running = [&] {
        return std::any_of(threads.cbegin(), threads.cend(), [](QThread *t) { return !t->isFinished(); });
    };
    bool pullFailed = false;
    while (running() && !pullFailed) {
        const PullResult page = m_office.client->pull(cursor, 7);
        ++pulls;
        if (!page.ok) {
            pullFailed = true;
            qWarning().noquote() << "pull failed during the race:" << page.response.describe();
            break;
        }
        seen += page.changes;
        if (page.next < cursor) {
            qWarning() << "the cursor went back from" << cursor << "to" << page.next;
            pullFailed = true;
        }
        cursor = page.next;
    }
    for (QThread *thread : std::as_const(threads)) {
        thread->wait();
        delete thread;
    }
    QVERIFY(!pullFailed);
    const PullResult rest = m_office.client->pullAll(cursor, 7);
    QVERIFY(rest.ok);
    seen += rest.changes;
    qInfo() << pulls << "pulls during the race";

    QStringList accepted;
    for (const WriterResult &result : std::as_const(results)) {
        QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(u"; "_s)));
        accepted += result.accepted;
    }
    QCOMPARE(accepted.size(), writers * batches * measuresPerBatch * 3);

    QHash<QString, int> count;
    qint64 lastSeq = start;
    for (const auto &[seq, change] : std::as_const(seen)) {
        ++count[change.id];
        QVERIFY2(seq > lastSeq, qPrintable(u"sequence %1 after %2"_s.arg(seq).arg(lastSeq)));
        lastSeq = seq;
    }
    QStringList missing;
    QStringList twice;
    for (const QString &id : std::as_const(accepted)) {
        const int n = count.value(id);
        if (n == 0)
            missing << id;
        else if (n > 1)
            twice << id;
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"%1 accepted changes never pulled, e.g. %2"_s.arg(missing.size()).arg(missing.value(0))));
    QVERIFY2(twice.isEmpty(), qPrintable(u"%1 changes pulled twice"_s.arg(twice.size())));
}

void TestServer::backupOfARunningServerRestoresTheSameState()
{
    if (ServerProcess::usesPostgres())
        QSKIP("backup copies a SQLite store; PostgreSQL has its own tools");

    QTemporaryDir restoredDir;
    QVERIFY(restoredDir.isValid());
    // The backup goes where a server's data folder keeps its store, under the same name.
    QString storeName;
    for (const QFileInfo &info : QDir(m_server.dataDir()).entryInfoList(QDir::Files)) {
        QFile file(info.filePath());
        if (info.fileName().endsWith(u"-wal"_s) || info.fileName().endsWith(u"-shm"_s) || !file.open(QIODevice::ReadOnly))
            continue;
        if (file.read(16) == QByteArray("SQLite format 3", 16))
            storeName = storeName.isEmpty() ? info.fileName() : u"(several)"_s;
    }
    QVERIFY2(!storeName.isEmpty() && storeName != u"(several)"_s,
             qPrintable(u"cannot tell the store file in %1: %2"_s.arg(m_server.dataDir(), storeName)));
    const QString backupFile = restoredDir.filePath(storeName);

    // Writes go on during the backup; the backup is one consistent point in time.
    m_a.replica->set(m_ids[u"measure"_s], u"responsible"_s, u"Bauamt"_s);
    QString why;
    QVERIFY2(sync(m_a, &why), qPrintable(why));
    const auto backup = m_server.admin({ u"backup"_s, backupFile });
    QVERIFY2(backup.ok(), qPrintable(u"exit %1: %2"_s.arg(backup.exitCode).arg(QString::fromUtf8(backup.err))));
    QVERIFY(QFile::exists(backupFile));

    ServerProcess restored;
    QVERIFY(restored.start(ServerProcess::Store::Folder, restoredDir.path()));
    SyncClient office(restored.baseUrl());
    const HttpResponse login = office.login(m_office.account.user, m_office.account.password, u"office-restore"_s);
    QVERIFY2(login.status == 200, qPrintable(login.describe()));

    const PullResult original = m_office.client->pullAll(0);
    const PullResult copy = office.pullAll(0);
    QVERIFY(original.ok && copy.ok);
    QCOMPARE(copy.changes.size(), original.changes.size());
    QCOMPARE(copy.next, original.next);
    for (qsizetype i = 0; i < original.changes.size(); ++i) {
        QCOMPARE(copy.changes[i].first, original.changes[i].first);
        QCOMPARE(copy.changes[i].second, original.changes[i].second);
    }

    QTemporaryDir dir;
    auto fromOriginal = ReplicaStore::open(dir.filePath(u"original.sqlite"_s));
    auto fromCopy = ReplicaStore::open(dir.filePath(u"copy.sqlite"_s));
    QVERIFY(fromOriginal && fromCopy);
    const BootstrapResult bootOriginal = m_office.client->bootstrap();
    const BootstrapResult bootCopy = office.bootstrap();
    QVERIFY(bootOriginal.ok && bootCopy.ok);
    QCOMPARE(bootCopy.cursor, bootOriginal.cursor);
    QVERIFY(fromOriginal.value()->importSnapshot(bootOriginal.entities));
    QVERIFY(fromCopy.value()->importSnapshot(bootCopy.entities));
    QCOMPARE(fromCopy.value()->stateDigest(), fromOriginal.value()->stateDigest());
    QVERIFY(restored.terminate());
}

void TestServer::killedMidPushLosesNothingAndAppliesNothingTwice()
{
    ServerProcess server;
    QVERIFY(server.start(ServerProcess::Store::Shared));
    QString why;
    Account account;
    QVERIFY2(makeAccount(server, u"crash"_s, false, account, &why), qPrintable(why));
    Session s;
    QVERIFY2(logIn(s, account, server.baseUrl(), u"laptop-crash"_s, &why), qPrintable(why));
    QVERIFY2(sync(s, &why), qPrintable(why));
    ClientReplica &replica = *s.replica;
    const QString foa = replica.create(u"field_of_action"_s, { { u"plan"_s, account.planId }, { u"title"_s, u"Absturz"_s } });
    const QString goal = replica.create(u"goal"_s, { { u"field_of_action"_s, foa }, { u"title"_s, u"Überleben"_s } });
    for (int i = 0; i < 100; ++i)
        replica.create(u"measure"_s, { { u"goal"_s, goal }, { u"title"_s, u"Vorher %1"_s.arg(i) } });
    const QList<Change> acknowledgedBatch = replica.takeOutbox();
    QElapsedTimer pushTimer;
    pushTimer.start();
    const PushResult acknowledged = s.client->push(acknowledgedBatch);
    const qint64 acknowledgedMs = pushTimer.elapsed();
    QVERIFY2(acknowledged.status() == 200 && acknowledged.accepted.size() == acknowledgedBatch.size(),
             qPrintable(acknowledged.response.describe()));

    // A big push (close to the 2,000 cap) with long texts, so the server is busy when it dies.
    for (int i = 0; i < 499; ++i)
        replica.create(u"measure"_s, { { u"goal"_s, goal }, { u"title"_s, u"Währenddessen %1"_s.arg(i) },
                                       { u"description"_s, QString(2000, QLatin1Char("abcdefgh"[i % 8])) } });
    const QList<Change> bigBatch = replica.takeOutbox();
    QVERIFY(bigBatch.size() <= 2000);
    QNetworkReply *reply = s.client->startPush(bigBatch);
    bool uploaded = false;
    QObject::connect(reply, &QNetworkReply::uploadProgress, reply, [&](qint64 sent, qint64 total) {
        uploaded = total > 0 && sent == total;
    });
    QTRY_VERIFY_WITH_TIMEOUT(uploaded || reply->isFinished(), 20'000);
    // Aim inside the server's work on the batch (estimated from the first push; bulk pushes are faster per change).
    const qint64 delayMs = qBound(qint64(0), acknowledgedMs * bigBatch.size() / acknowledgedBatch.size() / 5, qint64(2000));
    QTest::qWait(int(delayMs));
    const bool answeredBeforeKill = reply->isFinished();
    server.kill();
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10'000);
    qInfo() << "killed" << delayMs << "ms after the upload; push answered before the kill:" << answeredBeforeKill << "status"
            << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    reply->deleteLater();

    QVERIFY(server.restart());
    s.client->setBaseUrl(server.baseUrl());
    // Tokens are stored; a crash must not log anyone out.
    const PullResult afterCrash = s.client->pullAll(0);
    QVERIFY2(afterCrash.ok, qPrintable(afterCrash.response.describe()));
    auto assertUniqueAndContains = [](const PullResult &pull, const QList<Change> &batch) -> QString {
        QSet<QString> ids;
        for (const auto &[seq, change] : pull.changes) {
            if (ids.contains(change.id))
                return u"change %1 is in the log twice"_s.arg(change.id);
            ids.insert(change.id);
        }
        for (const Change &change : batch) {
            if (!ids.contains(change.id))
                return u"acknowledged change %1 is lost"_s.arg(change.id);
        }
        return {};
    };
    QString problem = assertUniqueAndContains(afterCrash, acknowledgedBatch);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (answeredBeforeKill) {
        problem = assertUniqueAndContains(afterCrash, bigBatch);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // All or nothing: a batch in flight is either wholly stored or not at all.
    const QStringList afterIdList = afterCrash.ids();
    const QSet<QString> afterIds(afterIdList.cbegin(), afterIdList.cend());
    qsizetype stored = 0;
    for (const Change &change : bigBatch)
        stored += afterIds.contains(change.id) ? 1 : 0;
    qInfo() << stored << "of" << bigBatch.size() << "changes of the interrupted push were stored";
    QVERIFY2(stored == 0 || stored == bigBatch.size(), "a batch was stored in part");

    // The laptop did not get an answer, so it sends the batch again: it completes.
    const PushResult again = s.client->push(bigBatch);
    QVERIFY2(again.status() == 200, qPrintable(again.response.describe()));
    QCOMPARE(again.accepted.size(), bigBatch.size());
    QVERIFY2(again.rejected.isEmpty(), qPrintable(describeRejections(again)));
    const PullResult finalPull = s.client->pullAll(0);
    QVERIFY(finalPull.ok);
    problem = assertUniqueAndContains(finalPull, acknowledgedBatch + bigBatch);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // The merged state the server hands out agrees with its own log.
    ClientReplica fromLog(account.user, u"check"_s);
    fromLog.receive(finalPull.plainChanges());
    const BootstrapResult boot = s.client->bootstrap();
    QVERIFY2(boot.ok, qPrintable(boot.response.describe()));
    QTemporaryDir dir;
    auto store = ReplicaStore::open(dir.filePath(u"check.sqlite"_s));
    QVERIFY(store);
    QVERIFY(store.value()->importSnapshot(boot.entities));
    QCOMPARE(store.value()->stateDigest(), fromLog.state().stateDigest());
    if (QTest::currentTestFailed())
        server.dumpLog("crashed server's output");
    QVERIFY(server.terminate());
}

void TestServer::twoServersOnOneDatabaseAnnounceEachOthersPushes()
{
    if (!ServerProcess::usesPostgres())
        QSKIP("only PostgreSQL stores are shared by several server processes");
    ServerProcess second;
    QVERIFY(second.start(ServerProcess::Store::Shared));
    LiveSocket socket;
    QVERIFY2(socket.open(second.baseUrl(), m_office.client->token()), qPrintable(socket.errorString()));

    m_a.replica->set(m_ids[u"measure"_s], u"partners"_s, u"Landkreis"_s);
    const PushResult pushed = m_a.client->push(m_a.replica->takeOutbox());
    QVERIFY2(pushed.status() == 200 && pushed.rejected.isEmpty(), qPrintable(pushed.response.describe()));
    QVERIFY2(socket.waitForCursor(pushed.cursor, 5000),
             qPrintable(u"the other process did not announce cursor %1 within 5 s (last %2)"_s.arg(pushed.cursor).arg(socket.lastCursor())));

    // And the other way round; the second process also serves the change.
    SyncClient viaSecond(second.baseUrl());
    viaSecond.setToken(m_office.client->token());
    const PullResult pulled = viaSecond.pullAll(pushed.cursor - 1);
    QVERIFY(pulled.ok);
    QVERIFY(!pulled.changes.isEmpty());
    if (QTest::currentTestFailed())
        second.dumpLog("second server's output");
    QVERIFY(second.terminate());
}

void TestServer::seedDemoMakesAccountsThatCanLogIn()
{
    if (ServerProcess::usesPostgres())
        QSKIP("seed-demo wants a store of its own");
    ServerProcess demo;
    QVERIFY(demo.prepareStore());
    const auto seeded = demo.admin({ u"seed-demo"_s });
    QVERIFY2(seeded.ok(), seeded.err.constData());
    QStringList editor;
    QStringList office;
    for (const QString &line : seeded.lines()) {
        const QStringList words = line.split(u' ');
        if (words.value(0) != u"account"_s)
            continue;
        QCOMPARE(words.size(), 5);
        if (words[3] == u"office"_s) {
            QCOMPARE(words[4], u"-"_s);
            office = words;
        } else if (editor.isEmpty()) {
            editor = words;
        }
    }
    QVERIFY2(!editor.isEmpty() && !office.isEmpty(), seeded.out.constData());
    QVERIFY(demo.restart());
    SyncClient client(demo.baseUrl());
    const HttpResponse login = client.login(editor[1], editor[2], u"demo-laptop"_s);
    QVERIFY2(login.status == 200, qPrintable(login.describe()));
    QCOMPARE(client.account().value(u"role"_s).toString(), editor[3]);
    const PullResult pulled = client.pullAll(0);
    QVERIFY(pulled.ok);
    QVERIFY2(!pulled.changes.isEmpty(), "the demo editor sees nothing");
    QVERIFY(demo.terminate());
}

void TestServer::stopsCleanlyOnSignal_data()
{
    QTest::addColumn<int>("signal");
    QTest::addRow("SIGTERM") << int(SIGTERM);
    QTest::addRow("SIGINT") << int(SIGINT);
}

void TestServer::stopsCleanlyOnSignal()
{
    QFETCH(int, signal);
    ServerProcess server;
    QVERIFY(server.start(ServerProcess::Store::Shared));
    SyncClient client(server.baseUrl());
    QCOMPARE(client.healthz().status, 200);
    QVERIFY2(server.terminate(signal), "no clean exit");
}

void TestServer::loginThrottlesRepeatedFailures()
{
    // A server of its own: the throttle also counts failures per address, and every test logs in from 127.0.0.1.
    ServerProcess server;
    QVERIFY(server.start(ServerProcess::Store::Shared));
    QString why;
    Account target;
    Account bystander;
    QVERIFY2(makeAccount(server, u"throttled"_s, true, target, &why), qPrintable(why));
    QVERIFY2(makeAccount(server, u"bystander"_s, true, bystander, &why), qPrintable(why));

    SyncClient client(server.baseUrl());
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const HttpResponse response = client.login(target.user, u"guess-%1"_s.arg(attempt), u"attacker"_s);
        QVERIFY2(response.status == 401, qPrintable(u"attempt %1: %2"_s.arg(attempt).arg(response.describe())));
    }
    const HttpResponse sixth = client.login(target.user, u"guess-6"_s, u"attacker"_s);
    QVERIFY2(sixth.status == 429, qPrintable(sixth.describe()));
    QCOMPARE(sixth.code(), u"too_many_attempts"_s);
    const QJsonValue retry = sixth.json.value(u"retry_after_s"_s);
    QVERIFY2(retry.isDouble() && retry.toDouble() >= 1 && retry.toDouble() <= 300, qPrintable(QString::fromUtf8(sixth.body)));

    // While it waits, even the right password is refused: otherwise guessing just goes on.
    const HttpResponse right = client.login(target.user, target.password, u"attacker"_s);
    QVERIFY2(right.status == 429, qPrintable(right.describe()));
    // The same address is throttled for other accounts too.
    const HttpResponse other = client.login(bystander.user, bystander.password, u"attacker"_s);
    QVERIFY2(other.status == 429, qPrintable(other.describe()));
    QCOMPARE(server.admin({ u"list-accounts"_s }).exitCode, 0);
    if (QTest::currentTestFailed())
        server.dumpLog("throttle server's output");
    QVERIFY(server.terminate());
}

QTEST_GUILESS_MAIN(TestServer)
#include "tst_server.moc"
