// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "model/permissions.h"
#include "storage/replicastore.h"
#include "model/hlc.h"
#include "sync/localeditor.h"

#include <QDateTime>

#include <memory>
#include <optional>

/** The account a replica belongs to, as the server described it at login. */
struct AccountInfo
{
    QString serverUrl;
    QString user;
    QString role; ///< "editor" or "office"
    QString municipalityId;
    QString planId;

    [[nodiscard]] bool isOffice() const { return role == QStringLiteral("office"); }
};

/**
 * Where sign-in tokens are kept when not in account.json: the system's key
 * store. The desktop client installs one where the system has a key store;
 * without one (and in werkstattplan-cli) tokens stay in account.json,
 * readable by the user only.
 */
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    /** False if the key store cannot be used now (then the file is used). */
    virtual bool write(const QString &key, const QString &secret) = 0;
    virtual std::optional<QString> read(const QString &key) = 0;
    virtual void remove(const QString &key) = 0;
};

/** A local change the server refused, kept and shown until the user deals with it. */
struct RejectedChange
{
    Change change;
    QString code; ///< the protocol's error code, e.g. "forbidden"
    QString message;
    QDateTime at;
};

/**
 * One account's replica on this device: a folder holding the SQLite replica
 * (replica.sqlite) and the account with its token (account.json, readable by
 * the user only; the password is never stored).
 *
 * Local first: every edit writes the new value, its change and its outbox
 * entry in one durable transaction (synchronous=FULL) before it returns; the
 * network is never waited for. Edits the account may not make (another
 * municipality's plan, review status, …) are refused before anything is
 * written, by the same rules the server applies.
 */
class LocalReplica
{
public:
    static inline const QString replicaFile = QStringLiteral("replica.sqlite");
    static inline const QString accountFile = QStringLiteral("account.json");

    /** Beside the replica: what it held when last written (outbox, cursor, last local edit), to notice lost work. */
    static inline const QString checkFile = QStringLiteral("replica-check.json");

    /** What open() had to do about a damaged replica. */
    struct OpenReport
    {
        QString setAsidePath; ///< where the damaged file was moved; empty if it was fine
        int salvagedChanges = 0; ///< unsynced changes read from it and queued again
        /**
         * Empty if all was well; else "replica_corrupt", "replica_foreign" (not a replica, or another
         * program's file), "replica_empty" (a replica truncated to nothing), all three set aside;
         * "replica_missing" (the file is gone) or "replica_work_lost" (it lacks committed work).
         */
        QString problem;
        bool salvageComplete = true; ///< every row of the set-aside file's outbox and change log could be read
        QString lostWork; ///< English: what committed work is missing (replica_missing, replica_work_lost)
    };

    /**
     * Opens (or creates) the replica in folder. A damaged or unreadable
     * replica, or one that became empty, is moved aside (never deleted), a
     * new one is started, and the unsynced changes that can still be read
     * from the old one are queued again; the next sync fills the rest from
     * the server. The check file beside it (checkFile) tells committed work
     * the file no longer has (a deleted -wal). Each problem is reported and
     * kept as notice() until dismissed.
     */
    static Result<std::unique_ptr<LocalReplica>> open(const QString &folder, OpenReport *report = nullptr,
                                                      HlcClock::TimeSource wallClock = {});
    /** The key store for tokens of replicas opened from now on (null: account.json only). */
    static void setSecretStore(std::shared_ptr<SecretStore> store);
    /** The platform's application data folder for this user. */
    static QString defaultFolder();
    ~LocalReplica();
    Q_DISABLE_COPY_MOVE(LocalReplica)

    [[nodiscard]] ReplicaStore &store() { return *m_store; }
    [[nodiscard]] const QString &folder() const { return m_folder; }
    [[nodiscard]] QString device() const { return m_clock.device(); }
    /** Who local edits are by: the account's user, or a placeholder until an account signs in. */
    [[nodiscard]] QString author() const { return m_editor.author(); }

    // Account
    [[nodiscard]] std::optional<AccountInfo> account() const { return m_account; }
    [[nodiscard]] QString token() const { return m_token; }
    Status setAccount(const AccountInfo &account, const QString &token);
    Status clearToken();
    /**
     * The connection's CA file (TlsTrust): certificate authorities trusted besides the system's for
     * this account's server; empty: the system's only. Kept in account.json with the account.
     */
    [[nodiscard]] QString caFile() const { return m_caFile; }
    Status setCaFile(const QString &caFile);
    /** The account a replica folder belongs to, read without opening it; nullopt if none (or no replica). */
    [[nodiscard]] static std::optional<AccountInfo> accountIn(const QString &folder);

    // This device, as others see it (the "device" entity, id = device())
    /** The name people know this device by; empty until describeDevice() wrote one. */
    [[nodiscard]] QString deviceName();
    /** The computer's name: what a device is called until someone names it. */
    [[nodiscard]] static QString defaultDeviceName();
    /**
     * Writes this device's record: its name (empty: keep the one it has, else defaultDeviceName()) and
     * the account's municipality (none for the office). Writes nothing if both are as they are; the
     * change syncs like any edit, so every replica learns the name. SyncEngine::login() calls it.
     */
    Status describeDevice(const QString &name = {});

    /** Something the user must be told about their data (set by open() and SyncEngine); code empty if none. */
    struct Notice
    {
        QString code; ///< OpenReport::problem's codes, or "server_restored"
        QString message; ///< English, for logs and the CLI
        QDateTime at;
    };
    [[nodiscard]] Notice notice();
    /** Keeps a notice (code empty: clears it). */
    Status setNotice(const QString &code, const QString &message = {});
    /** Writes checkFile from the replica as it is now; call after each commit. */
    void writeCheck();

    // Sync state
    [[nodiscard]] qint64 cursor();
    /** What the server said stands at the cursor (its next_tag); sent back with it to tell a log that went back. */
    [[nodiscard]] QString cursorTag();
    /**
     * A pull's "mine": the server leaves out this device's changes up to it. Until a pull reached the
     * server's end since this replica was opened, the greatest own HLC the file held when opened: a
     * file put back from an older copy lacks later own changes, made (with smaller HLCs) before the
     * edits made since, and must get them back. After that, the greatest own HLC the log holds: every
     * own change on the server came from here since, so the log holds them all. Until then none if the
     * replica had no cursor when opened: its earlier own changes come by bootstrap.
     */
    [[nodiscard]] Hlc pullMine();
    /** A pull reached the server's end: every own change the server held is in the log now. */
    void ownChangesComplete() { m_ownChangesComplete = true; }
    [[nodiscard]] QDateTime lastCompleteSync();
    Status setLastCompleteSync(const QDateTime &when);
    /** The epoch of the server's log this replica last read (docs/protocol.md, "Restore"); empty if none yet. */
    [[nodiscard]] QString serverEpoch();
    Status setServerEpoch(const QString &epoch);
    /**
     * The server's log went back (restored from a backup): queues every change this device made
     * again (the server keeps the ones it still has once) and the sealed changes of other devices
     * that stood past cursor in its log, continues pulling from cursor, takes the new epoch and keeps
     * a "server_restored" notice, in one transaction. The changes queued anew.
     */
    Result<int> serverWentBack(const QString &epoch, qint64 cursor, const QString &message);
    /** True if the change was queued again by serverWentBack() and is not confirmed since. */
    [[nodiscard]] bool wasResent(const QString &changeId);
    /** Every change queued again is confirmed: wasResent() is false from now on. */
    Status endRestoreRecovery();
    /** True until the first bootstrap from the server has completed. */
    [[nodiscard]] bool needsBootstrap();
    Status setBootstrapped(qint64 cursor);
    /** Where an interrupted first sync goes on: its first page's cursor and the key of its last stored page. */
    struct BootstrapProgress
    {
        qint64 cursor = 0;
        qint64 after = 0;
    };
    [[nodiscard]] std::optional<BootstrapProgress> bootstrapProgress();

    // Histories a compact first sync left on the server (PartialHistory)
    /** Entities whose history must be fetched before these pulled changes are applied. */
    [[nodiscard]] Result<QStringList> entitiesToComplete(const QList<Change> &changes);
    /** Entities whose history must be fetched before the first pull. */
    [[nodiscard]] Result<QStringList> historiesDue();
    [[nodiscard]] bool hasPartialHistory(const QString &entityId);
    /** The whole history of an entity from the server, in place of the heads it was held with. */
    Status completeHistory(const QString &entityId, const QList<Change> &history);

    // Local edits
    using Fields = QList<QPair<QString, QString>>;
    /** Creates an entity under parentId (its parent field, or a comment's plan) and returns its id. */
    Result<QString> add(const QString &type, const QString &parentId, const Fields &fields);
    /** A new entity (id empty: type, parent and fields) or an edit of an existing one (id and fields). */
    struct EntityEdit
    {
        QString id;
        QString type;
        QString parentId;
        Fields fields;
    };
    /** Creates and edits entities in one local transaction, all or nothing; their ids in the same order. */
    Result<QStringList> applyEdits(const QList<EntityEdit> &edits);
    /**
     * Submits a plan for review: freezes its content as a new plan_version
     * and sets the plan's review status to submitted, in one transaction.
     * Returns the version's id.
     */
    Result<QString> submit(const QString &planId, const QString &label = {});
    Status set(const QString &entityId, const Fields &fields);
    Status remove(const QString &entityId);
    /**
     * Every edit until commitAll() in one transaction (each a savepoint in it: a refused edit undoes only
     * itself); rollBackAll() keeps none. Runs of many edits (werkstattplan-cli apply): one commit, one
     * wait for the disk, for all of them.
     */
    Status beginAll();
    Status commitAll();
    void rollBackAll();
    Status restore(const QString &entityId);
    /** Mine/Theirs: this device's (or account's) side or the other; Kept/Other: the current value or the one that lost. */
    enum class Keep { Mine, Theirs, Kept, Other };
    /** Settles a conflict: keep one side, or (keep unset) a new value. */
    Status resolve(const QString &conflictId, std::optional<Keep> keep, const QString &value = {});
    /**
     * The local check of changes made elsewhere, as one batch: per change Ok or the error the server would
     * give (by the rules it applies: Permissions and BatchWrites), each judged on the replica as the
     * changes before it leave it. Nothing is stored. Where the replica cannot read an entity the server
     * has, the server's verdict can be stricter.
     */
    [[nodiscard]] QList<Status> check(const QList<Change> &changes);
    /**
     * Entity ids whose text matches a full-text query, best first (ReplicaStore::search), without the
     * review threads of other municipalities' plans: what the account may read. Every client searches here.
     */
    [[nodiscard]] Result<QStringList> search(const QString &query, int limit = 100);
    /** True if the account may set this field to value now, by the rules the server applies (to offer a control). */
    [[nodiscard]] bool maySet(const QString &entityId, const QString &field, const QString &value);
    /**
     * What a form offers, by the rules the server applies (Permissions): whether a field can be edited
     * now, whether any field of the entity can, and the choices of an enum field that may be set. Before
     * an account signed in (local work) everything but the review workflow's fields is editable.
     */
    [[nodiscard]] bool mayEditField(const QString &entityId, const QString &field);
    /** Also true for a deleted entry the account may restore; forms check liveness themselves. */
    [[nodiscard]] bool mayEdit(const QString &entityId);
    [[nodiscard]] QStringList settableChoices(const QString &entityId, const QString &field);
    /**
     * The office reviews a plan: sets its review status and, with a note, writes it as a review
     * comment on the plan, in one transaction, so the municipality gets both at once. Asking for
     * changes needs a note ("note_required"): the municipality must learn what to change.
     */
    Status review(const QString &planId, const QString &status, const QString &note = {});

    // Outbox
    [[nodiscard]] int pendingCount();
    /** The oldest unconfirmed local changes, in the order they were made. */
    [[nodiscard]] QList<Change> outbox(int limit);
    /** The server's seals on those of these changes that other devices made (ReplicaStore::Seal). */
    [[nodiscard]] Result<QHash<QString, QString>> sealsOf(const QList<Change> &changes);
    /** Takes confirmed changes out of the outbox; rejected ones move to rejected(). */
    Status acknowledge(const QStringList &accepted, const QList<RejectedChange> &rejected);
    [[nodiscard]] QList<RejectedChange> rejected();

    // Incoming
    /** Applies a page of pulled changes, keeps their seals and moves the cursor (and its tag), in one transaction. */
    Status applyPulled(const QList<Change> &changes, qint64 nextCursor, const QString &nextTag = {},
                       const QList<ReplicaStore::Seal> &seals = {});
    /** Stores a bootstrap page and where the bootstrap stands, in one transaction. */
    Status importBootstrap(const QList<SnapshotEntity> &entities, const BootstrapProgress &progress);

private:
    /** wallClock: the time source of this device's stamps; empty: the wall clock (skewed as the environment says). */
    LocalReplica(QString folder, std::unique_ptr<ReplicaStore> store, QString device, HlcClock::TimeSource wallClock);
    Status loadAccount();
    Status commitLocal(const QList<Change> &changes);
    /** Ok, or "duplicate_field" if a field is named twice. */
    static Status eachFieldOnce(const Fields &fields);
    /** The admission of one local batch: the account's rules (once signed in) and the batch's (BatchWrites). */
    ReplicaStore::Admission admission();
    /** The account's write rules; none before an account signed in (local work has no rules yet). */
    std::optional<Permissions> permissions();
    /** The changes that create an entity (appended to changes); its new id. Writes nothing. */
    Result<QString> newEntity(const QString &type, const QString &parentId, const Fields &fields,
                              QList<Change> &changes, const QString &id = {});
    Result<EntityRecord> liveRecord(const QString &entityId);
    QString state(const QString &key);
    Status writeState(const QString &key, const QString &value);
    /** The key of this replica's token in the secret store: one per account folder and device. */
    [[nodiscard]] QString secretKey() const;

    QString m_folder;
    std::unique_ptr<ReplicaStore> m_store;
    HlcClock m_clock;
    Hlc m_ownHlcAtOpen; ///< see pullMine()
    bool m_ownChangesComplete = false;
    LocalEditor m_editor;
    std::optional<AccountInfo> m_account;
    QString m_token;
    QString m_caFile;
    bool m_inAll = false; ///< beginAll(): nothing is committed before commitAll()
};
