// SPDX-License-Identifier: GPL-3.0-or-later
#include "tlscredentials.h"

#include <QFile>
#include <QSslSocket>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

Error failure(const QString &message)
{
    return { u"tls_credentials"_s, message };
}

Result<QByteArray> readFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(u"cannot read the TLS %1 file %2: %3"_s.arg(what, path, file.errorString()));
    return file.readAll();
}

/** Never asks for a passphrase (OpenSSL would prompt on the terminal): an encrypted key does not load. */
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

struct PkeyFree { void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); } };
struct X509Free { void operator()(X509 *certificate) const { X509_free(certificate); } };
struct BioFree { void operator()(BIO *bio) const { BIO_free(bio); } };

QString utc(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s);
}

} // namespace

Result<TlsCredentials> TlsCredentials::load(const QString &certificateFile, const QString &keyFile, const QDateTime &now)
{
    const auto certificatePem = readFile(certificateFile, u"certificate"_s);
    if (!certificatePem)
        return certificatePem.error();
    const auto keyPem = readFile(keyFile, u"key"_s);
    if (!keyPem)
        return keyPem.error();

    TlsCredentials credentials;
    credentials.m_chain = QSslCertificate::fromData(*certificatePem, QSsl::Pem);
    if (credentials.m_chain.isEmpty() || credentials.m_chain.constFirst().isNull())
        return failure(u"%1 holds no PEM certificate"_s.arg(certificateFile));
    const QSslCertificate &leaf = credentials.m_chain.constFirst();

    // OpenSSL reads the key whatever its type and tells whether it is the certificate's own.
    std::unique_ptr<BIO, BioFree> keyBio(BIO_new_mem_buf(keyPem->constData(), int(keyPem->size())));
    std::unique_ptr<EVP_PKEY, PkeyFree> key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr));
    if (!key)
        return failure(u"%1 holds no PEM private key, or an encrypted one (give the key unencrypted, readable by the "
                       "server's user only)"_s.arg(keyFile));
    const QByteArray leafDer = leaf.toDer();
    const auto *derData = reinterpret_cast<const unsigned char *>(leafDer.constData());
    std::unique_ptr<X509, X509Free> x509(d2i_X509(nullptr, &derData, long(leafDer.size())));
    if (!x509 || X509_check_private_key(x509.get(), key.get()) != 1)
        return failure(u"the TLS key in %1 does not belong to the certificate in %2 (the server's own certificate "
                       "comes first in that file)"_s.arg(keyFile, certificateFile));

    QSsl::KeyAlgorithm algorithm = QSsl::Opaque;
    switch (EVP_PKEY_get_base_id(key.get())) {
    case EVP_PKEY_RSA: algorithm = QSsl::Rsa; break;
    case EVP_PKEY_EC: algorithm = QSsl::Ec; break;
    default:
        return failure(u"the TLS key in %1 is neither RSA nor EC"_s.arg(keyFile));
    }
    // Qt reads keys by their traditional PEM headers ("RSA PRIVATE KEY", "EC PRIVATE KEY"), not PKCS#8's.
    std::unique_ptr<BIO, BioFree> traditional(BIO_new(BIO_s_mem()));
    QByteArray traditionalPem;
    if (PEM_write_bio_PrivateKey_traditional(traditional.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1) {
        char *data = nullptr;
        const long size = BIO_get_mem_data(traditional.get(), &data);
        traditionalPem = QByteArray(data, qsizetype(size));
    }
    credentials.m_key = QSslKey(traditionalPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
    OPENSSL_cleanse(traditionalPem.data(), size_t(traditionalPem.size()));
    if (credentials.m_key.isNull())
        return failure(u"cannot use the TLS key in %1"_s.arg(keyFile));

    if (leaf.expiryDate() <= now)
        return failure(u"the TLS certificate in %1 expired on %2"_s.arg(certificateFile, utc(leaf.expiryDate())));
    if (leaf.effectiveDate() > now)
        return failure(u"the TLS certificate in %1 is not valid before %2"_s.arg(certificateFile, utc(leaf.effectiveDate())));
    return credentials;
}

QSslConfiguration TlsCredentials::serverConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(m_chain);
    configuration.setPrivateKey(m_key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients sign in with a password, not a certificate
    return configuration;
}

QString TlsCredentials::describe() const
{
    const QSslCertificate &leaf = certificate();
    const QStringList names = leaf.subjectInfo(QSslCertificate::CommonName);
    return u"certificate %1, SHA-256 %2, valid until %3"_s.arg(
            names.isEmpty() ? leaf.subjectDisplayName() : names.join(u", "_s),
            QString::fromLatin1(leaf.digest(QCryptographicHash::Sha256).toHex(':')), utc(leaf.expiryDate()));
}
