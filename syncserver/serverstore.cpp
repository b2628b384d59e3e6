// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverstore.h"

#include "credentials.h"
#include "model/ownership.h"
#include "sync/localeditor.h"
#include "sync/replicastate.h"

#include "common/logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString revocationsKey = u"token_revocations"_s;

Error sqlError(const QSqlQuery &query)
{
    return { u"storage_error"_s, query.lastError().text() };
}

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
    if (!replica)
        return replica.error();
    std::unique_ptr<ServerStore> store(new ServerStore(std::move(replica).value(), location));
    if (Status created = store->createTables(); !created)
        return created.error();
    if (Status identified = store->loadIdentity(); !identified)
        return identified.error();
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

namespace {
const QString epochKey = u"epoch"_s;
/** Set in a backup file only: the epoch it was taken in. The first open after a restore starts a new one. */
const QString restorePendingKey = u"restore_pending"_s;
const QString restoredFromKey = u"restored_from"_s;
const QString restoredAtKey = u"restored_at"_s;
} // namespace

Status ServerStore::loadIdentity()
{
    QSqlDatabase db = m_replica->database();
    auto read = [&db]() -> Result<QHash<QString, QString>> {
        QSqlQuery query(db);
        if (!query.exec(u"SELECT key, value FROM store_identity"_s))
            return sqlError(query);
        QHash<QString, QString> values;
        while (query.next())
            values.insert(query.value(0).toString(), query.value(1).toString());
        return values;
    };
    auto values = read();
    if (!values)
        return values.error();
    const QString pending = values->value(restorePendingKey);
    if (values->value(epochKey).isEmpty() || !pending.isEmpty()) {
        // A new store, or the first open of a backup put in place: a new epoch, so that every client
        // learns the log may lack what it had seen (docs/protocol.md, "Restore").
        if (!db.transaction())
            return Error { u"storage_error"_s, db.lastError().text() };
        QSqlQuery query(db);
        QList<QPair<QString, QString>> writes { { epochKey, LocalEditor::newId() } };
        if (!pending.isEmpty())
            writes << QPair { restoredFromKey, pending } << QPair { restoredAtKey, QString::number(m_replica->lastSequence()) };
        bool ok = true;
        for (const auto &[key, value] : std::as_const(writes)) {
            // A new store's epoch: the first of several processes starting at once wins (PostgreSQL).
            query.prepare(pending.isEmpty() ? u"INSERT INTO store_identity (key, value) VALUES (?, ?) "
                                               "ON CONFLICT (key) DO NOTHING"_s
                                            : u"INSERT INTO store_identity (key, value) VALUES (?, ?) "
                                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
            query.addBindValue(key);
            query.addBindValue(value);
            ok = ok && query.exec();
        }
        ok = ok && query.exec(u"DELETE FROM store_identity WHERE key = '%1'"_s.arg(restorePendingKey));
        if (!ok || !db.commit()) {
            const Error error = sqlError(query);
            db.rollback();
            return error;
        }
        if (!pending.isEmpty())
            qCWarning(lcServer).noquote() << "this store was restored from a backup of epoch" << pending
                                          << "at sequence" << m_replica->lastSequence() << "; clients will send again what it lacks";
        values = read();
        if (!values)
            return values.error();
    }
    m_identity = { values->value(epochKey), values->value(restoredFromKey), values->value(restoredAtKey).toLongLong() };
    return Ok {};
}

ServerStore::ServerStore(std::unique_ptr<ReplicaStore> replica, QString location)
    : m_replica(std::move(replica)),
      m_location(std::move(location)),
      // Each server process gets its own device id, so its stamps never tie with another's.
      m_clock(u"server-"_s + LocalEditor::newId().left(8))
{
}

Status ServerStore::createTables()
{
    const QStringList statements {
        u"CREATE TABLE IF NOT EXISTS accounts (username TEXT PRIMARY KEY, role TEXT NOT NULL, "
        "municipality TEXT NOT NULL, password_hash TEXT NOT NULL, created_at TEXT NOT NULL)"_s,
        u"CREATE TABLE IF NOT EXISTS tokens (token_hash TEXT PRIMARY KEY, "
        "username TEXT NOT NULL REFERENCES accounts(username) ON DELETE CASCADE, device TEXT NOT NULL, "
        "created_at TEXT NOT NULL)"_s,
        // The store's epoch (and, after a restore, where it came from): see loadIdentity().
        u"CREATE TABLE IF NOT EXISTS store_identity (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
    };
    for (const QString &sql : statements) {
        QSqlQuery query(m_replica->database());
        if (!query.exec(sql))
            return sqlError(query);
    }
    return Ok {};
}

namespace {

Status checkNewAccount(const QString &user, const QString &password)
{
    if (!isChangeId(user) || user.size() > 64)
        return Error { u"bad_request"_s, u"a user name has 1 to 64 of A-Z a-z 0-9 - _ . :"_s };
    if (password.size() < 8)
        return Error { u"bad_request"_s, u"the password of %1 is too short (at least 8 characters)"_s.arg(user) };
    return Ok {};
}

} // namespace

Status ServerStore::insertAccount(const QString &user, Role role, const QString &municipalityId,
                                  const QString &passwordHash)
{
    QSqlQuery query(m_replica->database());
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
        return sqlError(query);
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
    QSqlDatabase db = m_replica->database();
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
    QSqlQuery query(m_replica->database());
    query.prepare(u"SELECT a.role, a.municipality, (SELECT p.id FROM plans p WHERE p.municipality = a.municipality "
                  "AND p._state = 'live' ORDER BY p.id LIMIT 1) FROM accounts a WHERE a.username = ?"_s);
    query.addBindValue(user);
    if (!query.exec())
        return sqlError(query);
    if (!query.next())
        return Error { u"not_found"_s, u"no account %1"_s.arg(user) };
    Account account;
    account.user = user;
    account.role = query.value(0).toString() == u"office"_s ? Role::Office : Role::Editor;
    account.municipalityId = query.value(1).toString();
    account.planId = query.value(2).toString();
    return account;
}

Result<QString> ServerStore::passwordHash(const QString &user)
{
    QSqlQuery query(m_replica->database());
    query.prepare(u"SELECT password_hash FROM accounts WHERE username = ?"_s);
    query.addBindValue(user);
    if (!query.exec())
        return sqlError(query);
    return query.next() ? query.value(0).toString() : QString();
}

Result<Account> ServerStore::checkPassword(const QString &user, const QString &password)
{
    QSqlQuery query(m_replica->database());
    query.prepare(u"SELECT password_hash FROM accounts WHERE username = ?"_s);
    query.addBindValue(user);
    if (!query.exec())
        return sqlError(query);
    // An unknown user costs the same as a wrong password, so timing does not tell which.
    static const QString decoy = Credentials::hashPassword(u"decoy password"_s);
    const QString stored = query.next() ? query.value(0).toString() : QString();
    const bool ok = Credentials::verifyPassword(password, stored.isEmpty() ? decoy : stored);
    if (!ok || stored.isEmpty())
        return Error { u"bad_credentials"_s, u"wrong user name or password"_s };
    return loadAccount(user);
}

Result<QString> ServerStore::issueToken(const QString &user, const QString &device)
{
    const QString token = Credentials::newToken();
    QSqlQuery query(m_replica->database());
    query.prepare(u"INSERT INTO tokens (token_hash, username, device, created_at) VALUES (?, ?, ?, ?)"_s);
    query.addBindValue(Credentials::tokenHash(token));
    query.addBindValue(user);
    query.addBindValue(device);
    query.addBindValue(now());
    if (!query.exec())
        return sqlError(query);
    return token;
}

Result<Account> ServerStore::accountForToken(const QString &token)
{
    const Error unauthorized { u"unauthorized"_s, u"unknown or revoked token"_s };
    if (!token.startsWith(u"wpt_"_s) || token.size() > 100)
        return unauthorized;
    // Looked up by hash: the token itself is never compared or stored.
    QSqlQuery query(m_replica->database());
    query.prepare(u"SELECT username, device FROM tokens WHERE token_hash = ?"_s);
    query.addBindValue(Credentials::tokenHash(token));
    if (!query.exec())
        return sqlError(query);
    if (!query.next())
        return unauthorized;
    const QString user = query.value(0).toString();
    const QString device = query.value(1).toString();
    query.finish();
    auto account = loadAccount(user);
    if (!account)
        return unauthorized;
    account.value().device = device;
    return account;
}

Result<int> ServerStore::revokeTokens(const QString &user)
{
    if (!loadAccount(user))
        return Error { u"not_found"_s, u"no account %1"_s.arg(user) };
    QSqlQuery query(m_replica->database());
    query.prepare(u"DELETE FROM tokens WHERE username = ?"_s);
    query.addBindValue(user);
    if (!query.exec())
        return sqlError(query);
    const int revoked = query.numRowsAffected();
    // Serving processes poll this count (and hear the notification on PostgreSQL) and close the sockets.
    QSqlQuery count(m_replica->database());
    count.prepare(u"INSERT INTO store_identity (key, value) VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET "
                  "value = CAST(CAST(store_identity.value AS BIGINT) + 1 AS TEXT)"_s);
    count.addBindValue(revocationsKey);
    if (!count.exec())
        return sqlError(count);
    if (isPostgres()) {
        QSqlQuery notify(m_replica->database());
        notify.prepare(u"SELECT pg_notify(?, ?)"_s);
        notify.addBindValue(revocationChannel);
        notify.addBindValue(user);
        notify.exec();
    }
    return revoked;
}

Result<qint64> ServerStore::revocations()
{
    QSqlQuery query(m_replica->database());
    query.prepare(u"SELECT value FROM store_identity WHERE key = ?"_s);
    query.addBindValue(revocationsKey);
    if (!query.exec())
        return sqlError(query);
    return query.next() ? query.value(0).toLongLong() : 0;
}

Result<QList<Account>> ServerStore::accounts()
{
    QSqlQuery query(m_replica->database());
    if (!query.exec(u"SELECT username FROM accounts ORDER BY username"_s))
        return sqlError(query);
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
    QSqlQuery query(m_replica->database());
    query.prepare(u"SELECT id FROM municipalities WHERE name = ? AND _state = 'live' ORDER BY id LIMIT 1"_s);
    query.addBindValue(name);
    if (!query.exec())
        return sqlError(query);
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

Status ServerStore::backup(const QString &file)
{
    if (isPostgres())
        return Error { u"bad_request"_s, u"back up a PostgreSQL store with pg_dump"_s };
    if (QFileInfo::exists(file))
        return Error { u"exists"_s, u"%1 exists already; choose a new file"_s.arg(file) };
    // VACUUM INTO copies one consistent snapshot while the server goes on writing.
    QSqlQuery query(m_replica->database());
    query.prepare(u"VACUUM INTO ?"_s);
    query.addBindValue(QFileInfo(file).absoluteFilePath());
    if (!query.exec())
        return sqlError(query);
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner); // as private as the store itself
    // The copy remembers the epoch it was taken in; put in place, it starts a new one (loadIdentity()).
    const QString name = u"backup-%1"_s.arg(LocalEditor::newId().left(8));
    Status marked = Ok {};
    {
        QSqlDatabase copy = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        copy.setDatabaseName(QFileInfo(file).absoluteFilePath());
        QSqlQuery mark(copy);
        if (!copy.open() || !mark.prepare(u"INSERT INTO store_identity (key, value) VALUES (?, ?) "
                                          "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s))
            marked = Error { u"storage_error"_s, copy.lastError().text() };
        else {
            mark.addBindValue(restorePendingKey);
            mark.addBindValue(m_identity.epoch);
            if (!mark.exec())
                marked = sqlError(mark);
        }
        mark.finish();
        copy.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!marked)
        QFile::remove(file); // a copy that would not start a new epoch must not be restored
    return marked;
}
