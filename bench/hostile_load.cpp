// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile load benchmark: starts the real werkstattplan-server (SQLite, loopback only) and
// measures /healthz latency, as a bystander sees it, while a hostile client does one thing at
// a time (issue 13, items 5 to 8):
//
//   oversized   bodies claiming 512 MiB on /v1/push and /healthz, 100 MiB WebSocket frames (5)
//   merge       one push of 1,000 concurrent edits (base []) of one long text field (6)
//   logins      wrong passwords from 40 addresses, 8 at a time (7)
//   slowloris   1,065 half-sent requests from one address and 60 from each of 10 more, dripping (8)
//
//   hostile_load [--seconds 5] [--json]
//
// Every phase is bounded in time and count. Sizes come from the server's GET /v1/limits.
// Progress goes to stderr; stdout carries the table or (--json) one JSON object.

#include "benchreport.h"
#include "helpers/serverprocess.h"
#include "helpers/syncclient.h"

#include "model/hlc.h"
#include "sync/localeditor.h"
#include "sync/protocol.h"
#include "sync/replicastate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QWebSocket>

#include <atomic>
#include <memory>
#include <sys/resource.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace BenchReport;

namespace {

const QString password = u"bench-passwort-2026"_s;

/** One raw request on a new connection from an address; true if a complete answer arrived. */
bool rawRequest(quint16 port, const QHostAddress &from, const QByteArray &request, int timeoutMs, int *status = nullptr)
{
    QTcpSocket socket;
    if (!from.isNull())
        socket.bind(from);
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write(request);
    QByteArray got;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (socket.bytesAvailable() > 0 || socket.waitForReadyRead(int(qMax<qint64>(1, timeoutMs - timer.elapsed()))))
            got += socket.readAll();
        const qsizetype end = got.indexOf("\r\n\r\n");
        if (end >= 0) {
            const qsizetype at = got.toLower().indexOf("content-length:");
            const qint64 length = at >= 0 ? got.mid(at + 15, got.indexOf('\r', at) - at - 15).trimmed().toLongLong() : 0;
            if (got.size() >= end + 4 + length) {
                if (status)
                    *status = got.mid(9, 3).toInt();
                return true;
            }
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            return false;
    }
    return false;
}

QByteArray head(const QByteArray &method, const QByteArray &path, qint64 length, const QByteArray &extra = {})
{
    return method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nWerkstattplan-Protocol: 1\r\nConnection: close\r\n" + extra
            + (length >= 0 ? "Content-Length: " + QByteArray::number(length) + "\r\n" : QByteArray()) + "\r\n";
}

/** Probes /healthz every 20 ms from 127.0.0.1 on a thread of its own until stopped. */
class Probe
{
public:
    explicit Probe(quint16 port) : m_port(port) {}
    void start()
    {
        m_thread.reset(QThread::create([this] {
            while (!m_stop) {
                QElapsedTimer timer;
                timer.start();
                int status = 0;
                const bool ok = rawRequest(m_port, {}, head("GET", "/healthz", -1), 10'000, &status) && status == 200;
                const double ms = msSince(timer);
                if (ok)
                    m_latencies.push_back(ms);
                else {
                    ++m_failures;
                    if (qEnvironmentVariableIsSet("HOSTILE_LOAD_DEBUG"))
                        progress() << "  probe failed after " << ms << " ms, status " << status << Qt::endl;
                }
                QThread::msleep(20);
            }
        }));
        m_thread->start();
    }
    void stop()
    {
        m_stop = true;
        while (!m_thread->wait(50))
            QCoreApplication::processEvents();
    }
    std::vector<double> m_latencies;
    int m_failures = 0;

private:
    quint16 m_port;
    std::atomic<bool> m_stop = false;
    std::unique_ptr<QThread> m_thread;
};

struct Phase
{
    QString key;
    QString label;
    int hostileRequests = 0;
    Probe *probe = nullptr;
};

/** Runs hostile(until) on count threads while a probe measures; returns the phase's figures. */
template<typename Hostile>
QList<Figure> runPhase(quint16 port, const QString &key, const QString &label, int seconds, int threads, Hostile hostile)
{
    progress() << "phase " << key << " …" << Qt::endl;
    Probe probe(port);
    probe.start();
    QElapsedTimer clock;
    clock.start();
    const qint64 untilMs = qint64(seconds) * 1000;
    std::atomic<int> count = 0;
    std::vector<std::unique_ptr<QThread>> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back(QThread::create([&, t] {
            while (clock.elapsed() < untilMs)
                count += hostile(t, clock, untilMs);
        }));
        workers.back()->start();
    }
    // Waiting, this thread still reads the server's output: a full pipe would stall the server.
    for (auto &worker : workers) {
        while (!worker->wait(50))
            QCoreApplication::processEvents();
    }
    probe.stop();
    const auto &l = probe.m_latencies;
    return {
        { key + u"_healthz_p99_ms"_s, u"%1: /healthz p99"_s.arg(label), percentile(l, 0.99), 1, u"ms"_s, u"< 500"_s,
          percentile(l, 0.99) < 500 ? 1 : 0 },
        { key + u"_healthz_p50_ms"_s, u"%1: /healthz p50"_s.arg(label), percentile(l, 0.5), 1, u"ms"_s },
        { key + u"_healthz_failed"_s, u"%1: /healthz failed"_s.arg(label), double(probe.m_failures), 0, u"probes"_s,
          u"0"_s, probe.m_failures == 0 ? 1 : 0 },
        { key + u"_healthz_probes"_s, u"%1: /healthz probes"_s.arg(label), double(l.size()), 0, u"probes"_s },
        { key + u"_hostile_requests"_s, u"%1: hostile requests"_s.arg(label), double(count.load()), 0, u"requests"_s },
    };
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"hostile_load"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"/healthz latency while a hostile client attacks the real server (loopback)."_s);
    parser.addHelpOption();
    const QCommandLineOption secondsOption(u"seconds"_s, u"Length of each phase (1..30)."_s, u"S"_s, u"5"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object instead of the table."_s);
    parser.addOptions({ secondsOption, jsonOption });
    parser.process(app);
    const int seconds = std::clamp(parser.value(secondsOption).toInt(), 1, 30);

    // Over a thousand sockets at once: the usual soft limit of 1,024 open files is too few.
    if (struct rlimit files = {}; ::getrlimit(RLIMIT_NOFILE, &files) == 0) {
        files.rlim_cur = files.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &files);
    }

    ServerProcess server;
    if (ServerProcess::usesPostgres())
        qputenv("WERKSTATTPLAN_TEST_PG_URL", ""); // SQLite: the figure is the server's, not the database's
    if (!server.start())
        fail(u"the server did not start"_s);
    const quint16 port = quint16(server.port());
    SyncClient client(server.baseUrl());
    const HttpResponse limitsAnswer = client.request("GET", u"/v1/limits"_s, {}, {}, SyncClient::NoToken);
    if (limitsAnswer.status != 200)
        fail(u"GET /v1/limits: "_s + limitsAnswer.describe());
    const QJsonObject limits = limitsAnswer.json.value(u"limits"_s).toObject();
    const qint64 maxBody = limits.value(u"max_body_bytes"_s).toInteger();
    const qint64 maxMessage = limits.value(u"max_websocket_message_bytes"_s).toInteger();
    const int perAddress = int(limits.value(u"max_connections_per_address"_s).toInteger());

    // One municipality with an editor, for the merge storm.
    const auto added = server.admin({ u"add-municipality"_s, u"Angriffsdorf"_s, u"--state"_s, u"Sachsen"_s, u"--cluster"_s, u"Süd"_s });
    const QStringList words = added.lines().value(0).split(u' ');
    if (!added.ok() || words.size() != 3)
        fail(u"add-municipality: "_s + QString::fromUtf8(added.err));
    const QString planId = words[2];
    if (!server.admin({ u"add-account"_s, u"angreifer"_s, u"--municipality"_s, u"Angriffsdorf"_s }, password.toUtf8()).ok())
        fail(u"add-account failed"_s);
    const QString device = u"bench-laptop"_s;
    if (client.login(u"angreifer"_s, password, device).status != 200)
        fail(u"login failed"_s);
    const QString token = client.token();

    QList<Figure> figures;
    figures << runPhase(port, u"baseline"_s, u"no attack"_s, seconds, 1, [](int, QElapsedTimer &, qint64) {
        QThread::msleep(100);
        return 0;
    });

    // 5: oversized bodies and frames, streamed until the server refuses (at most 512 MiB each).
    figures << runPhase(port, u"oversized"_s, u"oversized bodies and frames"_s, seconds, 2,
                        [&](int t, QElapsedTimer &, qint64) {
        if (t == 1) {
            QWebSocket socket;
            socket.setOutgoingFrameSize(quint64(128) * 1024 * 1024);
            bool done = false;
            QObject::connect(&socket, &QWebSocket::disconnected, [&] { done = true; });
            QObject::connect(&socket, &QWebSocket::connected, [&] { socket.sendBinaryMessage(QByteArray(100 * 1024 * 1024, 'w')); });
            socket.open(QUrl(u"ws://127.0.0.1:%1/v1/ws"_s.arg(port)));
            QElapsedTimer wait;
            wait.start();
            while (!done && wait.elapsed() < 10'000)
                QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            return 1;
        }
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(5000))
            return 0;
        static std::atomic<int> which = 0;
        socket.write(head("POST", (which++ % 2) ? "/healthz" : "/v1/push", 64 * maxBody));
        const QByteArray chunk(1024 * 1024, 'x');
        for (qint64 sent = 0; sent < 64 * maxBody && socket.state() == QAbstractSocket::ConnectedState; sent += chunk.size()) {
            socket.write(chunk);
            socket.waitForBytesWritten(2000);
            if (socket.waitForReadyRead(0) || socket.bytesAvailable() > 0)
                break; // refused
        }
        return 1;
    });
    Q_UNUSED(maxMessage);

    // 6: one push of 1,000 concurrent edits of one long text field, then the same again.
    {
        HlcClock clock(device);
        LocalEditor editor(clock, u"angreifer"_s);
        ReplicaState draft;
        QList<Change> setup;
        auto add = [&](const Change &change) {
            setup << change;
            Q_UNUSED(draft.apply(change));
        };
        const QString foa = LocalEditor::newId(), goal = LocalEditor::newId(), measure = LocalEditor::newId();
        add(editor.create(u"field_of_action"_s, foa));
        add(editor.set(*draft.entity(foa), u"plan"_s, planId));
        add(editor.set(*draft.entity(foa), u"title"_s, u"Angriff"_s));
        add(editor.create(u"goal"_s, goal));
        add(editor.set(*draft.entity(goal), u"field_of_action"_s, foa));
        add(editor.set(*draft.entity(goal), u"title"_s, u"Ziel"_s));
        add(editor.create(u"measure"_s, measure));
        add(editor.set(*draft.entity(measure), u"goal"_s, goal));
        add(editor.set(*draft.entity(measure), u"title"_s, u"Maßnahme"_s));
        const PushResult made = client.push(setup);
        if (made.status() != 200 || !made.rejected.isEmpty())
            fail(u"the merge storm's measure was not accepted: "_s + made.response.describe());
        std::atomic<int> round = 0;
        figures << runPhase(port, u"merge"_s, u"1,000 concurrent long-text edits"_s, seconds, 1,
                            [&](int, QElapsedTimer &clock_, qint64 untilMs) {
            if (round >= 3 || clock_.elapsed() > untilMs / 2) {
                QThread::msleep(50);
                return 0;
            }
            QList<Change> storm;
            const QString text = u"Absatz %1 "_s.arg(round++).repeated(400);
            for (int i = 0; i < 1000; ++i) {
                Change change = editor.set(*draft.entity(measure), u"description"_s, text + QString::number(i));
                change.base.clear(); // every edit concurrent to every other
                storm << change;
            }
            SyncClient stormClient(server.baseUrl());
            stormClient.setToken(token);
            stormClient.push(storm);
            return 1;
        });
    }

    // 7: wrong logins from 40 addresses, 8 connections at a time.
    figures << runPhase(port, u"logins"_s, u"wrong logins from 40 addresses"_s, seconds, 8, [&](int t, QElapsedTimer &, qint64) {
        static std::atomic<int> n = 0;
        const int i = n++;
        const QByteArray body = QJsonDocument(QJsonObject { { u"user"_s, (i % 3) ? u"angreifer"_s : u"niemand-%1"_s.arg(i) },
                                                            { u"password"_s, u"falsch-%1"_s.arg(i) },
                                                            { u"device"_s, u"hostile"_s } })
                                        .toJson(QJsonDocument::Compact);
        rawRequest(port, QHostAddress(u"127.0.3.%1"_s.arg(1 + (i + t) % 40)), head("POST", "/v1/login", body.size()) + body, 30'000);
        return 1;
    });

    // 8: half-sent requests held open and dripping: 1,065 from one address, 60 from each of 10 more.
    figures << runPhase(port, u"slowloris"_s, u"1,665 half-sent requests"_s, seconds, 1, [&](int, QElapsedTimer &clock_, qint64 untilMs) {
        std::vector<std::unique_ptr<QTcpSocket>> held;
        auto open = [&](const QHostAddress &from, int count) {
            for (int i = 0; i < count && clock_.elapsed() < untilMs; ++i) {
                auto socket = std::make_unique<QTcpSocket>();
                socket->bind(from);
                socket->connectToHost(QHostAddress::LocalHost, port);
                if (socket->waitForConnected(500)) {
                    socket->write("POST /v1/push HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n");
                    socket->flush();
                }
                held.push_back(std::move(socket));
            }
        };
        open(QHostAddress(u"127.0.4.1"_s), 1065);
        for (int a = 2; a <= 11; ++a)
            open(QHostAddress(u"127.0.4.%1"_s.arg(a)), qMin(60, perAddress));
        while (clock_.elapsed() < untilMs) {
            for (auto &socket : held) {
                if (socket->state() != QAbstractSocket::ConnectedState)
                    continue;
                socket->write("X");
                socket->flush();
                socket->readAll();
            }
            QThread::msleep(500);
        }
        progress() << "  opened " << held.size() << " connections" << Qt::endl;
        return int(held.size());
    });

    server.terminate();
    QTextStream out(stdout);
    if (parser.isSet(jsonOption)) {
        QJsonObject json { { u"benchmark"_s, u"hostile_load"_s }, { u"phase_seconds"_s, seconds } };
        insertJson(json, figures);
        out << QJsonDocument(json).toJson(QJsonDocument::Compact) << Qt::endl;
        QTextStream err(stderr);
        printTable(err, figures);
    } else {
        printTable(out, figures);
    }
    return 0;
}
