// SPDX-License-Identifier: GPL-3.0-or-later
// Sync on the wire: compressed answers and uploads, the bytes /metrics counts, bootstrap pages
// prepared once for many replicas, and pulls that leave out what a replica pushed itself.
// The real werkstattplan-server; raw sockets where the exact bytes matter, the client core
// (SyncEngine over the real transport) where a replica's behaviour does.

#include "common/gzip.h"
#include "helpers/laptop.h"
#include "helpers/rawhttp.h"
#include "helpers/serverprocess.h"
#include "helpers/syncclient.h"
#include "helpers/teststore.h"
#include "localreplica.h"
#include "sync/messages.h"
#include "syncengine.h"
#include "synctransport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString password = u"geheim-und-lang"_s;

/** A header's value in a raw answer's head; empty if absent. */
QByteArray headerOf(const RawAnswer &answer, const QByteArray &name)
{
    for (const QByteArray &line : answer.head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

/** A counter or gauge in a /metrics body (the whole name with labels); -1 if missing. */
qint64 metricIn(const QByteArray &body, const QString &name)
{
    const QByteArray prefix = name.toLatin1() + ' ';
    for (const QByteArray &line : body.split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).toLongLong();
    }
    return -1;
}

/** The server's own peak memory (VmHWM), in KiB. */
qint64 peakKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression hwm(u"VmHWM:\\s*(\\d+)"_s);
    return hwm.match(QString::fromLatin1(status.readAll())).captured(1).toLongLong();
}

/** Copies every file of a replica folder (the replica closed), as a user's backup of it would. */
bool copyFolder(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QString &name : QDir(to).entryList(QDir::Files | QDir::Hidden))
        QFile::remove(to + u'/' + name);
    for (const QString &name : QDir(from).entryList(QDir::Files | QDir::Hidden)) {
        if (!QFile::copy(from + u'/' + name, to + u'/' + name))
            return false;
    }
    return true;
}

/**
 * A one-shot HTTP server that records the request the client core's transport sends and answers
 * with the bytes given: what the transport asks for, and what it makes of what comes back.
 */
class CannedServer
{
public:
    explicit CannedServer(QByteArray answer) : m_answer(std::move(answer))
    {
        m_server.listen(QHostAddress::LocalHost);
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            QTcpSocket *socket = m_server.nextPendingConnection();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                m_request += socket->readAll();
                if (m_request.contains("\r\n\r\n") && !m_answered) {
                    m_answered = true;
                    socket->write(m_answer);
                }
            });
        });
    }
    [[nodiscard]] QUrl url() const { return QUrl(u"http://127.0.0.1:%1/v1/pull"_s.arg(m_server.serverPort())); }
    [[nodiscard]] QByteArray request() const { return m_request; }

private:
    QTcpServer m_server;
    QByteArray m_answer;
    QByteArray m_request;
    bool m_answered = false;
};

QByteArray gzipAnswer(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

/** Sends one GET through the client core's transport and waits for its end. */
struct TransportOutcome
{
    int status = 0;
    QString error;
    QByteArray body;
};
TransportOutcome fetchThroughTransport(CannedServer &server)
{
    NetworkTransport transport;
    QObject owner;
    TransportRequest request { "GET", server.url(), {}, {} };
    TransportReply *reply = transport.send(request, TlsTrust(), &owner);
    QByteArray body;
    QObject::connect(reply, &TransportReply::readyRead, reply, [&] { body += reply->readAll(); });
    if (!reply->isFinished())
        QTest::qWaitFor([reply] { return reply->isFinished(); }, 30'000);
    QTest::qWait(0);
    body += reply->readAll();
    return { reply->status(), reply->errorString(), body };
}

} // namespace

class TestWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theClientAsksForGzipAndUnpacksItBounded();
    void answersAreCompressedOnlyWhenAsked_data();
    void answersAreCompressedOnlyWhenAsked();
    void compressedUploadsAreBoundedAndChecked();
    void metricsCountTheBytesOnTheWire();
    void identicalBootstrapsAreBuiltOnce();
    void laterPagesComeFromAnyReadSinceTheFirstPagesCursor();
    void pullsLeaveOutTheReplicasOwnChanges();
    void pullsInTableFormCarryTheSameChanges();
    void badMineIsRefused_data();
    void badMineIsRefused();
    void aReplicaPutBackFromAnOlderCopyGetsItsLaterChangesBack();
    void theCacheStaysWithinItsBudget();

private:
    /** A token of user on device, by a real login. */
    QString tokenOf(const QString &user, const QString &device);
    RawAnswer get(const QByteArray &pathAndQuery, const QString &token, const QByteArray &extraHeaders = {});
    /** A counter or gauge of /metrics (the whole line's name with labels); -1 if missing. */
    qint64 metric(const QString &name);
    bool signIn(Laptop &laptop, const QString &user) { return laptop.signIn(m_server.baseUrl(), user, password); }
    /** Signs laptop in to municipality A, syncs, adds a field of action and syncs it: its id, empty on failure. */
    QString signInWithNewField(Laptop &laptop, const QString &title);

    ServerProcess m_server;
    QString m_planA;
    QString m_planB;
    QString m_tokenA;
    QString m_tokenB;
    QString m_deviceA = u"wire-a"_s;
};

void TestWire::initTestCase()
{
    WERKSTATTPLAN_CHECK_TEST_STORE();
    QVERIFY(m_server.start());
    for (const auto &[name, user] : { std::pair { u"Marktredwitz"_s, u"markt"_s }, std::pair { u"Arzberg"_s, u"arzberg"_s } }) {
        const auto added = m_server.admin({ u"add-municipality"_s, name, u"--state"_s, u"Bayern"_s, u"--cluster"_s, u"Süd"_s });
        QVERIFY2(added.ok(), added.err.constData());
        (user == u"markt"_s ? m_planA : m_planB) = added.lines().value(0).split(u' ').value(2);
        QVERIFY(m_server.admin({ u"add-account"_s, user, u"--municipality"_s, name }, password.toUtf8()).ok());
    }
    m_tokenA = tokenOf(u"markt"_s, m_deviceA);
    m_tokenB = tokenOf(u"arzberg"_s, u"wire-b"_s);
    QVERIFY(!m_tokenA.isEmpty() && !m_tokenB.isEmpty());
    // Some content, so that pages are more than a few bytes.
    Laptop laptop;
    QVERIFY(signIn(laptop, u"markt"_s));
    QCOMPARE(laptop.sync(), QString());
    for (int i = 0; i < 30; ++i)
        QVERIFY(laptop.replica->add(u"field_of_action"_s, m_planA, { { u"title"_s, u"Handlungsfeld %1"_s.arg(i) } }));
    QCOMPARE(laptop.sync(), QString());
}

void TestWire::theClientAsksForGzipAndUnpacksItBounded()
{
    // Asked for by name, so Qt does not add its own "gzip, deflate" and unpack without a bound.
    const QByteArray json = "{\"changes\":[],\"next\":0,\"more\":false,\"pad\":\"" + QByteArray(100000, 'x') + "\"}";
    CannedServer plain(gzipAnswer(Gzip::compress(json)));
    const TransportOutcome unpacked = fetchThroughTransport(plain);
    QVERIFY(plain.request().contains("\r\nAccept-Encoding: gzip\r\n"));
    QCOMPARE(plain.request().count("Accept-Encoding"), 1);
    QCOMPARE(unpacked.status, 200);
    QCOMPARE(unpacked.body, json);

    // A bomb: 200 MiB of zeros in a few hundred KiB. Stopped at the bound, with an error that says so.
    CannedServer bomb(gzipAnswer(Gzip::compress(QByteArray(200 * 1024 * 1024, '\0'))));
    const TransportOutcome refused = fetchThroughTransport(bomb);
    QCOMPARE(refused.status, 0);
    QVERIFY2(refused.error.contains(u"more than %1 bytes"_s.arg(NetworkTransport::maxUnpackedBytes)), qPrintable(refused.error));
    QVERIFY(refused.body.size() <= NetworkTransport::maxUnpackedBytes);

    // Corrupt or cut short: an error, not a shorter answer taken for whole.
    QByteArray corrupt = Gzip::compress(json);
    corrupt[corrupt.size() / 2] = char(corrupt[corrupt.size() / 2] ^ 0x55);
    CannedServer broken(gzipAnswer(corrupt));
    QCOMPARE(fetchThroughTransport(broken).status, 0);
    CannedServer cut(gzipAnswer(Gzip::compress(json).left(Gzip::compress(json).size() / 2)));
    const TransportOutcome shortened = fetchThroughTransport(cut);
    QCOMPARE(shortened.status, 0);
    QVERIFY2(shortened.error.contains(u"ends early"_s), qPrintable(shortened.error));
}

QString TestWire::signInWithNewField(Laptop &laptop, const QString &title)
{
    if (!signIn(laptop, u"markt"_s) || !laptop.sync().isEmpty())
        return {};
    const auto field = laptop.replica->add(u"field_of_action"_s, m_planA, { { u"title"_s, title } });
    return field && laptop.sync().isEmpty() ? field.value() : QString();
}

QString TestWire::tokenOf(const QString &user, const QString &device)
{
    SyncClient client(m_server.baseUrl());
    const auto answer = client.login(user, password, device);
    return answer.status == 200 ? client.token() : QString();
}

RawAnswer TestWire::get(const QByteArray &pathAndQuery, const QString &token, const QByteArray &extraHeaders)
{
    return rawRequest(quint16(m_server.port()), {}, "GET", pathAndQuery, {},
                      "Authorization: Bearer " + token.toLatin1() + "\r\n" + extraHeaders);
}

qint64 TestWire::metric(const QString &name)
{
    return metricIn(rawRequest(quint16(m_server.port()), {}, "GET", "/metrics", {}).body, name);
}

void TestWire::answersAreCompressedOnlyWhenAsked_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::newRow("bootstrap") << QByteArray("/v1/bootstrap?after=0&limit=100&meta=2");
    QTest::newRow("bootstrap, stream format") << QByteArray("/v1/bootstrap?after=0&limit=7");
    QTest::newRow("pull") << QByteArray("/v1/pull?after=0&limit=500");
    QTest::newRow("history") << QByteArray("/v1/history?entities=" + m_planB.toLatin1());
}

void TestWire::answersAreCompressedOnlyWhenAsked()
{
    QFETCH(QByteArray, path);
    // Another device's token: the pull is not trimmed by "mine", and both answers are of the same state.
    const RawAnswer plain = get(path, m_tokenB);
    QCOMPARE(plain.status, 200);
    QVERIFY(headerOf(plain, "Content-Encoding").isEmpty());
    QVERIFY(QJsonDocument::fromJson(plain.body).isObject());

    const RawAnswer packed = get(path, m_tokenB, "Accept-Encoding: gzip\r\n");
    QCOMPARE(packed.status, 200);
    QCOMPARE(headerOf(packed, "Content-Encoding"), QByteArray("gzip"));
    QCOMPARE(headerOf(packed, "Content-Length"), QByteArray::number(packed.body.size()));
    QVERIFY2(packed.body.size() < plain.body.size(), qPrintable(u"%1 >= %2"_s.arg(packed.body.size()).arg(plain.body.size())));
    const auto unpacked = Gzip::decompress(packed.body, 64 * 1024 * 1024);
    QVERIFY2(unpacked, qPrintable(unpacked.errorMessage()));
    QCOMPARE(unpacked.value(), plain.body);

    // Refused with q=0, or another coding only: plain, as for a client that does not ask.
    for (const QByteArray &header : { QByteArray("Accept-Encoding: gzip;q=0\r\n"), QByteArray("Accept-Encoding: br\r\n") }) {
        const RawAnswer other = get(path, m_tokenB, header);
        QVERIFY(headerOf(other, "Content-Encoding").isEmpty());
        QCOMPARE(other.body, plain.body);
    }
}

void TestWire::compressedUploadsAreBoundedAndChecked()
{
    const QByteArray auth = "Authorization: Bearer " + m_tokenA.toLatin1() + "\r\n";
    const QByteArray push = "{\"changes\":[]}";
    const RawAnswer packed = rawRequest(quint16(m_server.port()), {}, "POST", "/v1/push", Gzip::compress(push),
                                        auth + "Content-Encoding: gzip\r\nContent-Type: application/json\r\n");
    QCOMPARE(packed.status, 200);

    QByteArray corrupt = Gzip::compress(push);
    corrupt[corrupt.size() / 2] = char(corrupt[corrupt.size() / 2] ^ 0x55);
    const RawAnswer broken = rawRequest(quint16(m_server.port()), {}, "POST", "/v1/push", corrupt,
                                        auth + "Content-Encoding: gzip\r\n");
    QCOMPARE(broken.status, 400);
    QCOMPARE(broken.code(), u"bad_encoding"_s);
    const RawAnswer truncated = rawRequest(quint16(m_server.port()), {}, "POST", "/v1/push", Gzip::compress(push).left(12),
                                           auth + "Content-Encoding: gzip\r\n");
    QCOMPARE(truncated.status, 400);
    const RawAnswer unknown = rawRequest(quint16(m_server.port()), {}, "POST", "/v1/push", push, auth + "Content-Encoding: br\r\n");
    QCOMPARE(unknown.status, 415);

    // A bomb: 128 MiB of zeros in a few hundred KiB, far under the body limit; it unpacks to the limit only.
    const qint64 before = peakKiB(m_server.processId());
    const QByteArray bomb = Gzip::compress(QByteArray(128 * 1024 * 1024, '\0'));
    QVERIFY(bomb.size() < 1024 * 1024);
    for (int i = 0; i < 3; ++i) {
        const RawAnswer refused = rawRequest(quint16(m_server.port()), {}, "POST", "/v1/push", bomb,
                                             auth + "Content-Encoding: gzip\r\n");
        QCOMPARE(refused.status, 413);
        QCOMPARE(refused.code(), u"payload_too_large"_s);
    }
    // Unpacked to the whole it would be a quarter GiB; bounded, the peak grows by about the body limit at most.
    const qint64 grown = peakKiB(m_server.processId()) - before;
    QVERIFY2(grown < 48 * 1024, qPrintable(u"peak memory grew by %1 KiB"_s.arg(grown)));
    QVERIFY(m_server.isRunning());
}

void TestWire::metricsCountTheBytesOnTheWire()
{
    const QString request = u"werkstattplan_http_request_bytes_total"_s;
    const QString response = u"werkstattplan_http_response_bytes_total"_s;
    const QByteArray metricsRequest = requestHead("GET", "/metrics", 0);

    // The raw answer to one /metrics request: the counters before it.
    RawConnection first;
    QVERIFY(first.open(quint16(m_server.port())));
    first.send(metricsRequest);
    const RawAnswer one = first.answer();
    QCOMPARE(one.status, 200);
    auto valueIn = [](const RawAnswer &answer, const QString &name) { return metricIn(answer.body, name); };
    const qint64 requestBefore = valueIn(one, request);
    const qint64 responseBefore = valueIn(one, response);
    QVERIFY(requestBefore > 0 && responseBefore >= 0);

    // A known request with a compressed answer.
    const QByteArray bootstrap = requestHead("GET", "/v1/bootstrap?after=0&limit=3", 0,
                                             "Authorization: Bearer " + m_tokenB.toLatin1() + "\r\nAccept-Encoding: gzip\r\n");
    RawConnection second;
    QVERIFY(second.open(quint16(m_server.port())));
    second.send(bootstrap);
    const RawAnswer page = second.answer();
    QCOMPARE(page.status, 200);
    QCOMPARE(headerOf(page, "Content-Encoding"), QByteArray("gzip"));

    RawConnection third;
    QVERIFY(third.open(quint16(m_server.port())));
    third.send(metricsRequest);
    const RawAnswer two = third.answer();
    // Requests count once read whole, the one asking included; answers once written, so not the one being written.
    QCOMPARE(valueIn(two, request), requestBefore + bootstrap.size() + metricsRequest.size());
    QCOMPARE(valueIn(two, response),
             responseBefore + (one.head.size() + 4 + one.body.size()) + (page.head.size() + 4 + page.body.size()));
}

void TestWire::identicalBootstrapsAreBuiltOnce()
{
    const QByteArray path = "/v1/bootstrap?after=0&limit=1000&meta=2"; // the whole state in one page
    const QString cache = u"werkstattplan_bootstrap_pages_total{source=\"cache\"}"_s;
    const QString built = u"werkstattplan_bootstrap_pages_total{source=\"built\"}"_s;
    // A state no page was built for yet.
    Laptop laptop;
    const QString renamed = signInWithNewField(laptop, u"Erster Stand"_s);
    QVERIFY(!renamed.isEmpty());

    const qint64 cacheBefore = metric(cache);
    const qint64 builtBefore = metric(built);
    // Four replicas of one municipality (tokens of different devices) bootstrap the same state.
    QList<QByteArray> bodies;
    const QStringList tokens { m_tokenA, tokenOf(u"markt"_s, u"wire-c"_s), m_tokenA, tokenOf(u"markt"_s, u"wire-d"_s) };
    for (const QString &token : tokens) {
        const RawAnswer answer = get(path, token, "Accept-Encoding: gzip\r\n");
        QCOMPARE(answer.status, 200);
        bodies << answer.body;
    }
    QCOMPARE(metric(built), builtBefore + 1);
    QCOMPARE(metric(cache), cacheBefore + 3);
    for (const QByteArray &body : std::as_const(bodies))
        QCOMPARE(body, bodies.first());
    // Plain is prepared apart from compressed.
    const RawAnswer plain = get(path, m_tokenA);
    QCOMPARE(metric(built), builtBefore + 2);
    QCOMPARE(Gzip::decompress(bodies.first(), 1 << 26).value(), plain.body);
    const qint64 cursor = QJsonDocument::fromJson(plain.body).object().value(u"cursor"_s).toInteger(-1);

    // A push in between: a first page is always the state now, built again with the change in it.
    QVERIFY(laptop.replica->set(renamed, { { u"title"_s, u"Zweiter Stand"_s } }));
    QCOMPARE(laptop.sync(), QString());
    const RawAnswer after = get(path, m_tokenA);
    QCOMPARE(metric(built), builtBefore + 3);
    QVERIFY(after.body.contains("Zweiter Stand"));
    QVERIFY(!plain.body.contains("Zweiter Stand"));
    QVERIFY(QJsonDocument::fromJson(after.body).object().value(u"cursor"_s).toInteger(-1) > cursor);
    // The new read now serves every first page.
    QCOMPARE(get(path, m_tokenA).body, after.body);
    QCOMPARE(metric(built), builtBefore + 3);

    // Another municipality's editor reading the same plans (both shared, no review thread): the same page.
    const RawAnswer other = get(path, m_tokenB);
    QCOMPARE(other.status, 200);
    QCOMPARE(metric(built), builtBefore + 3);
    QCOMPARE(other.body, after.body);
    QVERIFY(other.body.contains(m_planB.toLatin1()) && other.body.contains(m_planA.toLatin1()));

    // Once A's plan is not shared, B reads other plans than A: a read of its own, without A's plan.
    QVERIFY(laptop.replica->set(m_planA, { { u"shared"_s, u"false"_s } }));
    QCOMPARE(laptop.sync(), QString());
    const RawAnswer own = get(path, m_tokenA);
    QCOMPARE(metric(built), builtBefore + 4);
    QVERIFY(own.body.contains("Zweiter Stand"));
    const RawAnswer apart = get(path, m_tokenB);
    QCOMPARE(apart.status, 200);
    QCOMPARE(metric(built), builtBefore + 5);
    QVERIFY(apart.body.contains(m_planB.toLatin1()));
    QVERIFY(!apart.body.contains("Zweiter Stand"));
    QCOMPARE(get(path, tokenOf(u"arzberg"_s, u"wire-f"_s)).body, apart.body); // B's own kept page
    QCOMPARE(metric(built), builtBefore + 5);
    QVERIFY(laptop.replica->set(m_planA, { { u"shared"_s, u"true"_s } }));
    QCOMPARE(laptop.sync(), QString());
}

void TestWire::laterPagesComeFromAnyReadSinceTheFirstPagesCursor()
{
    const QString built = u"werkstattplan_bootstrap_pages_total{source=\"built\"}"_s;
    auto cursorOf = [](const RawAnswer &answer) {
        return QJsonDocument::fromJson(answer.body).object().value(u"cursor"_s).toInteger(-1);
    };
    Laptop laptop;
    const QString field = signInWithNewField(laptop, u"Seitenweise"_s);
    QVERIFY(!field.isEmpty());
    const QByteArray firstPath = "/v1/bootstrap?after=0&limit=5&meta=2&history=none";
    const RawAnswer first = get(firstPath + "&since=1000000", m_tokenA); // a fresh read of the state now
    QCOMPARE(first.status, 200);
    const qint64 cursor = cursorOf(first);
    const qint64 next = QJsonDocument::fromJson(first.body).object().value(u"next"_s).toInteger(-1);
    QVERIFY(cursor > 0 && next > 0);
    const QByteArray secondPath = "/v1/bootstrap?after=" + QByteArray::number(next) + "&limit=5&meta=2&history=none";
    const QByteArray since = "&since=" + QByteArray::number(cursor);

    qint64 builds = metric(built);
    const RawAnswer second = get(secondPath + since, m_tokenA);
    QCOMPARE(second.status, 200);
    QCOMPARE(metric(built), ++builds);

    // A change after the cursor: the page read before it still serves a bootstrap at that cursor.
    QVERIFY(laptop.replica->set(field, { { u"title"_s, u"Nach dem Cursor"_s } }));
    QCOMPARE(laptop.sync(), QString());
    QCOMPARE(get(secondPath + since, tokenOf(u"markt"_s, u"wire-e"_s)).body, second.body);
    QCOMPARE(metric(built), builds);
    // A later page of a client that does not say its cursor, or says a later one: a fresh read.
    const RawAnswer unsaid = get(secondPath, m_tokenA);
    QCOMPARE(unsaid.status, 200);
    QCOMPARE(metric(built), ++builds);
    QCOMPARE(get(secondPath + "&since=" + QByteArray::number(cursor + 1), m_tokenA).body, unsaid.body);
    QCOMPARE(metric(built), builds);
    // A cursor beyond the log (a server put back from an older backup): the state now, never older.
    QCOMPARE(get(secondPath + "&since=999999999", m_tokenA).body, unsaid.body);
    QCOMPARE(metric(built), builds);

    // A first page names no cursor to serve from: always the state now.
    const RawAnswer renewed = get(firstPath, m_tokenA);
    QCOMPARE(renewed.status, 200);
    QCOMPARE(metric(built), ++builds);
    QVERIFY(cursorOf(renewed) > cursor);
    QVERIFY(renewed.body != first.body);

    for (const QByteArray bad : { QByteArray("x"), QByteArray("-1"), QByteArray("") }) {
        const RawAnswer refused = get(secondPath + "&since=" + bad, m_tokenA);
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.body.contains("since takes the cursor"));
    }
}

void TestWire::pullsLeaveOutTheReplicasOwnChanges()
{
    Laptop one, two;
    const QString field = signInWithNewField(one, u"Gemeinsam"_s);
    QVERIFY(!field.isEmpty());
    QVERIFY(signIn(two, u"markt"_s));
    QCOMPARE(two.sync(), QString());
    QCOMPARE(one.sync(), QString()); // what two's first sync wrote (its device), so that rounds start even

    for (int round = 0; round < 4; ++round) {
        // Each laptop writes; each then pulls only what the other wrote.
        const auto mineOne = one.replica->add(u"goal"_s, field, { { u"title"_s, u"Ziel eins %1"_s.arg(round) } });
        QVERIFY(mineOne);
        QVERIFY(one.replica->set(field, { { u"description"_s, u"eins %1"_s.arg(round) } }));
        QVERIFY(two.replica->add(u"goal"_s, field, { { u"title"_s, u"Ziel zwei %1"_s.arg(round) } }));

        auto first = one.engine->syncOnce();
        QVERIFY2(first, qPrintable(first.errorMessage()));
        QVERIFY(first->pushed > 0);
        QCOMPARE(first->pulled, 0); // its own pushes are not sent back, and two has not pushed yet
        auto second = two.engine->syncOnce();
        QVERIFY2(second, qPrintable(second.errorMessage()));
        QCOMPARE(second->pulled, first->pushed); // exactly one's changes; not its own
        auto again = one.engine->syncOnce();
        QVERIFY2(again, qPrintable(again.errorMessage()));
        QCOMPARE(again->pulled, second->pushed);
    }
    QCOMPARE(one.replica->store().stateDigest(), two.replica->store().stateDigest());
    QCOMPARE(one.replica->pendingCount(), 0);
    QCOMPARE(two.replica->pendingCount(), 0);
}

void TestWire::pullsInTableFormCarryTheSameChanges()
{
    // The client core asks for the table form; a client that does not ask (an older one) gets objects.
    // Both are the same page, and the table is smaller, plain and compressed.
    const RawAnswer objects = get("/v1/pull?after=0&limit=500", m_tokenB, "Accept-Encoding: gzip\r\n");
    const RawAnswer table = get("/v1/pull?after=0&limit=500&form=table", m_tokenB, "Accept-Encoding: gzip\r\n");
    QCOMPARE(objects.status, 200);
    QCOMPARE(table.status, 200);
    const auto plainObjects = Gzip::decompress(objects.body, 64 * 1024 * 1024);
    const auto plainTable = Gzip::decompress(table.body, 64 * 1024 * 1024);
    QVERIFY(plainObjects && plainTable);
    const QJsonObject objectJson = QJsonDocument::fromJson(plainObjects.value()).object();
    const QJsonObject tableJson = QJsonDocument::fromJson(plainTable.value()).object();
    QVERIFY(objectJson.contains(u"changes"_s) && !objectJson.contains(u"rows"_s));
    QVERIFY(tableJson.contains(u"rows"_s) && !tableJson.contains(u"changes"_s));
    const auto fromObjects = Protocol::PullPage::fromJson(objectJson);
    const auto fromTable = Protocol::PullPage::fromJson(tableJson);
    QVERIFY2(fromObjects && fromTable, qPrintable(fromObjects.errorMessage() + fromTable.errorMessage()));
    QVERIFY(fromObjects->changes.size() > 3);
    QCOMPARE(fromTable.value(), fromObjects.value());
    QVERIFY2(plainTable->size() < plainObjects->size(), qPrintable(u"%1 >= %2"_s.arg(plainTable->size()).arg(plainObjects->size())));
    QVERIFY2(table.body.size() < objects.body.size(), qPrintable(u"%1 >= %2"_s.arg(table.body.size()).arg(objects.body.size())));
    // Any other form asked for: objects, as from a server that does not know the parameter.
    const RawAnswer other = get("/v1/pull?after=0&limit=500&form=rows2", m_tokenB);
    QCOMPARE(other.body, plainObjects.value());
}

void TestWire::badMineIsRefused_data()
{
    QTest::addColumn<QByteArray>("mine");
    QTest::newRow("garbage") << QByteArray("nonsense");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("another device's") << QByteArray("000001700000000-00001-someone-else");
    QTest::newRow("far too long") << ("000001700000000-00001-" + QByteArray(5000, 'a'));
}

void TestWire::badMineIsRefused()
{
    QFETCH(QByteArray, mine);
    const RawAnswer answer = get("/v1/pull?after=0&mine=" + QUrl::toPercentEncoding(QString::fromLatin1(mine)), m_tokenA);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.code(), u"bad_request"_s);
}

void TestWire::aReplicaPutBackFromAnOlderCopyGetsItsLaterChangesBack()
{
    QTemporaryDir backup;
    Laptop laptop;
    const QString field = signInWithNewField(laptop, u"Vor der Kopie"_s);
    QVERIFY(!field.isEmpty());
    const QString folder = laptop.folder.path();
    laptop.engine.reset();
    laptop.replica.reset();
    QVERIFY(copyFolder(folder, backup.path()));

    // Written and synced after the copy was taken.
    QVERIFY(laptop.open());
    const auto later = laptop.replica->add(u"goal"_s, field, { { u"title"_s, u"Nach der Kopie"_s } });
    QVERIFY(later);
    QVERIFY(laptop.replica->set(field, { { u"title"_s, u"Umbenannt nach der Kopie"_s } }));
    QCOMPARE(laptop.sync(), QString());

    // The older copy is put back; before its first sync the user writes again (an HLC above the lost ones).
    laptop.engine.reset();
    laptop.replica.reset();
    QVERIFY(copyFolder(backup.path(), folder));
    QVERIFY(laptop.open());
    QCOMPARE(laptop.value(later.value(), u"title"_s), u"<missing>"_s);
    QVERIFY(laptop.replica->add(u"goal"_s, field, { { u"title"_s, u"Nach dem Zurücklegen"_s } }));
    QCOMPARE(laptop.sync(), QString());
    QCOMPARE(laptop.value(later.value(), u"title"_s), u"Nach der Kopie"_s);
    QCOMPARE(laptop.value(field, u"title"_s), u"Umbenannt nach der Kopie"_s);

    // And it converges with a fresh replica of the same account.
    Laptop fresh;
    QVERIFY(signIn(fresh, u"markt"_s));
    QCOMPARE(fresh.sync(), QString());
    QCOMPARE(laptop.sync(), QString());
    QCOMPARE(laptop.value(later.value(), u"title"_s), fresh.value(later.value(), u"title"_s));
    QCOMPARE(laptop.value(field, u"title"_s), fresh.value(field, u"title"_s));
}

void TestWire::theCacheStaysWithinItsBudget()
{
    // A budget of a few pages: many distinct pages must push the oldest out, never grow past it.
    constexpr qint64 budget = 6000;
    qputenv("WERKSTATTPLAN_SERVER_LIMITS", "bootstrap_cache_bytes=" + QByteArray::number(budget));
    QVERIFY(m_server.restart(ServerProcess::Port::Same));
    qunsetenv("WERKSTATTPLAN_SERVER_LIMITS");
    const RawAnswer limits = rawRequest(quint16(m_server.port()), {}, "GET", "/v1/limits", {});
    QCOMPARE(QJsonDocument::fromJson(limits.body).object().value(u"limits"_s).toObject().value(u"bootstrap_cache_bytes"_s).toInteger(),
             budget);
    qint64 served = 0;
    for (int limit = 1; limit <= 12; ++limit) {
        for (int after = 0; after < 3; ++after) {
            const RawAnswer page = get("/v1/bootstrap?after=" + QByteArray::number(after) + "&limit=" + QByteArray::number(limit),
                                       m_tokenA);
            QCOMPARE(page.status, 200);
            served += page.body.size();
            const qint64 held = metric(u"werkstattplan_bootstrap_cache_bytes"_s);
            QVERIFY2(held >= 0 && held <= budget, qPrintable(u"the cache holds %1 bytes"_s.arg(held)));
        }
    }
    QVERIFY(served > 2 * budget); // the budget was really tested
    QVERIFY(metric(u"werkstattplan_bootstrap_cache_pages"_s) < 36);
    QVERIFY(metric(u"werkstattplan_bootstrap_cache_bytes"_s) > 0);
}

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
