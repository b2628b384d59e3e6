// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncengine.h"

#include "common/gzip.h"
#include "common/logging.h"
#include "bootstrapfetcher.h"
#include "localreplica.h"
#include "synchttp.h"
#include "sync/messages.h"
#include "sync/protocol.h"

#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QUrlQuery>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {
/** How the last sync ended: "online" or an error code (client_state). */
const QString lastOutcomeKey = QStringLiteral("last_outcome");
/** "true" while the user chose to work offline (client_state). */
const QString offlineByChoiceKey = QStringLiteral("offline_by_choice");
/** The account (user|municipality) this device's record was last written for (client_state). */
const QString deviceDescribedKey = QStringLiteral("device_described");

} // namespace

using SyncHttp::compact;
using SyncHttp::endpointOf;
using SyncHttp::normalizedServer;

SyncEngine::SyncEngine(LocalReplica &replica, QObject *parent)
    : SyncEngine(replica, std::make_shared<NetworkTransport>(), SyncTiming {}, parent)
{
}

SyncEngine::SyncEngine(LocalReplica &replica, std::shared_ptr<SyncTransport> transport, SyncTiming timing,
                       QObject *parent)
    : QObject(parent),
      m_replica(replica),
      m_status(new SyncStatus(this)),
      m_transport(std::move(transport)),
      m_timing(std::move(timing)),
      m_retryMs(m_timing.firstRetryMs),
      m_socketRetryMs(m_timing.firstSocketRetryMs)
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
    m_status->setOfflineByChoice(m_replica.store().clientState(offlineByChoiceKey) == u"true"_s);
    showNotice();
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
    stopFetcher();
    m_running = false;
    closeSocket();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

// Login

Status SyncEngine::setCaFile(const QString &caFile)
{
    auto trust = TlsTrust::fromCaFile(caFile);
    if (!trust)
        return trust.error();
    if (Status stored = m_replica.setCaFile(trust->caFile()); !stored)
        return stored;
    m_trust = std::move(trust).value();
    // The live socket was verified against the old choice.
    if (m_socket) {
        closeSocket();
        m_socketTimer.start(0);
    }
    return Ok {};
}

QString SyncEngine::caFile() const
{
    return m_replica.caFile();
}

Status SyncEngine::loadTrust()
{
    if (m_trust && m_trust->caFile() == m_replica.caFile())
        return Ok {};
    auto trust = TlsTrust::fromCaFile(m_replica.caFile());
    if (!trust)
        return trust.error();
    m_trust = std::move(trust).value();
    return Ok {};
}

void SyncEngine::login(const QUrl &server, const QString &user, const QString &password)
{
    // Told from the event loop, also when refused at once: callers connect before or after calling alike.
    const auto finish = [this](const Status &result) {
        QTimer::singleShot(0, this, [this, result] { Q_EMIT loginFinished(result); });
    };
    if (!server.isValid() || server.host().isEmpty()
        || (server.scheme() != u"http"_s && server.scheme() != u"https"_s))
        return finish(Error { u"invalid_url"_s, u"the server address must be an http or https URL"_s });
    if (Status trusted = loadTrust(); !trusted)
        return finish(trusted);
    const QUrl base = normalizedServer(server);
    const auto previous = m_replica.account();
    // A replica holds one account's data and outbox: another account would push them under the wrong name.
    if (previous && normalizedServer(QUrl(previous->serverUrl)) != base)
        return finish(Error { u"account_mismatch"_s,
                       u"this replica belongs to %1; use another folder for %2"_s.arg(previous->serverUrl, base.toString()) });

    const QByteArray body =
            compact({ { u"user"_s, user }, { u"password"_s, password }, { u"device"_s, m_replica.device() } });
    TransportRequest request = SyncHttp::transportRequest("POST", endpointOf(base, u"/v1/login"_s), QString(), body);
    request.transferTimeoutMs = m_timing.requestTimeoutMs;
    TransportReply *reply = m_transport->send(request, *m_trust, this);
    connect(reply, &TransportReply::finished, this, [this, reply, base, previousUser = previous ? previous->user : QString()] {
        const Reply answer = SyncHttp::read(reply, reply->timedOut(), m_timing.requestTimeoutMs);
        reply->deleteLater();
        Q_EMIT loginFinished(acceptLogin(answer, base, previousUser));
    });
}

Status SyncEngine::acceptLogin(const Reply &answer, const QUrl &base, const QString &previousUser)
{
    if (answer.status != 200) {
        Error error = SyncHttp::errorOf(answer);
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
        const Error error = SyncHttp::malformed(u"login answer without token or account"_s);
        qCWarning(lcSync).noquote() << error.message;
        return error;
    }
    if (!previousUser.isEmpty() && previousUser != info.user)
        return Error { u"account_mismatch"_s,
                       u"this replica belongs to %1; use another folder for %2"_s.arg(previousUser, info.user) };
    if (Status stored = m_replica.setAccount(info, token); !stored) {
        qCWarning(lcSync).noquote() << "cannot store the account:" << stored.errorMessage();
        return stored;
    }
    qCInfo(lcSync).noquote() << "signed in as" << info.user << "at" << info.serverUrl;
    if (auto back = checkServerLog(Protocol::StoreIdentity::of(answer.json), false); !back)
        return back.error();

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
            connect(this, &SyncEngine::historyFetched, &loop, &QEventLoop::quit); // histories alone were fetched
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
    setPaused(false);
    m_running = true;
    m_fatal = false;
    m_retryMs = m_timing.firstRetryMs;
    m_socketRetryMs = m_timing.firstSocketRetryMs;
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

void SyncEngine::pause()
{
    stop();
    setPaused(true);
}

void SyncEngine::setPaused(bool paused)
{
    if (paused == m_status->isOfflineByChoice())
        return;
    if (Status stored = m_replica.store().setClientState(offlineByChoiceKey, paused ? u"true"_s : u"false"_s); !stored)
        qCWarning(lcSync).noquote() << "cannot store the choice to work offline:" << stored.errorMessage();
    m_status->setOfflineByChoice(paused);
}

void SyncEngine::notifyLocalChange()
{
    refreshCounts();
    if (m_running && !m_fatal)
        scheduleSync(m_timing.debounceMs); // restarting the timer collapses a burst of edits into one push
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
    if (Status trusted = loadTrust(); !trusted)
        return failCycle(trusted.error());

    m_summary = {};
    m_batchLimit = pushBatchSize;
    m_deferred.clear(); // tried again in every cycle
    m_phase = Phase::Pushing;
    m_status->setState(SyncStatus::Syncing);
    refreshCounts();
    pushNext();
}

void SyncEngine::bootstrapStart()
{
    if (m_bootstrapCursor < 0) {
        resetBootstrap(); // a fresh start: pages from the beginning, otherwise on after the last page written
        // Interrupted in an earlier run (the program ended, the laptop went off): on after its last stored page.
        if (const auto progress = m_replica.bootstrapProgress()) {
            m_bootstrapCursor = progress->cursor;
            m_bootstrapAfter = progress->after;
            qCInfo(lcSync) << "bootstrap resumes after key" << m_bootstrapAfter;
        }
    }
    const auto account = m_replica.account();
    auto *fetcher = new BootstrapFetcher(endpointOf(QUrl(account ? account->serverUrl : QString()), u"/v1/bootstrap"_s),
                                         m_transport->forAnotherThread(), *m_trust, m_replica.token(),
                                         m_timing.requestTimeoutMs);
    fetcher->setPages(m_timing.bootstrapPageSize, m_bootstrapAfter, m_bootstrapCursor);
    m_fetchThread = std::make_unique<QThread>();
    m_fetchThread->setObjectName(u"bootstrap"_s);
    fetcher->moveToThread(m_fetchThread.get());
    connect(m_fetchThread.get(), &QThread::started, fetcher, &BootstrapFetcher::start);
    connect(m_fetchThread.get(), &QThread::finished, fetcher, &QObject::deleteLater);
    connect(fetcher, &BootstrapFetcher::pageReady, this, &SyncEngine::writeBootstrapPage);
    connect(fetcher, &BootstrapFetcher::failed, this, &SyncEngine::failCycle); // which stops the fetcher
    m_fetcher = fetcher;
    m_fetchThread->start();
}

void SyncEngine::stopFetcher()
{
    if (!m_fetchThread)
        return;
    if (m_fetcher)
        m_fetcher->disconnect(this); // pages still queued for this thread are dropped with it
    m_fetcher = nullptr;
    m_fetchThread->quit();
    m_fetchThread->wait();
    m_fetchThread.reset();
}

void SyncEngine::writeBootstrapPage(const BootstrapPage &page)
{
    if (m_phase != Phase::Bootstrapping || !m_fetcher)
        return; // the cycle ended meanwhile
    if (m_bootstrapCursor < 0)
        m_bootstrapCursor = page.cursor;
    if (Status imported = m_replica.importBootstrap(page.entities, { m_bootstrapCursor, page.next }); !imported)
        return failCycle(imported.error());
    m_bootstrapAfter = page.next;
    m_bootstrapReceived += int(page.entities.size());
    m_summary.bootstrapped += int(page.entities.size());
    // The server does not say how many entities there are: assume one more full page while "more".
    m_status->setProgress(m_bootstrapReceived, m_bootstrapReceived + (page.more ? m_timing.bootstrapPageSize : 0));

    if (page.more) {
        QMetaObject::invokeMethod(m_fetcher, &BootstrapFetcher::pageWritten, Qt::QueuedConnection);
        return; // the next page comes from the fetcher
    }
    stopFetcher();
    // Pull from the first page's cursor: what changed while paging comes again and is a no-op.
    if (Status done = m_replica.setBootstrapped(m_bootstrapCursor); !done)
        return failCycle(done.error());
    qCInfo(lcSync) << "bootstrap complete:" << m_bootstrapReceived << "entities, cursor" << m_bootstrapCursor;
    resetBootstrap();
    m_phase = Phase::Pulling;
    // Entities the bootstrap met with edits made here take their whole history first.
    const auto due = m_replica.historiesDue();
    if (!due)
        return failCycle(due.error());
    if (!due->isEmpty())
        return completeHistories(due.value(), &SyncEngine::pullNext);
    pullNext();
}

void SyncEngine::pullNext()
{
    m_pullAfter = m_replica.cursor();
    QUrlQuery query;
    query.addQueryItem(u"after"_s, QString::number(m_pullAfter));
    if (const QString tag = m_replica.cursorTag(); !tag.isEmpty())
        query.addQueryItem(u"at"_s, tag);
    query.addQueryItem(u"limit"_s, QString::number(pullPageSize));
    query.addQueryItem(u"form"_s, u"table"_s); // rows against tables of devices and authors: fewer bytes
    // The server leaves out this device's changes up to here: the log holds them.
    if (const Hlc mine = m_replica.pullMine(); !mine.isNull())
        query.addQueryItem(u"mine"_s, mine.toString());
    sendStep("GET", u"/v1/pull?"_s + query.toString(QUrl::FullyEncoded), {}, &SyncEngine::onPullFinished);
}

void SyncEngine::onPullFinished(const Reply &reply)
{
    if (reply.status != 200)
        return failCycle(SyncHttp::errorOf(reply));
    auto page = Protocol::PullPage::fromJson(reply.json);
    if (!page)
        return failCycle(SyncHttp::malformed(page.errorMessage()));
    const qint64 next = page->next;
    const bool more = page->more;
    // A next below our cursor: the server never issued that cursor; its log went back.
    auto back = checkServerLog(page->identity, next < m_pullAfter && !more);
    if (!back)
        return failCycle(back.error());
    if (back.value()) {
        m_phase = Phase::Pushing; // what the server lacks goes out first, then pulling starts again
        refreshCounts();
        return pushNext();
    }
    if (next < m_pullAfter || (more && next == m_pullAfter))
        return failCycle(SyncHttp::malformed(u"pull cursor %1 after %2"_s.arg(next).arg(m_pullAfter)));

    HeldPull &held = m_heldPull;
    held = HeldPull { {}, {}, next, page->nextTag, more };
    held.changes.reserve(page->changes.size());
    for (Protocol::PulledChange &pulled : page.value().changes) {
        // Kept to hand the change back should the server lose it (a restore): short, or not kept.
        if (!pulled.seal.isEmpty() && pulled.seal.size() <= 64)
            held.seals << ReplicaStore::Seal { pulled.change.id, pulled.seq, pulled.seal };
        held.changes << std::move(pulled.change);
    }
    // A change that could need what a compact first sync left on the server waits for that history.
    const auto toComplete = m_replica.entitiesToComplete(held.changes);
    if (!toComplete)
        return failCycle(toComplete.error());
    if (!toComplete->isEmpty())
        return completeHistories(toComplete.value(), &SyncEngine::applyHeldPull);
    applyHeldPull();
}

void SyncEngine::applyHeldPull()
{
    const HeldPull held = std::exchange(m_heldPull, {});
    if (!held.changes.isEmpty() || held.next != m_pullAfter) {
        if (Status applied = m_replica.applyPulled(held.changes, held.next, held.nextTag, held.seals); !applied)
            return failCycle(applied.error());
    }
    m_summary.pulled += int(held.changes.size());
    refreshCounts();
    qCDebug(lcSync) << "pulled" << held.changes.size() << "changes up to" << held.next;
    if (held.more)
        return pullNext();
    m_replica.ownChangesComplete();
    finishCycle();
}

void SyncEngine::finishCycle()
{
    // After the first bootstrap, not before: a bootstrap into an empty change log is the fast one.
    if (describeDevice()) {
        m_phase = Phase::Pushing;
        refreshCounts();
        return pushNext(); // the device's record goes out in this cycle, so it ends with nothing pending
    }
    m_phase = Phase::Idle;
    m_retryMs = m_timing.firstRetryMs;
    m_fatal = false;
    m_unreachable = false;
    // "Complete" only if the server holds every local change; edits made meanwhile wait for the next cycle.
    if (m_replica.pendingCount() == 0) {
        if (Status stored = m_replica.setLastCompleteSync(now()); !stored)
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

    if (m_deferred.isEmpty()) {
        // Every change sent again after a restore is confirmed: refusals count as refusals again.
        if (Status ended = m_replica.endRestoreRecovery(); !ended)
            qCWarning(lcSync).noquote() << "cannot store the end of the recovery:" << ended.errorMessage();
    }
    m_lastResult = m_summary;
    // Changes refused for now after a restore wait for the next sync (another device's, announced
    // by the live socket, or a local edit): trying them again at once would only be refused again.
    const bool again = m_resyncWanted || m_replica.pendingCount() > int(m_deferred.size());
    m_resyncWanted = false;
    if (m_running) {
        if (again)
            scheduleSync(m_timing.debounceMs);
        if (!m_socket)
            openSocket();
    }
    Q_EMIT synced(m_summary);
    // Histories asked for while the cycle ran.
    if (!m_historyRequests.isEmpty())
        QMetaObject::invokeMethod(this, &SyncEngine::startHistoryRequests, Qt::QueuedConnection);
}

bool SyncEngine::describeDevice()
{
    // Once per account: a rename is the user's (Session), and a refused record is not written again and again.
    const auto account = m_replica.account();
    const QString key = account ? account->user + u'|' + account->municipalityId : QString();
    if (!account || m_replica.store().clientState(deviceDescribedKey) == key)
        return false;
    const int before = m_replica.pendingCount();
    if (Status described = m_replica.describeDevice(); !described)
        qCWarning(lcSync).noquote() << "cannot describe this device:" << described.errorMessage();
    Q_UNUSED(m_replica.store().setClientState(deviceDescribedKey, key));
    return m_replica.pendingCount() > before;
}

void SyncEngine::failCycle(const Error &error)
{
    if (m_phase == Phase::FetchingHistories) {
        // Only histories were asked for: their askers hear why; the sync itself is not retried for it.
        m_phase = Phase::Idle;
        m_historiesWanted.clear();
        m_afterHistories = nullptr;
        answerHistoryRequests(error);
        return resumeAfterHistories();
    }
    stopFetcher();
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
    if (m_running && !m_fatal) {
        qCDebug(lcSync) << "next attempt in" << m_retryMs << "ms";
        scheduleSync(m_retryMs);
        Q_EMIT retryScheduled(m_retryMs);
        m_retryMs = qMin(m_retryMs * 2, m_timing.maxRetryMs);
    }
    Q_EMIT failed(error);
    if (!m_historyRequests.isEmpty())
        answerHistoryRequests(error);
}

Result<bool> SyncEngine::checkServerLog(const Protocol::StoreIdentity &identity, bool cursorNeverIssued)
{
    const QString &epoch = identity.epoch;
    const QString known = m_replica.serverEpoch();
    if (!cursorNeverIssued) {
        if (epoch.isEmpty() || epoch == known)
            return false; // an older server says nothing; or the same log
        if (known.isEmpty()) {
            if (Status stored = m_replica.setServerEpoch(epoch); !stored)
                return stored.error();
            return false;
        }
    }
    // The log went back. Restored from a backup of the epoch we read: the log up to the backup's end
    // is the one we read, so pulling goes on from there; from anything else, from the start.
    const bool newEpoch = !epoch.isEmpty() && !known.isEmpty() && epoch != known;
    const qint64 cursor = newEpoch && identity.restoredFrom == known ? qMin(m_replica.cursor(), identity.restoredAt) : 0;
    const auto queued = m_replica.serverWentBack(
            epoch.isEmpty() ? known : epoch, cursor,
            u"the server was restored from a backup; this device sent its changes again"_s);
    if (!queued)
        return queued.error();
    qCWarning(lcSync).noquote() << "the server's log went back (epoch" << known << "->" << epoch << "): queued"
                                << queued.value() << "changes of this device again, pulling from" << cursor;
    showNotice();
    refreshCounts();
    return true;
}

void SyncEngine::showNotice()
{
    const LocalReplica::Notice notice = m_replica.notice();
    m_status->setNotice(notice.code, notice.message, notice.at);
}

void SyncEngine::dismissNotice()
{
    if (Status cleared = m_replica.setNotice({}); !cleared)
        qCWarning(lcSync).noquote() << "cannot clear the notice:" << cleared.errorMessage();
    showNotice();
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

namespace {

/**
 * The answer of a server that does not unpack request bodies: it names the encoding unsupported, or read
 * the packed bytes as JSON. Nothing of such a request was applied.
 */
bool refusesPackedBodies(const SyncHttp::Answer &answer)
{
    const QString error = answer.json.value(u"error"_s).toString();
    return answer.status == 415 || (answer.status == 400 && (error == u"malformed_json"_s || error == u"bad_encoding"_s));
}

} // namespace

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
    // A large push goes gzip, in about a third of its bytes; a server older than that refuses it once.
    const bool packed = !m_plainBodies && body.size() >= packBodiesFrom;
    m_step = { method, pathAndQuery, body, packed };
    TransportRequest request = SyncHttp::transportRequest(method, url, m_replica.token(),
                                                          packed ? Gzip::compress(body) : body);
    if (packed)
        request.headers.append(qMakePair(QByteArray("Content-Encoding"), QByteArray("gzip")));
    TransportReply *reply = m_transport->send(request, *m_trust, this);
    m_reply = reply;
    connect(reply, &TransportReply::finished, this, [this, reply] { onReplyFinished(reply); });
    m_requestTimer.start(m_timing.requestTimeoutMs);
}

void SyncEngine::onReplyFinished(TransportReply *reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return; // abandoned
    m_requestTimer.stop();
    const Reply answer = SyncHttp::read(reply, m_timedOut, m_timing.requestTimeoutMs);
    m_reply = nullptr;
    if (m_step.packed && refusesPackedBodies(answer)) {
        qCInfo(lcSync) << "the server takes no gzip request bodies; sending them plain";
        m_plainBodies = true;
        return sendStep(m_step.method, m_step.pathAndQuery, m_step.body, m_handler);
    }
    const auto handler = std::exchange(m_handler, nullptr);
    if (handler)
        (this->*handler)(answer);
}

QDateTime SyncEngine::now() const
{
    return m_timing.wallClock ? QDateTime::fromMSecsSinceEpoch(m_timing.wallClock(), Qt::UTC)
                              : QDateTime::currentDateTimeUtc();
}
