// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncservice.h"

#include "authorizer.h"
#include "common/logging.h"
#include "metrics.h"
#include "sync/protocol.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::Literals::StringLiterals;

namespace {

HttpResponse badRequest(const QString &message)
{
    return HttpResponse::error(400, u"bad_request"_s, message);
}

/** A page request: after=N (from 0) and limit=1..maxLimit; nullopt if either is malformed. */
std::optional<QPair<qint64, int>> pageRequest(const HttpRequest &request, int defaultLimit, int maxLimit)
{
    auto number = [&request](const QString &name, qint64 fallback) -> qint64 {
        if (!request.query.hasQueryItem(name))
            return fallback;
        bool ok = false;
        const qint64 value = request.query.queryItemValue(name).toLongLong(&ok);
        return ok ? value : -1;
    };
    const qint64 after = number(u"after"_s, 0);
    const qint64 limit = number(u"limit"_s, defaultLimit);
    if (after < 0 || limit < 1 || limit > maxLimit)
        return std::nullopt;
    return QPair { after, int(limit) };
}

int statusOf(const Error &error)
{
    if (error.code == u"unauthorized"_s || error.code == u"bad_credentials"_s)
        return 401;
    if (error.code == u"forbidden"_s)
        return 403;
    if (error.code == u"storage_error"_s)
        return 500;
    return 400;
}

/** Measures time spent in the store for /metrics. */
class StoreTimer
{
public:
    explicit StoreTimer(Metrics &metrics) : m_metrics(metrics) { m_timer.start(); }
    ~StoreTimer() { m_metrics.addStoreTime(double(m_timer.nsecsElapsed()) / 1e9); }

private:
    Metrics &m_metrics;
    QElapsedTimer m_timer;
};

} // namespace

SyncService::SyncService(ServerStore &store, Metrics &metrics, QObject *parent)
    : QObject(parent), m_store(store), m_metrics(metrics)
{
}

HttpResponse SyncService::handle(const HttpRequest &request)
{
    const HttpResponse response = route(request);
    m_metrics.countRequest(response.status);
    if (response.status >= 500)
        qCWarning(lcServer) << request.method << request.path << "failed:" << response.body;
    return response;
}

HttpResponse SyncService::route(const HttpRequest &request)
{
    if (request.path == u"/healthz"_s)
        return health();
    if (request.path == u"/metrics"_s)
        return { 200, "text/plain; version=0.0.4", m_metrics.render() };

    const QByteArray version = request.header(QByteArray(Protocol::versionHeader).toLower());
    if (version != QByteArray::number(Protocol::version))
        return HttpResponse::error(426, u"unsupported_protocol"_s,
                                   u"this server speaks protocol %1; please update Werkstattplan"_s.arg(Protocol::version),
                                   { { u"supported"_s, QJsonArray { Protocol::version } } });
    if (request.body.size() > Protocol::maxBodyBytes)
        return HttpResponse::error(413, u"payload_too_large"_s,
                                   u"a request body may have at most %1 bytes"_s.arg(Protocol::maxBodyBytes));

    struct Route
    {
        const char16_t *path;
        const char *method;
    };
    static const Route routes[] = { { u"/v1/login", "POST" }, { u"/v1/push", "POST" }, { u"/v1/pull", "GET" },
                                    { u"/v1/bootstrap", "GET" } };
    const auto known = std::find_if(std::begin(routes), std::end(routes),
                                    [&](const Route &r) { return request.path == QStringView(r.path); });
    if (known == std::end(routes))
        return HttpResponse::error(404, u"not_found"_s, u"no such endpoint"_s);
    if (request.method != known->method)
        return HttpResponse::error(405, u"method_not_allowed"_s, u"use %1"_s.arg(QLatin1String(known->method)));
    if (request.path == u"/v1/login"_s)
        return login(request);

    const auto account = authenticate(request);
    if (!account)
        return HttpResponse::error(statusOf(account.error()), account.errorCode(), account.errorMessage());
    if (request.path == u"/v1/push"_s)
        return push(request, account.value());
    if (request.path == u"/v1/pull"_s)
        return pull(request, account.value());
    return bootstrap(request, account.value());
}

Result<Account> SyncService::authenticate(const HttpRequest &request)
{
    const QByteArray header = request.header("authorization");
    if (!header.startsWith("Bearer "))
        return Error { u"unauthorized"_s, u"send Authorization: Bearer TOKEN (from /v1/login)"_s };
    StoreTimer timer(m_metrics);
    return m_store.accountForToken(QString::fromLatin1(header.mid(7).trimmed()));
}

HttpResponse SyncService::health()
{
    StoreTimer timer(m_metrics);
    QSqlQuery probe(m_store.replica().database());
    if (!probe.exec(u"SELECT 1"_s))
        return HttpResponse::json(503, { { u"status"_s, u"unavailable"_s } });
    probe.finish();
    const qint64 cursor = m_store.replica().lastSequence();
    m_metrics.setCursor(cursor);
    return HttpResponse::json(200, { { u"status"_s, u"ok"_s },
                                     { u"store"_s, m_store.isPostgres() ? u"postgresql"_s : u"sqlite"_s },
                                     { u"cursor"_s, cursor } });
}

HttpResponse SyncService::login(const HttpRequest &request)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return HttpResponse::error(400, u"malformed_json"_s, parseError.errorString());
    const QJsonObject body = doc.object();
    const QString user = body.value(u"user"_s).toString();
    const QString password = body.value(u"password"_s).toString();
    const QString device = body.value(u"device"_s).toString();
    if (user.isEmpty() || password.isEmpty() || !isChangeId(device) || device.size() > 64)
        return badRequest(u"login needs user, password and a device id (1 to 64 of A-Z a-z 0-9 - _ . :)"_s);

    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const QString userKey = u"user:"_s + user;
    const QString addressKey = u"address:"_s + request.remote.toString();
    const qint64 wait = qMax(m_throttle.waitSeconds(userKey, nowMs), m_throttle.waitSeconds(addressKey, nowMs));
    if (wait > 0)
        return HttpResponse::error(429, u"too_many_attempts"_s, u"too many failed logins; try again later"_s,
                                   { { u"retry_after_s"_s, wait } });

    StoreTimer timer(m_metrics);
    auto account = m_store.checkPassword(user, password);
    if (!account) {
        if (account.errorCode() == u"bad_credentials"_s) {
            m_throttle.recordFailure(userKey, nowMs);
            m_throttle.recordFailure(addressKey, nowMs);
            qCInfo(lcServer) << "failed login for" << user << "from" << request.remote.toString();
        }
        return HttpResponse::error(statusOf(account.error()), account.errorCode(), account.errorMessage());
    }
    m_throttle.recordSuccess(userKey);
    m_throttle.recordSuccess(addressKey);
    const auto token = m_store.issueToken(user, device);
    if (!token)
        return HttpResponse::error(500, token.errorCode(), token.errorMessage());
    const Account &a = account.value();
    return HttpResponse::json(200, { { u"token"_s, token.value() },
                                     { u"account"_s, QJsonObject { { u"user"_s, a.user },
                                                                   { u"role"_s, Account::roleName(a.role) },
                                                                   { u"municipality"_s, a.municipalityId },
                                                                   { u"plan"_s, a.planId } } } });
}

HttpResponse SyncService::push(const HttpRequest &request, const Account &account)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return HttpResponse::error(400, u"malformed_json"_s, parseError.errorString());
    const QJsonValue items = doc.object().value(u"changes"_s);
    if (!items.isArray())
        return badRequest(u"push needs {\"changes\": [...]}"_s);
    const QJsonArray array = items.toArray();
    if (array.size() > Protocol::maxPushChanges)
        return HttpResponse::error(413, u"payload_too_large"_s,
                                   u"push at most %1 changes at once"_s.arg(Protocol::maxPushChanges));

    QJsonArray accepted;
    QJsonArray rejected;
    auto reject = [&](const QString &id, const Error &error) {
        rejected.append(QJsonObject { { u"id"_s, id }, { u"error"_s, error.code }, { u"message"_s, error.message } });
        m_metrics.countRejected(error.code);
    };
    QList<Change> changes;
    for (const QJsonValue &item : array) {
        auto change = Change::fromJson(item.toObject());
        if (change)
            changes.append(std::move(change).value());
        else
            reject(item.toObject().value(u"id"_s).toString(), change.error());
    }

    StoreTimer timer(m_metrics);
    Authorizer authorizer(account, m_store.replica(), m_store.clock());
    const auto outcome = m_store.replica().applyBatch(
            changes, [&authorizer](const Change &change) { return authorizer.admit(change); });
    if (!outcome)
        return HttpResponse::error(500, outcome.errorCode(), u"the change log cannot be written; nothing was stored"_s);
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const auto &result = outcome->changes.at(i);
        if (result)
            accepted.append(changes[i].id);
        else
            reject(changes[i].id, result.error());
        if (result && result.value() == ApplyOutcome::Applied)
            m_store.clock().observe(changes[i].hlc);
    }
    m_metrics.countAccepted(accepted.size());
    const qint64 cursor = m_store.replica().lastSequence();
    if (outcome->applied > 0)
        Q_EMIT changesAccepted(cursor);
    return HttpResponse::json(200, { { u"accepted"_s, accepted }, { u"rejected"_s, rejected }, { u"cursor"_s, cursor } });
}

HttpResponse SyncService::pull(const HttpRequest &request, const Account &account)
{
    const auto range = pageRequest(request, Protocol::defaultPullLimit, Protocol::maxPullLimit);
    if (!range)
        return badRequest(u"pull takes after=CURSOR and limit=1..%1"_s.arg(Protocol::maxPullLimit));
    const auto [after, limit] = *range;
    StoreTimer timer(m_metrics);
    const auto page = m_store.replica().changesAfter(after, limit, account.readScope());
    if (!page)
        return HttpResponse::error(500, page.errorCode(), page.errorMessage());
    QJsonArray changes;
    for (const auto &[seq, change] : page->changes)
        changes.append(QJsonObject { { u"seq"_s, seq }, { u"change"_s, change.toJson() } });
    return HttpResponse::json(200, { { u"changes"_s, changes }, { u"next"_s, page->nextCursor }, { u"more"_s, page->more } });
}

HttpResponse SyncService::bootstrap(const HttpRequest &request, const Account &account)
{
    const auto range = pageRequest(request, Protocol::defaultBootstrapLimit, Protocol::maxBootstrapLimit);
    if (!range)
        return badRequest(u"bootstrap takes after=KEY and limit=1..%1"_s.arg(Protocol::maxBootstrapLimit));
    const auto [after, limit] = *range;
    StoreTimer timer(m_metrics);
    // Taken before the page is read: whatever the page misses comes with a pull from here.
    const qint64 cursor = m_store.replica().lastSequence();
    // Written as text while the store reads it: a page of QJsonObjects (or of Changes)
    // would cost more than reading the page from the store.
    // A client that reads the compact merge state says so; any other answer is in the stream format.
    const auto metaFormat = request.query.queryItemValue(u"meta"_s) == u"2"_s ? Protocol::MetaFormat::Compact
                                                                             : Protocol::MetaFormat::Stream;
    Protocol::BootstrapPageWriter writer(cursor, limit, metaFormat);
    const auto page = m_store.replica().snapshotPage(after, limit, account.readScope(),
                                                     Protocol::maxBootstrapChanges, &writer);
    if (!page)
        return HttpResponse::error(500, page.errorCode(), page.errorMessage());
    return { 200, "application/json", writer.finish() };
}
