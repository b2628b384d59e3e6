// SPDX-License-Identifier: GPL-3.0-or-later
// The account life cycle through the server's command line, against the real server while it serves
// (SQLite and PostgreSQL): set-password, disable-account, enable-account, delete-account,
// list-accounts with last login and state, unknown users, the server's schema version.
#include "helpers/clientreplica.h"
#include "helpers/serverprocess.h"
#include "helpers/teststore.h"
#include "helpers/syncclient.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString passwordSuffix = u"-Werkstatt-2026"_s;

QString uniqueName(const QString &prefix)
{
    static const QString tag = QString::number(QRandomGenerator::global()->bounded(0x10000), 16);
    static int counter = 0;
    return u"%1%2a%3"_s.arg(prefix).arg(++counter).arg(tag);
}

struct TestAccount
{
    QString user;
    QString password;
    QString municipalityName;
    QString municipalityId;
    QString planId;
};

QString describe(const ServerProcess::AdminResult &result)
{
    return u"exit %1, stdout '%2', stderr '%3'"_s.arg(result.exitCode).arg(QString::fromUtf8(result.out).trimmed(),
                                                                           QString::fromUtf8(result.err).trimmed());
}

} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { m_server.clearLog(); }
    void cleanup();
    void cleanupTestCase();

    void listAccountsShowsLastLoginAndState();
    void setPasswordRevokesTheOldPasswordAndTokens();
    void disableRefusesLoginsTokensSocketsAndPushes();
    void enableLetsTheAccountSignInAgain();
    void deleteKeepsTheAccountsChangesInHistory();
    void unknownUsersFailCleanly_data();
    void unknownUsersFailCleanly();
    void reservedNamesAreRefused();
    void commandsRunWhileServing();
    // Last: they stop the server and change the store's schema versions.
    void olderServerTablesAreMigrated();
    void newerSchemaIsRefused();

private:
    bool makeAccount(TestAccount &account, QString *why, bool office = false);
    /** Failed logins from 127.0.0.1 are throttled after five: a restart forgives them (they live in memory). */
    bool forgiveFailedLogins() { return m_server.restart(); }
    QString passwordFile(const QString &password);
    /** list-accounts' fields for user; empty if not listed. */
    QStringList listed(const QString &user);
    /** Runs SQL on the server's store directly, as a newer or older server would have left it. */
    bool onStore(const std::function<bool(QSqlQuery &)> &work, QString *why);

    ServerProcess m_server;
    QTemporaryDir m_scratch;
};

void TestAccounts::initTestCase()
{
    QVERIFY2(QFile::exists(ServerProcess::binary()), qPrintable(u"no server binary at "_s + ServerProcess::binary()));
    QVERIFY(m_scratch.isValid());
    WERKSTATTPLAN_CHECK_TEST_STORE();
    QVERIFY(m_server.start());
}

void TestAccounts::cleanup()
{
    if (QTest::currentTestFailed())
        m_server.dumpLog();
}

void TestAccounts::cleanupTestCase()
{
    if (m_server.isRunning())
        QVERIFY2(m_server.terminate(), "the server did not exit cleanly on SIGTERM");
}

QString TestAccounts::passwordFile(const QString &password)
{
    const QString file = m_scratch.filePath(uniqueName(u"password"_s));
    QFile out(file);
    if (out.open(QIODevice::WriteOnly))
        out.write(password.toUtf8() + '\n');
    return file;
}

bool TestAccounts::makeAccount(TestAccount &account, QString *why, bool office)
{
    account = {};
    account.user = uniqueName(office ? u"office"_s : u"kommune"_s);
    account.password = account.user + passwordSuffix;
    QStringList args { u"add-account"_s, account.user };
    if (office) {
        args << u"--office"_s;
    } else {
        account.municipalityName = u"Gemeinde-"_s + account.user;
        const auto added = m_server.admin({ u"add-municipality"_s, account.municipalityName, u"--state"_s,
                                            u"Sachsen"_s, u"--cluster"_s, u"Süd"_s });
        const QStringList words = added.lines().value(0).split(u' ');
        if (!added.ok() || words.size() != 3) {
            *why = u"add-municipality: "_s + describe(added);
            return false;
        }
        account.municipalityId = words[1];
        account.planId = words[2];
        args << u"--municipality"_s << account.municipalityName;
    }
    const auto result = m_server.admin(args << u"--password-file"_s << passwordFile(account.password));
    if (!result.ok()) {
        *why = u"add-account: "_s + describe(result);
        return false;
    }
    return true;
}

QStringList TestAccounts::listed(const QString &user)
{
    const auto result = m_server.admin({ u"list-accounts"_s });
    for (const QString &line : result.lines()) {
        const QStringList fields = line.split(u' ');
        if (fields.value(1) == user)
            return fields;
    }
    return {};
}

bool TestAccounts::onStore(const std::function<bool(QSqlQuery &)> &work, QString *why)
{
    const QString name = u"accounts-store"_s;
    bool ok = false;
    {
        QSqlDatabase db;
        if (ServerProcess::usesPostgres()) {
            const QUrl url(ServerProcess::postgresUrl());
            db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
            db.setHostName(url.host().isEmpty() ? QUrlQuery(url).queryItemValue(u"host"_s) : url.host());
            if (url.port() > 0)
                db.setPort(url.port());
            db.setUserName(url.userName(QUrl::FullyDecoded));
            db.setPassword(url.password(QUrl::FullyDecoded));
            db.setDatabaseName(url.path().mid(1));
        } else {
            db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(m_server.dataDir() + u"/werkstattplan-server.sqlite"_s);
        }
        if (!db.open()) {
            *why = db.lastError().text();
        } else {
            QSqlQuery query(db);
            ok = work(query);
            if (!ok)
                *why = query.lastError().text();
            query.finish();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

void TestAccounts::listAccountsShowsLastLoginAndState()
{
    QVERIFY(forgiveFailedLogins());
    QString why;
    TestAccount account, office;
    QVERIFY2(makeAccount(account, &why), qPrintable(why));
    QVERIFY2(makeAccount(office, &why, true), qPrintable(why));

    // The first four fields are as they always were; the new ones follow.
    QStringList fields = listed(account.user);
    QCOMPARE(fields, (QStringList { u"account"_s, account.user, u"editor"_s, account.municipalityId, u"never"_s, u"enabled"_s }));
    QCOMPARE(listed(office.user), (QStringList { u"account"_s, office.user, u"office"_s, u"-"_s, u"never"_s, u"enabled"_s }));

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    SyncClient client(m_server.baseUrl());
    QCOMPARE(client.login(account.user, account.password, u"laptop-list"_s).status, 200);
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);
    fields = listed(account.user);
    QCOMPARE(fields.size(), 6);
    QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s).match(fields[4]).hasMatch(),
             qPrintable(fields[4]));
    const QDateTime lastLogin = QDateTime::fromString(fields[4], Qt::ISODate);
    QVERIFY2(lastLogin >= before && lastLogin <= after, qPrintable(fields[4]));
    QCOMPARE(fields[5], u"enabled"_s);
    // A failed login is no login.
    QTest::qWait(1100);
    QCOMPARE(client.login(account.user, u"not-the-password"_s, u"laptop-list"_s).status, 401);
    QCOMPARE(listed(account.user).value(4), fields[4]);
}

void TestAccounts::setPasswordRevokesTheOldPasswordAndTokens()
{
    QVERIFY(forgiveFailedLogins());
    QString why;
    TestAccount account;
    QVERIFY2(makeAccount(account, &why), qPrintable(why));
    SyncClient laptop(m_server.baseUrl()), desktop(m_server.baseUrl());
    QCOMPARE(laptop.login(account.user, account.password, u"laptop-pw"_s).status, 200);
    QCOMPARE(desktop.login(account.user, account.password, u"desktop-pw"_s).status, 200);
    LiveSocket live;
    QVERIFY2(live.open(m_server.baseUrl(), laptop.token()), qPrintable(live.errorString()));

    const QString newPassword = u"Neues-Passwort-2027"_s;
    auto result = m_server.admin({ u"set-password"_s, account.user, u"--password-file"_s, passwordFile(newPassword) });
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.lines(), QStringList { u"password of %1 set; revoked 2 token(s): every device signs in again "
                                           "with the new password"_s.arg(account.user) });

    QCOMPARE(laptop.pull(0).response.status, 401);
    QCOMPARE(desktop.pull(0).response.status, 401);
    QTRY_VERIFY_WITH_TIMEOUT(live.wasClosed(), 20'000);
    SyncClient again(m_server.baseUrl());
    const HttpResponse old = again.login(account.user, account.password, u"laptop-pw"_s);
    QCOMPARE(old.status, 401);
    QCOMPARE(old.code(), u"bad_credentials"_s);
    QCOMPARE(again.login(account.user, newPassword, u"laptop-pw"_s).status, 200);
    QCOMPARE(again.pull(0).response.status, 200);

    // From standard input, as add-account reads it; a short one is refused and changes nothing.
    result = m_server.admin({ u"set-password"_s, account.user }, "Drittes-Passwort-2028\n");
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QVERIFY(result.lines().value(0).contains(u"revoked 1 token(s)"_s));
    result = m_server.admin({ u"set-password"_s, account.user }, "kurz\n");
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("too short"), result.err.constData());
    QCOMPARE(SyncClient(m_server.baseUrl()).login(account.user, u"Drittes-Passwort-2028"_s, u"laptop-pw"_s).status, 200);
}

void TestAccounts::disableRefusesLoginsTokensSocketsAndPushes()
{
    QVERIFY(forgiveFailedLogins());
    QString why;
    TestAccount account;
    QVERIFY2(makeAccount(account, &why), qPrintable(why));
    SyncClient client(m_server.baseUrl());
    QCOMPARE(client.login(account.user, account.password, u"laptop-off"_s).status, 200);
    LiveSocket live;
    QVERIFY2(live.open(m_server.baseUrl(), client.token()), qPrintable(live.errorString()));
    ClientReplica replica(account.user, u"laptop-off"_s);
    const QList<Change> pending = replica.makeEntity(u"field_of_action"_s, u"foa-"_s + account.user,
                                                     { { u"plan"_s, account.planId }, { u"title"_s, u"Ehrenamt"_s } });

    const auto result = m_server.admin({ u"disable-account"_s, account.user });
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.lines(), QStringList { u"disabled %1; revoked 1 token(s)"_s.arg(account.user) });
    QCOMPARE(listed(account.user).value(5), u"disabled"_s);

    // The open socket closes by itself (the server notices the revocation), the token is refused.
    QTRY_VERIFY_WITH_TIMEOUT(live.wasClosed(), 20'000);
    const PushResult pushed = client.push(pending);
    QCOMPARE(pushed.status(), 401);
    QCOMPARE(pushed.response.code(), u"unauthorized"_s);
    // The right password learns that the account is disabled; a wrong one learns nothing more than before.
    SyncClient again(m_server.baseUrl());
    const HttpResponse refused = again.login(account.user, account.password, u"laptop-off"_s);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.code(), u"account_disabled"_s);
    QVERIFY(again.token().isEmpty());
    const HttpResponse wrong = again.login(account.user, u"not-the-password"_s, u"laptop-off"_s);
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.code(), u"bad_credentials"_s);
    // Disabling twice is no error; nothing is left to revoke.
    const auto twice = m_server.admin({ u"disable-account"_s, account.user });
    QVERIFY2(twice.ok(), qPrintable(describe(twice)));
    QCOMPARE(twice.lines(), QStringList { u"disabled %1; revoked 0 token(s)"_s.arg(account.user) });
}

void TestAccounts::enableLetsTheAccountSignInAgain()
{
    QString why;
    TestAccount account;
    QVERIFY2(makeAccount(account, &why), qPrintable(why));
    auto result = m_server.admin({ u"disable-account"_s, account.user });
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    SyncClient client(m_server.baseUrl());
    QCOMPARE(client.login(account.user, account.password, u"laptop-on"_s).status, 403);

    result = m_server.admin({ u"enable-account"_s, account.user });
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.lines(), QStringList { u"enabled "_s + account.user });
    QCOMPARE(listed(account.user).value(5), u"enabled"_s);
    QCOMPARE(client.login(account.user, account.password, u"laptop-on"_s).status, 200);
    ClientReplica replica(account.user, u"laptop-on"_s);
    const PushResult pushed = client.push(replica.makeEntity(u"field_of_action"_s, u"foa-"_s + account.user,
                                                             { { u"plan"_s, account.planId }, { u"title"_s, u"Wohnen"_s } }));
    QCOMPARE(pushed.status(), 200);
    QVERIFY2(pushed.rejected.isEmpty(), qPrintable(pushed.response.describe()));
}

void TestAccounts::deleteKeepsTheAccountsChangesInHistory()
{
    QVERIFY(forgiveFailedLogins());
    QString why;
    TestAccount account, office;
    QVERIFY2(makeAccount(account, &why), qPrintable(why));
    QVERIFY2(makeAccount(office, &why, true), qPrintable(why));
    SyncClient client(m_server.baseUrl());
    QCOMPARE(client.login(account.user, account.password, u"laptop-gone"_s).status, 200);
    const QString oldToken = client.token();
    // Its changes: a field of action, from a laptop that never wrote its device record.
    ClientReplica replica(account.user, u"laptop-gone"_s);
    const QString foa = u"foa-"_s + account.user;
    const QList<Change> changes = replica.makeEntity(u"field_of_action"_s, foa, { { u"plan"_s, account.planId },
                                                                                 { u"title"_s, u"Daseinsvorsorge"_s } });
    const PushResult pushed = client.push(changes);
    QCOMPARE(pushed.status(), 200);
    QCOMPARE(pushed.accepted.size(), changes.size());

    const auto result = m_server.admin({ u"delete-account"_s, account.user });
    QVERIFY2(result.ok(), qPrintable(describe(result)));
    QCOMPARE(result.lines(), QStringList { u"deleted %1; revoked 1 token(s); its changes stay in the plans' history"_s.arg(account.user) });
    QVERIFY(listed(account.user).isEmpty());
    QCOMPARE(client.pull(0).response.status, 401);
    const HttpResponse login = SyncClient(m_server.baseUrl()).login(account.user, account.password, u"laptop-gone"_s);
    QCOMPARE(login.status, 401);
    QCOMPARE(login.code(), u"bad_credentials"_s);

    // The office still receives every change, by pull and by bootstrap, with its author.
    SyncClient officeClient(m_server.baseUrl());
    QCOMPARE(officeClient.login(office.user, office.password, u"office-history"_s).status, 200);
    const PullResult pulled = officeClient.pullAll(0);
    QVERIFY2(pulled.ok, qPrintable(pulled.response.describe()));
    const QStringList pulledIds = pulled.ids();
    for (const Change &change : changes)
        QVERIFY2(pulledIds.contains(change.id), qPrintable(change.id));
    const BootstrapResult bootstrap = officeClient.bootstrap();
    QVERIFY2(bootstrap.ok, qPrintable(bootstrap.response.describe()));
    const SnapshotEntity *field = nullptr;
    const SnapshotEntity *device = nullptr;
    for (const SnapshotEntity &entity : bootstrap.entities) {
        if (entity.record.id == foa)
            field = &entity;
        if (entity.record.id == u"laptop-gone"_s)
            device = &entity;
    }
    QVERIFY2(field, "the deleted account's field of action is not in the bootstrap");
    QCOMPARE(field->record.value(u"title"_s), u"Daseinsvorsorge"_s);
    QCOMPARE(field->history.size(), changes.size());
    for (const Change &change : field->history)
        QCOMPARE(change.author, account.user);
    // Its laptop is named by the server, so every client shows those changes as the municipality's.
    QVERIFY2(device, "no record of the deleted account's device");
    QCOMPARE(device->record.value(u"municipality"_s), account.municipalityId);
    QVERIFY(!device->history.isEmpty());
    for (const Change &change : device->history)
        QVERIFY2(change.device.startsWith(u"server-"_s), qPrintable(change.device));

    // The name again, for the same municipality: a new account, without the old one's tokens.
    QStringList args { u"add-account"_s, account.user, u"--municipality"_s, account.municipalityName, u"--password-file"_s,
                       passwordFile(u"Nachfolger-Passwort-1"_s) };
    const auto again = m_server.admin(args);
    QVERIFY2(again.ok(), qPrintable(describe(again)));
    QCOMPARE(listed(account.user).value(4), u"never"_s);
    SyncClient stale(m_server.baseUrl());
    stale.setToken(oldToken);
    QCOMPARE(stale.pull(0).response.status, 401);
    QCOMPARE(SyncClient(m_server.baseUrl()).login(account.user, account.password, u"laptop-new"_s).status, 401);
    QCOMPARE(SyncClient(m_server.baseUrl()).login(account.user, u"Nachfolger-Passwort-1"_s, u"laptop-new"_s).status, 200);

    // ... but not for another municipality or the office: history would credit them with the old changes.
    TestAccount other;
    QVERIFY2(makeAccount(other, &why), qPrintable(why));
    QVERIFY2(m_server.admin({ u"delete-account"_s, other.user }).ok(), "delete-account");
    const auto elsewhere = m_server.admin({ u"add-account"_s, other.user, u"--municipality"_s, account.municipalityName,
                                            u"--password-file"_s, passwordFile(other.password) });
    QCOMPARE(elsewhere.exitCode, 1);
    QVERIFY2(elsewhere.err.contains("deleted account"), elsewhere.err.constData());
    const auto asOffice = m_server.admin({ u"add-account"_s, other.user, u"--office"_s, u"--password-file"_s,
                                           passwordFile(other.password) });
    QCOMPARE(asOffice.exitCode, 1);
}

void TestAccounts::unknownUsersFailCleanly_data()
{
    QTest::addColumn<QString>("command");
    for (const char *command : { "set-password", "disable-account", "enable-account", "delete-account", "revoke-tokens" })
        QTest::newRow(command) << QString::fromLatin1(command);
}

void TestAccounts::unknownUsersFailCleanly()
{
    QFETCH(QString, command);
    const QString nobody = uniqueName(u"nobody"_s);
    // set-password does not wait for a password of an account that is not there.
    const auto result = m_server.admin({ command, nobody });
    QVERIFY2(!result.crashed, qPrintable(describe(result)));
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QCOMPARE(QString::fromUtf8(result.err).trimmed(), u"werkstattplan-server: no account "_s + nobody);
    QVERIFY(listed(nobody).isEmpty());
}

void TestAccounts::reservedNamesAreRefused()
{
    // "admin" authors the server's own changes, "local" a laptop's work before its first sign-in.
    for (const QString &name : { u"admin"_s, u"local"_s }) {
        const auto result = m_server.admin({ u"add-account"_s, name, u"--office"_s }, "Ein-langes-Passwort-2027\n");
        QVERIFY2(!result.crashed, qPrintable(describe(result)));
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains("reserved"), result.err.constData());
        QVERIFY(listed(name).isEmpty());
    }
}

void TestAccounts::commandsRunWhileServing()
{
    QVERIFY(forgiveFailedLogins());
    QString why;
    QList<TestAccount> accounts(4);
    for (TestAccount &account : accounts)
        QVERIFY2(makeAccount(account, &why), qPrintable(why));
    SyncClient writer(m_server.baseUrl());
    QCOMPARE(writer.login(accounts[0].user, accounts[0].password, u"laptop-busy"_s).status, 200);
    ClientReplica replica(accounts[0].user, u"laptop-busy"_s);

    // Four commands at once, while the server takes pushes.
    const QList<QStringList> commands {
        { u"disable-account"_s, accounts[1].user },
        { u"set-password"_s, accounts[2].user, u"--password-file"_s, passwordFile(u"Gleichzeitig-2026"_s) },
        { u"delete-account"_s, accounts[3].user },
        { u"list-accounts"_s },
    };
    std::vector<std::unique_ptr<QProcess>> processes;
    for (const QStringList &command : commands) {
        auto &process = processes.emplace_back(std::make_unique<QProcess>());
        process->setProgram(ServerProcess::binary());
        process->setArguments(command + m_server.storeArguments());
        process->start();
        QVERIFY(process->waitForStarted());
    }
    int pushes = 0;
    const auto running = [&] {
        return std::any_of(processes.begin(), processes.end(),
                           [](const auto &p) { return p->state() != QProcess::NotRunning; });
    };
    QDeadlineTimer deadline(60'000);
    while (running() && !deadline.hasExpired()) {
        const PushResult pushed = writer.push(replica.makeEntity(u"field_of_action"_s, u"foa-busy-%1-%2"_s.arg(accounts[0].user).arg(pushes),
                                                                 { { u"plan"_s, accounts[0].planId }, { u"title"_s, u"Mobilität"_s } }));
        QCOMPARE(pushed.status(), 200);
        ++pushes;
        for (auto &process : processes)
            process->waitForFinished(20);
    }
    for (qsizetype i = 0; i < commands.size(); ++i) {
        QProcess &process = *processes[size_t(i)];
        QVERIFY2(process.state() == QProcess::NotRunning || process.waitForFinished(30'000), qPrintable(commands[i].join(u' ')));
        QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
                 qPrintable(commands[i].join(u' ') + u": "_s + QString::fromUtf8(process.readAllStandardError())));
    }
    qInfo() << pushes << "push(es) while the commands ran";
    QVERIFY(pushes >= 1);
    QCOMPARE(writer.healthz().status, 200);
    QCOMPARE(listed(accounts[1].user).value(5), u"disabled"_s);
    QCOMPARE(SyncClient(m_server.baseUrl()).login(accounts[2].user, u"Gleichzeitig-2026"_s, u"laptop-busy-2"_s).status, 200);
    QVERIFY(listed(accounts[3].user).isEmpty());
}

void TestAccounts::olderServerTablesAreMigrated()
{
    QString why;
    TestAccount account;
    QVERIFY2(makeAccount(account, &why), qPrintable(why));
    QVERIFY(m_server.terminate());
    // The server's tables as they were before they had a version: no last login, no disabling, no retired names.
    QVERIFY2(onStore([](QSqlQuery &query) {
                 return query.exec(u"ALTER TABLE accounts DROP COLUMN last_login"_s)
                         && query.exec(u"ALTER TABLE accounts DROP COLUMN disabled_at"_s)
                         && query.exec(u"DROP TABLE retired_accounts"_s)
                         && query.exec(u"DELETE FROM store_identity WHERE key = 'server_schema'"_s);
             }, &why),
             qPrintable(why));
    QVERIFY(m_server.restart());
    QVERIFY2(m_server.log().contains("migrated the server's tables from schema 0 to 2"), m_server.log().constData());
    QCOMPARE(listed(account.user), (QStringList { u"account"_s, account.user, u"editor"_s, account.municipalityId,
                                                   u"never"_s, u"enabled"_s }));
    QCOMPARE(SyncClient(m_server.baseUrl()).login(account.user, account.password, u"laptop-migrated"_s).status, 200);
    QVERIFY(listed(account.user).value(4) != u"never"_s);
    QString version;
    QVERIFY2(onStore([&version](QSqlQuery &query) {
                 const bool ok = query.exec(u"SELECT value FROM store_identity WHERE key = 'server_schema'"_s) && query.next();
                 version = ok ? query.value(0).toString() : QString();
                 return ok;
             }, &why),
             qPrintable(why));
    QCOMPARE(version, u"2"_s);
}

void TestAccounts::newerSchemaIsRefused()
{
    QString why;
    QVERIFY(m_server.terminate());
    const auto setServerSchema = [&](int version) {
        return onStore([version](QSqlQuery &query) {
            return query.exec(u"UPDATE store_identity SET value = '%1' WHERE key = 'server_schema'"_s.arg(version))
                    && query.numRowsAffected() == 1;
        }, &why);
    };
    // Written by a newer server: every command and serve refuse it, and leave it as it is.
    QVERIFY2(setServerSchema(99), qPrintable(why));
    for (const QStringList &command : { QStringList { u"list-accounts"_s }, QStringList { u"serve"_s, u"--listen"_s, u"127.0.0.1:0"_s } }) {
        const auto refused = m_server.admin(command);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("downgrade refused") && refused.err.contains("server schema 99, this one knows 2"),
                 refused.err.constData());
    }
    QString kept;
    QVERIFY2(onStore([&kept](QSqlQuery &query) {
                 const bool ok = query.exec(u"SELECT value FROM store_identity WHERE key = 'server_schema'"_s) && query.next();
                 kept = ok ? query.value(0).toString() : QString();
                 return ok;
             }, &why),
             qPrintable(why));
    QCOMPARE(kept, u"99"_s);
    QVERIFY2(setServerSchema(2), qPrintable(why));

    // The replica's tables of a newer version, too.
    const bool postgres = ServerProcess::usesPostgres();
    const auto setReplicaSchema = [&](int version) {
        return onStore([version, postgres](QSqlQuery &query) {
            return postgres ? query.exec(u"UPDATE schema_version SET version = %1"_s.arg(version))
                            : query.exec(u"PRAGMA user_version = %1"_s.arg(version));
        }, &why);
    };
    QVERIFY2(setReplicaSchema(99), qPrintable(why));
    const auto refused = m_server.admin({ u"list-accounts"_s });
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("downgrade refused"), refused.err.constData());
    QVERIFY2(setReplicaSchema(ReplicaStore::schemaVersion), qPrintable(why));

    QVERIFY2(m_server.admin({ u"list-accounts"_s }).ok(), "the store does not open again at its own version");
    QVERIFY(m_server.restart());
}

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
