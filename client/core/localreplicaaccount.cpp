// SPDX-License-Identifier: GPL-3.0-or-later
// LocalReplica: the account and device it belongs to, its sync bookkeeping in client_state, and its permissions.
#include "localreplica.h"
#include "localreplicakeys.h"

#include <QDateTime>
#include <QDir>
#include <QSaveFile>
#include <QSysInfo>

using namespace Qt::Literals::StringLiterals;
using namespace LocalReplicaKeys;

namespace {

std::shared_ptr<SecretStore> &secretStore()
{
    static std::shared_ptr<SecretStore> store;
    return store;
}

} // namespace

void LocalReplica::setSecretStore(std::shared_ptr<SecretStore> store)
{
    secretStore() = std::move(store);
}

QString LocalReplica::secretKey() const
{
    return u"%1 %2"_s.arg(QDir(m_folder).absolutePath(), device());
}

Status LocalReplica::loadAccount()
{
    const QJsonObject json = readJson(QDir(m_folder).filePath(accountFile));
    const QJsonObject account = json.value(u"account"_s).toObject();
    if (!account.isEmpty()) {
        m_account = AccountInfo { account.value(u"server"_s).toString(), account.value(u"user"_s).toString(),
                                  account.value(u"role"_s).toString(), account.value(u"municipality"_s).toString(),
                                  account.value(u"plan"_s).toString() };
        m_editor.setAuthor(m_account->user);
    }
    m_token = json.value(u"token"_s).toString();
    m_caFile = json.value(u"ca_file"_s).toString();
    if (json.value(u"token_in_key_store"_s).toBool() && secretStore())
        m_token = secretStore()->read(secretKey()).value_or(QString()); // gone from the key store: sign in again
    if (!json.contains(u"device"_s))
        return setAccount(m_account.value_or(AccountInfo {}), m_token); // writes the device id down
    return Ok {};
}

std::optional<AccountInfo> LocalReplica::accountIn(const QString &folder)
{
    const QJsonObject account = readJson(QDir(folder).filePath(accountFile)).value(u"account"_s).toObject();
    if (account.isEmpty() || account.value(u"user"_s).toString().isEmpty())
        return std::nullopt;
    return AccountInfo { account.value(u"server"_s).toString(), account.value(u"user"_s).toString(),
                         account.value(u"role"_s).toString(), account.value(u"municipality"_s).toString(),
                         account.value(u"plan"_s).toString() };
}

QString LocalReplica::deviceName()
{
    const auto record = m_store->record(device());
    return record && record->isLive() ? record->value(u"name"_s) : QString();
}

QString LocalReplica::defaultDeviceName()
{
    const QString host = QSysInfo::machineHostName().trimmed();
    return host.isEmpty() ? u"Computer"_s : host.left(Schema::shortTextMax);
}

Status LocalReplica::describeDevice(const QString &name)
{
    const auto record = m_store->record(device());
    QString wanted = name.trimmed().left(Schema::shortTextMax);
    if (wanted.isEmpty())
        wanted = record && record->isLive() && !record->value(u"name"_s).isEmpty() ? record->value(u"name"_s)
                                                                                   : defaultDeviceName();
    const QString municipality = m_account && !m_account->isOffice() ? m_account->municipalityId : QString();
    Fields fields;
    if (!record || !record->isLive() || record->value(u"name"_s) != wanted)
        fields.append({ u"name"_s, wanted });
    if (!record || !record->isLive() || record->value(u"municipality"_s) != municipality)
        fields.append({ u"municipality"_s, municipality });
    if (fields.isEmpty())
        return Ok {};
    if (record && record->exists() && !record->isLive())
        return Error { u"deleted"_s, u"the record of this device was deleted"_s };
    if (record && record->exists())
        return set(device(), fields);
    QList<Change> changes;
    fields.removeIf([](const auto &field) { return field.second.isEmpty(); });
    if (const auto created = newEntity(u"device"_s, {}, fields, changes, device()); !created)
        return created.error();
    return commitLocal(changes);
}

Status LocalReplica::setAccount(const AccountInfo &account, const QString &token)
{
    // The system's key store where there is one; else the file below, readable by this user only.
    const bool inKeyStore = !token.isEmpty() && secretStore() && secretStore()->write(secretKey(), token);
    if (token.isEmpty() && secretStore())
        secretStore()->remove(secretKey());
    QJsonObject json { { u"device"_s, device() } };
    if (inKeyStore)
        json.insert(u"token_in_key_store"_s, true);
    else
        json.insert(u"token"_s, token);
    if (!account.user.isEmpty())
        json.insert(u"account"_s, QJsonObject { { u"server"_s, account.serverUrl },
                                                { u"user"_s, account.user },
                                                { u"role"_s, account.role },
                                                { u"municipality"_s, account.municipalityId },
                                                { u"plan"_s, account.planId } });
    if (!m_caFile.isEmpty())
        json.insert(u"ca_file"_s, m_caFile);
    QSaveFile file(QDir(m_folder).filePath(accountFile));
    if (!file.open(QIODevice::WriteOnly))
        return Error { u"storage_error"_s, u"cannot write %1"_s.arg(file.fileName()) };
    // The token signs this device in: readable by this user only.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(json).toJson());
    if (!file.commit())
        return Error { u"storage_error"_s, u"cannot write %1"_s.arg(file.fileName()) };
    if (!account.user.isEmpty()) {
        // Work done before signing in becomes this account's, so the server accepts it.
        if (!m_account)
            if (Status adopted = m_store->reassignAuthor(localAuthor, account.user); !adopted)
                return adopted;
        m_account = account;
        m_editor.setAuthor(account.user);
    }
    m_token = token;
    return Ok {};
}

Status LocalReplica::clearToken()
{
    return setAccount(m_account.value_or(AccountInfo {}), QString());
}

Status LocalReplica::setCaFile(const QString &caFile)
{
    if (caFile == m_caFile)
        return Ok {};
    const QString previous = std::exchange(m_caFile, caFile);
    Status written = setAccount(m_account.value_or(AccountInfo {}), m_token);
    if (!written)
        m_caFile = previous;
    return written;
}

QString LocalReplica::state(const QString &key)
{
    return m_store->clientState(key);
}

Status LocalReplica::writeState(const QString &key, const QString &value)
{
    return m_store->setClientState(key, value);
}

qint64 LocalReplica::cursor()
{
    return state(cursorKey).toLongLong();
}

QString LocalReplica::cursorTag()
{
    return state(cursorTagKey);
}

QDateTime LocalReplica::lastCompleteSync()
{
    return QDateTime::fromString(state(lastSyncKey), Qt::ISODateWithMs);
}

Status LocalReplica::setLastCompleteSync(const QDateTime &when)
{
    return writeState(lastSyncKey, when.toUTC().toString(Qt::ISODateWithMs));
}

QString LocalReplica::serverEpoch()
{
    return state(serverEpochKey);
}

Status LocalReplica::setServerEpoch(const QString &epoch)
{
    return writeState(serverEpochKey, epoch);
}

Result<int> LocalReplica::serverWentBack(const QString &epoch, qint64 cursor, const QString &message)
{
    const QJsonObject notice { { u"code"_s, u"server_restored"_s }, { u"message"_s, message },
                               { u"at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
    auto queued = m_store->requeueChangesOf(
            device(), qMax<qint64>(0, cursor), { { restoreMarkKey, QString::number(m_store->lastSequence()) },
                        { cursorKey, QString::number(qMax<qint64>(0, cursor)) },
                        { cursorTagKey, u""_s },
                        { serverEpochKey, epoch },
                        { noticeKey, QString::fromUtf8(QJsonDocument(notice).toJson(QJsonDocument::Compact)) } });
    if (queued)
        writeCheck(); // the cursor went back on purpose
    return queued;
}

bool LocalReplica::wasResent(const QString &changeId)
{
    const qint64 mark = state(restoreMarkKey).toLongLong();
    const qint64 seq = mark > 0 ? m_store->sequenceOf(changeId) : 0;
    return seq > 0 && seq <= mark;
}

Status LocalReplica::endRestoreRecovery()
{
    return state(restoreMarkKey).isEmpty() ? Status(Ok {}) : writeState(restoreMarkKey, u""_s);
}

bool LocalReplica::needsBootstrap()
{
    return state(bootstrappedKey) != u"1"_s;
}

Status LocalReplica::setBootstrapped(qint64 startCursor)
{
    if (Status indexed = m_store->finishImport(); !indexed)
        return indexed;
    if (startCursor > cursor()) {
        if (Status ok = writeState(cursorTagKey, u""_s); !ok)
            return ok;
        if (Status ok = writeState(cursorKey, QString::number(startCursor)); !ok)
            return ok;
    }
    if (Status ok = writeState(bootstrappedKey, u"1"_s); !ok)
        return ok;
    for (const QString &key : { bootstrapCursorKey, bootstrapAfterKey }) {
        if (Status ok = writeState(key, u""_s); !ok)
            return ok;
    }
    writeCheck();
    return Ok {};
}

std::optional<LocalReplica::BootstrapProgress> LocalReplica::bootstrapProgress()
{
    bool cursorOk = false, afterOk = false;
    const qint64 cursor = state(bootstrapCursorKey).toLongLong(&cursorOk);
    const qint64 after = state(bootstrapAfterKey).toLongLong(&afterOk);
    if (!cursorOk || !afterOk || cursor < 0 || after < 0 || !needsBootstrap())
        return std::nullopt;
    return BootstrapProgress { cursor, after };
}

std::optional<Permissions> LocalReplica::permissions()
{
    if (!m_account)
        return std::nullopt;
    return Permissions(Actor { m_account->user, m_account->isOffice(), m_account->municipalityId },
                       Permissions::Lookups { [this](const QString &id) { return m_store->currentRecord(id); },
                                              [this](const QString &id) { return m_store->creatorOf(id); } });
}

ReplicaStore::Admission LocalReplica::admission()
{
    // The server's rules (Authorizer): the account's, once one signed in, and the batch's always.
    auto rules = std::make_shared<std::optional<Permissions>>(permissions());
    auto batch = std::make_shared<BatchWrites>();
    return [rules, batch](const Change &change) -> Status {
        if (*rules)
            if (Status allowed = (*rules)->mayWrite(change); !allowed)
                return allowed;
        return batch->admit(change);
    };
}

