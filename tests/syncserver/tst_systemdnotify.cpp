// SPDX-License-Identifier: GPL-3.0-or-later
// The server's readiness protocol with systemd (Type=notify): the real werkstattplan-server, started with
// $NOTIFY_SOCKET naming a socket this test listens on (a path, or an abstract name as systemd's own),
// says READY=1 once its port accepts connections, RELOADING=1 then READY=1 on SIGHUP, and STOPPING=1 on
// SIGTERM. Also SystemdNotify's own refusals.
#include "systemdnotify.h"

#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstddef>
#include <cstring>
#include <ctime>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

/** A datagram socket bound to a path, or to an abstract name when it starts with '@'. */
class NotifySocket
{
public:
    explicit NotifySocket(const QByteArray &name)
        : m_name(name)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_un address = {};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, name.constData(), size_t(name.size()));
        if (name.startsWith('@'))
            address.sun_path[0] = '\0';
        const auto length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(name.size()));
        m_bound = m_fd >= 0 && ::bind(m_fd, reinterpret_cast<const sockaddr *>(&address), length) == 0;
    }
    ~NotifySocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (m_bound && !m_name.startsWith('@'))
            ::unlink(m_name.constData());
    }
    NotifySocket(const NotifySocket &) = delete;
    NotifySocket &operator=(const NotifySocket &) = delete;

    bool isBound() const { return m_bound; }

    /** The next datagram, or an empty one after timeoutMs. */
    QByteArray receive(int timeoutMs)
    {
        pollfd fd = { m_fd, POLLIN, 0 };
        if (::poll(&fd, 1, timeoutMs) != 1)
            return {};
        char buffer[4096];
        const ssize_t got = ::recv(m_fd, buffer, sizeof buffer, 0);
        return got > 0 ? QByteArray(buffer, got) : QByteArray();
    }

private:
    QByteArray m_name;
    int m_fd = -1;
    bool m_bound = false;
};

/** The assignments of one notification, "READY=1\nSTATUS=…" → { READY: 1, STATUS: … }. */
QHash<QByteArray, QByteArray> assignments(const QByteArray &message)
{
    QHash<QByteArray, QByteArray> result;
    for (const QByteArray &line : message.split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0)
            result.insert(line.left(equals), line.mid(equals + 1));
    }
    return result;
}

quint64 monotonicUsec()
{
    timespec now = {};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return quint64(now.tv_sec) * 1'000'000 + quint64(now.tv_nsec) / 1'000;
}

} // namespace

class TestSystemdNotify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void withoutSocketNothingIsSent();
    void badAddressesAreRefused();
    void sendsToPathAndAbstractSockets_data();
    void sendsToPathAndAbstractSockets();
    void serverLifecycle_data();
    void serverLifecycle();
};

void TestSystemdNotify::withoutSocketNothingIsSent()
{
    qunsetenv("NOTIFY_SOCKET");
    QVERIFY(!SystemdNotify::ready());
    QVERIFY(!SystemdNotify::stopping());
}

void TestSystemdNotify::badAddressesAreRefused()
{
    qputenv("NOTIFY_SOCKET", "relative/socket");
    QVERIFY(!SystemdNotify::ready());
    qputenv("NOTIFY_SOCKET", "/" + QByteArray(200, 'x'));
    QVERIFY(!SystemdNotify::ready());
    qputenv("NOTIFY_SOCKET", "/nonexistent/werkstattplan-notify");
    QVERIFY(!SystemdNotify::ready());
    qunsetenv("NOTIFY_SOCKET");
}

void TestSystemdNotify::sendsToPathAndAbstractSockets_data()
{
    QTest::addColumn<bool>("abstract");
    QTest::newRow("path") << false;
    QTest::newRow("abstract") << true;
}

void TestSystemdNotify::sendsToPathAndAbstractSockets()
{
    QFETCH(bool, abstract);
    QTemporaryDir dir;
    const QByteArray name = abstract ? "@werkstattplan-notify-" + QByteArray::number(::getpid())
                                     : QFile::encodeName(dir.filePath(u"notify"_s));
    NotifySocket socket(name);
    QVERIFY(socket.isBound());
    qputenv("NOTIFY_SOCKET", name);
    QVERIFY(SystemdNotify::status(u"two\nlines"_s));
    QCOMPARE(socket.receive(2000), QByteArray("STATUS=two lines"));
    const quint64 before = monotonicUsec();
    QVERIFY(SystemdNotify::reloading());
    const auto reload = assignments(socket.receive(2000));
    QCOMPARE(reload.value("RELOADING"), QByteArray("1"));
    const quint64 stamp = reload.value("MONOTONIC_USEC").toULongLong();
    QVERIFY2(stamp >= before && stamp <= monotonicUsec(), reload.value("MONOTONIC_USEC").constData());
    qunsetenv("NOTIFY_SOCKET");
}

void TestSystemdNotify::serverLifecycle_data()
{
    sendsToPathAndAbstractSockets_data();
}

void TestSystemdNotify::serverLifecycle()
{
    QFETCH(bool, abstract);
    QTemporaryDir dir;
    const QByteArray name = abstract ? "@werkstattplan-server-notify-" + QByteArray::number(::getpid())
                                     : QFile::encodeName(dir.filePath(u"notify"_s));
    NotifySocket socket(name);
    QVERIFY(socket.isBound());

    QProcess server;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"NOTIFY_SOCKET"_s, QString::fromLocal8Bit(name));
    server.setProcessEnvironment(environment);
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(WERKSTATTPLAN_SERVER_BIN),
                 { u"serve"_s, u"--data"_s, dir.filePath(u"data"_s), u"--listen"_s, u"127.0.0.1:0"_s });
    QVERIFY(server.waitForStarted());
    auto stop = qScopeGuard([&] {
        if (server.state() != QProcess::NotRunning) {
            server.kill();
            server.waitForFinished();
        }
    });

    // READY=1, and at that moment the port already takes connections.
    const auto ready = assignments(socket.receive(30'000));
    QCOMPARE(ready.value("READY"), QByteArray("1"));
    QVERIFY(server.waitForReadyRead(1000) || server.canReadLine());
    const QByteArray line = server.readLine().trimmed();
    QVERIFY2(line.startsWith("listening on 127.0.0.1:"), line.constData());
    const quint16 port = quint16(line.mid(line.lastIndexOf(':') + 1).toUInt());
    QCOMPARE(ready.value("STATUS"), line);
    QTcpSocket probe;
    probe.connectToHost(u"127.0.0.1"_s, port);
    QVERIFY2(probe.waitForConnected(2000), qPrintable(probe.errorString()));
    probe.abort();

    // SIGHUP rereads the certificate (here there is none): reloading, then ready again.
    const quint64 beforeReload = monotonicUsec();
    QCOMPARE(::kill(pid_t(server.processId()), SIGHUP), 0);
    const auto reloading = assignments(socket.receive(10'000));
    QCOMPARE(reloading.value("RELOADING"), QByteArray("1"));
    QVERIFY(reloading.value("MONOTONIC_USEC").toULongLong() >= beforeReload);
    QCOMPARE(assignments(socket.receive(10'000)).value("READY"), QByteArray("1"));
    QCOMPARE(server.state(), QProcess::Running);

    QCOMPARE(::kill(pid_t(server.processId()), SIGTERM), 0);
    QCOMPARE(assignments(socket.receive(10'000)).value("STOPPING"), QByteArray("1"));
    QVERIFY(server.waitForFinished(30'000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestSystemdNotify)
#include "tst_systemdnotify.moc"
