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
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString cursorKey = u"cursor"_s;
const QString bootstrappedKey = u"bootstrapped"_s;
const QString lastSyncKey = u"last_complete_sync"_s;
const QString lastStampKey = u"last_hlc"_s;
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

Result<std::unique_ptr<LocalReplica>> LocalReplica::open(const QString &folder, OpenReport *report)
{
    if (!QDir().mkpath(folder))
        return Error { u"storage_error"_s, u"cannot create the folder %1"_s.arg(folder) };
    const QString path = QDir(folder).filePath(replicaFile);
    auto store = ReplicaStore::open(path);
    QList<Change> salvaged;
    OpenReport opened;
    if (!store && (store.errorCode() == u"replica_corrupt"_s || store.errorCode() == u"not_a_replica"_s)) {
        // Set aside, never delete: what cannot be salvaged now may still be rescued by hand.
        opened.setAsidePath = path + u".damaged-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMdd'T'HHmmss"_s);
        if (!QFile::rename(path, opened.setAsidePath))
            return Error { u"storage_error"_s, u"cannot move the damaged replica %1 aside"_s.arg(path) };
        for (const QString &suffix : { u"-wal"_s, u"-shm"_s })
            QFile::rename(path + suffix, opened.setAsidePath + suffix);
        qCWarning(lcSync) << "replica" << path << "was damaged; moved to" << opened.setAsidePath;
        salvaged = ReplicaStore::salvageOutbox(opened.setAsidePath);
        store = ReplicaStore::open(path);
    }
    if (!store)
        return store.error();
    std::unique_ptr<LocalReplica> replica(new LocalReplica(folder, std::move(store).value(), deviceOf(folder)));
    if (Status loaded = replica->loadAccount(); !loaded)
        return loaded.error();
    if (!salvaged.isEmpty()) {
        // Queued again as they were: same ids, so the server takes each once even if it had it.
        if (Status queued = replica->m_store->applyLocal(salvaged, {}); !queued)
            return queued.error();
        opened.salvagedChanges = int(salvaged.size());
    }
    if (report)
        *report = opened;
    return replica;
}

LocalReplica::LocalReplica(QString folder, std::unique_ptr<ReplicaStore> store, QString device)
    : m_folder(std::move(folder)),
      m_store(std::move(store)),
      m_clock(std::move(device), HlcClock::defaultMaxDriftMs, skewedClock()),
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
    if (json.value(u"token_in_key_store"_s).toBool() && secretStore())
        m_token = secretStore()->read(secretKey()).value_or(QString()); // gone from the key store: sign in again
    if (!json.contains(u"device"_s))
        return setAccount(m_account.value_or(AccountInfo {}), m_token); // writes the device id down
    return Ok {};
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

QDateTime LocalReplica::lastCompleteSync()
{
    return QDateTime::fromString(state(lastSyncKey), Qt::ISODateWithMs);
}

Status LocalReplica::setLastCompleteSync(const QDateTime &when)
{
    return writeState(lastSyncKey, when.toUTC().toString(Qt::ISODateWithMs));
}

bool LocalReplica::needsBootstrap()
{
    return state(bootstrappedKey) != u"1"_s;
}

Status LocalReplica::setBootstrapped(qint64 startCursor)
{
    if (Status indexed = m_store->finishImport(); !indexed)
        return indexed;
    if (Status ok = writeState(cursorKey, QString::number(qMax(cursor(), startCursor))); !ok)
        return ok;
    return writeState(bootstrappedKey, u"1"_s);
}

std::optional<Permissions> LocalReplica::permissions()
{
    if (!m_account)
        return std::nullopt;
    return Permissions(Actor { m_account->user, m_account->isOffice(), m_account->municipalityId },
                       Permissions::Lookups { [this](const QString &id) { return m_store->currentRecord(id); },
                                              [this](const QString &id) { return m_store->creatorOf(id); } });
}

Status LocalReplica::commitLocal(const QList<Change> &changes)
{
    std::optional<Permissions> rules = permissions();
    auto admit = [&rules](const Change &change) -> Status {
        return rules ? rules->mayWrite(change) : Status(Ok {});
    };
    return m_store->applyLocal(changes, admit, lastStampKey, m_clock.last().toString());
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
                                        QList<Change> &changes)
{
    const EntitySpec *spec = Schema::instance().entity(type);
    if (!spec)
        return Error { u"unknown_type"_s, u"unknown entity type '%1'"_s.arg(type) };
    EntityRecord draft;
    draft.spec = spec;
    draft.id = LocalEditor::newId();
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

Status LocalReplica::acknowledge(const QStringList &accepted, const QList<RejectedChange> &rejected)
{
    QList<ReplicaStore::Rejection> rows;
    for (const RejectedChange &r : rejected)
        rows.append({ r.change.id, r.code, r.message, r.at.toUTC().toString(Qt::ISODateWithMs), r.change });
    return m_store->acknowledge(accepted, rows);
}

QList<RejectedChange> LocalReplica::rejected()
{
    QList<RejectedChange> all;
    for (const ReplicaStore::Rejection &row : m_store->rejections())
        all.append({ row.change, row.code, row.message, QDateTime::fromString(row.at, Qt::ISODateWithMs) });
    return all;
}

Status LocalReplica::applyPulled(const QList<Change> &changes, qint64 nextCursor)
{
    const auto applied = m_store->applyRemote(changes, cursorKey, QString::number(nextCursor));
    if (!applied)
        return applied.error();
    for (const Change &change : changes)
        m_clock.observe(change.hlc);
    return Ok {};
}

Status LocalReplica::importBootstrap(const QList<SnapshotEntity> &entities)
{
    return m_store->importSnapshot(entities);
}
