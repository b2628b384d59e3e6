// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlstrust.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QStringList>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace {

/** Where watch() keeps a reply's certificate errors until it has finished. */
constexpr const char *tlsErrorsProperty = "werkstattplanTlsErrors";

QSslConfiguration baseConfiguration()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

Error untrustedError(const QStringList &errors)
{
    return { u"tls_untrusted"_s, u"the server's certificate is not trusted: %1"_s.arg(errors.join(u"; "_s)) };
}

} // namespace

TlsTrust::TlsTrust() : m_configuration(baseConfiguration()) { }

Result<TlsTrust> TlsTrust::fromCaFile(const QString &caFile)
{
    TlsTrust trust;
    if (caFile.isEmpty())
        return trust;
    QFile file(caFile);
    if (!file.open(QIODevice::ReadOnly))
        return Error { u"ca_file_unreadable"_s, u"cannot read the CA file %1: %2"_s.arg(caFile, file.errorString()) };
    const QList<QSslCertificate> authorities = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (authorities.isEmpty())
        return Error { u"ca_file_invalid"_s, u"%1 holds no PEM certificate"_s.arg(caFile) };
    trust.m_caFile = QFileInfo(caFile).absoluteFilePath();
    // Setting CA certificates ends Qt's loading of the system's on demand: name them explicitly.
    trust.m_configuration.setCaCertificates(QSslConfiguration::systemCaCertificates() + authorities);
    return trust;
}

void TlsTrust::apply(QNetworkRequest &request) const
{
    request.setSslConfiguration(m_configuration);
}

void TlsTrust::apply(QWebSocket &socket) const
{
    socket.setSslConfiguration(m_configuration);
}

void TlsTrust::watch(QNetworkReply *reply)
{
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply](const QList<QSslError> &errors) {
        QStringList texts = reply->property(tlsErrorsProperty).toStringList();
        for (const QSslError &error : errors)
            texts << error.errorString();
        reply->setProperty(tlsErrorsProperty, texts);
    });
}

std::optional<Error> TlsTrust::errorOf(QNetworkReply *reply)
{
    const QStringList errors = reply->property(tlsErrorsProperty).toStringList();
    if (!errors.isEmpty())
        return untrustedError(errors);
    if (reply->error() == QNetworkReply::SslHandshakeFailedError)
        return Error { u"tls_failed"_s, u"no secure connection to the server: %1"_s.arg(reply->errorString()) };
    return std::nullopt;
}

Error TlsTrust::untrusted(const QList<QSslError> &errors)
{
    QStringList texts;
    for (const QSslError &error : errors)
        texts << error.errorString();
    return untrustedError(texts);
}

bool TlsTrust::isLoopback(const QString &host)
{
    QString name = host.toLower();
    if (name.endsWith(u'.'))
        name.chop(1);
    if (name == u"localhost"_s)
        return true;
    const QHostAddress address(name.startsWith(u'[') ? name.mid(1, name.size() - 2) : name);
    return !address.isNull() && address.isLoopback();
}

bool TlsTrust::isInsecure(const QUrl &server)
{
    return server.scheme() == u"http"_s && !isLoopback(server.host());
}
