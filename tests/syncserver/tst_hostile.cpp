// SPDX-License-Identifier: GPL-3.0-or-later
// The real server against a hostile or unlucky client: oversized bodies, headers and WebSocket
// frames (with the server's peak memory read from /proc), half-sent and idle connections,
// connection floods, login floods, revoked tokens, a lost database connection, file modes.
// Every limit comes from the server's own table (GET /v1/limits), never typed in here.
#include "helpers/rawhttp.h"
#include "helpers/serverprocess.h"
#include "helpers/teststore.h"
#include "helpers/syncclient.h"
#include "localreplica.h"
#include "sync/protocol.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <QWebSocket>

#include <functional>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString passwordSuffix = u"-Werkstatt-2026"_s;

QString uniqueName(const QString &prefix)
{
    static const QString tag = QString::number(QRandomGenerator::global()->bounded(0x10000), 16);
    static int counter = 0;
    return u"%1%2h%3"_s.arg(prefix).arg(++counter).arg(tag);
}

/** Peak resident memory of a process (VmHWM), in bytes; -1 if unreadable. */
qint64 peakMemory(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

int modeOf(const QString &path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

QByteArray loginBody(const QString &user, const QString &password)
{
    return QJsonDocument(QJsonObject { { u"user"_s, user }, { u"password"_s, password }, { u"device"_s, u"hostile-test"_s } })
            .toJson(QJsonDocument::Compact);
}

/** JSON of exactly size bytes: {"changes": [], "padding": "xxx…"} (size at least 40). */
QByteArray paddedPush(qint64 size)
{
    const QByteArray start = R"({"changes":[],"padding":")";
    const QByteArray end = R"("})";
    return start + QByteArray(size - start.size() - end.size(), 'x') + end;
}

/** A request head of exactly size bytes (up to and with the blank line), padded with a header. */
QByteArray paddedHead(qint64 size)
{
    const QByteArray bare = requestHead("GET", "/healthz", -1, "X-Padding: \r\n");
    return requestHead("GET", "/healthz", -1, "X-Padding: " + QByteArray(size - bare.size(), 'p') + "\r\n");
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void oversizedInputIsRefusedWithoutBeingHeld();
    void halfSentAndIdleConnectionsTimeOut_data();
    void halfSentAndIdleConnectionsTimeOut();
    void connectionsPerAddressAreCapped();
    void loginsAreHashedOffTheServingThread();
    void strangersCannotLockAnAccountForItsOwner();
    void revokedTokenClosesItsWebSocket();
    void filesAreReadableByTheOwnerOnly();
    void protocolDocumentMatchesTheServer();
    // Last: it breaks every database connection of the test database.
    void reconnectsAfterTheDatabaseConnectionBreaks();

private:
    bool makeAccount(ServerProcess &server, const QString &prefix, QString &user, QString *why);
    qint64 limit(const char *name) const { return m_limits.value(QLatin1String(name)).toInteger(-1); }
    quint16 port() const { return quint16(m_server.port()); }

    ServerProcess m_server;
    QTemporaryDir m_scratch;
    QJsonObject m_limits;
    QString m_owner;
    SyncClient m_ownerClient;
};

bool TestHostile::makeAccount(ServerProcess &server, const QString &prefix, QString &user, QString *why)
{
    user = uniqueName(prefix);
    const QString municipality = u"Gemeinde-"_s + user;
    const auto added = server.admin({ u"add-municipality"_s, municipality, u"--state"_s, u"Sachsen"_s, u"--cluster"_s, u"Süd"_s });
    if (!added.ok()) {
        *why = u"add-municipality: "_s + QString::fromUtf8(added.err);
        return false;
    }
    const QString file = m_scratch.filePath(user + u".password"_s);
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write((user + passwordSuffix).toUtf8());
    out.close();
    const auto account = server.admin({ u"add-account"_s, user, u"--municipality"_s, municipality, u"--password-file"_s, file });
    if (!account.ok()) {
        *why = u"add-account: "_s + QString::fromUtf8(account.err);
        return false;
    }
    return true;
}

void TestHostile::initTestCase()
{
    QVERIFY2(QFile::exists(ServerProcess::binary()), qPrintable(u"no server binary at "_s + ServerProcess::binary()));
    QVERIFY(m_scratch.isValid());
    WERKSTATTPLAN_CHECK_TEST_STORE();
    // Short timeouts and a small per-address cap, so waiting for them stays short; sizes stay as shipped.
    qputenv("WERKSTATTPLAN_SERVER_LIMITS", "header_timeout_ms=1500,body_stall_timeout_ms=1500,request_timeout_ms=4000,"
                                           "idle_timeout_ms=2500,websocket_auth_timeout_ms=2500,max_connections_per_address=12");
    QVERIFY(m_server.start());
    SyncClient client(m_server.baseUrl());
    const HttpResponse limits = client.request("GET", u"/v1/limits"_s, {}, {}, SyncClient::NoToken);
    QVERIFY2(limits.status == 200, qPrintable(limits.describe()));
    m_limits = limits.json.value(u"limits"_s).toObject();
    m_limits.insert(u"password_iterations"_s, limits.json.value(u"password_iterations"_s));
    for (const char *name : { "max_body_bytes", "max_header_bytes", "max_websocket_message_bytes", "header_timeout_ms",
                              "idle_timeout_ms", "max_connections_per_address", "max_pending_logins" })
        QVERIFY2(limit(name) > 0, name);
    QCOMPARE(limit("max_connections_per_address"), 12); // the override took

    QString why;
    QVERIFY2(makeAccount(m_server, u"owner"_s, m_owner, &why), qPrintable(why));
    m_ownerClient.setBaseUrl(m_server.baseUrl());
    const HttpResponse login = m_ownerClient.login(m_owner, m_owner + passwordSuffix, u"owner-laptop"_s);
    QVERIFY2(login.status == 200, qPrintable(login.describe()));
}

void TestHostile::cleanup()
{
    if (QTest::currentTestFailed())
        m_server.dumpLog();
    m_server.clearLog();
}

void TestHostile::cleanupTestCase()
{
    if (m_server.isRunning())
        QVERIFY2(m_server.terminate(), "the server did not exit cleanly on SIGTERM");
}

void TestHostile::oversizedInputIsRefusedWithoutBeingHeld()
{
    // A server of its own: its peak memory must tell of these requests only.
    ServerProcess server;
    QVERIFY(server.start(ServerProcess::Store::Shared));
    const quint16 serverPort = quint16(server.port());
    QString why;
    QString user;
    QVERIFY2(makeAccount(server, u"memory"_s, user, &why), qPrintable(why));
    SyncClient client(server.baseUrl());
    QVERIFY2(client.login(user, user + passwordSuffix, u"memory-laptop"_s).status == 200, "login");
    const QByteArray auth = "Authorization: Bearer " + client.token().toUtf8() + "\r\n";
    // Warm up every path once, so the baseline holds what serving normally costs.
    QCOMPARE(client.push({}).status(), 200);
    QCOMPARE(client.pull(0, 10).response.status, 200);
    QCOMPARE(client.healthz().status, 200);
    LiveSocket warm;
    QVERIFY(warm.open(server.baseUrl(), client.token()));
    warm.close();

    const qint64 pid = server.processId();
    const qint64 baseline = peakMemory(pid);
    QVERIFY2(baseline > 0, "cannot read VmHWM of the server");
    const qint64 maxBody = limit("max_body_bytes");
    const qint64 maxHeader = limit("max_header_bytes");
    const qint64 maxMessage = limit("max_websocket_message_bytes");
    QStringList report;
    auto note = [&](const QString &what) {
        report << u"%1: peak +%2 MiB"_s.arg(what).arg(double(peakMemory(pid) - baseline) / 1048576.0, 0, 'f', 1);
    };

    // This side closes each connection when it has its answer; the server may count the last of them
    // as open still when the next one arrives, and refuse that as one too many from this address. The
    // refusal says to try again in a second: so does this test, as a client would.
    auto exchange = [&](const std::function<qint64(RawConnection &)> &send, qint64 *sent) {
        for (int attempt = 1;; ++attempt) {
            RawConnection connection;
            if (!connection.open(serverPort))
                return RawAnswer {};
            const qint64 written = send(connection);
            const RawAnswer answer = connection.answer();
            if (answer.status != 503 || answer.code() != u"too_many_connections"_s || attempt == 5) {
                *sent = written;
                return answer;
            }
            QTest::qWait(1000);
        }
    };

    // 1. Everything over a limit, on every endpoint: refused before it is read, so it costs
    //    (nearly) nothing; "far over" streams 32 times the limit, as an attacker would.
    struct Target
    {
        QByteArray method;
        QByteArray path;
        QByteArray headers;
    };
    const QList<Target> targets { { "POST", "/v1/push", auth }, { "POST", "/v1/login", {} }, { "GET", "/healthz", {} },
                                  { "GET", "/v1/pull?after=0", auth }, { "GET", "/metrics", {} },
                                  { "POST", "/no/such/path", {} } };
    for (const Target &target : targets) {
        for (const qint64 size : { maxBody + 1, 32 * maxBody }) {
            const QString what = u"%1 %2 with a body of %3 bytes"_s.arg(QString::fromLatin1(target.method),
                                                                          QString::fromLatin1(target.path)).arg(size);
            qint64 sent = 0;
            const RawAnswer answer = exchange([&](RawConnection &connection) {
                connection.send(requestHead(target.method, target.path, size, target.headers));
                return connection.stream(size);
            }, &sent);
            QVERIFY2(answer.status == 413, qPrintable(what + u": "_s + answer.describe()));
            QCOMPARE(answer.code(), u"payload_too_large"_s);
            QVERIFY2(sent < size || size == maxBody + 1, qPrintable(what + u": the server read the whole body before refusing"_s));
            note(what);
        }
    }
    for (const qint64 size : { maxHeader + 1, 64 * maxHeader }) {
        qint64 sent = 0;
        const RawAnswer answer = exchange([&](RawConnection &connection) -> qint64 {
            if (size == maxHeader + 1) {
                connection.send(paddedHead(size));
                return size;
            }
            connection.send("GET /healthz HTTP/1.1\r\nX-Endless: ");
            return connection.stream(size);
        }, &sent);
        QVERIFY2(answer.status == 431, qPrintable(u"headers of %1 bytes: %2"_s.arg(size).arg(answer.describe())));
        note(u"headers of %1 bytes"_s.arg(size));
    }
    auto webSocket = [&](const QByteArray &message, qint64 frameSize, bool binary) {
        QWebSocket socket;
        socket.setOutgoingFrameSize(quint64(frameSize));
        bool closed = false;
        bool cursor = false;
        QObject::connect(&socket, &QWebSocket::disconnected, &socket, [&] { closed = true; });
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [&](const QString &text) { cursor = cursor || text.contains(u"\"cursor\""_s); });
        QObject::connect(&socket, &QWebSocket::connected, &socket, [&] {
            if (binary)
                socket.sendBinaryMessage(message);
            else
                socket.sendTextMessage(QString::fromUtf8(message));
        });
        QUrl url = server.baseUrl();
        url.setScheme(u"ws"_s);
        url.setPath(u"/v1/ws"_s);
        socket.open(url);
        QTest::qWaitFor([&] { return closed || cursor; }, 30'000);
        return cursor && !closed;
    };
    auto authMessage = [&](qint64 size) {
        const QByteArray bare = QJsonDocument(QJsonObject { { u"type"_s, u"auth"_s }, { u"token"_s, client.token() },
                                                            { u"protocol"_s, Protocol::version }, { u"pad"_s, u""_s } })
                                        .toJson(QJsonDocument::Compact);
        return QJsonDocument(QJsonObject { { u"type"_s, u"auth"_s }, { u"token"_s, client.token() },
                                           { u"protocol"_s, Protocol::version },
                                           { u"pad"_s, QString(size - bare.size(), u'p') } })
                .toJson(QJsonDocument::Compact);
    };
    QVERIFY2(!webSocket(authMessage(maxMessage + 1), maxMessage + 1, false), "an auth frame over the limit was taken");
    note(u"auth frame of %1 bytes"_s.arg(maxMessage + 1));
    QVERIFY2(!webSocket(authMessage(maxMessage + 1), 1024, false), "an auth message over the limit in small frames was taken");
    QVERIFY2(!webSocket(QByteArray(100 * 1024 * 1024, 'w'), 128 * 1024 * 1024, true), "a 100 MiB frame was taken");
    note(u"frame of 100 MiB before authentication"_s);
    const qint64 refusedPeak = peakMemory(pid) - baseline;
    // What was refused may not be held: never a whole limit's worth.
    QVERIFY2(refusedPeak < maxBody, qPrintable(u"refused input raised the peak by %1 bytes (limit %2):\n"_s.arg(refusedPeak).arg(maxBody)
                                               + report.join(u'\n')));

    // 2. Exactly at each limit: served as usual, and served within a few times the limit.
    const RawAnswer push = rawRequest(serverPort, {}, "POST", "/v1/push", paddedPush(maxBody), auth);
    QVERIFY2(push.status == 200, qPrintable(u"a push of exactly the limit: "_s + push.describe()));
    note(u"push of exactly %1 bytes"_s.arg(maxBody));
    const RawAnswer health = rawRequest(serverPort, {}, "GET", "/healthz", QByteArray(maxBody, 'h'));
    QVERIFY2(health.status == 200, qPrintable(health.describe()));
    RawConnection headLimit;
    QVERIFY(headLimit.open(serverPort));
    headLimit.send(paddedHead(maxHeader));
    QVERIFY2(headLimit.answer().status == 200, qPrintable(headLimit.lastAnswer().describe()));
    QVERIFY2(webSocket(authMessage(maxMessage), maxMessage, false), "an auth message of exactly the limit was refused");
    note(u"limits exactly"_s);
    const qint64 peak = peakMemory(pid) - baseline;
    qInfo().noquote() << report.join(u'\n');
    QVERIFY2(peak < 8 * maxBody, qPrintable(u"serving requests at the limits raised the peak by %1 bytes:\n"_s.arg(peak)
                                            + report.join(u'\n')));
    QCOMPARE(client.healthz().status, 200);
    if (QTest::currentTestFailed())
        server.dumpLog("memory server's output");
    QVERIFY(server.terminate());
}

void TestHostile::halfSentAndIdleConnectionsTimeOut_data()
{
    QTest::addColumn<QByteArray>("start"); // sent at once
    QTest::addColumn<QByteArray>("drip"); // then one byte of this every 300 ms, over and over
    QTest::addColumn<int>("status"); // the answer before the close; 0: closed without one

    QTest::addRow("idle connection") << QByteArray() << QByteArray() << 0;
    QTest::addRow("idle after a request") << requestHead("GET", "/healthz", -1) << QByteArray() << 200;
    QTest::addRow("half-sent request line") << QByteArray("GET /heal") << QByteArray() << 408;
    QTest::addRow("half-sent headers") << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\n") << QByteArray() << 408;
    QTest::addRow("headers one byte at a time") << QByteArray("GET /healthz HTTP/1.1\r\n") << QByteArray("X-Slow: a\r\n") << 408;
    QTest::addRow("half-sent body") << requestHead("POST", "/v1/login", 1000) + "{\"user\"" << QByteArray() << 408;
    QTest::addRow("body one byte at a time") << requestHead("POST", "/v1/login", 100000) << QByteArray("x") << 408;
}

void TestHostile::halfSentAndIdleConnectionsTimeOut()
{
    QFETCH(QByteArray, start);
    QFETCH(QByteArray, drip);
    QFETCH(int, status);

    RawConnection connection;
    QVERIFY(connection.open(port()));
    if (!start.isEmpty())
        connection.send(start);
    // Generous: the server's own timeouts decide; this only bounds how long the test waits.
    const int patienceMs = int(10 * qMax(limit("request_timeout_ms"), limit("idle_timeout_ms")));
    QElapsedTimer timer;
    timer.start();
    qsizetype dripped = 0;
    bool closed = false;
    while (!closed && timer.elapsed() < patienceMs) {
        if (!drip.isEmpty())
            connection.send(drip.mid(dripped++ % drip.size(), 1));
        closed = connection.waitClosed(300);
    }
    QVERIFY2(closed, qPrintable(u"the server kept the connection for %1 ms; received: %2"_s.arg(timer.elapsed())
                                        .arg(QString::fromUtf8(connection.received().left(200)))));
    QCOMPARE(connection.lastAnswer().status, status);
    if (status == 408)
        QCOMPARE(connection.lastAnswer().code(), u"request_timeout"_s);
    QCOMPARE(m_ownerClient.healthz().status, 200);
}

void TestHostile::connectionsPerAddressAreCapped()
{
    const int cap = int(limit("max_connections_per_address"));
    const QHostAddress attacker(u"127.0.0.2"_s);
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < cap + 4; ++i) {
        held.push_back(std::make_unique<RawConnection>());
        QVERIFY2(held.back()->open(port(), attacker), "cannot connect from 127.0.0.2");
    }
    int refused = 0;
    for (int i = 0; i < cap + 4; ++i) {
        RawConnection &connection = *held[size_t(i)];
        const bool closed = i >= cap ? connection.waitClosed(10'000) : false;
        connection.answered();
        const RawAnswer &answer = connection.lastAnswer();
        if (answer.status == 503) {
            ++refused;
            QCOMPARE(answer.code(), u"too_many_connections"_s);
            QVERIFY2(i >= cap, qPrintable(u"connection %1 of %2 allowed was refused"_s.arg(i + 1).arg(cap)));
        } else {
            QVERIFY2(i < cap, qPrintable(u"connection %1 over the cap of %2 was %3"_s.arg(i + 1).arg(cap)
                                                 .arg(closed ? u"closed without an answer"_s : u"kept"_s)));
        }
    }
    QCOMPARE(refused, 4);
    // Others are served meanwhile, and the attacker's address itself once it lets go.
    QCOMPARE(m_ownerClient.healthz().status, 200);
    held.clear();
    QTRY_VERIFY_WITH_TIMEOUT(rawRequest(port(), attacker, "GET", "/healthz", {}).status == 200, 10'000);
}

void TestHostile::loginsAreHashedOffTheServingThread()
{
    // Wrong logins from many addresses (no throttle applies), then /healthz: it must not wait for them.
    const int count = int(qMin<qint64>(16, limit("max_pending_logins")));
    std::vector<std::unique_ptr<RawConnection>> logins;
    for (int i = 0; i < count; ++i) {
        logins.push_back(std::make_unique<RawConnection>());
        QVERIFY(logins.back()->open(port(), QHostAddress(u"127.0.1.%1"_s.arg(10 + i))));
        const QByteArray body = loginBody(uniqueName(u"nobody"_s), u"wrong-password"_s);
        logins.back()->send(requestHead("POST", "/v1/login", body.size()) + body);
    }
    // Once one login was answered, every other one has reached the server: a server that hashes on
    // its only thread answers them all before it even reads /healthz.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(logins.begin(), logins.end(), [](auto &c) { return c->answered(); }), 30'000);
    RawConnection health;
    QVERIFY(health.open(port()));
    health.send(requestHead("GET", "/healthz", -1));
    const RawAnswer healthAnswer = health.answer();
    QCOMPARE(healthAnswer.status, 200);
    const int answeredBefore = int(std::count_if(logins.begin(), logins.end(), [](auto &c) { return c->answered(); }));
    QVERIFY2(answeredBefore < count, qPrintable(u"/healthz was answered only after all %1 logins"_s.arg(count)));
    for (auto &login : logins) {
        const RawAnswer answer = login->answer();
        QVERIFY2(answer.status == 401, qPrintable(answer.describe()));
        QCOMPARE(answer.code(), u"bad_credentials"_s);
    }
}

void TestHostile::strangersCannotLockAnAccountForItsOwner()
{
    const QString right = m_owner + passwordSuffix;
    const QHostAddress stranger(u"127.0.0.3"_s);
    // One stranger guesses until throttled.
    int refusedAt = 0;
    for (int attempt = 1; attempt <= 10 && refusedAt == 0; ++attempt) {
        const RawAnswer answer = rawRequest(port(), stranger, "POST", "/v1/login", loginBody(m_owner, u"guess-%1"_s.arg(attempt)));
        if (answer.status == 429)
            refusedAt = attempt;
        else
            QVERIFY2(answer.status == 401, qPrintable(answer.describe()));
    }
    QVERIFY2(refusedAt > 1, "the stranger was never throttled");
    // The stranger's address stays throttled, even with the right password and for other accounts.
    QCOMPARE(rawRequest(port(), stranger, "POST", "/v1/login", loginBody(m_owner, right)).status, 429);
    // The owner, from its own address, is not locked out.
    SyncClient owner(m_server.baseUrl());
    const HttpResponse ownLogin = owner.login(m_owner, right, u"owner-laptop"_s);
    QVERIFY2(ownLogin.status == 200, qPrintable(u"the owner was locked out by a stranger: "_s + ownLogin.describe()));

    // Guessing spread over many addresses (one or two tries each) throttles the account for new
    // addresses, still not for the owner's.
    int throttled = 0;
    for (int i = 0; i < 40 && throttled == 0; ++i) {
        const RawAnswer answer = rawRequest(port(), QHostAddress(u"127.0.2.%1"_s.arg(10 + i)), "POST", "/v1/login",
                                            loginBody(m_owner, u"spread-%1"_s.arg(i)));
        if (answer.status == 429)
            throttled = i;
        else
            QVERIFY2(answer.status == 401, qPrintable(answer.describe()));
    }
    QVERIFY2(throttled > 0, "guessing from 40 addresses was never throttled");
    const RawAnswer newcomer = rawRequest(port(), QHostAddress(u"127.0.2.200"_s), "POST", "/v1/login", loginBody(m_owner, right));
    QVERIFY2(newcomer.status == 429, qPrintable(newcomer.describe()));
    const HttpResponse again = owner.login(m_owner, right, u"owner-laptop"_s);
    QVERIFY2(again.status == 200, qPrintable(u"the owner was locked out by spread guessing: "_s + again.describe()));
}

void TestHostile::revokedTokenClosesItsWebSocket()
{
    QString why;
    QString user;
    QVERIFY2(makeAccount(m_server, u"revoked"_s, user, &why), qPrintable(why));
    SyncClient client(m_server.baseUrl());
    QVERIFY(client.login(user, user + passwordSuffix, u"revoked-laptop"_s).status == 200);
    LiveSocket revoked;
    QVERIFY2(revoked.open(m_server.baseUrl(), client.token()), qPrintable(revoked.errorString()));
    LiveSocket bystander;
    QVERIFY2(bystander.open(m_server.baseUrl(), m_ownerClient.token()), qPrintable(bystander.errorString()));

    const auto result = m_server.admin({ u"revoke-tokens"_s, user });
    QVERIFY2(result.ok(), result.err.constData());
    // revoke-tokens is another process: the server learns of it by itself and closes the socket.
    QTRY_VERIFY_WITH_TIMEOUT(revoked.wasClosed(), 20'000);
    QVERIFY2(revoked.otherMessages().join(u' ').contains(u"unauthorized"_s), qPrintable(revoked.otherMessages().join(u' ')));
    // Others keep theirs.
    QVERIFY(!bystander.wasClosed());
    QVERIFY(bystander.isConnected());
}

void TestHostile::filesAreReadableByTheOwnerOnly()
{
    // The client's replica (both stores: it does not depend on the server's).
    const QString clientFolder = m_scratch.filePath(uniqueName(u"client"_s));
    {
        auto replica = LocalReplica::open(clientFolder);
        QVERIFY2(replica, qPrintable(replica.errorMessage()));
    }
    const QString replicaPath = QDir(clientFolder).filePath(LocalReplica::replicaFile);
    QCOMPARE(modeOf(clientFolder), 0700);
    QCOMPARE(modeOf(replicaPath), 0600);
    // Made by an older version: fixed on the next open.
    ::chmod(QFile::encodeName(clientFolder).constData(), 0755);
    ::chmod(QFile::encodeName(replicaPath).constData(), 0644);
    {
        auto replica = LocalReplica::open(clientFolder);
        QVERIFY2(replica, qPrintable(replica.errorMessage()));
        QCOMPARE(modeOf(clientFolder), 0700);
        QCOMPARE(modeOf(replicaPath), 0600);
        for (const QString &suffix : { u"-wal"_s, u"-shm"_s }) {
            if (QFileInfo::exists(replicaPath + suffix))
                QCOMPARE(modeOf(replicaPath + suffix), 0600);
        }
    }

    if (ServerProcess::usesPostgres())
        QSKIP("the server's files are PostgreSQL's here");
    const QString dataDir = m_server.dataDir();
    const QString store = QDir(dataDir).filePath(u"werkstattplan-server.sqlite"_s);
    QCOMPARE(m_ownerClient.push({}).status(), 200); // the -wal file exists
    auto check = [&](const char *when) {
        QVERIFY2(modeOf(dataDir) == 0700, qPrintable(u"%1: data folder %2"_s.arg(QLatin1String(when)).arg(modeOf(dataDir), 0, 8)));
        for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s }) {
            QVERIFY2(QFileInfo::exists(store + suffix), qPrintable(store + suffix));
            QVERIFY2(modeOf(store + suffix) == 0600,
                     qPrintable(u"%1: %2 is %3"_s.arg(QLatin1String(when), store + suffix).arg(modeOf(store + suffix), 0, 8)));
        }
    };
    check("new store");
    const QString backup = m_scratch.filePath(uniqueName(u"backup"_s) + u".sqlite"_s);
    const auto backedUp = m_server.admin({ u"backup"_s, backup });
    QVERIFY2(backedUp.ok(), backedUp.err.constData());
    QCOMPARE(modeOf(backup), 0600);
    ::chmod(QFile::encodeName(dataDir).constData(), 0755);
    for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s })
        ::chmod(QFile::encodeName(store + suffix).constData(), 0644);
    QVERIFY(m_server.restart(ServerProcess::Port::Same));
    check("after a restart");
}

void TestHostile::protocolDocumentMatchesTheServer()
{
    QFile document(QStringLiteral(WERKSTATTPLAN_TEST_DATA) + u"/../../docs/protocol.md"_s);
    QVERIFY2(document.open(QIODevice::ReadOnly), qPrintable(document.fileName()));
    const QString text = QString::fromUtf8(document.readAll());
    auto spelled = [](qint64 n) { return QLocale(QLocale::English).toString(n); };
    static const QRegularExpression iterations(u"([\\d,]+) (?:PBKDF2 )?iterations"_s);
    auto matches = iterations.globalMatch(text);
    int mentioned = 0;
    while (matches.hasNext()) {
        const auto match = matches.next();
        ++mentioned;
        QCOMPARE(match.captured(1), spelled(limit("password_iterations")));
    }
    QVERIFY2(mentioned > 0, "docs/protocol.md does not say how many PBKDF2 iterations");
    // Every limit of the server's table is documented with its value: `name` | value.
    for (auto it = m_limits.constBegin(); it != m_limits.constEnd(); ++it) {
        if (it.key() == u"password_iterations"_s || it.key() == u"login_workers"_s)
            continue;
        // The test runs with shorter timeouts and a smaller cap: compare the shipped values.
        if (it.key().endsWith(u"_ms"_s) || it.key() == u"max_connections_per_address"_s) {
            QVERIFY2(text.contains(u"`%1`"_s.arg(it.key())), qPrintable(it.key() + u" is not in docs/protocol.md"_s));
            continue;
        }
        const QRegularExpression row(u"`%1` \\| ([\\d,]+)"_s.arg(it.key()));
        const auto match = row.match(text);
        QVERIFY2(match.hasMatch(), qPrintable(it.key() + u" is not in the limits table of docs/protocol.md"_s));
        QCOMPARE(match.captured(1), spelled(it.value().toInteger()));
    }
}

void TestHostile::reconnectsAfterTheDatabaseConnectionBreaks()
{
    if (!ServerProcess::usesPostgres())
        QSKIP("PostgreSQL only: an SQLite store has no connection to lose");
    QCOMPARE(m_ownerClient.healthz().status, 200);
    // Every connection to the test database but this one ends, as on a database restart.
    const QUrl url(ServerProcess::postgresUrl());
    const QString name = u"hostile-terminate"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(url.host().isEmpty() ? QUrlQuery(url).queryItemValue(u"host"_s) : url.host());
        if (url.port() > 0)
            db.setPort(url.port());
        db.setUserName(url.userName(QUrl::FullyDecoded));
        db.setPassword(url.password(QUrl::FullyDecoded));
        db.setDatabaseName(url.path().mid(1));
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        QSqlQuery query(db);
        QVERIFY2(query.exec(u"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                            "WHERE datname = current_database() AND pid <> pg_backend_pid()"_s),
                 qPrintable(query.lastError().text()));
        QVERIFY(query.next());
        QVERIFY2(query.value(0).toInt() >= 1, "the server's connection was not found");
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    // The first request finds the connection broken; from then on the server connects anew by itself.
    m_ownerClient.healthz();
    QTRY_VERIFY_WITH_TIMEOUT(m_ownerClient.healthz().status == 200, 30'000);
    const PullResult pulled = m_ownerClient.pull(0, 10);
    QVERIFY2(pulled.response.status == 200, qPrintable(pulled.response.describe()));
    QCOMPARE(m_ownerClient.push({}).status(), 200);
    // Live sockets hear pushes again too (LISTEN was made anew).
    LiveSocket live;
    QVERIFY2(live.open(m_server.baseUrl(), m_ownerClient.token()), qPrintable(live.errorString()));
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
