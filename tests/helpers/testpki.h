// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Throwaway certificate authorities and server certificates for tests, made by the openssl command line
// (scripts/install-deps installs it) in a folder of the test's.

#include <QByteArray>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

class TestPki
{
public:
    explicit TestPki(const QString &folder) : m_folder(folder) { }

    [[nodiscard]] QString certificate(const QString &name) const { return QDir(m_folder).filePath(name + QStringLiteral(".pem")); }
    [[nodiscard]] QString key(const QString &name) const { return QDir(m_folder).filePath(name + QStringLiteral(".key")); }
    /** What the last failed step printed. */
    [[nodiscard]] QString error() const { return m_error; }

    /** A self-signed certificate authority: NAME.pem and NAME.key. */
    bool makeAuthority(const QString &name)
    {
        return openssl({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                         QStringLiteral("-nodes"), QStringLiteral("-keyout"), key(name), QStringLiteral("-out"), certificate(name),
                         QStringLiteral("-days"), QStringLiteral("3"), QStringLiteral("-subj"), QStringLiteral("/CN=") + name,
                         QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                         QStringLiteral("-addext"), QStringLiteral("keyUsage=critical,keyCertSign,cRLSign") });
    }

    /**
     * A server certificate for 127.0.0.1, ::1 and localhost (an EC key, PKCS#8), NAME.pem and NAME.key,
     * signed by the authority (empty: self-signed). days < 0: expired since yesterday.
     */
    bool makeServer(const QString &name, const QString &authority, int days = 2)
    {
        const QString extensions = QDir(m_folder).filePath(name + QStringLiteral(".ext"));
        QFile ext(extensions);
        if (!ext.open(QIODevice::WriteOnly))
            return false;
        // A self-signed certificate is its own authority: a client's CA file may hold it.
        ext.write("subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        if (!authority.isEmpty())
            ext.write("basicConstraints=CA:FALSE\n");
        ext.close();
        const QString request = QDir(m_folder).filePath(name + QStringLiteral(".csr"));
        if (!openssl({ QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                       QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key(name),
                       QStringLiteral("-out"), request, QStringLiteral("-subj"), QStringLiteral("/CN=") + name }))
            return false;
        QStringList sign { QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), request,
                           QStringLiteral("-out"), certificate(name), QStringLiteral("-days"), QString::number(days),
                           QStringLiteral("-extfile"), extensions, QStringLiteral("-set_serial"),
                           QString::number(++m_serial) };
        if (authority.isEmpty())
            sign << QStringLiteral("-signkey") << key(name);
        else
            sign << QStringLiteral("-CA") << certificate(authority) << QStringLiteral("-CAkey") << key(authority);
        return openssl(sign);
    }

    /** SHA-256 of the first certificate in a PEM file, hex. */
    [[nodiscard]] static QByteArray fingerprint(const QString &pemFile)
    {
        const QList<QSslCertificate> chain = QSslCertificate::fromPath(pemFile, QSsl::Pem);
        return chain.isEmpty() ? QByteArray() : chain.first().digest(QCryptographicHash::Sha256).toHex();
    }

private:
    bool openssl(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("openssl"), arguments);
        if (!process.waitForStarted(10'000)) {
            m_error = QStringLiteral("cannot run openssl (scripts/install-deps installs it): ") + process.errorString();
            return false;
        }
        process.waitForFinished(60'000);
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            m_error = QStringLiteral("openssl %1: %2").arg(arguments.join(u' '), QString::fromUtf8(process.readAll()));
            return false;
        }
        return true;
    }

    QString m_folder;
    QString m_error;
    int m_serial = 1000;
};
