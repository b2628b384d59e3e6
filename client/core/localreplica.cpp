// SPDX-License-Identifier: GPL-3.0-or-later
// LocalReplica: local edits, the outbox and applying what the server sent.
#include "localreplica.h"
#include "localreplicakeys.h"

#include "model/permissions.h"
#include "model/plansnapshot.h"
#include "model/orderkey.h"

#include <QDateTime>
#include <QSet>

#include <utility>

using namespace Qt::Literals::StringLiterals;
using namespace LocalReplicaKeys;

namespace {

/** Diagnostic aid: WERKSTATTPLAN_CLOCK_SKEW_MS shifts this device's clock, to try out a wrong laptop clock. */
HlcClock::TimeSource skewedClock()
{
    const qint64 skew = qEnvironmentVariable("WERKSTATTPLAN_CLOCK_SKEW_MS").toLongLong();
    return [skew] { return QDateTime::currentMSecsSinceEpoch() + skew; };
}

Error notFound(const QString &id)
{
    return { u"not_found"_s, u"no entity %1 in this replica"_s.arg(id) };
}

} // namespace

LocalReplica::LocalReplica(QString folder, std::unique_ptr<ReplicaStore> store, QString device,
                           HlcClock::TimeSource wallClock)
    : m_folder(std::move(folder)),
      m_store(std::move(store)),
      m_clock(std::move(device), HlcClock::defaultMaxDriftMs, wallClock ? std::move(wallClock) : skewedClock()),
      m_editor(m_clock, localAuthor)
{
    // Continue after the last stamp this replica issued, even if the clock went back since.
    m_clock.observe(Hlc::fromString(m_store->clientState(lastStampKey)));
    // Only a replica synced into holds every own change up to its greatest own HLC: a new one, or
    // one rebuilt around the edits saved from a damaged file, has its own earlier pushes only by the
    // bootstrap to come, so it names no bound until a pull reached the server's end.
    if (cursor() > 0)
        m_ownHlcAtOpen = m_store->greatestHlcOf(m_clock.device());
}

Hlc LocalReplica::pullMine()
{
    return m_ownChangesComplete ? m_store->greatestHlcOf(device()) : m_ownHlcAtOpen;
}

LocalReplica::~LocalReplica() = default;

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
    if (committed && !m_inAll)
        writeCheck();
    return committed;
}

Status LocalReplica::beginAll()
{
    if (Status begun = m_store->beginAll(); !begun)
        return begun;
    m_inAll = true;
    return Ok {};
}

Status LocalReplica::commitAll()
{
    m_inAll = false;
    Status committed = m_store->commitAll();
    if (committed)
        writeCheck();
    return committed;
}

void LocalReplica::rollBackAll()
{
    m_inAll = false;
    m_store->rollBackAll();
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

Status LocalReplica::importBootstrap(const QList<SnapshotEntity> &entities, const BootstrapProgress &progress)
{
    // The page and where the bootstrap stands commit together: an interruption resumes after the last page stored.
    return m_store->importSnapshot(entities, { { bootstrapCursorKey, QString::number(progress.cursor) },
                                               { bootstrapAfterKey, QString::number(progress.after) } });
}

Result<QStringList> LocalReplica::entitiesToComplete(const QList<Change> &changes)
{
    return m_store->entitiesToComplete(changes);
}

Result<QStringList> LocalReplica::historiesDue()
{
    return m_store->historiesDue();
}

bool LocalReplica::hasPartialHistory(const QString &entityId)
{
    const auto partial = m_store->hasPartialHistory(entityId);
    return partial && partial.value();
}

Status LocalReplica::completeHistory(const QString &entityId, const QList<Change> &history)
{
    Status done = m_store->completeHistory(entityId, history);
    if (done)
        writeCheck();
    return done;
}

