// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "tlstrust.h"

#include <QJsonObject>
#include <QNetworkRequest>
#include <QString>
#include <QUrl>

class TransportReply;
struct TransportRequest;

/** The client's side of one protocol request (docs/protocol.md): building it and reading its answer. */
namespace SyncHttp {

/** How long a request may take before it counts as unanswered. */
constexpr int requestTimeoutMs = 30'000;

/** One HTTP answer, reduced to what the sync steps need. */
struct Answer
{
    int status = 0; ///< 0: no HTTP answer (connection failed, timed out); -1: a 200 that is not a JSON object
    QJsonObject json;
    bool isJsonObject = false;
    QString networkError;
    std::optional<Error> tlsError; ///< the connection failed in its TLS handshake (TlsTrust::errorOf)
};

/**
 * A request with the protocol version, no redirects (they could carry the token away), HTTP/1.1,
 * verified by trust. Pass its reply to TlsTrust::watch() so that a TLS failure is told as one.
 */
QNetworkRequest request(const QUrl &url, const TlsTrust &trust, const QString &token = {});
/** A protocol request for a SyncTransport: the protocol version, the token, a JSON body for POST. */
TransportRequest transportRequest(const QByteArray &method, const QUrl &url, const QString &token,
                                  const QByteArray &body = {});
/** Reads a finished reply (timedOut: it was aborted for taking longer than timeoutMs). */
Answer read(TransportReply *reply, bool timedOut, int timeoutMs = requestTimeoutMs);
/** The error an unsuccessful answer stands for. */
Error errorOf(const Answer &answer);
Error malformed(const QString &what);

/** The server's address without a trailing slash, so paths append cleanly and comparisons hold. */
QUrl normalizedServer(const QUrl &server);
/** path below the server's address, keeping its path prefix (a server behind a reverse proxy). */
QUrl endpointOf(const QUrl &server, const QString &path);
/** A JSON object as a request body or socket message. */
QByteArray compact(const QJsonObject &object);

} // namespace SyncHttp
