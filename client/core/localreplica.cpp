// SPDX-License-Identifier: GPL-3.0-or-later
#include "localreplica.h"

#include "common/logging.h"
#include "model/permissions.h"
#include "model/plansnapshot.h"
#include "sync/orderkey.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QSysInfo>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString cursorKey = u"cursor"_s;
/** Protocol::cursorTag of the change at the cursor, as the server gave it (next_tag); empty if unknown. */
const QString cursorTagKey = u"cursor_tag"_s;
const QString bootstrappedKey = u"bootstrapped"_s;
const QString lastSyncKey = u"last_complete_sync"_s;
const QString lastStampKey = u"last_hlc"_s;
/** A data-safety notice for the user (JSON: code, message, at), until dismissed. */
const QString noticeKey = u"data_notice"_s;
/** The epoch of the server's log the cursor belongs to (client_state). */
const QString serverEpochKey = u"server_epoch"_s;
/** After a restore: the log's last sequence number when this device's changes were queued again (client_state). */
const QString restoreMarkKey = u"restore_mark"_s;
/** Author of edits made before any account signed in on this replica (local-only work). */
const QString localAuthor = u"local"_s;

std::shared_ptr<SecretStore> &secretStore()
{
    static std::shared_ptr<SecretStore> store;
    return store;
}

/** Diagnostic aid: WERKSTATTPLAN_CLOCK_SKEW_MS shifts this device's clock, to try out a wrong laptop clock. */
HlcClock::TimeSource skewedClock()
{
    const qint64 skew = qEnvironmentVariable("WERKSTATTPLAN_CLOCK_SKEW_MS").toLongLong();
    return [skew] { return QDateTime::currentMSecsSinceEpoch() + skew; };
}

QJsonObject readJson(const QString &file)
{
    QFile source(file);
    if (!source.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(source.readAll()).object();
}

/** The device id lives beside the replica, so a rebuilt replica keeps it (tokens are bound to it). */
QString deviceOf(const QString &folder)
{
    const QString id = readJson(QDir(folder).filePath(LocalReplica::accountFile)).value(u"device"_s).toString();
    return isChangeId(id) ? id : u"dev-"_s + LocalEditor::newId().left(12);
}

Error notFound(const QString &id)
{
    return { u"not_found"_s, u"no entity %1 in this replica"_s.arg(id) };
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

QString LocalReplica::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Result<std::unique_ptr<LocalReplica>> LocalReplica::open(const QString &folder, OpenReport *report,
                                                         HlcClock::TimeSource wallClock)
{
    if (!QDir().mkpath(folder))
        return Error { u"storage_error"_s, u"cannot create the folder %1"_s.arg(folder) };
    const QString path = QDir(folder).filePath(replicaFile);
    // What the replica held when it was last written, kept outside the SQLite file (writeCheck()).
    const QJsonObject check = readJson(QDir(folder).filePath(checkFile));
    const bool wasReplica = !check.isEmpty() || QFile::exists(QDir(folder).filePath(accountFile));
    const QString device = deviceOf(folder);
    QList<Change> salvaged;
    OpenReport opened;
    auto setAside = [&](const QString &why) -> Status {
        // Set aside, never delete: what cannot be salvaged now may still be rescued by hand.
        opened.setAsidePath = path + u".damaged-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss"_s);
        if (!QFile::rename(path, opened.setAsidePath))
            return Error { u"storage_error"_s, u"cannot move the damaged replica %1 aside"_s.arg(path) };
        for (const QString &suffix : { u"-wal"_s, u"-shm"_s })
            QFile::rename(path + suffix, opened.setAsidePath + suffix);
        qCWarning(lcSync) << "replica" << path << why << "; moved to" << opened.setAsidePath;
        opened.problem = why;
        salvaged = ReplicaStore::salvageOutbox(opened.setAsidePath, device, &opened.salvageComplete);
        return Ok {};
    };
    const QFileInfo file(path);
    if (file.exists() && file.size() == 0 && wasReplica) {
        // SQLite would take an empty file for a new database: the replica it was would vanish without a word.
        if (Status aside = setAside(u"replica_empty"_s); !aside)
            return aside.error();
    } else if (!file.exists() && check.value(u"log_seq"_s).toInteger() > 0) {
        opened.problem = u"replica_missing"_s;
        opened.lostWork = u"the replica file %1 is gone; a new one was started"_s.arg(path);
    }
    auto store = ReplicaStore::open(path);
    if (!store && (store.errorCode() == u"replica_corrupt"_s || store.errorCode() == u"not_a_replica"_s)) {
        if (Status aside = setAside(store.errorCode() == u"not_a_replica"_s ? u"replica_foreign"_s : u"replica_corrupt"_s);
            !aside)
            return aside.error();
        store = ReplicaStore::open(path);
    }
    if (!store)
        return store.error();
    // Unshared plans and the sign-in token: for this user's eyes only, also in a replica made before.
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s }) {
        if (QFileInfo::exists(path + suffix))
            QFile::setPermissions(path + suffix, QFile::ReadOwner | QFile::WriteOwner);
    }
    std::unique_ptr<LocalReplica> replica(new LocalReplica(folder, std::move(store).value(), device, std::move(wallClock)));
    if (Status loaded = replica->loadAccount(); !loaded)
        return loaded.error();
    if (!salvaged.isEmpty()) {
        // Queued again as they were: same ids, so the server takes each once even if it had it.
        if (Status queued = replica->m_store->applyLocal(salvaged, {}); !queued)
            return queued.error();
        opened.salvagedChanges = int(salvaged.size());
    }
    if (opened.setAsidePath.isEmpty() && opened.lostWork.isEmpty() && !check.isEmpty()) {
        // Committed work the file no longer has (a deleted -wal, a copy put back): the stamp of the
        // last local edit and the cursor only ever grow.
        const Hlc stamp = Hlc::fromString(replica->state(lastStampKey));
        const Hlc expected = Hlc::fromString(check.value(u"local_stamp"_s).toString());
        const qint64 cursor = replica->cursor();
        const qint64 expectedCursor = check.value(u"cursor"_s).toInteger();
        if (stamp < expected || cursor < expectedCursor) {
            opened.problem = u"replica_work_lost"_s;
            opened.lostWork = u"the replica lacks committed work: last local edit %1 (expected %2), cursor %3 "
                              "(expected %4), %5 unsynced change(s) (expected %6)"_s
                                      .arg(stamp.toString(), expected.toString())
                                      .arg(cursor)
                                      .arg(expectedCursor)
                                      .arg(replica->pendingCount())
                                      .arg(check.value(u"outbox"_s).toInteger());
            qCWarning(lcSync).noquote() << "replica" << path << ":" << opened.lostWork;
        }
    }
    if (!opened.problem.isEmpty()) {
        const QString message = !opened.lostWork.isEmpty()
                ? opened.lostWork
                : u"the replica was damaged (%1) and set aside as %2; %3 unsynced change(s) salvaged%4"_s.arg(
                          opened.problem, opened.setAsidePath)
                          .arg(opened.salvagedChanges)
                          .arg(opened.salvageComplete ? QString() : u", some rows were unreadable"_s);
        if (Status noted = replica->setNotice(opened.problem, message); !noted)
            return noted.error();
    }
    replica->writeCheck();
    if (report)
        *report = opened;
    return replica;
}

LocalReplica::Notice LocalReplica::notice()
{
    const QJsonObject json = QJsonDocument::fromJson(state(noticeKey).toUtf8()).object();
    return { json.value(u"code"_s).toString(), json.value(u"message"_s).toString(),
             QDateTime::fromString(json.value(u"at"_s).toString(), Qt::ISODateWithMs) };
}

Status LocalReplica::setNotice(const QString &code, const QString &message)
{
    if (code.isEmpty())
        return writeState(noticeKey, u""_s); // NOT NULL column
    const QJsonObject json { { u"code"_s, code }, { u"message"_s, message },
                             { u"at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) } };
    return writeState(noticeKey, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
}

void LocalReplica::writeCheck()
{
    // Written after each commit, never before: a crash in between leaves a record that is behind
    // the file (harmless), never ahead of it (a false alarm).
    const QJsonObject json { { u"local_stamp"_s, state(lastStampKey) },
                             { u"cursor"_s, cursor() },
                             { u"log_seq"_s, m_store->lastSequence() },
                             { u"outbox"_s, m_store->outboxSize() },
                             { u"outbox_seq"_s, m_store->outboxSequence() } };
    QSaveFile out(QDir(m_folder).filePath(checkFile));
    if (!out.open(QIODevice::WriteOnly)
        || out.write(QJsonDocument(json).toJson(QJsonDocument::Compact)) < 0 || !out.commit())
        qCWarning(lcSync).noquote() << "cannot write" << out.fileName() << ":" << out.errorString();
    QFile::setPermissions(out.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

LocalReplica::LocalReplica(QString folder, std::unique_ptr<ReplicaStore> store, QString device,
                           HlcClock::TimeSource wallClock)
    : m_folder(std::move(folder)),
      m_store(std::move(store)),
      m_clock(std::move(device), HlcClock::defaultMaxDriftMs, wallClock ? std::move(wallClock) : skewedClock()),
      m_editor(m_clock, localAuthor)
{
    // Continue after the last stamp this replica issued, even if the clock went back since.
    m_clock.observe(Hlc::fromString(m_store->clientState(lastStampKey)));
}

LocalReplica::~LocalReplica() = default;

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
    writeCheck();
    return Ok {};
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

Status LocalReplica::eachFieldOnce(const Fields &fields)
{
    // Two values for one field in one edit would be two versions made on the same state: a conflict with
    // itself (BatchWrites refuses it too). Said here in the user's terms.
    QSet<QString> named;
    for (const auto &[field, value] : fields) {
        if (named.contains(field))
            return Error { u"duplicate_field"_s, u"%1 is given twice; give each field once"_s.arg(field) };
        named.insert(field);
    }
    return Ok {};
}

Result<QStringList> LocalReplica::search(const QString &query, int limit)
{
    auto hits = m_store->search(query, limit);
    if (!hits || !m_account || m_account->isOffice())
        return hits;
    // A review thread is between the office and the plan's municipality: a replica that holds another's
    // (received before the server kept them apart) does not show it.
    const Ownership::Lookup lookup = [this](const QString &id) { return m_store->record(id); };
    QStringList visible;
    for (const QString &id : hits.value()) {
        const auto record = m_store->record(id);
        if (record && record->spec->name == u"comment"_s && Ownership::inReviewThread(*record, lookup)) {
            const auto plan = Ownership::planOf(*record, lookup);
            const auto planRecord = plan ? m_store->record(*plan) : std::nullopt;
            if (!planRecord || planRecord->value(u"municipality"_s) != m_account->municipalityId)
                continue;
        }
        visible << id;
    }
    return visible;
}

QList<Status> LocalReplica::check(const QList<Change> &changes)
{
    QHash<QString, Status> verdicts;
    const ReplicaStore::Admission admit = admission();
    auto judge = [&](const Change &change) {
        Status verdict = admit(change);
        verdicts.insert(change.id, verdict);
        return verdict;
    };
    // Applied as one batch, so each change is judged on what the ones before it did, then rolled back.
    const auto rolledBack = m_store->applyBatch(changes, judge, [] { return Status(Error { u"check_only"_s, {} }); });
    Q_UNUSED(rolledBack);
    QList<Status> result;
    for (const Change &change : changes) {
        if (const auto valid = validateChange(change); !valid)
            result << Status(valid.error());
        else
            result << verdicts.value(change.id, Status(Error { u"storage_error"_s, u"not checked"_s }));
    }
    return result;
}

Status LocalReplica::commitLocal(const QList<Change> &changes)
{
    const ReplicaStore::Admission admit = admission();
    Status committed = m_store->applyLocal(changes, admit, lastStampKey, m_clock.last().toString());
    if (committed)
        writeCheck();
    return committed;
}

bool LocalReplica::maySet(const QString &entityId, const QString &field, const QString &value)
{
    const auto record = m_store->record(entityId);
    if (!record || !record->isLive())
        return false;
    std::optional<Permissions> rules = permissions();
    Change probe;
    probe.op = Change::Op::Set;
    probe.entityType = record->spec->name;
    probe.entityId = entityId;
    probe.field = field;
    probe.value = value;
    return !rules || bool(rules->mayWrite(probe));
}

bool LocalReplica::mayEditField(const QString &entityId, const QString &field)
{
    const auto record = m_store->record(entityId);
    if (!record || !record->isLive())
        return false;
    if (std::optional<Permissions> rules = permissions())
        return rules->mayEditField(*record, field);
    const int index = record->spec->fieldIndex(field);
    return index >= 0 && record->spec->writerOf(index) != Writer::ReviewWorkflow;
}

bool LocalReplica::mayEdit(const QString &entityId)
{
    // A deleted entry counts too: whoever may edit it may restore it (an edit against its delete is resolved so).
    const auto record = m_store->record(entityId);
    if (!record || !record->exists())
        return false;
    std::optional<Permissions> rules = permissions();
    if (!rules)
        return true;
    if (record->isLive())
        return rules->mayEditRecord(*record);
    Change restore;
    restore.op = Change::Op::Restore;
    restore.entityType = record->spec->name;
    restore.entityId = record->id;
    return bool(rules->mayWrite(restore));
}

QStringList LocalReplica::settableChoices(const QString &entityId, const QString &field)
{
    const auto record = m_store->record(entityId);
    if (!record || !record->isLive())
        return {};
    if (std::optional<Permissions> rules = permissions())
        return rules->settableChoices(*record, field);
    const FieldSpec *spec = record->spec->field(field);
    return spec ? spec->choices : QStringList();
}

Status LocalReplica::review(const QString &planId, const QString &status, const QString &note)
{
    const auto plan = liveRecord(planId);
    if (!plan)
        return plan.error();
    if (plan->spec->name != u"plan"_s)
        return Error { u"bad_request"_s, u"%1 is a %2, not a plan"_s.arg(planId, plan->spec->name) };
    const QString body = note.trimmed();
    if (status == u"changes_requested"_s && body.isEmpty())
        return Error { u"note_required"_s, u"asking for changes needs a note that says which"_s };
    QList<Change> changes;
    if (!body.isEmpty()) {
        const auto comment = newEntity(u"comment"_s, planId,
                                       { { u"target"_s, planId }, { u"body"_s, body }, { u"kind"_s, u"review"_s },
                                         { u"resolved"_s, u"false"_s } },
                                       changes);
        if (!comment)
            return comment.error();
    }
    changes << m_editor.set(*plan, u"review_status"_s, status);
    return commitLocal(changes);
}

Result<EntityRecord> LocalReplica::liveRecord(const QString &entityId)
{
    const auto record = m_store->record(entityId);
    if (!record || !record->exists())
        return notFound(entityId);
    if (record->isDeleted())
        return Error { u"deleted"_s, u"%1 is deleted; restore it first"_s.arg(entityId) };
    return *record;
}

Result<QString> LocalReplica::newEntity(const QString &type, const QString &parentId, const Fields &fields,
                                        QList<Change> &changes, const QString &id)
{
    const EntitySpec *spec = Schema::instance().entity(type);
    if (!spec)
        return Error { u"unknown_type"_s, u"unknown entity type '%1'"_s.arg(type) };
    EntityRecord draft;
    draft.spec = spec;
    draft.id = id.isEmpty() ? LocalEditor::newId() : id;
    draft.fields.resize(spec->fields.size());
    QList<Change> made { m_editor.create(type, draft.id) };
    Fields all = fields;
    if (!spec->parentField.isEmpty()) {
        if (parentId.isEmpty())
            return Error { u"bad_request"_s, u"a %1 needs a parent (%2)"_s.arg(type, spec->parentField) };
        const auto parent = liveRecord(parentId);
        if (!parent)
            return parent.error();
        const QString expected = spec->field(spec->parentField)->target;
        if (parent->spec->name != expected)
            return Error { u"bad_request"_s, u"the parent of a %1 is a %2, not a %3"_s.arg(type, expected, parent->spec->name) };
        all.prepend({ spec->parentField, parentId });
        // New entries go to the end of their list.
        if (spec->field(u"position"_s)) {
            QString last;
            for (const EntityRecord &sibling : m_store->children(*spec, parentId))
                last = qMax(last, sibling.value(u"position"_s));
            all.append({ u"position"_s, OrderKey::between(last, QString()) });
        }
    }
    if (Status once = eachFieldOnce(all); !once)
        return once.error();
    for (const auto &[field, value] : all) {
        if (!spec->field(field))
            return Error { u"unknown_field"_s, u"%1 has no field '%2'"_s.arg(type, field) };
        made << m_editor.set(draft, field, value);
    }
    changes << made;
    return draft.id;
}

Result<QString> LocalReplica::add(const QString &type, const QString &parentId, const Fields &fields)
{
    QList<Change> changes;
    const auto id = newEntity(type, parentId, fields, changes);
    if (!id)
        return id;
    if (Status committed = commitLocal(changes); !committed)
        return committed.error();
    return id;
}

Result<QStringList> LocalReplica::applyEdits(const QList<EntityEdit> &edits)
{
    QList<Change> changes;
    QStringList ids;
    for (const EntityEdit &edit : edits) {
        if (edit.id.isEmpty()) {
            const auto id = newEntity(edit.type, edit.parentId, edit.fields, changes);
            if (!id)
                return id.error();
            ids << id.value();
            continue;
        }
        const auto record = liveRecord(edit.id);
        if (!record)
            return record.error();
        for (const auto &[field, value] : edit.fields) {
            if (!record->spec->field(field))
                return Error { u"unknown_field"_s, u"%1 has no field '%2'"_s.arg(record->spec->name, field) };
            changes << m_editor.set(record.value(), field, value);
        }
        ids << edit.id;
    }
    if (Status committed = commitLocal(changes); !committed)
        return committed.error();
    return ids;
}

Result<QString> LocalReplica::submit(const QString &planId, const QString &label)
{
    const auto plan = liveRecord(planId);
    if (!plan)
        return plan.error();
    if (plan->spec->name != u"plan"_s)
        return Error { u"bad_request"_s, u"%1 is a %2, not a plan"_s.arg(planId, plan->spec->name) };
    const PlanSnapshot snapshot = PlanSnapshot::build(*plan, [this](const EntitySpec &spec, const QString &parent) {
        return m_store->children(spec, parent);
    });
    const QString submittedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    // The snapshot comes last: it seals the version (Permissions), so every other field must precede it.
    QList<Change> changes;
    Fields fields { { u"submitted_at"_s, submittedAt } };
    if (!label.isEmpty())
        fields.prepend({ u"label"_s, label });
    fields.append({ u"snapshot"_s, snapshot.encode() });
    const auto version = newEntity(u"plan_version"_s, planId, fields, changes);
    if (!version)
        return version;
    changes << m_editor.set(*plan, u"review_status"_s, u"submitted"_s);
    if (Status committed = commitLocal(changes); !committed)
        return committed.error();
    return version;
}

Status LocalReplica::set(const QString &entityId, const Fields &fields)
{
    const auto record = liveRecord(entityId);
    if (!record)
        return record.error();
    if (Status once = eachFieldOnce(fields); !once)
        return once;
    QList<Change> changes;
    for (const auto &[field, value] : fields) {
        if (!record->spec->field(field))
            return Error { u"unknown_field"_s, u"%1 has no field '%2'"_s.arg(record->spec->name, field) };
        changes << m_editor.set(record.value(), field, value);
    }
    return commitLocal(changes);
}

Status LocalReplica::remove(const QString &entityId)
{
    const auto record = liveRecord(entityId);
    if (!record)
        return record.error();
    return commitLocal({ m_editor.remove(record.value()) });
}

Status LocalReplica::restore(const QString &entityId)
{
    const auto record = m_store->record(entityId);
    if (!record || !record->exists())
        return notFound(entityId);
    if (!record->isDeleted())
        return Error { u"not_deleted"_s, u"%1 is not deleted"_s.arg(entityId) };
    return commitLocal({ m_editor.restore(*record) });
}

Status LocalReplica::resolve(const QString &conflictId, std::optional<Keep> keep, const QString &value)
{
    const QList<Conflict> conflicts = m_store->conflicts();
    const auto conflict = std::find_if(conflicts.cbegin(), conflicts.cend(),
                                       [&](const Conflict &c) { return c.id == conflictId; });
    if (conflict == conflicts.cend())
        return Error { u"not_found"_s, u"no open conflict %1"_s.arg(conflictId) };
    const auto record = m_store->record(conflict->entityId);
    if (!record)
        return notFound(conflict->entityId);
    QString chosen = value;
    if (keep) {
        bool pickKept = *keep == Keep::Kept;
        if (*keep == Keep::Mine || *keep == Keep::Theirs) {
            // "Mine" is this device's side; failing that (two other laptops), this account's side.
            bool keptIsMine = conflict->kept.device == device();
            if (keptIsMine == (conflict->other.device == device())) {
                const QString user = m_account ? m_account->user : QString();
                keptIsMine = conflict->kept.author == user;
                if (keptIsMine == (conflict->other.author == user))
                    return Error { u"ambiguous"_s,
                                   u"neither or both sides of %1 are yours; give the value to keep"_s.arg(conflictId) };
            }
            pickKept = (*keep == Keep::Mine) == keptIsMine;
        }
        const FieldVersion &pick = pickKept ? conflict->kept : conflict->other;
        chosen = pick.value;
        if (conflict->kind == Conflict::Kind::EditVsDelete)
            chosen = pick.changeId == conflict->kept.changeId ? Change::deleted : Change::live;
    }
    return commitLocal({ m_editor.resolve(*record, *conflict, chosen) });
}

int LocalReplica::pendingCount()
{
    return m_store->outboxSize();
}

QList<Change> LocalReplica::outbox(int limit)
{
    return m_store->outbox(limit);
}

Result<QHash<QString, QString>> LocalReplica::sealsOf(const QList<Change> &changes)
{
    QStringList others;
    for (const Change &change : changes) {
        if (change.device != device())
            others << change.id;
    }
    if (others.isEmpty())
        return QHash<QString, QString>();
    return m_store->sealsOf(others);
}

Status LocalReplica::acknowledge(const QStringList &accepted, const QList<RejectedChange> &rejected)
{
    QList<ReplicaStore::Rejection> rows;
    for (const RejectedChange &r : rejected)
        rows.append({ r.change.id, r.code, r.message, r.at.toUTC().toString(Qt::ISODateWithMs), r.change });
    Status done = m_store->acknowledge(accepted, rows);
    if (done)
        writeCheck();
    return done;
}

QList<RejectedChange> LocalReplica::rejected()
{
    QList<RejectedChange> all;
    for (const ReplicaStore::Rejection &row : m_store->rejections())
        all.append({ row.change, row.code, row.message, QDateTime::fromString(row.at, Qt::ISODateWithMs) });
    return all;
}

Status LocalReplica::applyPulled(const QList<Change> &changes, qint64 nextCursor, const QString &nextTag,
                                 const QList<ReplicaStore::Seal> &seals)
{
    const auto applied = m_store->applyRemote(
            changes, { { cursorKey, QString::number(nextCursor) }, { cursorTagKey, nextTag.isNull() ? u""_s : nextTag } },
            seals);
    if (!applied)
        return applied.error();
    for (const Change &change : changes)
        m_clock.observe(change.hlc);
    writeCheck();
    return Ok {};
}

Status LocalReplica::importBootstrap(const QList<SnapshotEntity> &entities)
{
    return m_store->importSnapshot(entities);
}
