// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncservice.h"

#include "authorizer.h"
#include "common/gzip.h"
#include "common/logging.h"
#include "credentials.h"
#include "metrics.h"
#include "sync/messages.h"
#include "sync/protocol.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

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

/** True if the request's Accept-Encoding takes gzip (and not with q=0). */
bool acceptsGzip(const HttpRequest &request)
{
    const QList<QByteArray> codings = request.header("accept-encoding").split(',');
    return std::any_of(codings.cbegin(), codings.cend(), [](const QByteArray &coding) {
        const QList<QByteArray> parts = coding.split(';');
        if (parts.first().trimmed().toLower() != "gzip")
            return false;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts[i].trimmed().toLower();
            if (parameter.startsWith("q=") && parameter.mid(2).toDouble() <= 0)
                return false;
        }
        return true;
    });
}

/** A successful answer compressed for a client that takes gzip; any other answer as it is. */
HttpResponse encodedFor(const HttpRequest &request, HttpResponse response)
{
    if (response.status != 200 || !acceptsGzip(request))
        return response;
    response.body = Gzip::compress(response.body);
    response.contentEncoding = "gzip";
    return response;
}

/** The longest "mine" a pull takes: an HLC's text form with the longest device id. */
constexpr qsizetype maxMineLength = 128;

/** The store's epoch, in login, push and pull answers: a client that sees it change knows of a restore. */
Protocol::StoreIdentity wireIdentity(const ServerStore::Identity &identity)
{
    return { identity.epoch, identity.restoredFrom, identity.restoredAt };
}

} // namespace

SyncService::SyncService(ServerStore &store, Metrics &metrics, const ServerLimits &limits, QObject *parent)
    : QObject(parent), m_store(store), m_seal(store.identity().sealKey), m_metrics(metrics), m_limits(limits),
      m_bootstrapCache(limits.bootstrapCacheBytes)
{
    // Password hashing is slow on purpose: it runs here, never on the thread that serves everyone.
    m_loginPool.setMaxThreadCount(int(m_limits.loginWorkers));
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &SyncService::tryReconnect);
}

SyncService::~SyncService()
{
    m_loginPool.clear();
    m_loginPool.waitForDone();
}

void SyncService::handle(const HttpRequest &request, const HttpReply &reply)
{
    const QByteArray method = request.method;
    const QString path = request.path;
    QPointer<SyncService> self(this);
    auto answer = [self, method, path, reply](const HttpResponse &response) {
        if (self) {
            self->m_metrics.countRequest(response.status);
            if (response.status >= 500) {
                qCWarning(lcServerHttp) << method << path << "failed:" << response.body;
                if (response.body.contains("storage_error") || path == u"/healthz"_s)
                    self->storeFailed();
            }
        }
        reply(response);
    };
    if (auto response = route(request, answer))
        answer(*response);
}

void SyncService::storeFailed()
{
    if (!m_store.isPostgres() || m_reconnectTimer.isActive())
        return;
    // Doubling from a quarter second to half a minute: a database that is back is found soon,
    // one that stays away is not hammered.
    m_reconnectDelayMs = m_reconnectDelayMs == 0 ? 250 : qMin(m_reconnectDelayMs * 2, 30'000);
    m_reconnectTimer.start(m_reconnectDelayMs);
}

void SyncService::tryReconnect()
{
    if (Status reconnected = m_store.reconnect(); !reconnected) {
        qCWarning(lcServer).noquote() << "the database is still unreachable:" << reconnected.errorMessage();
        storeFailed();
        return;
    }
    if (!m_store.ping()) {
        storeFailed();
        return;
    }
    qCInfo(lcServer) << "connected to the database again";
    m_reconnectDelayMs = 0;
    Q_EMIT storeReconnected();
}

std::optional<HttpResponse> SyncService::unpackBody(HttpRequest &request) const
{
    const QByteArray encoding = request.header("content-encoding").trimmed().toLower();
    if (encoding.isEmpty() || encoding == "identity")
        return std::nullopt;
    if (encoding != "gzip")
        return HttpResponse::error(415, u"unsupported_encoding"_s, u"a request body may be sent as gzip or as it is"_s);
    // The body limit holds for what the body unpacks to: a small hostile body stops at the limit.
    auto unpacked = Gzip::decompress(request.body, m_limits.maxBodyBytes);
    if (!unpacked && unpacked.errorCode() == u"too_large"_s)
        return HttpResponse::error(413, u"payload_too_large"_s,
                                   u"a request body may unpack to at most %1 bytes"_s.arg(m_limits.maxBodyBytes));
    if (!unpacked)
        return HttpResponse::error(400, u"bad_encoding"_s, unpacked.errorMessage());
    request.body = std::move(unpacked).value();
    request.headers.remove("content-encoding");
    return std::nullopt;
}

std::optional<HttpResponse> SyncService::route(const HttpRequest &received, const HttpReply &reply)
{
    HttpRequest request = received;
    if (auto refused = unpackBody(request))
        return refused;
    if (request.path == u"/healthz"_s)
        return health();
    if (request.path == u"/metrics"_s)
        return HttpResponse { 200, "text/plain; version=0.0.4", m_metrics.render() };

    const QByteArray version = request.header(QByteArray(Protocol::versionHeader).toLower());
    if (version != QByteArray::number(Protocol::version))
        return HttpResponse::error(426, u"unsupported_protocol"_s,
                                   u"this server speaks protocol %1; please update Werkstattplan"_s.arg(Protocol::version),
                                   { { u"supported"_s, QJsonArray { Protocol::version } } });
    // The front end refuses larger bodies before reading them; this holds if it is ever replaced.
    if (request.body.size() > m_limits.maxBodyBytes)
        return HttpResponse::error(413, u"payload_too_large"_s,
                                   u"a request body may have at most %1 bytes"_s.arg(m_limits.maxBodyBytes));

    struct Route
    {
        const char16_t *path;
        const char *method;
    };
    static const Route routes[] = { { u"/v1/login", "POST" }, { u"/v1/push", "POST" }, { u"/v1/pull", "GET" },
                                    { u"/v1/bootstrap", "GET" }, { u"/v1/history", "GET" },
                                    { u"/v1/limits", "GET" } };
    const auto known = std::find_if(std::begin(routes), std::end(routes),
                                    [&](const Route &r) { return request.path == QStringView(r.path); });
    if (known == std::end(routes))
        return HttpResponse::error(404, u"not_found"_s, u"no such endpoint"_s);
    if (request.method != known->method)
        return HttpResponse::error(405, u"method_not_allowed"_s, u"use %1"_s.arg(QLatin1String(known->method)));
    if (request.path == u"/v1/login"_s)
        return login(request, reply);
    if (request.path == u"/v1/limits"_s)
        return HttpResponse::json(200, { { u"limits"_s, m_limits.toJson() },
                                         { u"password_iterations"_s, Credentials::passwordIterations } });

    const auto account = authenticate(request);
    if (!account)
        return HttpResponse::error(statusOf(account.error()), account.errorCode(), account.errorMessage());
    if (request.path == u"/v1/push"_s)
        return push(request, account.value());
    if (request.path == u"/v1/pull"_s)
        return pull(request, account.value());
    if (request.path == u"/v1/history"_s)
        return history(request, account.value());
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
    if (!m_store.ping())
        return HttpResponse::json(503, { { u"status"_s, u"unavailable"_s } });
    const qint64 cursor = m_store.replica().lastSequence();
    m_metrics.setCursor(cursor);
    return HttpResponse::json(200, { { u"status"_s, u"ok"_s },
                                     { u"store"_s, m_store.isPostgres() ? u"postgresql"_s : u"sqlite"_s },
                                     { u"cursor"_s, cursor } });
}

std::optional<HttpResponse> SyncService::login(const HttpRequest &request, const HttpReply &reply)
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

    // Three counts: this address (one guesser, any account), this account from this address, and
    // this account from everywhere (guessing spread over many addresses). The last one does not
    // hold back the addresses the account logged in from before: a stranger cannot lock the owner out.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const QString address = request.remote.toString();
    qint64 wait = qMax(m_throttle.waitSeconds(u"address:"_s + address, nowMs),
                       m_throttle.waitSeconds(u"pair:"_s + user + u'@' + address, nowMs));
    if (!m_knownAddresses.value(user).contains(address))
        wait = qMax(wait, m_throttle.waitSeconds(u"user:"_s + user, nowMs, LoginThrottle::accountFreeAttempts));
    if (wait > 0)
        return HttpResponse::error(429, u"too_many_attempts"_s, u"too many failed logins; try again later"_s,
                                   { { u"retry_after_s"_s, wait } });
    if (m_pendingLogins >= m_limits.maxPendingLogins)
        return HttpResponse::error(503, u"busy"_s, u"too many logins at once; try again shortly"_s,
                                   { { u"retry_after_s"_s, 1 } });

    QString stored;
    {
        StoreTimer timer(m_metrics);
        const auto hash = m_store.passwordHash(user);
        if (!hash)
            return HttpResponse::error(500, hash.errorCode(), hash.errorMessage());
        stored = hash.value();
    }
    ++m_pendingLogins;
    QtConcurrent::run(&m_loginPool, [password, stored] {
        // An unknown user costs the same as a wrong password, so timing does not tell which.
        static const QString decoy = Credentials::hashPassword(u"decoy password"_s);
        const bool ok = Credentials::verifyPassword(password, stored.isEmpty() ? decoy : stored);
        return ok && !stored.isEmpty();
    }).then(this, [this, user, device, address, reply](bool ok) {
        --m_pendingLogins;
        reply(finishLogin(user, device, address, ok));
    });
    return std::nullopt;
}

HttpResponse SyncService::finishLogin(const QString &user, const QString &device, const QString &address, bool passwordOk)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (!passwordOk) {
        m_throttle.recordFailure(u"address:"_s + address, nowMs);
        m_throttle.recordFailure(u"pair:"_s + user + u'@' + address, nowMs);
        m_throttle.recordFailure(u"user:"_s + user, nowMs);
        qCInfo(lcServerAuth) << "failed login for" << user << "from" << address;
        return HttpResponse::error(401, u"bad_credentials"_s, u"wrong user name or password"_s);
    }
    StoreTimer timer(m_metrics);
    auto account = m_store.account(user);
    if (!account)
        return HttpResponse::error(statusOf(account.error()), account.errorCode(), account.errorMessage());
    // Told only to whom the password is right: a guesser cannot tell a disabled account from a wrong
    // password, while its owner learns to ask the operator instead of trying again and again.
    if (account->disabled) {
        qCInfo(lcServerAuth) << "refused login for disabled account" << user << "from" << address;
        return HttpResponse::error(403, u"account_disabled"_s, u"this account is disabled; ask the server's operator"_s);
    }
    m_throttle.recordSuccess(u"pair:"_s + user + u'@' + address);
    QSet<QString> &known = m_knownAddresses[user];
    if (known.size() < 64) // bounded: an account is used from a handful of places
        known.insert(address);
    if (m_knownAddresses.size() > 100000)
        m_knownAddresses.clear();
    const auto token = m_store.issueToken(user, device);
    if (!token)
        return HttpResponse::error(500, token.errorCode(), token.errorMessage());
    const Account &a = account.value();
    QJsonObject answer { { u"token"_s, token.value() },
                         { u"account"_s, QJsonObject { { u"user"_s, a.user },
                                                       { u"role"_s, Account::roleName(a.role) },
                                                       { u"municipality"_s, a.municipalityId },
                                                       { u"plan"_s, a.planId } } } };
    wireIdentity(m_store.identity()).addTo(answer);
    return HttpResponse::json(200, answer);
}

HttpResponse SyncService::push(const HttpRequest &request, const Account &account)
{
    auto parsed = Protocol::PushRequest::fromBody(request.body, Protocol::maxPushChanges);
    if (!parsed)
        return HttpResponse::error(parsed.errorCode() == u"payload_too_large"_s ? 413 : 400, parsed.errorCode(),
                                   parsed.errorMessage());
    Protocol::PushAnswer answer;
    auto reject = [&](const QString &id, const Error &error) {
        answer.rejected.append({ id, error.code, error.message });
        m_metrics.countRejected(error.code);
    };
    for (const Protocol::Rejection &malformed : std::as_const(parsed->malformed))
        reject(malformed.id, { malformed.error, malformed.message });
    QList<Change> changes;
    QHash<QString, QString> seals; // change id → the seal it came back with (another device's, after a restore)
    changes.reserve(parsed->items.size());
    for (Protocol::PushItem &item : parsed.value().items) {
        if (!item.seal.isEmpty())
            seals.insert(item.change.id, item.seal.left(ChangeSeal::length + 1));
        changes.append(std::move(item.change));
    }

    StoreTimer timer(m_metrics);
    Authorizer authorizer(account, m_store.replica(), m_store.clock(), m_seal);
    const auto outcome = m_store.replica().applyBatch(changes, [&authorizer, &seals](const Change &change) {
        return authorizer.admit(change, seals.value(change.id));
    });
    if (!outcome)
        return HttpResponse::error(500, outcome.errorCode(), u"the change log cannot be written; nothing was stored"_s);
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const auto &result = outcome->changes.at(i);
        if (result)
            answer.accepted.append(changes[i].id);
        else
            reject(changes[i].id, result.error());
        if (result && result.value() == ApplyOutcome::Applied)
            m_store.clock().observe(changes[i].hlc);
    }
    m_metrics.countAccepted(answer.accepted.size());
    answer.cursor = m_store.replica().lastSequence();
    if (outcome->applied > 0)
        Q_EMIT changesAccepted(answer.cursor);
    answer.identity = wireIdentity(m_store.identity());
    return HttpResponse::json(200, answer.toJson());
}

HttpResponse SyncService::pull(const HttpRequest &request, const Account &account)
{
    const auto range = pageRequest(request, Protocol::defaultPullLimit, Protocol::maxPullLimit);
    if (!range)
        return badRequest(u"pull takes after=CURSOR and limit=1..%1"_s.arg(Protocol::maxPullLimit));
    const auto [after, limit] = *range;
    const QString tag = request.query.queryItemValue(u"at"_s);
    if (tag.size() > Protocol::maxCursorTagLength)
        return badRequest(u"at takes the next_tag of the page that gave the cursor"_s);
    // The greatest HLC of this device's own changes that the client's log holds: those are not sent back.
    std::optional<Hlc> mine;
    if (request.query.hasQueryItem(u"mine"_s)) {
        const QString text = request.query.queryItemValue(u"mine"_s, QUrl::FullyDecoded);
        const Hlc hlc = text.size() <= maxMineLength ? Hlc::fromString(text) : Hlc();
        if (hlc.isNull() || hlc.device != account.device)
            return badRequest(u"mine takes the greatest HLC of this device's changes in the client's log"_s);
        mine = hlc;
    }
    StoreTimer timer(m_metrics);
    // This log is not the one the client read (a restore that kept the epoch: a copy put back, PostgreSQL
    // from a dump) when the cursor is above every sequence number issued, or when another change than the
    // one the client saw stands at it (written since the restore). "next" below "after" tells it so.
    const qint64 last = m_store.replica().lastSequence();
    const bool otherLog = after > last
            || (after > 0 && !tag.isEmpty() && Protocol::cursorTag(m_store.replica().changeIdAt(after)) != tag);
    const auto page = otherLog ? Result<ChangePage>(ChangePage { {}, qMin(last, after - 1), false })
                               : m_store.replica().changesAfter(after, limit, account.readScope());
    if (!page)
        return HttpResponse::error(500, page.errorCode(), page.errorMessage());
    Protocol::PullPage answer { {}, page->nextCursor, page->more, {}, wireIdentity(m_store.identity()) };
    answer.changes.reserve(page->changes.size());
    for (const auto &[seq, change] : page->changes) {
        // Its own changes the client holds already; the page still covers them (next moves past them).
        if (mine && change.device == account.device && change.hlc <= *mine)
            continue;
        // The device's own changes need no seal: it sends them again on its own account.
        answer.changes.append({ seq, change, change.device != account.device ? m_seal.seal(change) : QString() });
    }
    if (page->nextCursor > 0 && !otherLog)
        answer.nextTag = Protocol::cursorTag(m_store.replica().changeIdAt(page->nextCursor));
    // A client that reads the table form says so (form=table); any other answer lists objects.
    const auto form = request.query.queryItemValue(u"form"_s) == u"table"_s ? Protocol::PullForm::Table
                                                                            : Protocol::PullForm::Objects;
    return encodedFor(request, HttpResponse::json(200, answer.toJson(form)));
}

std::optional<qint64> SyncService::oldestStateServing(const HttpRequest &request, qint64 lastSequence)
{
    // A later page of a bootstrap serves from any state at or after its first page's cursor:
    // the pull from that cursor brings what the page misses.
    if (request.query.hasQueryItem(u"since"_s)) {
        bool ok = false;
        const qint64 since = request.query.queryItemValue(u"since"_s).toLongLong(&ok);
        if (!ok || since < 0)
            return std::nullopt;
        return std::min(since, lastSequence); // a cursor from another log: only a fresh read
    }
    return lastSequence; // a first page, or a later one of a client that does not say its cursor
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
    // A compact first sync (history=none): records and heads, no history; any other answer carries histories.
    const auto history = request.query.queryItemValue(u"history"_s) == u"none"_s ? Protocol::HistoryForm::Omitted
                                                                                 : Protocol::HistoryForm::Full;
    const QByteArray encoding = acceptsGzip(request) ? QByteArray("gzip") : QByteArray();
    const auto oldest = oldestStateServing(request, cursor);
    if (!oldest)
        return badRequest(u"since takes the cursor of the bootstrap's first page"_s);
    // Everything the page's bytes depend on: replicas bootstrapping the same state share one build,
    // and so do municipalities that read the same plans (every plan shared, no review threads yet).
    const auto readSet = m_store.replica().readSet(account.readScope());
    if (!readSet)
        return HttpResponse::error(500, readSet.errorCode(), readSet.errorMessage());
    BootstrapCache::Key key { m_store.identity().epoch, cursor, readSet.value(), after, limit,
                              int(metaFormat), int(history), encoding };
    if (const QByteArray cached = m_bootstrapCache.find(key, *oldest); !cached.isNull()) {
        m_metrics.countBootstrapPage(true);
        return { 200, "application/json", cached, encoding };
    }
    Protocol::BootstrapPageWriter writer(cursor, limit, metaFormat, history);
    const auto page = m_store.replica().snapshotPage(after, limit, account.readScope(),
                                                     Protocol::maxBootstrapChanges, &writer,
                                                     history == Protocol::HistoryForm::Full);
    if (!page)
        return HttpResponse::error(500, page.errorCode(), page.errorMessage());
    const HttpResponse response = encodedFor(request, { 200, "application/json", writer.finish() });
    // Kept under what the page was read with: a plan shared or a review thread begun in between
    // names another set, and a page read with the old one serves no request that reads the new one.
    key.scope = page->readSet;
    m_bootstrapCache.insert(key, response.body);
    m_metrics.countBootstrapPage(false);
    m_metrics.setBootstrapCache(m_bootstrapCache.bytes(), m_bootstrapCache.pages());
    return response;
}

HttpResponse SyncService::history(const HttpRequest &request, const Account &account)
{
    const QStringList ids = request.query.queryItemValue(u"entities"_s).split(u',', Qt::SkipEmptyParts);
    const bool valid = !ids.isEmpty() && ids.size() <= Protocol::maxHistoryEntities
            && std::all_of(ids.cbegin(), ids.cend(), [](const QString &id) { return isChangeId(id); });
    if (!valid)
        return badRequest(u"history takes entities=ID,… (1..%1 entity ids)"_s.arg(Protocol::maxHistoryEntities));
    StoreTimer timer(m_metrics);
    // Entities the account may not read are left out, as from a bootstrap.
    const auto read = m_store.replica().histories(ids, account.readScope(), Protocol::maxBootstrapChanges);
    if (!read)
        return HttpResponse::error(500, read.errorCode(), read.errorMessage());
    Protocol::HistoryAnswer answer { read->histories, read->more };
    return encodedFor(request, HttpResponse::json(200, answer.toJson()));
}
