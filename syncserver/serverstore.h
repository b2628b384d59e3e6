// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "serverschema.h"
#include "storage/replicastore.h"
#include "storeidentity.h"
#include "model/hlc.h"

#include <memory>

class QSqlDatabase;
class QSqlDriver;

enum class Role { Editor, Office };

/** A signed-in account as the server sees it. */
struct Account
{
    QString user;
    Role role = Role::Editor;
    QString municipalityId; ///< editors only
    QString planId; ///< the plan of that municipality, if there is one
    QString device; ///< the device the token was issued to
    bool disabled = false; ///< disable-account: no login, no token
    QString lastLogin; ///< ISO 8601 UTC of the last successful login; empty if never

    [[nodiscard]] bool isOffice() const { return role == Role::Office; }
    [[nodiscard]] ReadScope readScope() const { return isOffice() ? ReadScope::all() : ReadScope { false, municipalityId }; }
    static QString roleName(Role role) { return role == Role::Office ? QStringLiteral("office") : QStringLiteral("editor"); }
};

/**
 * The server's store: the merged replica of all plans (ReplicaStore, with
 * read scopes) plus accounts and tokens, in one SQLite file or one
 * PostgreSQL database. Used by `serve` and by the admin commands alike.
 */
class ServerStore
{
public:
    /** location: a data folder (SQLite file inside) or a postgresql:// URL. */
    static Result<std::unique_ptr<ServerStore>> open(const QString &location);
    static QString sqliteFile(const QString &dataDir);
    Q_DISABLE_COPY_MOVE(ServerStore)

    /**
     * Version of the server's own tables (accounts, tokens, store identity), kept in store_identity
     * under "server_schema"; the replica's tables have theirs (ReplicaStore::schemaVersion). open()
     * migrates an older store and refuses a newer one ("store_too_new": downgrade refused).
     */
    static constexpr int schemaVersion = ServerSchema::version;

    [[nodiscard]] ReplicaStore &replica() { return *m_replica; }
    [[nodiscard]] HlcClock &clock() { return m_clock; }
    [[nodiscard]] bool isPostgres() const { return m_replica->isPostgres(); }
    [[nodiscard]] QString location() const { return m_location; }

    // Accounts
    Status addAccount(const QString &user, Role role, const QString &municipalityId, const QString &password);
    /** The account if the password is right; "bad_credentials" otherwise (also for unknown users). */
    Result<Account> checkPassword(const QString &user, const QString &password);
    /** The stored hash to check a password against off the main thread; empty for an unknown user. */
    Result<QString> passwordHash(const QString &user);
    /** The account of a user whose password was checked. */
    Result<Account> account(const QString &user) { return loadAccount(user); }
    /** A login: a new token for the device; the account's last login is now. */
    Result<QString> issueToken(const QString &user, const QString &device);
    /** The account a bearer token belongs to; "unauthorized" if unknown, revoked or the account is disabled. */
    Result<Account> accountForToken(const QString &token);
    /** Deletes the user's tokens and counts a revocation, so that serving processes close the user's sockets. */
    Result<int> revokeTokens(const QString &user);
    /** A new password; revokes the user's tokens (every device signs in again). Returns how many. */
    Result<int> setPassword(const QString &user, const QString &password);
    /** Disabling revokes the user's tokens and refuses logins until enabled again. Returns the tokens revoked. */
    Result<int> setDisabled(const QString &user, bool disabled);
    /**
     * Removes the account and its tokens; its changes stay in the log. The account is remembered as
     * retired (its name is given again only for the same municipality or the office), and devices
     * it wrote with that never named themselves get a record naming its municipality, so that every
     * history still shows its changes as the municipality's (or the office's). Returns the tokens revoked.
     */
    Result<int> deleteAccount(const QString &user);
    /** How many revocations there were: a serving process that sees it grow checks its open sockets' tokens. */
    Result<qint64> revocations();
    /** PostgreSQL: connects anew after the connection broke (docs/protocol.md, "Health"). */
    Status reconnect();
    /** Whether the database answers a trivial query now. */
    Status ping();
    /** PostgreSQL: tells every process that listens on the channel (delivered when the transaction commits). */
    Status announce(const QString &channel, const QString &payload);
    /** PostgreSQL: listens on a channel anew (after a reconnect too); false if the driver refuses. */
    bool listen(const QString &channel);
    /** Emits QSqlDriver::notification for the channels listened on; another object after reconnect(). */
    [[nodiscard]] QSqlDriver *notifications() const;
    /** Owner-only modes for the data folder (0700) and the SQLite files (0600), also for files made before. */
    static void protectFiles(const QString &dataDir);
    Result<QList<Account>> accounts();

    /** One line of an account import: an office account has no municipality. */
    struct AccountImport
    {
        QString user;
        QString password;
        QString municipality; ///< name; created (with its plan) if it does not exist
        QString state;
        QString cluster;
    };
    /** Adds many accounts at once (passwords hashed in parallel), all or none. */
    Status importAccounts(const QList<AccountImport> &accounts);

    // Administration: writes as the server's own device, not subject to account rules.
    Result<QString> municipalityByName(const QString &name);
    /** Creates a municipality and its (empty, shared) plan; returns (municipality id, plan id). */
    Result<QPair<QString, QString>> addMunicipality(const QString &name, const QString &state, const QString &cluster,
                                                    const QString &kind = QStringLiteral("community"));
    Status applyAsAdmin(const QList<Change> &changes);
    /**
     * A consistent copy of a running SQLite store into a new file. The copy is marked: put in
     * place of the store (a restore), its first open starts a new epoch (identity()).
     */
    Status backup(const QString &file);
    /**
     * Marks a store put back from a copy without the mark (a file copied by hand, a PostgreSQL dump)
     * as `backup` marks its copies: its next open starts a new epoch, restored from this one.
     */
    Status markRestored();

    /** Which log this is: clients compare the epoch to notice a restore (docs/protocol.md). */
    using Identity = StoreIdentity;
    [[nodiscard]] const Identity &identity() const { return m_identity; }

    /** PostgreSQL channel on which revoke-tokens names the user (Notifier listens). */
    static inline const QString revocationChannel = QStringLiteral("werkstattplan_revoked");

    /** Author of the server's own changes. */
    static inline const QString adminAuthor = QStringLiteral("admin");

private:
    ServerStore(std::unique_ptr<ReplicaStore> replica, QString location);
    /** The replica's connection, which the server's own tables share. */
    [[nodiscard]] QSqlDatabase database() const;
    /** Brings the server's own tables to schemaVersion, one numbered step at a time. */
    Status migrate();
    /** Deletes the user's tokens and counts a revocation, inside the caller's transaction. */
    Result<int> dropTokens(const QString &user);
    /** Device records (as admin) for the user's devices that never wrote their own. */
    Status describeDevicesOf(const Account &account);
    Status insertAccount(const QString &user, Role role, const QString &municipalityId, const QString &passwordHash);
    Result<Account> loadAccount(const QString &user);

    std::unique_ptr<ReplicaStore> m_replica;
    QString m_location;
    HlcClock m_clock;
    Identity m_identity;
};
