// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverprocess.h"

#include "testpki.h"

#include <QDeadlineTimer>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QtDebug>

#include <csignal>
#include <sys/types.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int startTimeoutMs = 20'000;
constexpr int adminTimeoutMs = 60'000;
// Enough to see why a test failed without drowning the log.
constexpr qsizetype maxLogBytes = 1024 * 1024;

/** The certificate authority and server certificate of WERKSTATTPLAN_TEST_TLS=1, made once per test process. */
struct SharedTls
{
    QString certificate;
    QString key;
    QString caFile;
};

const SharedTls &sharedTls()
{
    static QTemporaryDir folder;
    static const SharedTls tls = [] {
        TestPki pki(folder.path());
        if (!folder.isValid() || !pki.makeAuthority(u"werkstattplan-test-ca"_s)
            || !pki.makeServer(u"werkstattplan-test-server"_s, u"werkstattplan-test-ca"_s)) {
            qWarning().noquote() << "cannot make the test certificates:" << pki.error();
            return SharedTls {};
        }
        // Trusted like an authority of the system's: every client in this process verifies with it.
        QSslConfiguration trusting = QSslConfiguration::defaultConfiguration();
        trusting.setCaCertificates(QSslConfiguration::systemCaCertificates()
                                   + QSslCertificate::fromPath(pki.certificate(u"werkstattplan-test-ca"_s)));
        QSslConfiguration::setDefaultConfiguration(trusting);
        return SharedTls { pki.certificate(u"werkstattplan-test-server"_s), pki.key(u"werkstattplan-test-server"_s),
                           pki.certificate(u"werkstattplan-test-ca"_s) };
    }();
    return tls;
}

} // namespace

QStringList ServerProcess::AdminResult::lines() const
{
    QStringList result;
    const QStringList all = QString::fromUtf8(out).split(u'\n');
    for (const QString &line : all) {
        if (!line.trimmed().isEmpty())
            result << line.trimmed();
    }
    return result;
}

ServerProcess::ServerProcess()
{
    if (tlsRequested()) {
        const SharedTls &tls = sharedTls();
        useTls(tls.certificate, tls.key, tls.caFile);
    }
}

bool ServerProcess::tlsRequested()
{
    return qEnvironmentVariable("WERKSTATTPLAN_TEST_TLS") == u"1"_s;
}

void ServerProcess::useTls(const QString &certificate, const QString &key, const QString &caFile)
{
    m_tlsCertificate = certificate;
    m_tlsKey = key;
    m_caFile = caFile;
}

void ServerProcess::usePlainHttp()
{
    useTls({}, {}, {});
}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        terminate();
}

QString ServerProcess::binary()
{
    const QString fromEnv = qEnvironmentVariable("WERKSTATTPLAN_SERVER_BIN");
    if (!fromEnv.isEmpty())
        return fromEnv;
#ifdef WERKSTATTPLAN_SERVER_BIN
    return QStringLiteral(WERKSTATTPLAN_SERVER_BIN);
#else
    return u"werkstattplan-server"_s;
#endif
}

QString ServerProcess::postgresUrl()
{
    return qEnvironmentVariable("WERKSTATTPLAN_TEST_PG_URL");
}

bool ServerProcess::resetPostgres(QString *error)
{
    const QUrl url(postgresUrl());
    bool ok = false;
    const QString connection = u"serverprocess-reset"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, connection);
        // libpq takes a socket folder as "host" query item when the URL has no host.
        const QString host = url.host().isEmpty() ? QUrlQuery(url).queryItemValue(u"host"_s) : url.host();
        db.setHostName(host);
        if (url.port() > 0)
            db.setPort(url.port());
        db.setUserName(url.userName(QUrl::FullyDecoded));
        db.setPassword(url.password(QUrl::FullyDecoded));
        db.setDatabaseName(url.path().mid(1));
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(u"DROP SCHEMA public CASCADE"_s) && query.exec(u"CREATE SCHEMA public"_s);
            if (!ok && error)
                *error = query.lastError().text();
        } else if (error) {
            *error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

QStringList ServerProcess::storeArguments() const
{
    if (!m_database.isEmpty())
        return { u"--db"_s, m_database };
    return { u"--data"_s, m_dataDir };
}

bool ServerProcess::start(Store store, const QString &folder)
{
    return prepareStore(store, folder) && launch();
}

bool ServerProcess::prepareStore(Store store, const QString &folder)
{
    if (usesPostgres() && store != Store::Folder) {
        m_database = postgresUrl();
        m_dataDir.clear();
        if (store == Store::Fresh) {
            QString error;
            if (!resetPostgres(&error)) {
                qWarning().noquote() << "cannot reset the PostgreSQL test database:" << error;
                return false;
            }
        }
    } else if (store == Store::Folder) {
        m_database.clear();
        m_dataDir = folder;
    } else {
        m_database.clear();
        m_tempDir = std::make_unique<QTemporaryDir>();
        if (!m_tempDir->isValid())
            return false;
        m_dataDir = m_tempDir->path();
    }
    return true;
}

bool ServerProcess::restart(Port port)
{
    const int previous = m_port;
    if (isRunning())
        terminate();
    return launch(port == Port::Same ? previous : 0);
}

bool ServerProcess::launch(int port)
{
    m_process = std::make_unique<QProcess>();
    m_port = 0;
    m_stdoutBuffer.clear();
    m_process->setProgram(binary());
    QStringList arguments = QStringList { u"serve"_s } + storeArguments()
            + QStringList { u"--listen"_s, u"127.0.0.1:%1"_s.arg(port) };
    if (usesTls())
        arguments << u"--tls-cert"_s << m_tlsCertificate << u"--tls-key"_s << m_tlsKey;
    m_process->setArguments(arguments);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
#ifdef Q_OS_LINUX
    // A crashed test must not leave servers behind: the kernel ends them with us.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(), [this] { collectOutput(); });
    m_process->start();
    if (!m_process->waitForStarted(startTimeoutMs)) {
        qWarning().noquote() << "cannot start" << binary() << m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(u"listening on 127\\.0\\.0\\.1:(\\d+)"_s);
    const QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        collectOutput();
        // Look at complete lines only: the port may arrive in two reads.
        qsizetype end;
        while ((end = m_stdoutBuffer.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(m_stdoutBuffer.left(end));
            m_stdoutBuffer.remove(0, end + 1);
            const auto match = listening.match(line);
            if (match.hasMatch()) {
                m_port = match.captured(1).toInt();
                // Whatever follows on stdout is logged like stderr from now on.
                QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, m_process.get(),
                                 [this] { collectOutput(); });
                return true;
            }
            m_log += line.toUtf8() + '\n';
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(100);
    }
    collectOutput();
    qWarning().noquote() << "the server did not report 'listening on' within 20 s; exit code"
                         << m_process->exitCode() << "arguments" << m_process->arguments();
    dumpLog("server output at start");
    kill();
    return false;
}

void ServerProcess::collectOutput()
{
    if (!m_process)
        return;
    m_log += m_process->readAllStandardError();
    if (m_port == 0)
        m_stdoutBuffer += m_process->readAllStandardOutput();
    else
        m_log += m_process->readAllStandardOutput();
    if (m_log.size() > maxLogBytes)
        m_log.remove(0, m_log.size() - maxLogBytes);
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QUrl ServerProcess::baseUrl() const
{
    QUrl url;
    url.setScheme(usesTls() ? u"https"_s : u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(m_port);
    return url;
}

void ServerProcess::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished(10'000);
    collectOutput();
}

bool ServerProcess::terminate(int signal)
{
    if (!isRunning())
        return false;
    ::kill(pid_t(m_process->processId()), signal);
    const bool finished = m_process->waitForFinished(15'000);
    collectOutput();
    if (!finished) {
        qWarning() << "the server ignored signal" << signal << "for 15 s; killing it";
        kill();
        return false;
    }
    const bool clean = m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
    if (!clean) {
        qWarning() << "the server did not exit cleanly on signal" << signal << "exit status"
                   << m_process->exitStatus() << "code" << m_process->exitCode();
        dumpLog("server output at exit");
    }
    return clean;
}

void ServerProcess::signal(int signal)
{
    if (isRunning())
        ::kill(pid_t(m_process->processId()), signal);
}

ServerProcess::AdminResult ServerProcess::runToEnd(QProcess &process, const QByteArray &input, int timeoutMs)
{
    AdminResult result;
    process.start();
    if (!process.waitForStarted(timeoutMs)) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.crashed = true;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.crashed = result.crashed || process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    return result;
}

ServerProcess::AdminResult ServerProcess::admin(const QStringList &arguments, const QByteArray &input) const
{
    QProcess process;
    process.setProgram(binary());
    process.setArguments(arguments + storeArguments());
    return runToEnd(process, input, adminTimeoutMs);
}

void ServerProcess::clearLog()
{
    collectOutput();
    m_log.clear();
}

QByteArray ServerProcess::log()
{
    collectOutput();
    return m_log;
}

void ServerProcess::dumpLog(const char *why)
{
    collectOutput();
    const QByteArray text = m_log.trimmed();
    if (text.isEmpty())
        return;
    qWarning().noquote() << "----" << why << "(port" << m_port << ") ----";
    for (const QByteArray &line : text.split('\n'))
        qWarning().noquote() << QString::fromUtf8(line);
    qWarning().noquote() << "---- end of" << why << "----";
}
