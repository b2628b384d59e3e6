// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// End-to-end tests of werkstattplan-cli: the real server, restartable on its port, and devices driven by
// real CLI processes, each with its own replica folder.

#include "helpers/clientreplica.h"
#include "helpers/serverprocess.h"
#include "helpers/syncclient.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace CliTest {

using namespace Qt::Literals::StringLiterals;

inline constexpr int cliTimeoutMs = 120'000;
inline constexpr int startTimeoutMs = 20'000;

inline QString cliBinary()
{
    const QString fromEnv = qEnvironmentVariable("WERKSTATTPLAN_CLI_BIN");
    if (!fromEnv.isEmpty())
        return fromEnv;
#ifdef WERKSTATTPLAN_CLI_BIN
    return QStringLiteral(WERKSTATTPLAN_CLI_BIN);
#else
    return u"werkstattplan-cli"_s;
#endif
}

inline void dieWithParent(QProcess &process)
{
#ifdef Q_OS_LINUX
    // A crashed test must not leave servers or clients behind.
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#else
    Q_UNUSED(process);
#endif
}

/** What one CLI invocation did. */
struct CliRun
{
    QStringList arguments;
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;

    [[nodiscard]] bool ok() const { return !crashed && exitCode == 0; }
    [[nodiscard]] QString text() const { return QString::fromUtf8(out).trimmed(); }
    [[nodiscard]] QString errorText() const { return QString::fromUtf8(err).trimmed(); }
    [[nodiscard]] QJsonValue json() const
    {
        const QJsonDocument document = QJsonDocument::fromJson(out);
        return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }
    [[nodiscard]] QByteArray describe() const
    {
        return u"werkstattplan-cli %1 -> exit %2%3\nstdout: %4\nstderr: %5"_s.arg(arguments.join(u' '))
            .arg(exitCode)
            .arg(crashed ? u" (crashed)"_s : QString())
            .arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(err.left(2000)))
            .toUtf8();
    }
};

/**
 * The real server, restarted on the same port after a stop or a kill, as a
 * real server comes back at its address: the clients' stored server URL
 * stays valid. ServerProcess provides the binary, the store and the admin
 * commands.
 */
class Server
{
public:
    ~Server() { kill(); }

    bool start()
    {
        if (m_port == 0 && !m_store.prepareStore(ServerProcess::Store::Fresh))
            return false;
        // Right after a kill the port may still be held for a moment: retry until the deadline.
        const QDeadlineTimer deadline(startTimeoutMs);
        do {
            if (launch())
                return true;
        } while (m_port != 0 && !deadline.hasExpired() && (QTest::qWait(100), true));
        return false;
    }

    /** SIGKILL, as a crash or power cut ends it. */
    void kill()
    {
        if (!isRunning())
            return;
        m_process->kill();
        m_process->waitForFinished(10'000);
        m_log += m_process->readAll();
    }

    /** SIGTERM, as an operator stops it. */
    bool stop()
    {
        if (!isRunning())
            return false;
        ::kill(pid_t(m_process->processId()), SIGTERM);
        const bool stopped = m_process->waitForFinished(15'000);
        m_log += m_process->readAll();
        if (!stopped)
            kill();
        return stopped;
    }

    [[nodiscard]] bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }
    [[nodiscard]] QString url() const { return u"http://127.0.0.1:%1"_s.arg(m_port); }

    ServerProcess::AdminResult admin(const QStringList &arguments, const QByteArray &input = {}) const
    {
        return m_store.admin(arguments, input);
    }

    /** The server's cursor (GET /healthz); -1 if it did not answer. */
    qint64 cursor() const
    {
        SyncClient client { QUrl(url()) };
        const HttpResponse response = client.healthz();
        return response.status == 200 ? response.json.value(u"cursor"_s).toInteger(-1) : -1;
    }

    void dumpLog()
    {
        if (m_process)
            m_log += m_process->readAll();
        qWarning().noquote() << "---- server output ----\n" << QString::fromUtf8(m_log.right(20'000));
    }

private:
    bool launch()
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProgram(ServerProcess::binary());
        m_process->setArguments(QStringList { u"serve"_s } + m_store.storeArguments()
            + QStringList { u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port) });
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        dieWithParent(*m_process);
        m_process->start();
        if (!m_process->waitForStarted(startTimeoutMs))
            return false;
        static const QRegularExpression listening(u"listening on 127\\.0\\.0\\.1:(\\d+)"_s);
        QByteArray output;
        const QDeadlineTimer deadline(startTimeoutMs);
        while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
            m_process->waitForReadyRead(100);
            output += m_process->readAll();
            const auto match = listening.match(QString::fromUtf8(output));
            if (match.hasMatch()) {
                m_port = match.captured(1).toInt();
                m_log += output;
                return true;
            }
        }
        output += m_process->readAll();
        m_log += output;
        kill();
        return false;
    }

    ServerProcess m_store;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
    QByteArray m_log;
};

/** One device: a replica folder driven by werkstattplan-cli processes. */
class Laptop
{
public:
    explicit Laptop(QString name)
        : m_name(std::move(name))
    { }

    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] QString folder() const { return m_dir.path(); }
    /** Extra environment for every later invocation (e.g. a skewed clock). */
    void setEnvironment(const QString &name, const QString &value) { m_env.insert(name, value); }

    CliRun run(const QStringList &arguments, const QByteArray &input = {}) const
    {
        QProcess process;
        setUp(process, arguments);
        const ServerProcess::AdminResult ended = ServerProcess::runToEnd(process, input, cliTimeoutMs);
        CliRun result;
        result.arguments = arguments;
        result.exitCode = ended.exitCode;
        result.crashed = ended.crashed;
        result.out = ended.out;
        result.err = ended.err;
        return result;
    }

    /** Starts a command without waiting (to kill it midway). */
    std::unique_ptr<QProcess> start(const QStringList &arguments) const
    {
        auto process = std::make_unique<QProcess>();
        setUp(*process, arguments);
        process->start();
        process->closeWriteChannel();
        return process;
    }

    /** Starts a command that reads its standard input from the caller: write to it, close it or kill it. */
    std::unique_ptr<QProcess> startReading(const QStringList &arguments) const
    {
        auto process = std::make_unique<QProcess>();
        setUp(*process, arguments);
        process->start();
        return process;
    }

    // Shortcuts that log the run when it failed, so a QVERIFY on the result explains itself.
    bool ok(const QStringList &arguments) const { return logged(run(arguments)).ok(); }
    bool sync() const { return ok({ u"sync"_s }); }

    QJsonObject show(const QString &id) const
    {
        return logged(run({ u"show"_s, id, u"--json"_s })).json().toObject();
    }
    QJsonObject status() const { return logged(run({ u"status"_s, u"--json"_s })).json().toObject(); }
    QJsonArray list(const QString &what, const QStringList &extra = {}) const
    {
        return logged(run(QStringList { u"list"_s, what, u"--json"_s } + extra)).json().toArray();
    }
    QJsonArray history(const QString &id) const
    {
        return logged(run({ u"history"_s, id, u"--json"_s })).json().toArray();
    }
    /** add TYPE --parent ID --set ...; the new id, or empty. */
    QString add(const QString &type, const QString &parent, const QStringList &fields) const
    {
        QStringList arguments { u"add"_s, type, u"--parent"_s, parent };
        for (const QString &field : fields)
            arguments << u"--set"_s << field;
        const CliRun result = logged(run(arguments));
        return result.ok() ? result.text() : QString();
    }
    QString value(const QString &id, const QString &field) const
    {
        return show(id).value(u"values"_s).toObject().value(field).toString();
    }

private:
    void setUp(QProcess &process, const QStringList &arguments) const
    {
        process.setProgram(cliBinary());
        process.setArguments(QStringList { u"--replica"_s, m_dir.path() } + arguments);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &key : m_env.keys())
            env.insert(key, m_env.value(key));
        process.setProcessEnvironment(env);
        dieWithParent(process);
    }
    const CliRun &logged(const CliRun &result) const
    {
        if (!result.ok())
            qWarning().noquote() << m_name << QString::fromUtf8(result.describe());
        return result;
    }

    QString m_name;
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
};

/** A new laptop connected to the server as user (password read from passwordFile) and synced; null on failure. */
inline std::unique_ptr<Laptop> connectedLaptop(const Server &server, const QString &user, const QString &passwordFile,
                                               const QString &name)
{
    auto device = std::make_unique<Laptop>(name);
    const CliRun connected = device->run(
            { u"connect"_s, server.url(), u"--user"_s, user, u"--password-file"_s, passwordFile });
    if (!connected.ok()) {
        qWarning().noquote() << connected.describe();
        return nullptr;
    }
    if (!device->sync())
        return nullptr;
    return device;
}

/**
 * A client of user's that bypasses the CLI: signed in on its own device and
 * holding everything the server lets it pull, to craft changes the CLI would refuse.
 */
struct CraftedClient
{
    CraftedClient(const Server &server, const QString &user, const QString &password, const QString &device)
        : client(QUrl(server.url())),
          replica(user, device)
    {
        signedIn = client.login(user, password, device).status == 200;
        const PullResult pulled = client.pullAll(0);
        signedIn = signedIn && pulled.ok;
        replica.receive(pulled.plainChanges());
    }

    SyncClient client;
    ClientReplica replica;
    bool signedIn = false;
};

} // namespace CliTest
