// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverstore.h"

#include "credentials.h"
#include "serverschema.h"
#include "serversql.h"
#include "model/ownership.h"
#include "storage/storeaccess.h"
#include "sync/localeditor.h"
#include "sync/replicastate.h"

#include "common/logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString revocationsKey = u"token_revocations"_s;

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

QString ServerStore::sqliteFile(const QString &dataDir)
{
    return QDir(dataDir).filePath(u"werkstattplan-server.sqlite"_s);
}

Result<std::unique_ptr<ServerStore>> ServerStore::open(const QString &location)
{
    const bool postgres = location.startsWith(u"postgres"_s);
    QString path = location;
    if (!postgres) {
        if (!QDir().mkpath(location))
            return Error { u"storage_error"_s, u"cannot create the data folder %1"_s.arg(location) };
        protectFiles(location);
        path = sqliteFile(location);
    }
    ReplicaStore::Options options;
    options.searchIndex = false;
    // One process serves every account: modest caches keep it small at 1,000 accounts.
    // A push touches one plan's part of the indexes, so pushes stay fast.
    options.cacheKiB = 16 * 1024;
    options.keptRecords = 1024;
    // Millions of changes with random ids: a push dirties one index page per change.
    options.pageSize = 4096;
    options.scopeOf = [](const EntityRecord &record, ReplicaStore &store) {
        return Ownership::readScope(record, [&store](const QString &id) { return store.currentRecord(id); });
    };
    auto replica = ReplicaStore::open(path, options);
    if (!replica && replica.errorCode() == u"replica_too_new"_s)
        return Error { u"store_too_new"_s, u"downgrade refused: "_s + replica.errorMessage()
                                                   + u"; run that version again, or restore a backup taken before the upgrade"_s };
    if (!replica)
        return replica.error();
    std::unique_ptr<ServerStore> store(new ServerStore(std::move(replica).value(), location));
    if (Status migrated = store->migrate(); !migrated)
        return migrated.error();
    auto identity = StoreIdentity::load(store->database(), store->replica());
    if (!identity)
        return identity.error();
    store->m_identity = std::move(identity).value();
    // Review threads have a scope of their own (Ownership::reviewScope): comments stored before keep their
    // plan's until re-scoped, and peers would still receive them.
    if (const auto rescoped = store->replica().rescope(u"comment"_s); !rescoped)
        return rescoped.error();
    if (!postgres)
        protectFiles(location); // the -wal and -shm files exist now
    return store;
}

void ServerStore::protectFiles(const QString &dataDir)
{
    // Password and token hashes and unshared plans: nobody but the server's user may read them.
    const auto ownerOnly = QFile::ReadOwner | QFile::WriteOwner;
    QFile::setPermissions(dataDir, ownerOnly | QFile::ExeOwner);
    const QString file = sqliteFile(dataDir);
    for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s }) {
        if (QFileInfo::exists(file + suffix))
            QFile::setPermissions(file + suffix, ownerOnly);
    }
}

Status ServerStore::reconnect()
{
    if (!isPostgres())
        return Ok {};
    return m_replica->reconnect();
}

ServerStore::ServerStore(std::unique_ptr<ReplicaStore> replica, QString location)
    : m_replica(std::move(replica)),
      m_location(std::move(location)),
      // Each server process gets its own device id, so its stamps never tie with another's.
      m_clock(u"server-"_s + LocalEditor::newId().left(8))
{
}

Status ServerStore::migrate()
{
    return ServerSchema::migrate(database(), isPostgres(), m_location);
}

namespace {

Status checkPasswordRule(const QString &user, const QString &password)
{
    if (password.size() < 8)
        return Error { u"bad_request"_s, u"the password of %1 is too short (at least 8 characters)"_s.arg(user) };
    return Ok {};
}

Status checkNewAccount(const QString &user, const QString &password)
{
    if (!isChangeId(user) || user.size() > 64)
        return Error { u"bad_request"_s, u"a user name has 1 to 64 of A-Z a-z 0-9 - _ . :"_s };
    // Authors the log already gives a meaning: the server's own changes, a laptop's work before sign-in.
    if (user == ServerStore::adminAuthor || user == u"local"_s)
        return Error { u"bad_request"_s, u"the user name %1 is reserved; choose another"_s.arg(user) };
    return checkPasswordRule(user, password);
}

Error noAccount(const QString &user)
{
    return { u"not_found"_s, u"no account %1"_s.arg(user) };
}

} // namespace

Status ServerStore::insertAccount(const QString &user, Role role, const QString &municipalityId,
                                  const QString &passwordHash)
{
    // The log keeps a deleted account's changes under its name: that name may stand for one
    // municipality (or the office) only, or history would credit its changes to another.
    QSqlQuery retired(database());
    retired.prepare(u"SELECT role, municipality FROM retired_accounts WHERE username = ?"_s);
    retired.addBindValue(user);
    if (!retired.exec())
        return ServerSql::error(retired);
    if (retired.next()) {
        const bool office = retired.value(0).toString() == Account::roleName(Role::Office);
        const QString municipality = retired.value(1).toString();
        if (office != (role == Role::Office) || (!office && municipality != municipalityId)) {
            const auto record = office ? std::nullopt : m_replica->record(municipality);
            const QString owner = office ? u"the project office"_s
                                         : (record && !record->value(u"name"_s).isEmpty() ? record->value(u"name"_s) : municipality);
            return Error { u"exists"_s, u"%1 was the name of a deleted account of %2, and its changes keep that name: "
                                        "it is given again only to an account of %2"_s.arg(user, owner) };
        }
    }
    retired.finish();
    QSqlQuery query(database());
    query.prepare(u"INSERT INTO accounts (username, role, municipality, password_hash, created_at) "
                  "VALUES (?, ?, ?, ?, ?)"_s);
    query.addBindValue(user);
    query.addBindValue(Account::roleName(role));
    query.addBindValue(municipalityId.isNull() ? u""_s : municipalityId); // a null QString would bind as NULL
    query.addBindValue(passwordHash);
    query.addBindValue(now());
    if (!query.exec()) {
        query.finish();
        if (loadAccount(user))
            return Error { u"exists"_s, u"the account %1 exists already"_s.arg(user) };
        return ServerSql::error(query);
    }
    return Ok {};
}

Status ServerStore::addAccount(const QString &user, Role role, const QString &municipalityId, const QString &password)
{
    if (Status valid = checkNewAccount(user, password); !valid)
        return valid;
    return insertAccount(user, role, municipalityId, Credentials::hashPassword(password));
}

Status ServerStore::importAccounts(const QList<AccountImport> &accounts)
{
    for (const AccountImport &account : accounts) {
        if (Status valid = checkNewAccount(account.user, account.password); !valid)
            return valid;
    }
    // Hashing is the slow part and needs no database: use every core.
    const QStringList hashes = QtConcurrent::blockingMapped<QStringList>(
            accounts, [](const AccountImport &account) { return Credentials::hashPassword(account.password); });
    QHash<QString, QString> municipalityIds;
    for (const AccountImport &account : accounts) {
        if (account.municipality.isEmpty() || municipalityIds.contains(account.municipality))
            continue;
        if (auto found = municipalityByName(account.municipality)) {
            municipalityIds.insert(account.municipality, found.value());
            continue;
        }
        auto added = addMunicipality(account.municipality, account.state, account.cluster);
        if (!added)
            return added.error();
        municipalityIds.insert(account.municipality, added->first);
    }
    QSqlDatabase db = database();
    if (!db.transaction())
        return Error { u"storage_error"_s, db.lastError().text() };
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const AccountImport &account = accounts[i];
        const Role role = account.municipality.isEmpty() ? Role::Office : Role::Editor;
        if (Status inserted = insertAccount(account.user, role, municipalityIds.value(account.municipality), hashes[i]);
            !inserted) {
            db.rollback();
            return inserted;
        }
    }
    if (!db.commit())
        return Error { u"storage_error"_s, db.lastError().text() };
    return Ok {};
}

Result<Account> ServerStore::loadAccount(const QString &user)
{
    QSqlQuery query(database());
    query.prepare(u"SELECT a.role, a.municipality, (SELECT p.id FROM plans p WHERE p.municipality = a.municipality "
                  "AND p._state = 'live' ORDER BY p.id LIMIT 1), a.disabled_at, a.last_login "
                  "FROM accounts a WHERE a.username = ?"_s);
    query.addBindValue(user);
    if (!query.exec())
        return ServerSql::error(query);
    if (!query.next())
        return noAccount(user);
    Account account;
    account.user = user;
    account.role = query.value(0).toString() == u"office"_s ? Role::Office : Role::Editor;
    account.municipalityId = query.value(1).toString();
    account.planId = query.value(2).toString();
    account.disabled = !query.value(3).isNull();
    account.lastLogin = query.value(4).toString();
    return account;
}

Result<QString> ServerStore::passwordHash(const QString &user)
{
    QSqlQuery query(database());
    query.prepare(u"SELECT password_hash FROM accounts WHERE username = ?"_s);
    query.addBindValue(user);
    if (!query.exec())
        return ServerSql::error(query);
    return query.next() ? query.value(0).toString() : QString();
}

Result<Account> ServerStore::checkPassword(const QString &user, const QString &password)
{
    QSqlQuery query(database());
    query.prepare(u"SELECT password_hash FROM accounts WHERE username = ?"_s);
    query.addBindValue(user);
    if (!query.exec())
        return ServerSql::error(query);
    // An unknown user costs the same as a wrong password, so timing does not tell which.
    static const QString decoy = Credentials::hashPassword(u"decoy password"_s);
    const QString stored = query.next() ? query.value(0).toString() : QString();
    const bool ok = Credentials::verifyPassword(password, stored.isEmpty() ? decoy : stored);
    if (!ok || stored.isEmpty())
        return Error { u"bad_credentials"_s, u"wrong user name or password"_s };
    auto account = loadAccount(user);
    if (account && account->disabled)
        return Error { u"account_disabled"_s, u"this account is disabled"_s };
    return account;
}

Result<QString> ServerStore::issueToken(const QString &user, const QString &device)
{
    const QString token = Credentials::newToken();
    QSqlDatabase db = database();
    if (!db.transaction())
        return Error { u"storage_error"_s, db.lastError().text() };
    const QString time = now();
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO tokens (token_hash, username, device, created_at) VALUES (?, ?, ?, ?)"_s);
    query.addBindValue(Credentials::tokenHash(token));
    query.addBindValue(user);
    query.addBindValue(device);
    query.addBindValue(time);
    bool ok = query.exec();
    if (ok) {
        query.prepare(u"UPDATE accounts SET last_login = ? WHERE username = ?"_s);
        query.addBindValue(time);
        query.addBindValue(user);
        ok = query.exec();
    }
    if (!ok || !db.commit()) {
        const Error error = ok ? Error { u"storage_error"_s, db.lastError().text() } : ServerSql::error(query);
        db.rollback();
        return error;
    }
    return token;
}

Result<Account> ServerStore::accountForToken(const QString &token)
{
    const Error unauthorized { u"unauthorized"_s, u"unknown or revoked token"_s };
    if (!token.startsWith(u"wpt_"_s) || token.size() > 100)
        return unauthorized;
    // Looked up by hash: the token itself is never compared or stored.
    QSqlQuery query(database());
    query.prepare(u"SELECT username, device FROM tokens WHERE token_hash = ?"_s);
    query.addBindValue(Credentials::tokenHash(token));
    if (!query.exec())
        return ServerSql::error(query);
    if (!query.next())
        return unauthorized;
    const QString user = query.value(0).toString();
    const QString device = query.value(1).toString();
    query.finish();
    auto account = loadAccount(user);
    // A disabled account's tokens were revoked; one issued by a login that raced the disabling goes too.
    if (!account || account->disabled)
        return unauthorized;
    account.value().device = device;
    return account;
}

Result<int> ServerStore::dropTokens(const QString &user)
{
    QSqlQuery query(database());
    query.prepare(u"DELETE FROM tokens WHERE username = ?"_s);
    query.addBindValue(user);
    if (!query.exec())
        return ServerSql::error(query);
    const int revoked = query.numRowsAffected();
    // Serving processes poll this count (and hear the notification on PostgreSQL) and close the sockets.
    QSqlQuery count(database());
    count.prepare(u"INSERT INTO store_identity (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET "
                  "value = CAST(CAST(store_identity.value AS BIGINT) + 1 AS TEXT)"_s);
    count.addBindValue(revocationsKey);
    if (!count.exec())
        return ServerSql::error(count);
    if (isPostgres()) {
        // Delivered when the caller's transaction commits.
        Q_UNUSED(announce(revocationChannel, user));
    }
    return revoked;
}

Result<int> ServerStore::revokeTokens(const QString &user)
{
    if (!loadAccount(user))
        return noAccount(user);
    return ServerSql::inTransaction<int>(database(), [&] { return dropTokens(user); });
}

Result<int> ServerStore::setPassword(const QString &user, const QString &password)
{
    if (!loadAccount(user))
        return noAccount(user);
    if (Status valid = checkPasswordRule(user, password); !valid)
        return valid.error();
    const QString hash = Credentials::hashPassword(password); // slow: before the transaction
    return ServerSql::inTransaction<int>(database(), [&]() -> Result<int> {
        QSqlQuery query(database());
        query.prepare(u"UPDATE accounts SET password_hash = ? WHERE username = ?"_s);
        query.addBindValue(hash);
        query.addBindValue(user);
        if (!query.exec())
            return ServerSql::error(query);
        if (query.numRowsAffected() != 1)
            return noAccount(user); // deleted meanwhile
        return dropTokens(user);
    });
}

Result<int> ServerStore::setDisabled(const QString &user, bool disabled)
{
    if (!loadAccount(user))
        return noAccount(user);
    return ServerSql::inTransaction<int>(database(), [&]() -> Result<int> {
        QSqlQuery query(database());
        // Disabling again keeps the first time.
        query.prepare(disabled ? u"UPDATE accounts SET disabled_at = coalesce(disabled_at, ?) WHERE username = ?"_s
                               : u"UPDATE accounts SET disabled_at = NULL WHERE username = ?"_s);
        if (disabled)
            query.addBindValue(now());
        query.addBindValue(user);
        if (!query.exec())
            return ServerSql::error(query);
        if (query.numRowsAffected() != 1)
            return noAccount(user);
        return disabled ? dropTokens(user) : Result<int>(0);
    });
}

Result<int> ServerStore::deleteAccount(const QString &user)
{
    const auto account = loadAccount(user);
    if (!account)
        return account.error();
    // Before the account goes: a failure here leaves only extra records, the account is still there.
    if (Status described = describeDevicesOf(account.value()); !described)
        return described.error();
    return ServerSql::inTransaction<int>(database(), [&]() -> Result<int> {
        QSqlQuery query(database());
        query.prepare(u"INSERT INTO retired_accounts (username, role, municipality, deleted_at) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT (username) DO UPDATE SET role = excluded.role, municipality = excluded.municipality, "
                      "deleted_at = excluded.deleted_at"_s);
        query.addBindValue(user);
        query.addBindValue(Account::roleName(account->role));
        query.addBindValue(account->municipalityId.isNull() ? u""_s : account->municipalityId);
        query.addBindValue(now());
        if (!query.exec())
            return ServerSql::error(query);
        const auto revoked = dropTokens(user);
        if (!revoked)
            return revoked;
        query.prepare(u"DELETE FROM accounts WHERE username = ?"_s);
        query.addBindValue(user);
        if (!query.exec())
            return ServerSql::error(query);
        if (query.numRowsAffected() != 1)
            return noAccount(user);
        return revoked;
    });
}

Status ServerStore::describeDevicesOf(const Account &account)
{
    // Clients name a change's author by its device's record (docs/protocol.md, "Devices"); a device
    // that never wrote one would be shown by the bare account name, which now names nobody.
    QSqlQuery query(database());
    query.prepare(u"SELECT DISTINCT c.device FROM changes c WHERE c.author = ? "
                  "AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = c.device) ORDER BY c.device"_s);
    query.addBindValue(account.user);
    if (!query.exec())
        return ServerSql::error(query);
    QStringList devices;
    while (query.next())
        devices << query.value(0).toString();
    query.finish();
    if (devices.isEmpty())
        return Ok {};
    ReplicaState draft;
    LocalEditor editor(m_clock, adminAuthor);
    QList<Change> changes;
    for (const QString &device : std::as_const(devices)) {
        changes << editor.create(u"device"_s, device);
        Q_UNUSED(draft.apply(changes.last()));
        if (!account.isOffice()) { // the office's devices name no municipality
            changes << editor.set(*draft.entity(device), u"municipality"_s, account.municipalityId);
            Q_UNUSED(draft.apply(changes.last()));
        }
    }
    return applyAsAdmin(changes);
}

Result<qint64> ServerStore::revocations()
{
    QSqlQuery query(database());
    query.prepare(u"SELECT value FROM store_identity WHERE key = ?"_s);
    query.addBindValue(revocationsKey);
    if (!query.exec())
        return ServerSql::error(query);
    return query.next() ? query.value(0).toLongLong() : 0;
}

Result<QList<Account>> ServerStore::accounts()
{
    QSqlQuery query(database());
    if (!query.exec(u"SELECT username FROM accounts ORDER BY username"_s))
        return ServerSql::error(query);
    QStringList users;
    while (query.next())
        users << query.value(0).toString();
    query.finish();
    QList<Account> all;
    for (const QString &user : std::as_const(users)) {
        auto account = loadAccount(user);
        if (!account)
            return account.error();
        all << account.value();
    }
    return all;
}

Result<QString> ServerStore::municipalityByName(const QString &name)
{
    QSqlQuery query(database());
    query.prepare(u"SELECT id FROM municipalities WHERE name = ? AND _state = 'live' ORDER BY id LIMIT 1"_s);
    query.addBindValue(name);
    if (!query.exec())
        return ServerSql::error(query);
    if (!query.next())
        return Error { u"not_found"_s, u"no municipality named \"%1\""_s.arg(name) };
    return query.value(0).toString();
}

Result<QPair<QString, QString>> ServerStore::addMunicipality(const QString &name, const QString &state,
                                                             const QString &cluster, const QString &kind)
{
    if (name.trimmed().isEmpty())
        return Error { u"bad_request"_s, u"a municipality needs a name"_s };
    if (municipalityByName(name))
        return Error { u"exists"_s, u"a municipality named \"%1\" exists already"_s.arg(name) };
    ReplicaState draft; // builds the changes of two new entities
    LocalEditor editor(m_clock, adminAuthor);
    const QString municipality = u"muni-"_s + LocalEditor::newId();
    const QString plan = u"plan-"_s + LocalEditor::newId();
    QList<Change> changes;
    auto add = [&](const Change &change) {
        changes << change;
        Q_UNUSED(draft.apply(change));
    };
    add(editor.create(u"municipality"_s, municipality));
    for (const auto &[field, value] : { std::pair { u"name"_s, name }, { u"state"_s, state },
                                        { u"cluster"_s, cluster }, { u"kind"_s, kind } })
        add(editor.set(*draft.entity(municipality), field, value));
    add(editor.create(u"plan"_s, plan));
    for (const auto &[field, value] :
         { std::pair { u"municipality"_s, municipality }, { u"title"_s, u"Werkstattplan %1"_s.arg(name) },
           { u"review_status"_s, u"draft"_s }, { u"shared"_s, u"true"_s } })
        add(editor.set(*draft.entity(plan), field, value));
    if (Status applied = applyAsAdmin(changes); !applied)
        return applied.error();
    return QPair { municipality, plan };
}

Status ServerStore::applyAsAdmin(const QList<Change> &changes)
{
    auto outcome = m_replica->applyBatch(changes);
    if (!outcome)
        return outcome.error();
    for (const auto &result : outcome->changes) {
        if (!result)
            return result.error();
    }
    return Ok {};
}

QSqlDatabase ServerStore::database() const
{
    return StoreAccess::database(*m_replica);
}

Status ServerStore::ping()
{
    QSqlQuery probe(database());
    if (!probe.exec(u"SELECT 1"_s))
        return ServerSql::error(probe);
    return Ok {};
}

Status ServerStore::announce(const QString &channel, const QString &payload)
{
    QSqlQuery notify(database());
    notify.prepare(u"SELECT pg_notify(?, ?)"_s);
    notify.addBindValue(channel);
    notify.addBindValue(payload);
    if (!notify.exec())
        return ServerSql::error(notify);
    return Ok {};
}

QSqlDriver *ServerStore::notifications() const
{
    return database().driver();
}

bool ServerStore::listen(const QString &channel)
{
    QSqlDriver *driver = notifications();
    driver->unsubscribeFromNotification(channel); // after a reconnect the old subscription is gone
    return driver->subscribeToNotification(channel);
}

Status ServerStore::markRestored()
{
    return m_identity.markRestored(database());
}

Status ServerStore::backup(const QString &file)
{
    if (isPostgres())
        return Error { u"bad_request"_s, u"back up a PostgreSQL store with pg_dump"_s };
    if (QFileInfo::exists(file))
        return Error { u"exists"_s, u"%1 exists already; choose a new file"_s.arg(file) };
    return m_identity.backUp(database(), file);
}
