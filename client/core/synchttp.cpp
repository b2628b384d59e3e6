// SPDX-License-Identifier: GPL-3.0-or-later
#include "synchttp.h"

#include "sync/protocol.h"
#include "synctransport.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace SyncHttp {

QNetworkRequest request(const QUrl &url, const TlsTrust &trust, const QString &token)
{
    QNetworkRequest request(url);
    trust.apply(request);
    // A redirect could carry the token to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false); // the protocol is HTTP/1.1
    request.setRawHeader(Protocol::versionHeader, QByteArray::number(Protocol::version));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    return request;
}

namespace {

Answer noAnswerWithin(int timeoutMs)
{
    Answer answer;
    answer.networkError = timeoutMs % 1000 == 0 ? u"no answer within %1 s"_s.arg(timeoutMs / 1000)
                                                : u"no answer within %1 ms"_s.arg(timeoutMs);
    return answer;
}

Answer readAnswer(int status, const QString &errorString, std::optional<Error> tlsError, const QByteArray &body)
{
    Answer answer;
    answer.status = status;
    if (answer.status == 0) {
        answer.networkError = errorString;
        answer.tlsError = std::move(tlsError);
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    answer.isJsonObject = parseError.error == QJsonParseError::NoError && doc.isObject();
    if (answer.isJsonObject)
        answer.json = doc.object();
    // Every 200 of the protocol is a JSON object; anything else is an error, not an empty answer.
    if (answer.status == 200 && !answer.isJsonObject) {
        answer.status = -1;
        answer.networkError = u"the answer is not a JSON object"_s;
    }
    return answer;
}

} // namespace

TransportRequest transportRequest(const QByteArray &method, const QUrl &url, const QString &token,
                                  const QByteArray &body)
{
    TransportRequest request { method, url, {}, body };
    auto header = [&request](const QByteArray &name, const QByteArray &value) { request.headers.append({ name, value }); };
    header(Protocol::versionHeader, QByteArray::number(Protocol::version));
    if (!token.isEmpty())
        header("Authorization", "Bearer " + token.toUtf8());
    if (method == "POST")
        header("Content-Type", "application/json");
    return request;
}

Answer read(TransportReply *reply, bool timedOut, int timeoutMs)
{
    if (timedOut)
        return noAnswerWithin(timeoutMs);
    const int status = reply->status();
    return readAnswer(status, reply->errorString(), status == 0 ? reply->tlsError() : std::nullopt, reply->readAll());
}

Error errorOf(const Answer &reply)
{
    // Not "unreachable": a retry cannot help until the certificate or the trusted authorities change.
    if (reply.status == 0 && reply.tlsError)
        return *reply.tlsError;
    if (reply.status == 0)
        return { u"server_unreachable"_s, u"cannot reach the server: %1"_s.arg(reply.networkError) };
    if (reply.status == -1)
        return malformed(reply.networkError);
    const QString code = reply.json.value(u"error"_s).toString();
    const QString message = reply.json.value(u"message"_s).toString();
    if (reply.status == 426)
        return { u"unsupported_protocol"_s,
                 message.isEmpty() ? u"the server needs a newer version of Werkstattplan"_s : message };
    if (reply.status == 401)
        return { code.isEmpty() ? u"unauthorized"_s : code, message.isEmpty() ? u"the server refused the sign-in"_s : message };
    // A proxy answering for a server that is down.
    if (code.isEmpty() && (reply.status == 502 || reply.status == 503 || reply.status == 504))
        return { u"server_unreachable"_s, u"the server is not available (HTTP %1)"_s.arg(reply.status) };
    if (code.isEmpty())
        return { u"unexpected_response"_s, u"the server answered HTTP %1"_s.arg(reply.status) };
    return { code, message };
}

Error malformed(const QString &what)
{
    return { u"malformed_response"_s, u"the server sent a malformed answer: %1"_s.arg(what) };
}

QUrl normalizedServer(const QUrl &server)
{
    return server.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

QUrl endpointOf(const QUrl &server, const QString &path)
{
    QUrl url = normalizedServer(server);
    // Keep a path prefix (a server behind a reverse proxy at /werkstattplan).
    url.setPath(url.path() + path);
    return url;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace SyncHttp
