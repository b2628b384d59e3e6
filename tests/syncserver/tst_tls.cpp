// SPDX-License-Identifier: GPL-3.0-or-later
// TLS end to end, with real processes: the server with throwaway certificates (refused when they are bad,
// renewed on SIGHUP), werkstattplan-cli trusting a CA file or not, the client core's live socket over WSS,
// plain HTTP warned about before a password is read, and clients speaking the wrong protocol at either port.
// This process trusts no test authority itself: every client is told whom to trust, or is refused.
#include "helpers/cliprocess.h"
#include "helpers/rawhttp.h"
#include "helpers/serverprocess.h"
#include "helpers/signin.h"
#include "helpers/testpki.h"
#include "localreplica.h"
#include "syncengine.h"
#include "tlstrust.h"

#include <QFile>
#include <QNetworkInterface>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::Literals::StringLiterals;
using CliTest::CliRun;
using CliTest::Laptop;

namespace {

const QString password = u"Werkstatt-TLS-2026"_s;

QSslConfiguration trusting(const QString &caFile)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates(QSslCertificate::fromPath(caFile));
    return configuration;
}

/** GET path on a new connection, over TLS verified with caFile (empty: plain HTTP). */
RawAnswer get(quint16 port, const QString &caFile, const QByteArray &path = "/healthz")
{
    RawConnection connection(!caFile.isEmpty(), caFile.isEmpty() ? QSslConfiguration() : trusting(caFile));
    if (!connection.open(port))
        return {};
    connection.send(requestHead("GET", path, -1, "Connection: close\r\n"));
    return connection.answer();
}

/** SHA-256 (hex) of the certificate the server shows a new connection; empty if the handshake failed. */
QByteArray presentedFingerprint(quint16 port, const QString &caFile)
{
    RawConnection connection(true, trusting(caFile));
    if (!connection.open(port))
        return {};
    return connection.tlsSocket()->peerCertificate().digest(QCryptographicHash::Sha256).toHex();
}

bool copyOver(const QString &from, const QString &to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

/** A non-loopback IPv4 address of this computer; null if it has none. */
QHostAddress otherAddress()
{
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol && !address.isLoopback())
            return address;
    }
    return {};
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void insecureAddresses_data();
    void insecureAddresses();
    void clientWithTheRightCaSyncsAndHearsOverWss();
    void wrongCaIsRefusedAndKeepsTheOutbox();
    void selfSignedServerIsRefusedWithoutCaFile();
    void serverRefusesToStartWithBadCredentials_data();
    void serverRefusesToStartWithBadCredentials();
    void sighupRenewsTheCertificateAndKeepsItWhenTheNewOneIsBad();
    void plainHttpToAnotherComputerIsRefusedBeforeThePasswordIsRead();
    void allowedPlainHttpWarnsBeforeThePasswordIsRead();
    void wrongProtocolAtEitherPortFailsCleanly();
    void handshakesCountAgainstCapsAndTimeOut();

private:
    [[nodiscard]] quint16 port() const { return quint16(m_server.port()); }
    [[nodiscard]] QString url() const { return m_server.baseUrl().toString(); }
    [[nodiscard]] QString ca() const { return m_pki.certificate(u"ca"_s); }
    CliRun connect(Laptop &laptop, const QString &url, const QStringList &extra = {}) const
    {
        return laptop.run(QStringList { u"connect"_s, url, u"--user"_s, u"adorf"_s, u"--password-file"_s, m_passwordFile } + extra);
    }
    bool setUpAccounts(ServerProcess &server, QString *plan);

    QTemporaryDir m_dir;
    TestPki m_pki { m_dir.path() };
    QString m_passwordFile;
    ServerProcess m_server;
    QString m_plan;
};

bool TestTls::setUpAccounts(ServerProcess &server, QString *plan)
{
    const auto municipality = server.admin({ u"add-municipality"_s, u"Adorf/Vogtl."_s, u"--state"_s, u"Sachsen"_s,
                                             u"--cluster"_s, u"Süd"_s });
    if (!municipality.ok() || municipality.lines().isEmpty())
        return false;
    if (plan)
        *plan = municipality.lines().first().split(u' ').value(2);
    return server.admin({ u"add-account"_s, u"adorf"_s, u"--municipality"_s, u"Adorf/Vogtl."_s, u"--password-file"_s, m_passwordFile }).ok()
            && server.admin({ u"add-account"_s, u"office"_s, u"--office"_s, u"--password-file"_s, m_passwordFile }).ok();
}

void TestTls::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(ServerProcess::binary()), qPrintable(ServerProcess::binary()));
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (the OpenSSL plugin of libqt6network6)");
    // Short header (and so handshake) timeout and a small per-address cap, so waiting for them stays short.
    qputenv("WERKSTATTPLAN_SERVER_LIMITS", "header_timeout_ms=1500,idle_timeout_ms=2500,max_connections_per_address=6");
    for (const QString &authority : { u"ca"_s, u"other-ca"_s })
        QVERIFY2(m_pki.makeAuthority(authority), qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeServer(u"server"_s, u"ca"_s), qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeServer(u"renewed"_s, u"ca"_s), qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeServer(u"self-signed"_s, {}), qPrintable(m_pki.error()));
    QVERIFY2(m_pki.makeServer(u"expired"_s, u"ca"_s, -1), qPrintable(m_pki.error()));
    QVERIFY(TestPki::fingerprint(m_pki.certificate(u"server"_s)) != TestPki::fingerprint(m_pki.certificate(u"renewed"_s)));

    m_passwordFile = m_dir.filePath(u"password"_s);
    QFile file(m_passwordFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(password.toUtf8());
    file.close();

    m_server.useTls(m_pki.certificate(u"server"_s), m_pki.key(u"server"_s), ca());
    QVERIFY(m_server.start());
    QCOMPARE(m_server.baseUrl().scheme(), u"https"_s);
    QVERIFY2(m_server.log().contains("TLS on"), m_server.log().constData());
    QVERIFY(setUpAccounts(m_server, &m_plan));
    QVERIFY(!m_plan.isEmpty());
}

void TestTls::cleanup()
{
    if (QTest::currentTestFailed())
        m_server.dumpLog();
}

void TestTls::insecureAddresses_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<bool>("insecure");
    QTest::addRow("https to another computer") << u"https://192.0.2.1:8470"_s << false;
    QTest::addRow("http to 127.0.0.1") << u"http://127.0.0.1:8470"_s << false;
    QTest::addRow("http to 127.5.6.7") << u"http://127.5.6.7"_s << false;
    QTest::addRow("http to localhost") << u"http://localhost:8470"_s << false;
    QTest::addRow("http to LOCALHOST.") << u"http://LOCALHOST.:8470"_s << false;
    QTest::addRow("http to ::1") << u"http://[::1]:8470"_s << false;
    QTest::addRow("http to another address") << u"http://192.0.2.1:1"_s << true;
    QTest::addRow("http to a name") << u"http://werkstattplan.example.org"_s << true;
    QTest::addRow("http to a name starting with localhost") << u"http://localhost.example.org"_s << true;
    QTest::addRow("http to a name starting with 127") << u"http://127.0.0.1.example.org"_s << true;
    QTest::addRow("http to a mapped IPv6 address") << u"http://[::ffff:192.0.2.1]"_s << true;
}

void TestTls::insecureAddresses()
{
    QFETCH(QString, server);
    QFETCH(bool, insecure);
    QCOMPARE(TlsTrust::isInsecure(QUrl(server)), insecure);
}

void TestTls::clientWithTheRightCaSyncsAndHearsOverWss()
{
    Laptop adorf(u"adorf"_s);
    const CliRun connected = connect(adorf, url(), { u"--ca-file"_s, ca() });
    QVERIFY2(connected.ok(), connected.describe().constData());
    QVERIFY2(connected.errorText().isEmpty(), connected.describe().constData()); // no warning over https
    QVERIFY(adorf.sync());
    // Kept with the account: the next commands need no option.
    QCOMPARE(adorf.status().value(u"account"_s).toObject().value(u"ca_file"_s).toString(), ca());

    // The client core in this process, in background mode: after its first sync only the live socket
    // (WSS) can tell it that there is more.
    QTemporaryDir folder;
    auto opened = LocalReplica::open(folder.path());
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    std::unique_ptr<LocalReplica> replica = std::move(opened).value();
    SyncEngine engine(*replica);
    QVERIFY(engine.setCaFile(ca()));
    const Status signedIn = signInAndWait(engine, m_server.baseUrl(), u"office"_s, password);
    QVERIFY2(signedIn, qPrintable(signedIn.errorMessage()));
    const auto first = engine.syncOnce();
    QVERIFY2(first, qPrintable(first.errorMessage()));
    engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(get(port(), ca(), "/metrics").body.contains("werkstattplan_websocket_clients 1"), 30'000);
    QTRY_COMPARE_WITH_TIMEOUT(engine.status()->state(), SyncStatus::Online, 30'000);

    const QString field = adorf.add(u"field"_s, m_plan, { u"title=Über WSS gemeldet"_s });
    QVERIFY(!field.isEmpty());
    QVERIFY(adorf.sync());
    QTRY_VERIFY_WITH_TIMEOUT(replica->store().record(field) && replica->store().record(field)->isLive(), 30'000);
    engine.stop();
}

void TestTls::wrongCaIsRefusedAndKeepsTheOutbox()
{
    // Never connected: a wrong authority signs nothing in, and the password goes nowhere.
    Laptop stranger(u"stranger"_s);
    const CliRun refused = connect(stranger, url(), { u"--ca-file"_s, m_pki.certificate(u"other-ca"_s) });
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.errorText().contains(u"not trusted"_s) && refused.errorText().endsWith(u"[tls_untrusted]"_s),
             refused.describe().constData());
    QVERIFY(stranger.status().value(u"account"_s).isNull());

    // Connected, with work pending, then a wrong authority (a renewed PKI, a typo): refused, nothing lost.
    Laptop adorf(u"adorf-2"_s);
    QVERIFY(connect(adorf, url(), { u"--ca-file"_s, ca() }).ok());
    QVERIFY(adorf.sync());
    const QString field = adorf.add(u"field"_s, m_plan, { u"title=Wartet auf das richtige Zertifikat"_s });
    QVERIFY(!field.isEmpty());
    const int pending = adorf.status().value(u"pending"_s).toInt();
    QVERIFY(pending > 0);

    const CliRun wrong = adorf.run({ u"sync"_s, u"--ca-file"_s, m_pki.certificate(u"other-ca"_s) });
    QCOMPARE(wrong.exitCode, 2);
    QVERIFY2(wrong.errorText().contains(u"sync failed: the server's certificate is not trusted"_s)
                     && wrong.errorText().contains(u"--ca-file FILE"_s) && wrong.errorText().endsWith(u"[tls_untrusted]"_s),
             wrong.describe().constData());
    const QJsonObject status = adorf.status();
    QCOMPARE(status.value(u"pending"_s).toInt(), pending);
    QCOMPARE(status.value(u"state"_s).toString(), u"error"_s); // not "offline": waiting does not help
    QCOMPARE(status.value(u"error"_s).toObject().value(u"code"_s).toString(), u"tls_untrusted"_s);
    // Still refused on the next sync: the wrong choice was kept, never silently dropped.
    QCOMPARE(adorf.run({ u"sync"_s }).exitCode, 2);

    const CliRun fixed = adorf.run({ u"sync"_s, u"--ca-file"_s, ca() });
    QVERIFY2(fixed.ok(), fixed.describe().constData());
    QVERIFY2(fixed.text().startsWith(u"sync complete: pushed %1,"_s.arg(pending)), fixed.describe().constData());
    QCOMPARE(adorf.status().value(u"pending"_s).toInt(), 0);
    // The server has it: a fresh device of the account sees the field.
    Laptop other(u"adorf-3"_s);
    QVERIFY(connect(other, url(), { u"--ca-file"_s, ca() }).ok());
    QVERIFY(other.sync());
    QCOMPARE(other.value(field, u"title"_s), u"Wartet auf das richtige Zertifikat"_s);

    // A CA file that is no certificate is refused before anything is sent or changed.
    const CliRun notPem = adorf.run({ u"sync"_s, u"--ca-file"_s, m_passwordFile });
    QCOMPARE(notPem.exitCode, 1);
    QVERIFY2(notPem.errorText().endsWith(u"[ca_file_invalid]"_s), notPem.describe().constData());
    QCOMPARE(adorf.status().value(u"account"_s).toObject().value(u"ca_file"_s).toString(), ca());
}

void TestTls::selfSignedServerIsRefusedWithoutCaFile()
{
    ServerProcess selfSigned;
    selfSigned.useTls(m_pki.certificate(u"self-signed"_s), m_pki.key(u"self-signed"_s), m_pki.certificate(u"self-signed"_s));
    QVERIFY(selfSigned.start());
    QVERIFY(setUpAccounts(selfSigned, nullptr));
    Laptop laptop(u"laptop"_s);
    const CliRun refused = connect(laptop, selfSigned.baseUrl().toString());
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.errorText().endsWith(u"[tls_untrusted]"_s), refused.describe().constData());
    QVERIFY(laptop.status().value(u"account"_s).isNull());
    // Trusting exactly that certificate is what a CA file is for.
    const CliRun trusted = connect(laptop, selfSigned.baseUrl().toString(), { u"--ca-file"_s, m_pki.certificate(u"self-signed"_s) });
    QVERIFY2(trusted.ok(), trusted.describe().constData());
    // The server took neither failure for more than a refused handshake.
    QCOMPARE(get(quint16(selfSigned.port()), m_pki.certificate(u"self-signed"_s)).status, 200);
}

void TestTls::serverRefusesToStartWithBadCredentials_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    const QString missing = m_dir.filePath(u"no-such.pem"_s);
    const QString notPem = m_passwordFile;
    const QString cert = m_pki.certificate(u"server"_s);
    const QString key = m_pki.key(u"server"_s);
    QTest::addRow("certificate unreadable") << QStringList { u"--tls-cert"_s, missing, u"--tls-key"_s, key }
                                            << u"cannot read the TLS certificate file %1"_s.arg(missing);
    QTest::addRow("key unreadable") << QStringList { u"--tls-cert"_s, cert, u"--tls-key"_s, missing }
                                    << u"cannot read the TLS key file %1"_s.arg(missing);
    QTest::addRow("certificate not PEM") << QStringList { u"--tls-cert"_s, notPem, u"--tls-key"_s, key }
                                         << u"%1 holds no PEM certificate"_s.arg(notPem);
    QTest::addRow("key not PEM") << QStringList { u"--tls-cert"_s, cert, u"--tls-key"_s, notPem }
                                 << u"%1 holds no PEM private key"_s.arg(notPem);
    QTest::addRow("key of another certificate")
            << QStringList { u"--tls-cert"_s, cert, u"--tls-key"_s, m_pki.key(u"renewed"_s) }
            << u"the TLS key in %1 does not belong to the certificate in %2"_s.arg(m_pki.key(u"renewed"_s), cert);
    QTest::addRow("certificate expired")
            << QStringList { u"--tls-cert"_s, m_pki.certificate(u"expired"_s), u"--tls-key"_s, m_pki.key(u"expired"_s) }
            << u"the TLS certificate in %1 expired on"_s.arg(m_pki.certificate(u"expired"_s));
    QTest::addRow("only --tls-cert") << QStringList { u"--tls-cert"_s, cert }
                                     << u"--tls-cert FILE and --tls-key FILE go together: give both or neither"_s;
    QTest::addRow("only --tls-key") << QStringList { u"--tls-key"_s, key }
                                    << u"--tls-cert FILE and --tls-key FILE go together: give both or neither"_s;
}

void TestTls::serverRefusesToStartWithBadCredentials()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    QTemporaryDir data;
    QProcess process;
    process.setProgram(ServerProcess::binary());
    process.setArguments(QStringList { u"serve"_s, u"--data"_s, data.path(), u"--listen"_s, u"127.0.0.1:0"_s } + options);
    const ServerProcess::AdminResult ended = ServerProcess::runToEnd(process, {}, 30'000);
    QVERIFY2(!ended.crashed, "the server kept running");
    QCOMPARE(ended.exitCode, 1);
    QVERIFY2(!ended.out.contains("listening on"), ended.out.constData());
    const QStringList lines = QString::fromUtf8(ended.err).trimmed().split(u'\n');
    // One clear line, the last thing said.
    QVERIFY2(lines.last().startsWith(u"werkstattplan-server: "_s + message), ended.err.constData());
}

void TestTls::sighupRenewsTheCertificateAndKeepsItWhenTheNewOneIsBad()
{
    // Files of its own, overwritten in place the way a renewal does.
    const QString cert = m_dir.filePath(u"live.pem"_s);
    const QString key = m_dir.filePath(u"live.key"_s);
    QVERIFY(copyOver(m_pki.certificate(u"server"_s), cert) && copyOver(m_pki.key(u"server"_s), key));
    ServerProcess server;
    server.useTls(cert, key, ca());
    QVERIFY(server.start());
    const quint16 port = quint16(server.port());
    QCOMPARE(presentedFingerprint(port, ca()), TestPki::fingerprint(m_pki.certificate(u"server"_s)));
    // A connection opened before the reload keeps serving on the certificate it started with.
    RawConnection before(true, trusting(ca()));
    QVERIFY(before.open(port));

    QVERIFY(copyOver(m_pki.certificate(u"renewed"_s), cert) && copyOver(m_pki.key(u"renewed"_s), key));
    server.clearLog();
    server.signal(SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(server.log().contains("TLS reloaded"), 30'000);
    QVERIFY(server.isRunning());
    QCOMPARE(presentedFingerprint(port, ca()), TestPki::fingerprint(m_pki.certificate(u"renewed"_s)));
    before.send(requestHead("GET", "/healthz", -1));
    QCOMPARE(before.answer().status, 200);

    // A broken renewal: logged with its reason, the renewed certificate stays in use.
    QFile broken(cert);
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n");
    broken.close();
    server.clearLog();
    server.signal(SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(server.log().contains("TLS reload failed"), 30'000);
    QVERIFY2(server.log().contains(QByteArray("still serving the previous certificate: " + cert.toUtf8() + " holds no PEM certificate")),
             server.log().constData());
    QVERIFY(server.isRunning());
    QCOMPARE(presentedFingerprint(port, ca()), TestPki::fingerprint(m_pki.certificate(u"renewed"_s)));
    QCOMPARE(get(port, ca()).status, 200);
    // A key that does not match is as bad.
    QVERIFY(copyOver(m_pki.certificate(u"renewed"_s), cert) && copyOver(m_pki.key(u"server"_s), key));
    server.clearLog();
    server.signal(SIGHUP);
    QTRY_VERIFY_WITH_TIMEOUT(server.log().contains("TLS reload failed"), 30'000);
    QCOMPARE(presentedFingerprint(port, ca()), TestPki::fingerprint(m_pki.certificate(u"renewed"_s)));
    QVERIFY(server.terminate());
}

void TestTls::plainHttpToAnotherComputerIsRefusedBeforeThePasswordIsRead()
{
    const QHostAddress address = otherAddress();
    if (address.isNull())
        QSKIP("this computer has no address but loopback");
    // Something listens there, so that a connection attempt would be seen.
    QTcpServer listener;
    QVERIFY(listener.listen(address, 0));
    const QString target = u"http://%1:%2"_s.arg(address.toString()).arg(listener.serverPort());

    Laptop laptop(u"laptop"_s);
    QProcess process;
    process.setProgram(CliTest::cliBinary());
    process.setArguments({ u"--replica"_s, laptop.folder(), u"connect"_s, target, u"--user"_s, u"adorf"_s });
    CliTest::dieWithParent(process);
    process.start();
    QVERIFY(process.waitForStarted());
    // Standard input stays open and empty: a command that read the password would wait here forever.
    QVERIFY2(process.waitForFinished(60'000), "the command waited for a password");
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(err.startsWith(u"werkstattplan-cli: warning: %1 is not encrypted"_s.arg(target)), qPrintable(err));
    QVERIFY2(err.trimmed().endsWith(u"[insecure_connection]"_s), qPrintable(err));
    QCoreApplication::processEvents();
    QVERIFY2(!listener.waitForNewConnection(0) && !listener.hasPendingConnections(), "the command connected anyway");
    QVERIFY(laptop.status().value(u"account"_s).isNull());
}

void TestTls::allowedPlainHttpWarnsBeforeThePasswordIsRead()
{
    const QHostAddress address = otherAddress();
    if (address.isNull())
        QSKIP("this computer has no address but loopback");
    QTcpServer listener;
    QVERIFY(listener.listen(address, 0));
    const QString target = u"http://%1:%2"_s.arg(address.toString()).arg(listener.serverPort());

    Laptop laptop(u"laptop"_s);
    QProcess process;
    process.setProgram(CliTest::cliBinary());
    process.setArguments({ u"--replica"_s, laptop.folder(), u"connect"_s, target, u"--user"_s, u"adorf"_s, u"--allow-insecure"_s });
    CliTest::dieWithParent(process);
    process.start();
    QVERIFY(process.waitForStarted());
    QByteArray err;
    while (!err.contains('\n') && process.state() == QProcess::Running) {
        process.waitForReadyRead(1000);
        err += process.readAllStandardError();
    }
    QVERIFY2(QString::fromUtf8(err).startsWith(u"werkstattplan-cli: warning: %1 is not encrypted"_s.arg(target)), err.constData());
    // Warned while the password is still unread: nothing was sent yet.
    QVERIFY(!listener.hasPendingConnections() && !listener.waitForNewConnection(0));
    process.write(password.toUtf8() + '\n');
    process.closeWriteChannel();
    process.waitForBytesWritten(); // the listener's wait below runs no event loop that would write it
    // Now it goes out, in clear: what the user allowed. This listener answers nothing and hangs up.
    QVERIFY(listener.waitForNewConnection(30'000));
    QTcpSocket *socket = listener.nextPendingConnection();
    QVERIFY(socket->waitForReadyRead(30'000));
    QVERIFY(socket->readAll().startsWith("POST /v1/login"));
    socket->abort();
    listener.close(); // Qt tries a request once more on a connection lost before the answer: refused at once
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.exitCode(), 2);
}

void TestTls::wrongProtocolAtEitherPortFailsCleanly()
{
    // Plain HTTP at the TLS port: told so, in plain HTTP.
    const RawAnswer plain = get(port(), {});
    QCOMPARE(plain.status, 400);
    QCOMPARE(plain.code(), u"tls_required"_s);
    Laptop laptop(u"laptop"_s);
    const CliRun atTlsPort = connect(laptop, u"http://127.0.0.1:%1"_s.arg(port()));
    QCOMPARE(atTlsPort.exitCode, 2);
    QVERIFY2(atTlsPort.errorText().endsWith(u"[tls_required]"_s), atTlsPort.describe().constData());
    QCOMPARE(get(port(), ca()).status, 200);

    // TLS at a plain port: a failed handshake, told as such, not as an offline server.
    ServerProcess plainServer;
    plainServer.usePlainHttp();
    QVERIFY(plainServer.start());
    QVERIFY(setUpAccounts(plainServer, nullptr));
    const CliRun atPlainPort = connect(laptop, u"https://127.0.0.1:%1"_s.arg(plainServer.port()), { u"--ca-file"_s, ca() });
    QCOMPARE(atPlainPort.exitCode, 2);
    QVERIFY2(atPlainPort.errorText().endsWith(u"[tls_failed]"_s), atPlainPort.describe().constData());
    QCOMPARE(get(quint16(plainServer.port()), {}).status, 200);
    // And over plain HTTP on loopback the same laptop signs in without a word of warning.
    const CliRun signedIn = connect(laptop, plainServer.baseUrl().toString());
    QVERIFY2(signedIn.ok() && signedIn.errorText().isEmpty(), signedIn.describe().constData());
}

void TestTls::handshakesCountAgainstCapsAndTimeOut()
{
    // Connections that never say hello hold their address's places until the header timeout drops them.
    const QHostAddress from(u"127.0.0.3"_s);
    std::vector<std::unique_ptr<RawConnection>> silent;
    for (int i = 0; i < 6; ++i) {
        silent.push_back(std::make_unique<RawConnection>(false));
        QVERIFY(silent.back()->open(port(), from));
    }
    // One more from there: refused over TLS, after its handshake.
    RawConnection over(true, trusting(ca()));
    QVERIFY2(over.open(port(), from), qPrintable(over.socket().errorString()));
    const RawAnswer refused = over.answer();
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.code(), u"too_many_connections"_s);
    // Others are served meanwhile.
    QCOMPARE(get(port(), ca()).status, 200);
    for (const auto &connection : silent)
        QVERIFY2(connection->waitClosed(30'000), "a connection without a handshake was kept");
    // Half a hello is no better.
    RawConnection half(false);
    QVERIFY(half.open(port()));
    half.send(QByteArray("\x16\x03\x01\x02\x00", 5));
    QVERIFY2(half.waitClosed(30'000), "a half-sent handshake was kept");
    // The address has its places back.
    auto servedFrom = [&] {
        RawConnection again(true, trusting(ca()));
        if (!again.open(port(), from))
            return 0;
        again.send(requestHead("GET", "/healthz", -1));
        return again.answer().status;
    };
    QTRY_COMPARE_WITH_TIMEOUT(servedFrom(), 200, 30'000);
    QVERIFY(m_server.isRunning());
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
