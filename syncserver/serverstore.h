// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/replicastore.h"
#include "sync/hlc.h"

#include <memory>

enum class Role { Editor, Office };

/** A signed-in account as the server sees it. */
struct Account
{
    QString user;
    Role role = Role::Editor;
    QString municipalityId; ///< editors only
    QString planId; ///< the plan of that municipality, if there is one
    QString device; ///< the device the token was issued to

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

    [[nodiscard]] ReplicaStore &replica() { return *m_replica; }
    [[nodiscard]] HlcClock &clock() { return m_clock; }
    [[nodiscard]] bool isPostgres() const { return m_replica->isPostgres(); }
    [[nodiscard]] QString location() const { return m_location; }

    // Accounts
    Status addAccount(const QString &user, Role role, const QString &municipalityId, const QString &password);
    /** The account if the password is right; "bad_credentials" otherwise (also for unknown users). */
    Result<Account> checkPassword(const QString &user, const QString &password);
    Result<QString> issueToken(const QString &user, const QString &device);
    /** The account a bearer token belongs to; "unauthorized" if unknown or revoked. */
    Result<Account> accountForToken(const QString &token);
    Result<int> revokeTokens(const QString &user);
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
    /** A consistent copy of a running SQLite store into a new file. */
    Status backup(const QString &file);

    /** Author of the server's own changes. */
    static inline const QString adminAuthor = QStringLiteral("admin");

private:
    ServerStore(std::unique_ptr<ReplicaStore> replica, QString location);
    Status createTables();
    Status insertAccount(const QString &user, Role role, const QString &municipalityId, const QString &passwordHash);
    Result<Account> loadAccount(const QString &user);

    std::unique_ptr<ReplicaStore> m_replica;
    QString m_location;
    HlcClock m_clock;
};
