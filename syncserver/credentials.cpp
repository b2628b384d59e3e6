// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QStringList>

#include <openssl/evp.h>

using namespace Qt::Literals::StringLiterals;

namespace Credentials {

namespace {

QByteArray randomBytes(int count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + count));
    return bytes;
}

QByteArray derive(const QString &password, const QByteArray &salt, int iterations)
{
    // OpenSSL's PBKDF2 is several times faster than QPasswordDigestor: the
    // server can afford more iterations, and a login blocks the server less.
    const QByteArray utf8 = password.toUtf8();
    QByteArray key(32, Qt::Uninitialized);
    const int ok = PKCS5_PBKDF2_HMAC(utf8.constData(), int(utf8.size()),
                                     reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                                     iterations, EVP_sha256(), int(key.size()),
                                     reinterpret_cast<unsigned char *>(key.data()));
    return ok == 1 ? key : QByteArray();
}

} // namespace

QString hashPassword(const QString &password, int iterations)
{
    const QByteArray salt = randomBytes(16);
    return u"pbkdf2-sha256$%1$%2$%3"_s.arg(iterations)
            .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(derive(password, salt, iterations).toBase64()));
}

bool verifyPassword(const QString &password, const QString &stored)
{
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts[0] != u"pbkdf2-sha256"_s)
        return false;
    bool ok = false;
    const int iterations = parts[1].toInt(&ok);
    if (!ok || iterations < 1000 || iterations > 10'000'000)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts[2].toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts[3].toLatin1());
    const QByteArray derived = derive(password, salt, iterations);
    return !derived.isEmpty() && constantTimeEquals(derived, expected);
}

QString newToken()
{
    return u"wpt_"_s
            + QString::fromLatin1(randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace Credentials
