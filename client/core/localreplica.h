// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "model/permissions.h"
#include "storage/replicastore.h"
#include "sync/hlc.h"
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

    /** What open() had to do about a damaged replica. */
    struct OpenReport
    {
        QString setAsidePath; ///< where the damaged file was moved; empty if it was fine
        int salvagedChanges = 0; ///< unsynced changes read from it and queued again
    };

    /**
     * Opens (or creates) the replica in folder. A damaged or unreadable
     * replica is moved aside (never deleted), a new one is started, and the
     * unsynced changes that can still be read from the old one are queued
     * again; the next sync fills the rest from the server.
     */
    static Result<std::unique_ptr<LocalReplica>> open(const QString &folder, OpenReport *report = nullptr);
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

    // Sync state
    [[nodiscard]] qint64 cursor();
    [[nodiscard]] QDateTime lastCompleteSync();
    Status setLastCompleteSync(const QDateTime &when);
    /** True until the first bootstrap from the server has completed. */
    [[nodiscard]] bool needsBootstrap();
    Status setBootstrapped(qint64 cursor);

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
    Status restore(const QString &entityId);
    /** Mine/Theirs: this device's (or account's) side or the other; Kept/Other: the current value or the one that lost. */
    enum class Keep { Mine, Theirs, Kept, Other };
    /** Settles a conflict: keep one side, or (keep unset) a new value. */
    Status resolve(const QString &conflictId, std::optional<Keep> keep, const QString &value = {});
    /** True if the account may set this field to value now, by the rules the server applies (to offer a control). */
    [[nodiscard]] bool maySet(const QString &entityId, const QString &field, const QString &value);

    // Outbox
    [[nodiscard]] int pendingCount();
    /** The oldest unconfirmed local changes, in the order they were made. */
    [[nodiscard]] QList<Change> outbox(int limit);
    /** Takes confirmed changes out of the outbox; rejected ones move to rejected(). */
    Status acknowledge(const QStringList &accepted, const QList<RejectedChange> &rejected);
    [[nodiscard]] QList<RejectedChange> rejected();

    // Incoming
    /** Applies a page of pulled changes and moves the cursor, in one transaction. */
    Status applyPulled(const QList<Change> &changes, qint64 nextCursor);
    Status importBootstrap(const QList<SnapshotEntity> &entities);

    /** Error codes of local edits: "not_found", "deleted", "forbidden", "invalid_value", "unknown_field", … */
    [[nodiscard]] static QString describe(const Error &error) { return error.message; }

private:
    LocalReplica(QString folder, std::unique_ptr<ReplicaStore> store, QString device);
    Status loadAccount();
    Status commitLocal(const QList<Change> &changes);
    /** The account's write rules; none before an account signed in (local work has no rules yet). */
    std::optional<Permissions> permissions();
    /** The changes that create an entity (appended to changes); its new id. Writes nothing. */
    Result<QString> newEntity(const QString &type, const QString &parentId, const Fields &fields,
                              QList<Change> &changes);
    Result<EntityRecord> liveRecord(const QString &entityId);
    QString state(const QString &key);
    Status writeState(const QString &key, const QString &value);
    static int salvageOutbox(const QString &damagedFile, LocalReplica &into);
    /** The key of this replica's token in the secret store: one per account folder and device. */
    [[nodiscard]] QString secretKey() const;

    QString m_folder;
    std::unique_ptr<ReplicaStore> m_store;
    HlcClock m_clock;
    LocalEditor m_editor;
    std::optional<AccountInfo> m_account;
    QString m_token;
};
