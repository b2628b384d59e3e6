// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncengine.h"

#include "common/logging.h"
#include "localreplica.h"
#include "sync/protocol.h"

#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>
#include <QWebSocket>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {
/** How the last sync ended: "online" or an error code (client_state). */
const QString lastOutcomeKey = QStringLiteral("last_outcome");


QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Error malformed(const QString &what)
{
    return { u"malformed_response"_s, u"the server sent a malformed answer: %1"_s.arg(what) };
}

/** The server's address without a trailing slash, so paths append cleanly and comparisons hold. */
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

} // namespace

SyncEngine::SyncEngine(LocalReplica &replica, QObject *parent)
    : QObject(parent), m_replica(replica), m_status(new SyncStatus(this)), m_network(new QNetworkAccessManager(this))
{
    m_requestTimer.setSingleShot(true);
    connect(&m_requestTimer, &QTimer::timeout, this, [this] {
        if (m_reply) {
            m_timedOut = true;
            m_reply->abort(); // finished() follows at once and reports server_unreachable
        }
    });
    m_syncTimer.setSingleShot(true);
    connect(&m_syncTimer, &QTimer::timeout, this, &SyncEngine::startCycle);
    m_socketTimer.setSingleShot(true);
    connect(&m_socketTimer, &QTimer::timeout, this, &SyncEngine::openSocket);

    refreshCounts();
    if (!m_replica.account())
        m_status->setState(SyncStatus::LocalOnly);
    else if (m_replica.token().isEmpty()) {
        m_status->setError(u"unauthorized"_s, u"signed out: sign in again to sync"_s);
        m_status->setState(SyncStatus::Error);
    } else {
        // Until this process has synced, show how the last sync ended (a command-line
        // `status` runs no sync); online only if nothing is pending since.
        const QString last = m_replica.store().clientState(lastOutcomeKey);
        if (last == u"online"_s && m_replica.pendingCount() == 0) {
            m_status->setState(SyncStatus::Online);
        } else if (!last.isEmpty() && last != u"online"_s && last != u"server_unreachable"_s) {
            m_status->setError(last, u"the last sync failed: %1"_s.arg(last));
            m_status->setState(SyncStatus::Error);
        } else {
            m_status->setState(SyncStatus::Offline);
        }
    }
}

SyncEngine::~SyncEngine()
{
    m_running = false;
    closeSocket();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

// Login

Status SyncEngine::login(const QUrl &server, const QString &user, const QString &password)
{
    if (!server.isValid() || server.host().isEmpty()
        || (server.scheme() != u"http"_s && server.scheme() != u"https"_s))
        return Error { u"invalid_url"_s, u"the server address must be an http or https URL"_s };
    const QUrl base = normalizedServer(server);
    const auto previous = m_replica.account();
    // A replica holds one account's data and outbox: another account would push them under the wrong name.
    if (previous && normalizedServer(QUrl(previous->serverUrl)) != base)
        return Error { u"account_mismatch"_s,
                       u"this replica belongs to %1; use another folder for %2"_s.arg(previous->serverUrl, base.toString()) };

    const QByteArray body =
            compact({ { u"user"_s, user }, { u"password"_s, password }, { u"device"_s, m_replica.device() } });
    QNetworkReply *reply = send("POST", endpointOf(base, u"/v1/login"_s), body, false);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    bool timedOut = false;
    QTimer::singleShot(requestTimeoutMs, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    if (!reply->isFinished())
        loop.exec();
    if (!reply->isFinished()) {
        reply->disconnect(&loop);
        reply->abort();
    }
    const Reply answer = readReply(reply, timedOut);
    reply->deleteLater();

    if (answer.status != 200) {
        Error error = errorOf(answer);
        if (error.code == u"too_many_attempts"_s && answer.json.value(u"retry_after_s"_s).isDouble())
            error.message = u"too many failed sign-ins; try again in %1 s"_s.arg(answer.json.value(u"retry_after_s"_s).toInteger());
        qCInfo(lcSync).noquote() << "login at" << base.toString() << "failed:" << error.code << error.message;
        return error;
    }
    const QString token = answer.json.value(u"token"_s).toString();
    const QJsonObject account = answer.json.value(u"account"_s).toObject();
    AccountInfo info;
    info.serverUrl = base.toString();
    info.user = account.value(u"user"_s).toString();
    info.role = account.value(u"role"_s).toString();
    info.municipalityId = account.value(u"municipality"_s).toString();
    info.planId = account.value(u"plan"_s).toString();
    if (token.isEmpty() || info.user.isEmpty() || info.role.isEmpty()) {
        const Error error = malformed(u"login answer without token or account"_s);
        qCWarning(lcSync).noquote() << error.message;
        return error;
    }
    if (previous && previous->user != info.user)
        return Error { u"account_mismatch"_s,
                       u"this replica belongs to %1; use another folder for %2"_s.arg(previous->user, info.user) };
    if (Status stored = m_replica.setAccount(info, token); !stored) {
        qCWarning(lcSync).noquote() << "cannot store the account:" << stored.errorMessage();
        return stored;
    }
    qCInfo(lcSync).noquote() << "signed in as" << info.user << "at" << info.serverUrl;

    m_fatal = false;
    m_status->clearError();
    if (m_status->state() == SyncStatus::LocalOnly || m_status->state() == SyncStatus::Error)
        m_status->setState(SyncStatus::Offline);
    if (m_running)
        scheduleSync(0);
    return Ok {};
}

// Blocking and background entry points

Result<SyncSummary> SyncEngine::syncOnce()
{
    auto waitWhileRunning = [this] {
        while (m_phase != Phase::Idle) {
            QEventLoop loop;
            connect(this, &SyncEngine::synced, &loop, &QEventLoop::quit);
            connect(this, &SyncEngine::failed, &loop, &QEventLoop::quit);
            loop.exec();
        }
    };
    // A background cycle may have started before its latest changes: run a fresh one after it.
    waitWhileRunning();
    startCycle();
    waitWhileRunning();
    Q_ASSERT(m_lastResult);
    return *m_lastResult;
}

void SyncEngine::start()
{
    m_running = true;
    m_fatal = false;
    m_retryMs = firstRetryMs;
    m_socketRetryMs = firstRetryMs;
    if (!m_replica.account()) {
        m_status->setState(SyncStatus::LocalOnly);
        return; // login() starts the first sync
    }
    scheduleSync(0);
}

void SyncEngine::stop()
{
    m_running = false;
    m_resyncWanted = false;
    m_syncTimer.stop();
    closeSocket();
}

void SyncEngine::notifyLocalChange()
{
    refreshCounts();
    if (m_running && !m_fatal)
        scheduleSync(debounceMs); // restarting the timer collapses a burst of edits into one push
}

void SyncEngine::scheduleSync(int delayMs)
{
    m_syncTimer.start(delayMs);
}

// The cycle

void SyncEngine::startCycle()
{
    if (m_phase != Phase::Idle) {
        m_resyncWanted = true;
        return;
    }
    m_syncTimer.stop();
    m_resyncWanted = false;
    if (!m_replica.account())
        return failCycle({ u"no_server"_s, u"no server configured: sign in first"_s });
    if (m_replica.token().isEmpty())
        return failCycle({ u"unauthorized"_s, u"signed out: sign in again to sync"_s });

    m_summary = {};
    m_batchLimit = pushBatchSize;
    m_phase = Phase::Pushing;
    m_status->setState(SyncStatus::Syncing);
    refreshCounts();
    pushNext();
}

void SyncEngine::pushNext()
{
    m_batch = m_replica.outbox(m_batchLimit);
    if (m_batch.isEmpty()) {
        if (m_replica.needsBootstrap()) {
            m_phase = Phase::Bootstrapping;
            bootstrapStart();
        } else {
            m_phase = Phase::Pulling;
            pullNext();
        }
        return;
    }
    QByteArray body = compact({ { u"changes"_s, Protocol::toJson(m_batch) } });
    // Long texts can make 500 changes larger than the server reads: send fewer.
    while (body.size() > Protocol::maxBodyBytes && m_batch.size() > 1) {
        m_batch.resize(m_batch.size() / 2);
        body = compact({ { u"changes"_s, Protocol::toJson(m_batch) } });
    }
    qCDebug(lcSync) << "pushing" << m_batch.size() << "changes";
    sendStep("POST", u"/v1/push"_s, body, &SyncEngine::onPushFinished);
}

void SyncEngine::onPushFinished(const Reply &reply)
{
    if (reply.status == 413 && m_batch.size() > 1) {
        m_batchLimit = qMax(1, int(m_batch.size() / 2));
        return pushNext();
    }
    if (reply.status != 200)
        return failCycle(errorOf(reply));

    const QJsonValue acceptedJson = reply.json.value(u"accepted"_s);
    const QJsonValue rejectedJson = reply.json.value(u"rejected"_s);
    if (!acceptedJson.isArray() || !rejectedJson.isArray())
        return failCycle(malformed(u"push answer without accepted/rejected"_s));
    QHash<QString, qsizetype> sent;
    for (qsizetype i = 0; i < m_batch.size(); ++i)
        sent.insert(m_batch[i].id, i);

    QStringList accepted;
    for (const QJsonValue &id : acceptedJson.toArray()) {
        if (!id.isString())
            return failCycle(malformed(u"accepted id is not a string"_s));
        if (sent.contains(id.toString()))
            accepted << id.toString();
    }
    QList<RejectedChange> rejected;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QJsonValue &item : rejectedJson.toArray()) {
        const QJsonObject o = item.toObject();
        const QString id = o.value(u"id"_s).toString();
        const QString code = o.value(u"error"_s).toString();
        if (id.isEmpty() || code.isEmpty())
            return failCycle(malformed(u"rejection without id or error"_s));
        const auto it = sent.constFind(id);
        if (it == sent.cend())
            continue;
        rejected << RejectedChange { m_batch[*it], code, o.value(u"message"_s).toString(), now };
        qCInfo(lcSync).noquote() << "server rejected change" << id << "of" << m_batch[*it].entityId << ":" << code
                                 << o.value(u"message"_s).toString();
    }
    // Without this the same batch would go out again and again.
    if (accepted.isEmpty() && rejected.isEmpty())
        return failCycle(malformed(u"the push answer confirms none of the changes sent"_s));

    if (Status done = m_replica.acknowledge(accepted, rejected); !done)
        return failCycle(done.error());
    m_summary.pushed += int(accepted.size());
    m_summary.rejected += int(rejected.size());
    m_batch.clear();
    refreshCounts();
    pushNext();
}

void SyncEngine::bootstrapStart()
{
    if (m_bootstrapCursor < 0)
        resetBootstrap(); // a fresh start: pages from the beginning
    bootstrapNext(m_bootstrapAfter); // otherwise on after the last page written
}

void SyncEngine::bootstrapNext(qint64 afterKey)
{
    QUrlQuery query;
    query.addQueryItem(u"after"_s, QString::number(afterKey));
    query.addQueryItem(u"limit"_s, QString::number(bootstrapPageSize));
    qCDebug(lcSync) << "bootstrap after key" << afterKey;
    sendStep("GET", u"/v1/bootstrap?"_s + query.toString(QUrl::FullyEncoded), {}, &SyncEngine::onBootstrapFinished);
}

void SyncEngine::onBootstrapFinished(const Reply &reply)
{
    if (reply.status != 200)
        return failCycle(errorOf(reply));
    const QJsonObject &json = reply.json;
    const bool firstPage = m_bootstrapCursor < 0;
    if (!json.value(u"entities"_s).isArray() || !json.value(u"next"_s).isDouble() || !json.value(u"more"_s).isBool()
        || (firstPage && !json.value(u"cursor"_s).isDouble()))
        return failCycle(malformed(u"bootstrap page without entities, next, more or cursor"_s));
    const qint64 next = json.value(u"next"_s).toInteger();
    const bool more = json.value(u"more"_s).toBool();
    if (more && next <= m_bootstrapAfter)
        return failCycle(malformed(u"bootstrap page does not advance"_s));

    // Parse the whole page before writing any of it: a bad entity must not leave half a page behind.
    QList<SnapshotEntity> entities;
    const QJsonArray items = json.value(u"entities"_s).toArray();
    entities.reserve(items.size());
    for (const QJsonValue &item : items) {
        auto entity = Protocol::snapshotEntityFromJson(item.toObject());
        if (!entity)
            return failCycle(malformed(u"bootstrap entity: %1"_s.arg(entity.errorMessage())));
        entities << std::move(entity).value();
    }
    // The server prepares the next page while this one is written: the request goes out first.
    // QNetworkAccessManager starts a request from a queued call, so the page is written from one
    // too, queued after it: by then the request is with the network thread.
    if (more)
        bootstrapNext(next);
    const qint64 cursor = firstPage ? json.value(u"cursor"_s).toInteger() : m_bootstrapCursor;
    QMetaObject::invokeMethod(
            this,
            [this, entities = std::move(entities), next, more, cursor] {
                writeBootstrapPage(entities, next, more, cursor);
            },
            Qt::QueuedConnection);
}

void SyncEngine::writeBootstrapPage(const QList<SnapshotEntity> &entities, qint64 next, bool more, qint64 cursor)
{
    if (m_phase != Phase::Bootstrapping)
        return; // the cycle ended meanwhile
    if (!entities.isEmpty()) {
        if (Status imported = m_replica.importBootstrap(entities); !imported) {
            abandonRequest();
            return failCycle(imported.error());
        }
    }
    m_bootstrapCursor = cursor;
    m_bootstrapAfter = next;
    m_bootstrapReceived += int(entities.size());
    m_summary.bootstrapped += int(entities.size());
    // The server does not say how many entities there are: assume one more full page while "more".
    m_status->setProgress(m_bootstrapReceived, m_bootstrapReceived + (more ? bootstrapPageSize : 0));

    if (more)
        return; // the next page is on its way
    // Pull from the first page's cursor: what changed while paging comes again and is a no-op.
    if (Status done = m_replica.setBootstrapped(m_bootstrapCursor); !done)
        return failCycle(done.error());
    qCInfo(lcSync) << "bootstrap complete:" << m_bootstrapReceived << "entities, cursor" << m_bootstrapCursor;
    resetBootstrap();
    m_phase = Phase::Pulling;
    pullNext();
}

void SyncEngine::pullNext()
{
    m_pullAfter = m_replica.cursor();
    QUrlQuery query;
    query.addQueryItem(u"after"_s, QString::number(m_pullAfter));
    query.addQueryItem(u"limit"_s, QString::number(pullPageSize));
    sendStep("GET", u"/v1/pull?"_s + query.toString(QUrl::FullyEncoded), {}, &SyncEngine::onPullFinished);
}

void SyncEngine::onPullFinished(const Reply &reply)
{
    if (reply.status != 200)
        return failCycle(errorOf(reply));
    const QJsonObject &json = reply.json;
    if (!json.value(u"changes"_s).isArray() || !json.value(u"next"_s).isDouble() || !json.value(u"more"_s).isBool())
        return failCycle(malformed(u"pull page without changes, next or more"_s));
    const qint64 next = json.value(u"next"_s).toInteger();
    const bool more = json.value(u"more"_s).toBool();
    if (next < m_pullAfter || (more && next == m_pullAfter))
        return failCycle(malformed(u"pull cursor %1 after %2"_s.arg(next).arg(m_pullAfter)));

    QList<Change> changes;
    const QJsonArray items = json.value(u"changes"_s).toArray();
    changes.reserve(items.size());
    for (const QJsonValue &item : items) {
        auto change = Change::fromJson(item.toObject().value(u"change"_s).toObject());
        if (!change)
            return failCycle(malformed(u"pulled change: %1"_s.arg(change.errorMessage())));
        changes << std::move(change).value();
    }
    if (!changes.isEmpty() || next != m_pullAfter) {
        if (Status applied = m_replica.applyPulled(changes, next); !applied)
            return failCycle(applied.error());
    }
    m_summary.pulled += int(changes.size());
    refreshCounts();
    qCDebug(lcSync) << "pulled" << changes.size() << "changes up to" << next;
    if (more)
        return pullNext();
    finishCycle();
}

void SyncEngine::finishCycle()
{
    m_phase = Phase::Idle;
    m_retryMs = firstRetryMs;
    m_fatal = false;
    m_unreachable = false;
    // "Complete" only if the server holds every local change; edits made meanwhile wait for the next cycle.
    if (m_replica.pendingCount() == 0) {
        if (Status stored = m_replica.setLastCompleteSync(QDateTime::currentDateTimeUtc()); !stored)
            return failCycle(stored.error());
    }
    m_summary.cursor = m_replica.cursor();
    m_status->clearError();
    m_status->setProgress(0, 0);
    refreshCounts();
    m_status->setState(SyncStatus::Online);
    Q_UNUSED(m_replica.store().setClientState(lastOutcomeKey, u"online"_s));
    qCDebug(lcSync) << "sync done: pushed" << m_summary.pushed << "rejected" << m_summary.rejected << "pulled"
                    << m_summary.pulled << "bootstrapped" << m_summary.bootstrapped << "cursor" << m_summary.cursor;

    m_lastResult = m_summary;
    ++m_cycles;
    const bool again = m_resyncWanted || m_replica.pendingCount() > 0;
    m_resyncWanted = false;
    if (m_running) {
        if (again)
            scheduleSync(debounceMs);
        if (!m_socket)
            openSocket();
    }
    Q_EMIT synced(m_summary);
}

void SyncEngine::failCycle(const Error &error)
{
    m_phase = Phase::Idle;
    m_batch.clear();
    m_resyncWanted = false;
    m_unreachable = error.code == u"server_unreachable"_s;
    m_fatal = isFatal(error.code);

    if (error.code == u"unauthorized"_s && !m_replica.token().isEmpty()) {
        // The server no longer knows the token: keep it no longer, the user signs in again.
        if (Status cleared = m_replica.clearToken(); !cleared)
            qCWarning(lcSync).noquote() << "cannot clear the refused token:" << cleared.errorMessage();
    }
    if (m_fatal)
        closeSocket();
    if (m_bootstrapCursor < 0)
        m_status->setProgress(0, 0); // otherwise keep it: the bootstrap continues from there

    refreshCounts();
    if (error.code == u"no_server"_s) {
        m_status->clearError();
        m_status->setState(SyncStatus::LocalOnly);
        qCDebug(lcSync) << "no server configured";
    } else {
        m_status->setError(error.code, error.message);
        m_status->setState(m_unreachable ? SyncStatus::Offline : SyncStatus::Error);
        Q_UNUSED(m_replica.store().setClientState(lastOutcomeKey, error.code));
        // Being offline is normal for a laptop: not worth a warning on every retry.
        if (m_unreachable)
            qCInfo(lcSync).noquote() << "sync failed:" << error.code << error.message;
        else
            qCWarning(lcSync).noquote() << "sync failed:" << error.code << error.message;
    }

    m_lastResult = error;
    ++m_cycles;
    if (m_running && !m_fatal) {
        qCDebug(lcSync) << "next attempt in" << m_retryMs << "ms";
        scheduleSync(m_retryMs);
        m_retryMs = qMin(m_retryMs * 2, maxRetryMs);
    }
    Q_EMIT failed(error);
}

bool SyncEngine::isFatal(const QString &code)
{
    // Retrying cannot help: the app must be updated, or the user must sign in (again).
    return code == u"unsupported_protocol"_s || code == u"unauthorized"_s || code == u"no_server"_s;
}

void SyncEngine::resetBootstrap()
{
    m_bootstrapCursor = -1;
    m_bootstrapAfter = 0;
    m_bootstrapReceived = 0;
}

void SyncEngine::refreshCounts()
{
    m_status->setPendingChanges(m_replica.pendingCount());
    m_status->setRejectedChanges(int(m_replica.rejected().size()));
    m_status->setOpenConflicts(int(m_replica.store().conflicts().size()));
    m_status->setCursor(m_replica.cursor());
    m_status->setLastCompleteSync(m_replica.lastCompleteSync());
}

// HTTP

QNetworkReply *SyncEngine::send(const QByteArray &method, const QUrl &url, const QByteArray &body, bool withToken)
{
    QNetworkRequest request(url);
    // A redirect could carry the token to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false); // the protocol is HTTP/1.1
    request.setRawHeader(Protocol::versionHeader, QByteArray::number(Protocol::version));
    if (withToken)
        request.setRawHeader("Authorization", "Bearer " + m_replica.token().toUtf8());
    if (method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        return m_network->post(request, body);
    }
    return m_network->get(request);
}

void SyncEngine::sendStep(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                          void (SyncEngine::*handler)(const Reply &))
{
    const auto account = m_replica.account();
    QUrl url = endpointOf(QUrl(account ? account->serverUrl : QString()), QString());
    const qsizetype question = pathAndQuery.indexOf(u'?');
    url.setPath(url.path() + pathAndQuery.left(question));
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1), QUrl::StrictMode);

    m_handler = handler;
    m_timedOut = false;
    QNetworkReply *reply = send(method, url, body, true);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onReplyFinished(reply); });
    m_requestTimer.start(requestTimeoutMs);
}

void SyncEngine::abandonRequest()
{
    m_requestTimer.stop();
    m_handler = nullptr;
    if (QNetworkReply *reply = std::exchange(m_reply, nullptr)) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void SyncEngine::onReplyFinished(QNetworkReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return; // abandoned
    m_requestTimer.stop();
    const Reply answer = readReply(reply, m_timedOut);
    m_reply = nullptr;
    const auto handler = std::exchange(m_handler, nullptr);
    if (handler)
        (this->*handler)(answer);
}

SyncEngine::Reply SyncEngine::readReply(QNetworkReply *reply, bool timedOut) const
{
    Reply answer;
    if (timedOut) {
        answer.networkError = u"no answer within %1 s"_s.arg(requestTimeoutMs / 1000);
        return answer;
    }
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (answer.status == 0)
        answer.networkError = reply->errorString();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &parseError);
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

Error SyncEngine::errorOf(const Reply &reply)
{
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

// Live socket

void SyncEngine::openSocket()
{
    const auto account = m_replica.account();
    if (!m_running || m_fatal || !account || m_replica.token().isEmpty())
        return;
    closeSocket();
    QUrl url = endpointOf(QUrl(account->serverUrl), u"/v1/ws"_s);
    url.setScheme(url.scheme() == u"https"_s ? u"wss"_s : u"ws"_s);
    QNetworkRequest request(url);
    request.setRawHeader(Protocol::versionHeader, QByteArray::number(Protocol::version));

    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    m_socketAuthed = false;
    connect(m_socket, &QWebSocket::connected, this, &SyncEngine::onSocketConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &SyncEngine::onSocketMessage);
    // A refused connection never reaches "connected", so disconnected() alone would miss it.
    connect(m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::UnconnectedState)
            onSocketDisconnected();
    });
    qCDebug(lcSync) << "opening live socket" << url;
    m_socket->open(request);
}

void SyncEngine::closeSocket()
{
    m_socketTimer.stop();
    m_socketAuthed = false;
    if (!m_socket)
        return;
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void SyncEngine::onSocketConnected()
{
    const QJsonObject auth { { u"type"_s, u"auth"_s }, { u"token"_s, m_replica.token() }, { u"protocol"_s, Protocol::version } };
    m_socket->sendTextMessage(QString::fromUtf8(compact(auth)));
}

void SyncEngine::onSocketDisconnected()
{
    if (!m_socket)
        return;
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    socket->deleteLater();
    const bool wasLive = std::exchange(m_socketAuthed, false);
    if (!m_running || m_fatal)
        return;
    // Losing a live socket usually means losing the server: a sync finds out, so the status says so now.
    if (wasLive)
        scheduleSync(0);
    qCDebug(lcSync) << "live socket closed; reconnecting in" << m_socketRetryMs << "ms";
    m_socketTimer.start(m_socketRetryMs);
    m_socketRetryMs = qMin(m_socketRetryMs * 2, maxRetryMs);
}

void SyncEngine::onSocketMessage(const QString &message)
{
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = object.value(u"type"_s).toString();
    if (type == u"cursor"_s && object.value(u"cursor"_s).isDouble()) {
        m_socketAuthed = true;
        m_socketRetryMs = firstRetryMs;
        const qint64 cursor = object.value(u"cursor"_s).toInteger();
        // Also after a failed cycle: the socket being back means the server is.
        if (cursor > m_replica.cursor() || m_unreachable || m_replica.pendingCount() > 0)
            scheduleSync(m_phase == Phase::Idle ? 0 : debounceMs);
        return;
    }
    if (type == u"error"_s) {
        // The server closes the socket next; a sync reports the reason (e.g. unauthorized) properly.
        qCDebug(lcSync) << "live socket refused:" << object.value(u"error"_s).toString();
        scheduleSync(0);
        return;
    }
    qCDebug(lcSync) << "ignoring live socket message of type" << type;
}
