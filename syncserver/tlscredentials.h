// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

/**
 * The server's TLS certificate chain and private key, read from PEM files and
 * checked before they are used: both files readable and PEM, the key the
 * certificate's own, the certificate valid now. A failed check is one line
 * naming the file and what is wrong, so an operator sees it at start (and at
 * a reload on SIGHUP, which keeps the credentials it had).
 */
class TlsCredentials
{
public:
    /**
     * Reads the chain (the server's certificate first, then any intermediates) and an
     * unencrypted RSA or EC key. Error code "tls_credentials".
     */
    static Result<TlsCredentials> load(const QString &certificateFile, const QString &keyFile,
                                       const QDateTime &now = QDateTime::currentDateTimeUtc());

    /** What the server's sockets use: this chain and key, TLS 1.2 or newer, no client certificates. */
    [[nodiscard]] QSslConfiguration serverConfiguration() const;
    [[nodiscard]] const QSslCertificate &certificate() const { return m_chain.constFirst(); }
    /** For the log: subject, SHA-256 fingerprint and expiry. */
    [[nodiscard]] QString describe() const;

private:
    TlsCredentials() = default;

    QList<QSslCertificate> m_chain;
    QSslKey m_key;
};
