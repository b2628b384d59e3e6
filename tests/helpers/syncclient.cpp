// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncclient.h"

#include "sync/protocol.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray toBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/** Runs the event loop until done() is true or the time is up; true if done. */
template<typename Done>
bool spinUntil(Done done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace

QString HttpResponse::describe() const
{
    if (timedOut)
        return u"no answer (timed out)"_s;
    if (status == 0)
        return u"no HTTP answer: %1"_s.arg(errorString);
    return u"HTTP %1: %2"_s.arg(status).arg(QString::fromUtf8(body.left(400)));
}

QString PushResult::outcomeOf(const QString &changeId) const
{
    if (accepted.contains(changeId))
        return {};
    for (const Rejection &rejection : rejected) {
        if (rejection.id == changeId)
            return rejection.error;
    }
    return u"missing"_s;
}

QStringList PullResult::ids() const
{
    QStringList result;
    result.reserve(changes.size());
    for (const auto &[seq, change] : changes)
        result << change.id;
    return result;
}

QList<Change> PullResult::plainChanges() const
{
    QList<Change> result;
    result.reserve(changes.size());
    for (const auto &[seq, change] : changes)
        result << change;
    return result;
}

SyncClient::SyncClient(QUrl baseUrl) : m_network(std::make_unique<QNetworkAccessManager>()), m_baseUrl(std::move(baseUrl))
{
}

SyncClient::~SyncClient() = default;

QNetworkRequest SyncClient::buildRequest(const QString &pathAndQuery, const QByteArray &method, bool hasBody,
                                         const QList<QPair<QByteArray, QByteArray>> &headers, RequestFlags flags) const
{
    const QUrl url = m_baseUrl.resolved(QUrl(pathAndQuery));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Plain HTTP/1.1 as the protocol says; no connection reuse surprises after a server restart.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (hasBody || method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    if (!(flags & NoProtocol))
        request.setRawHeader(Protocol::versionHeader, QByteArray::number(Protocol::version));
    if (!(flags & NoToken) && !m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return request;
}

HttpResponse SyncClient::request(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                 const QList<QPair<QByteArray, QByteArray>> &headers, RequestFlags flags,
                                 int timeoutMs)
{
    const QNetworkRequest request = buildRequest(pathAndQuery, method, !body.isEmpty(), headers, flags);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    HttpResponse response;
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        response.timedOut = true;
        loop.quit();
    });
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    if (!reply->isFinished())
        reply->abort();
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.networkError = reply->error();
    response.errorString = reply->errorString();
    const QJsonDocument doc = QJsonDocument::fromJson(response.body);
    if (doc.isObject())
        response.json = doc.object();
    reply->deleteLater();
    return response;
}

HttpResponse SyncClient::login(const QString &user, const QString &password, const QString &device)
{
    const HttpResponse response = request("POST", u"/v1/login"_s,
                                          toBody({ { u"user"_s, user }, { u"password"_s, password }, { u"device"_s, device } }),
                                          {}, NoToken);
    if (response.status == 200) {
        m_token = response.json.value(u"token"_s).toString();
        m_account = response.json.value(u"account"_s).toObject();
        m_device = device;
    }
    return response;
}

PushResult SyncClient::push(const QList<Change> &changes)
{
    return pushResult(request("POST", u"/v1/push"_s, toBody({ { u"changes"_s, Protocol::toJson(changes) } })));
}

PushResult SyncClient::pushItems(const QJsonArray &items)
{
    return pushResult(request("POST", u"/v1/push"_s, toBody({ { u"changes"_s, items } })));
}

QNetworkReply *SyncClient::startPush(const QList<Change> &changes)
{
    const QNetworkRequest request = buildRequest(u"/v1/push"_s, "POST", true, {}, NoFlags);
    return m_network->post(request, toBody({ { u"changes"_s, Protocol::toJson(changes) } }));
}

PushResult SyncClient::pushResult(HttpResponse response)
{
    PushResult result;
    result.response = std::move(response);
    const QJsonObject &json = result.response.json;
    for (const QJsonValue &id : json.value(u"accepted"_s).toArray())
        result.accepted << id.toString();
    for (const QJsonValue &item : json.value(u"rejected"_s).toArray()) {
        const QJsonObject o = item.toObject();
        result.rejected << Rejection { o.value(u"id"_s).toString(), o.value(u"error"_s).toString(),
                                       o.value(u"message"_s).toString() };
    }
    if (json.contains(u"cursor"_s))
        result.cursor = json.value(u"cursor"_s).toInteger(-1);
    return result;
}

PullResult SyncClient::pull(qint64 after, int limit)
{
    PullResult result;
    QUrlQuery query;
    query.addQueryItem(u"after"_s, QString::number(after));
    if (limit > 0)
        query.addQueryItem(u"limit"_s, QString::number(limit));
    result.response = request("GET", u"/v1/pull?"_s + query.toString(QUrl::FullyEncoded));
    if (result.response.status != 200)
        return result;
    const QJsonObject &json = result.response.json;
    result.ok = json.value(u"changes"_s).isArray() && json.value(u"next"_s).isDouble();
    for (const QJsonValue &item : json.value(u"changes"_s).toArray()) {
        const QJsonObject o = item.toObject();
        auto change = Change::fromJson(o.value(u"change"_s).toObject());
        if (!change) {
            qWarning().noquote() << "pull returned a change that does not parse:" << change.errorMessage();
            result.ok = false;
            continue;
        }
        if (o.contains(u"seal"_s))
            result.seals.insert(change->id, o.value(u"seal"_s).toString());
        result.changes.append({ o.value(u"seq"_s).toInteger(-1), std::move(change).value() });
    }
    result.next = json.value(u"next"_s).toInteger(-1);
    result.more = json.value(u"more"_s).toBool();
    return result;
}

PullResult SyncClient::pullAll(qint64 after, int limit)
{
    PullResult all;
    all.next = after;
    all.ok = true;
    // A bound, so a server that always says "more" cannot hang the test.
    for (int page = 0; page < 10'000; ++page) {
        PullResult result = pull(all.next, limit);
        all.response = result.response;
        if (!result.ok) {
            all.ok = false;
            return all;
        }
        all.changes += result.changes;
        all.seals.insert(result.seals);
        all.next = result.next;
        all.more = result.more;
        if (!result.more)
            return all;
    }
    all.ok = false;
    return all;
}

BootstrapResult SyncClient::bootstrap(int limit, Protocol::MetaFormat metaFormat)
{
    BootstrapResult result;
    qint64 after = 0;
    for (int page = 0; page < 10'000; ++page) {
        result.response = request("GET", u"/v1/bootstrap?after=%1&limit=%2&meta=%3"_s.arg(after).arg(limit).arg(
                                                 int(metaFormat)));
        if (result.response.status != 200)
            return result;
        const QJsonObject &json = result.response.json;
        // Pull afterwards from the cursor of the first page (protocol.md, Bootstrap).
        if (page == 0)
            result.cursor = json.value(u"cursor"_s).toInteger(-1);
        for (const QJsonValue &item : json.value(u"entities"_s).toArray()) {
            auto entity = Protocol::snapshotEntityFromJson(item.toObject());
            if (!entity) {
                qWarning().noquote() << "bootstrap returned an entity that does not parse:" << entity.errorMessage();
                return result;
            }
            result.entities << std::move(entity).value();
        }
        if (!json.value(u"more"_s).toBool()) {
            result.ok = true;
            return result;
        }
        const qint64 next = json.value(u"next"_s).toInteger(-1);
        if (next <= after)
            return result; // would loop forever
        after = next;
    }
    return result;
}

HttpResponse SyncClient::healthz()
{
    return request("GET", u"/healthz"_s, {}, {}, NoToken | NoProtocol, 10'000);
}

LiveSocket::LiveSocket() = default;

LiveSocket::~LiveSocket()
{
    close();
}

bool LiveSocket::open(const QUrl &baseUrl, const QString &token, int timeoutMs)
{
    m_socket = std::make_unique<QWebSocket>();
    m_closed = false;
    QObject::connect(m_socket.get(), &QWebSocket::disconnected, m_socket.get(), [this] { m_closed = true; });
    QObject::connect(m_socket.get(), &QWebSocket::textMessageReceived, m_socket.get(), [this](const QString &text) {
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        if (o.value(u"type"_s).toString() == u"cursor"_s && o.value(u"cursor"_s).isDouble())
            m_cursors << o.value(u"cursor"_s).toInteger();
        else
            m_other << text;
    });
    QObject::connect(m_socket.get(), &QWebSocket::connected, m_socket.get(), [this, token] {
        const QJsonObject auth { { u"type"_s, u"auth"_s }, { u"token"_s, token }, { u"protocol"_s, Protocol::version } };
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(auth).toJson(QJsonDocument::Compact)));
    });
    QUrl url = baseUrl;
    url.setScheme(baseUrl.scheme() == u"https"_s ? u"wss"_s : u"ws"_s);
    url.setPath(u"/v1/ws"_s);
    QNetworkRequest request(url);
    request.setRawHeader(Protocol::versionHeader, QByteArray::number(Protocol::version));
    m_socket->open(request);
    return spinUntil([this] { return !m_cursors.isEmpty() || m_closed; }, timeoutMs) && !m_cursors.isEmpty();
}

bool LiveSocket::waitForCursor(qint64 atLeast, int timeoutMs)
{
    return spinUntil([&] { return !m_cursors.isEmpty() && m_cursors.last() >= atLeast; }, timeoutMs);
}

QString LiveSocket::errorString() const
{
    return m_socket ? m_socket->errorString() : u"not opened"_s;
}

bool LiveSocket::isConnected() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void LiveSocket::close()
{
    if (m_socket && m_socket->state() != QAbstractSocket::UnconnectedState) {
        m_socket->close();
        spinUntil([this] { return m_socket->state() == QAbstractSocket::UnconnectedState; }, 2000);
    }
    m_socket.reset();
}
