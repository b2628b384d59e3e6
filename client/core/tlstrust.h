// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QList>
#include <QSslConfiguration>
#include <QSslError>
#include <QString>
#include <QUrl>

#include <optional>

class QNetworkReply;
class QNetworkRequest;
class QWebSocket;

/**
 * Whom the client core trusts when it talks to a server, in one place: every
 * request (login, push, pull, bootstrap) and the live WebSocket take their
 * TLS configuration from here, and their TLS failures become errors here.
 *
 * A server's certificate is verified the way Qt does by default, against the
 * system's certificate authorities; a CA file (PEM, one or more certificates:
 * a municipal PKI) adds its authorities to those. Certificate errors are
 * never ignored: they end the request with "tls_untrusted", any other failed
 * handshake with "tls_failed", so that neither is taken for a server that is
 * merely offline.
 *
 * Also the rule which server addresses are insecure: plain http:// to
 * anything but this computer.
 */
class TlsTrust
{
public:
    /** The system's certificate authorities only. */
    TlsTrust();

    /**
     * The system's authorities plus every certificate in caFile; an empty caFile: the system's
     * only. Error codes "ca_file_unreadable", "ca_file_invalid" (no PEM certificate in it).
     */
    static Result<TlsTrust> fromCaFile(const QString &caFile);

    /** The CA file (absolute path), empty for the system's authorities only. */
    [[nodiscard]] QString caFile() const { return m_caFile; }
    [[nodiscard]] QSslConfiguration configuration() const { return m_configuration; }

    void apply(QNetworkRequest &request) const;
    void apply(QWebSocket &socket) const;

    /** Keeps the certificate errors a reply reports, so that errorOf() can name them. */
    static void watch(QNetworkReply *reply);
    /** The TLS failure of a finished reply ("tls_untrusted", "tls_failed"); nullopt if it was none. */
    [[nodiscard]] static std::optional<Error> errorOf(QNetworkReply *reply);
    /** The error for certificate errors (QWebSocket::sslErrors). */
    [[nodiscard]] static Error untrusted(const QList<QSslError> &errors);

    /**
     * True if signing in at server would send the password and token unencrypted over a network:
     * http:// to any host but this computer (localhost, 127.0.0.0/8, ::1).
     */
    [[nodiscard]] static bool isInsecure(const QUrl &server);
    [[nodiscard]] static bool isLoopback(const QString &host);

private:
    QString m_caFile;
    QSslConfiguration m_configuration;
};
