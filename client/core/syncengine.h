// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "model/change.h"
#include "storage/replicastore.h"
#include "synchttp.h"
#include "synctiming.h"
#include "synctransport.h"
#include "syncstatus.h"
#include "tlstrust.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

namespace Protocol {
struct StoreIdentity;
}

class BootstrapFetcher;
struct BootstrapPage;
class QThread;

class LocalReplica;
class QNetworkReply;

/** What one sync did. */
struct SyncSummary
{
    int pushed = 0; ///< local changes the server accepted
    int rejected = 0; ///< local changes the server refused (now in LocalReplica::rejected())
    int pulled = 0; ///< changes received by pull
    int bootstrapped = 0; ///< entities received by bootstrap
    qint64 cursor = 0; ///< the replica's cursor afterwards
};

/**
 * The client side of the sync protocol (docs/protocol.md) for one replica.
 *
 * A sync pushes the outbox, bootstraps a new replica, then pulls until the
 * server has nothing more. Every step commits to the replica before the next
 * answer is acted on, so an interruption at any point loses nothing and the
 * next sync resumes from what the replica holds. (The bootstrap asks for its
 * next page before writing the current one, so the server prepares it
 * meanwhile.) The steps run as a state machine over
 * network signals: background mode and login() never block; syncOnce() waits
 * in a local event loop.
 *
 * Error codes: "no_server" (no account), "server_unreachable" (connection
 * failed or a request took over 30 s; retried), "unsupported_protocol" (the
 * server needs a newer app; nothing was changed locally), "unauthorized"
 * (the token was refused and is cleared: sign in again), "storage_error",
 * "malformed_response", "tls_untrusted" (the server's certificate is not
 * trusted: the CA file or the server must change; shown as an error, never
 * as offline; retried), "tls_failed" (no TLS handshake, e.g. https:// to a
 * plain HTTP server), "tls_required" (http:// to an HTTPS server),
 * "ca_file_unreadable", "ca_file_invalid", and any other code the server
 * sends.
 *
 * Single-threaded: use it from the thread that owns the replica.
 */
class SyncEngine final : public QObject
{
    Q_OBJECT

public:
    static constexpr int requestTimeoutMs = SyncHttp::requestTimeoutMs;
    static constexpr int pushBatchSize = 500;
    static constexpr int bootstrapPageSize = SyncTiming::defaultBootstrapPageSize;
    static constexpr int pullPageSize = 1000;
    /** Request bodies from this size are sent gzip (Content-Encoding): below it the saving is a few bytes. */
    static constexpr qsizetype packBodiesFrom = 1024;
    static constexpr int debounceMs = SyncTiming::defaultDebounceMs;
    static constexpr int firstRetryMs = SyncTiming::defaultFirstRetryMs;
    static constexpr int maxRetryMs = SyncTiming::defaultMaxRetryMs;
    /** At most the changes of one submission (LocalReplica::submit), which a push never splits. */
    static constexpr int submissionChanges = 8;
    /** How many of the pending changes to push so that no submission is split (count: as many as fit). */
    [[nodiscard]] static qsizetype keepSubmissionsWhole(const QList<Change> &pending, qsizetype count);

    /** Over the network (NetworkTransport), with the default timing. */
    explicit SyncEngine(LocalReplica &replica, QObject *parent = nullptr);
    /** Over transport (sign-in, sync steps, bootstrap and the live socket), with timing. */
    SyncEngine(LocalReplica &replica, std::shared_ptr<SyncTransport> transport, SyncTiming timing,
               QObject *parent = nullptr);
    ~SyncEngine() override;
    Q_DISABLE_COPY_MOVE(SyncEngine)

    [[nodiscard]] SyncStatus *status() { return m_status; }

    /**
     * Trusts the certificate authorities in caFile besides the system's (TlsTrust) for every
     * request and the live socket, and keeps the choice with the replica's account; empty: the
     * system's only. Error codes "ca_file_unreadable", "ca_file_invalid" (nothing is changed).
     */
    Status setCaFile(const QString &caFile);
    [[nodiscard]] QString caFile() const;

    /**
     * Signs in (POST /v1/login with the replica's device id) and on success
     * stores the account and token in the replica. Returns at once;
     * loginFinished() tells how it went (after at most 30 s), also for a
     * sign-in refused before anything was sent. A replica belongs to one account: signing in as
     * another user or to another server is refused ("account_mismatch").
     * Error codes: "bad_credentials", "account_disabled" (the password was
     * right), "too_many_attempts", "server_unreachable", "unsupported_protocol", "invalid_url",
     * "account_mismatch", "malformed_response", "storage_error".
     */
    void login(const QUrl &server, const QString &user, const QString &password);

    /**
     * One complete sync, blocking (CLI and tests). If a background sync is
     * running, waits for it first, then runs a fresh one.
     */
    Result<SyncSummary> syncOnce();

    /**
     * Fetches the whole history of an entity a compact first sync brought
     * without it (LocalReplica::hasPartialHistory), after the sync that runs,
     * if one does; answers with historyFetched(). For the history view.
     */
    void fetchHistory(const QString &entityId);
    /** fetchHistory(), blocking (CLI and tests). */
    Status fetchHistoryOnce(const QString &entityId);

    /**
     * Background mode: syncs now, again after notifyLocalChange() (debounced)
     * and whenever the live socket announces a cursor above ours; retries
     * with exponential backoff while the server is unreachable. Stops
     * retrying on errors only the user can fix (update, sign in again) until
     * start() or a successful login().
     */
    void start();
    /** Leaves background mode: closes the live socket, schedules nothing more; a running sync is let finish. */
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }
    /**
     * The user chose to work offline: stop(), and the status says so
     * (SyncStatus::OfflineByChoice) until start(). Kept in the replica, so
     * `werkstattplan-cli status` on the same replica tells it too.
     * syncOnce() still syncs when asked (the command line's explicit `sync`).
     */
    void pause();
    [[nodiscard]] bool isPaused() const { return m_status->isOfflineByChoice(); }

    /** Call after every local edit: updates the status and schedules a push. */
    void notifyLocalChange();

    /** The user has read SyncStatus::noticeCode(): it is cleared (also in the replica). */
    void dismissNotice();

Q_SIGNALS:
    void synced(const SyncSummary &summary);
    void failed(const Error &error);
    /** The answer to login(): Ok, or why the sign-in failed. */
    void loginFinished(const Status &result);
    /** The answer to fetchHistory(): Ok once the entity's whole history is here, or why not. */
    void historyFetched(const QString &entityId, const Status &result);
    /** A failed sync is tried again in delayMs (the backoff). */
    void retryScheduled(int delayMs);
    /** The live socket closed or could not open; it is opened again in delayMs. */
    void socketRetryScheduled(int delayMs);

private:
    enum class Phase { Idle, Pushing, Bootstrapping, Pulling, FetchingHistories };

    using Reply = SyncHttp::Answer;

    // The cycle: each step sends one request; its answer calls the next step.
    void startCycle();
    void pushNext();
    void onPushFinished(const Reply &reply);
    /** Starts the fetcher thread, which reads the pages ahead of writeBootstrapPage(). */
    void bootstrapStart();
    /** Writes a page from the fetcher and goes on: to the next page, or to pulling. */
    void writeBootstrapPage(const BootstrapPage &page);
    /** Ends the fetcher thread; what it still had on its way is dropped. */
    void stopFetcher();
    void pullNext();
    void onPullFinished(const Reply &reply);
    /** Applies the pulled page held in m_heldPull and goes on. */
    void applyHeldPull();
    /** Fetches the whole histories of entities (GET /v1/history), completes them, then calls then. */
    void completeHistories(const QStringList &entityIds, void (SyncEngine::*then)());
    void historyNext();
    void onHistoryFinished(const Reply &reply);
    /** Fetches the histories fetchHistory() was asked for, if no cycle runs; then goes idle. */
    void startHistoryRequests();
    void finishHistoryRequests();
    /** Runs the sync that was asked for while only histories were fetched. */
    void resumeAfterHistories();
    /** Answers every history request with result. */
    void answerHistoryRequests(const Status &result);
    void finishCycle();
    /** Writes this device's record (name, municipality) once per account; true if that made a change to push. */
    bool describeDevice();
    void failCycle(const Error &error);
    /**
     * Compares the server's epoch in an answer with the one the replica last read; if the server's
     * log went back (a new epoch, or cursorNeverIssued), queues this device's changes again and sets
     * the cursor back (LocalReplica::serverWentBack). True if it did.
     */
    Result<bool> checkServerLog(const Protocol::StoreIdentity &identity, bool cursorNeverIssued);
    /** Shows the replica's notice in the status. */
    void showNotice();

    void sendStep(const QByteArray &method, const QString &path, const QByteArray &body,
                  void (SyncEngine::*handler)(const Reply &));
    void onReplyFinished(TransportReply *reply);
    [[nodiscard]] QDateTime now() const;
    [[nodiscard]] static bool isFatal(const QString &code);
    /** The trust of the replica's CA file, read again if the file's name changed. */
    Status loadTrust();
    /** Takes the server's answer to a login: stores the account, or the error (previousUser: the replica's, if any). */
    Status acceptLogin(const Reply &answer, const QUrl &base, const QString &previousUser);

    void scheduleSync(int delayMs);
    void setPaused(bool paused);
    void refreshCounts();
    void resetBootstrap();

    // The live socket.
    void openSocket();
    void closeSocket();
    void onSocketConnected();
    void onSocketDisconnected();
    void onSocketMessage(const QString &message);

    LocalReplica &m_replica;
    SyncStatus *m_status;
    std::shared_ptr<SyncTransport> m_transport;
    SyncTiming m_timing;
    TransportSocket *m_socket = nullptr;
    std::optional<TlsTrust> m_trust; ///< of the replica's CA file; read before the first request

    Phase m_phase = Phase::Idle;
    QPointer<TransportReply> m_reply;
    void (SyncEngine::*m_handler)(const Reply &) = nullptr;
    /** The request in flight, to send it again with its body plain should the server refuse it packed. */
    struct Step
    {
        QByteArray method;
        QString pathAndQuery;
        QByteArray body;
        bool packed = false;
    } m_step;
    bool m_plainBodies = false; ///< the server refused a gzip body: it is older than compressed uploads
    QTimer m_requestTimer;
    bool m_timedOut = false;
    SyncSummary m_summary;
    QList<Change> m_batch; ///< the push in flight
    QSet<QString> m_deferred; ///< changes sent again after a restore and refused for now, in this cycle
    int m_batchLimit = pushBatchSize; ///< lowered when a batch is too large for the server
    qint64 m_pullAfter = 0;
    /** A pulled page while the histories it needs are fetched. */
    struct HeldPull
    {
        QList<Change> changes;
        QList<ReplicaStore::Seal> seals;
        qint64 next = 0;
        QString nextTag;
        bool more = false;
    };
    HeldPull m_heldPull;
    QStringList m_historiesWanted; ///< entities whose history is still to fetch
    QStringList m_historiesAsked; ///< of those, the ones in the request in flight
    void (SyncEngine::*m_afterHistories)() = nullptr;
    QStringList m_historyRequests; ///< asked for by fetchHistory(), answered by historyFetched()
    std::optional<Result<SyncSummary>> m_lastResult;

    // A bootstrap interrupted by a network error continues from here (same process only).
    std::unique_ptr<QThread> m_fetchThread; ///< while a bootstrap runs
    QPointer<BootstrapFetcher> m_fetcher; ///< lives in m_fetchThread
    qint64 m_bootstrapCursor = -1; ///< cursor of the first page; -1 before it arrived
    qint64 m_bootstrapAfter = 0;
    int m_bootstrapReceived = 0;

    bool m_running = false;
    bool m_resyncWanted = false; ///< something arrived or changed while a cycle ran
    bool m_fatal = false; ///< the last error needs the user; no automatic retries
    bool m_unreachable = false; ///< the last cycle could not reach the server
    QTimer m_syncTimer; ///< debounce and retry
    int m_retryMs = firstRetryMs;
    QTimer m_socketTimer; ///< reconnects the live socket
    int m_socketRetryMs = firstRetryMs;
    bool m_socketAuthed = false;
};
