// SPDX-License-Identifier: GPL-3.0-or-later
#include "permissions.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

Error forbidden(const QString &why)
{
    return { u"forbidden"_s, why };
}

const QString editsNoPlans = u"the project office reads plans and writes review notes, it does not edit plans"_s;

} // namespace

Permissions::Permissions(Actor actor, Lookups lookups) : m_actor(std::move(actor)), m_lookups(std::move(lookups)) { }

std::optional<QString> Permissions::planOf(const QString &entityId)
{
    if (const auto it = m_planCache.constFind(entityId); it != m_planCache.cend())
        return *it;
    const auto record = m_lookups.record(entityId);
    if (!record || !record->exists())
        return std::nullopt;
    const auto plan = Ownership::planOf(*record, m_lookups.record);
    if (plan)
        m_planCache.insert(entityId, *plan);
    return plan;
}

QString Permissions::municipalityOfPlan(const QString &planId)
{
    const auto plan = m_lookups.record(planId);
    return plan ? plan->value(u"municipality"_s) : QString();
}

bool Permissions::ownsPlan(const QString &planId)
{
    return !m_actor.office && !planId.isEmpty() && municipalityOfPlan(planId) == m_actor.municipalityId;
}

bool Permissions::readsPlan(const QString &planId)
{
    if (m_actor.office || ownsPlan(planId))
        return true;
    const auto plan = m_lookups.record(planId);
    return plan && plan->value(u"shared"_s) == u"true"_s;
}

Status Permissions::fitsTheEntity(const Change &change)
{
    // Every op is judged against the entity as it stands. A create only makes a new id: one of an id that
    // exists, live or deleted, would write into another's record, plan or sealed version. Every other op
    // needs an entity that exists (a write to a missing id would claim it for whoever creates it later).
    const auto existing = m_lookups.record(change.entityId);
    if (change.op == Change::Op::Create) {
        if (existing && !existing->isEmpty())
            return forbidden(u"%1 exists already; a create makes a new entity"_s.arg(change.entityId));
    } else if (!existing || !existing->exists()) {
        return forbidden(u"%1 does not exist"_s.arg(change.entityId));
    }
    return Ok {};
}

Status Permissions::mayWrite(const Change &change)
{
    const EntitySpec &spec = *Schema::instance().entity(change.entityType);
    if (Status fits = fitsTheEntity(change); !fits)
        return fits;
    if (spec.name == u"plan"_s)
        return mayWritePlan(change);
    if (spec.name == u"device"_s)
        return mayWriteDevice(change);
    switch (spec.writer) {
    case Writer::Office:
        return m_actor.office ? Status(Ok {}) : forbidden(u"only the project office writes %1"_s.arg(spec.name));
    case Writer::Author:
        return mayWriteComment(change);
    case Writer::PlanEditor:
    case Writer::ReviewWorkflow: {
        const bool version = spec.name == u"plan_version"_s;
        if (version)
            if (Status sealed = mayWriteVersion(change); !sealed)
                return sealed;
        Status admitted = mayWritePlanContent(change, spec);
        // The snapshot seals a submission's version: the plan may now be marked submitted in this batch.
        if (admitted && version && change.op == Change::Op::Set && change.field == u"snapshot"_s
            && !change.value.isEmpty())
            if (const auto plan = planOf(change.entityId))
                m_submittedPlans.insert(*plan);
        return admitted;
    }
    }
    return forbidden(u"unknown rule"_s);
}

Status Permissions::mayWritePlan(const Change &change)
{
    const bool isSet = change.op == Change::Op::Set;
    if (isSet && change.field == u"review_status"_s) {
        static const QStringList reviewStates { u"in_review"_s, u"reviewed"_s, u"changes_requested"_s };
        const auto plan = m_lookups.record(change.entityId);
        const bool unset = !plan || plan->value(u"review_status"_s).isEmpty();
        const bool mayWritePlan = m_actor.office || ownsPlan(change.entityId);
        if (change.value == u"draft"_s && unset && mayWritePlan)
            return Ok {}; // a new plan starts as a draft
        if (m_actor.office) {
            if (reviewStates.contains(change.value))
                return Ok {};
            return forbidden(u"the project office reviews a plan; only its municipality submits it"_s);
        }
        if (!ownsPlan(change.entityId))
            return forbidden(u"%1 is not your plan"_s.arg(change.entityId));
        // Submitted means: there is a frozen version of what was submitted (LocalReplica::submit).
        if (change.value == u"submitted"_s) {
            if (m_submittedPlans.contains(change.entityId))
                return Ok {};
            return forbidden(u"a plan is submitted together with the version that freezes it, not by setting its status"_s);
        }
        return forbidden(u"only the project office sets the review status to %1"_s.arg(change.value));
    }
    if (isSet && change.field == u"municipality"_s) {
        if (m_actor.office)
            return Ok {};
        const QString owner = municipalityOfPlan(change.entityId);
        if (change.value == m_actor.municipalityId && (owner.isEmpty() || owner == m_actor.municipalityId))
            return Ok {};
        return forbidden(u"a plan can only be given to your own municipality"_s);
    }
    if (change.op == Change::Op::Create)
        return Ok {}; // belongs to nobody until its municipality is set
    if (m_actor.office)
        return forbidden(editsNoPlans);
    if (ownsPlan(change.entityId)
        || (municipalityOfPlan(change.entityId).isEmpty() && m_lookups.creatorOf(change.entityId) == m_actor.user))
        return Ok {};
    return forbidden(u"%1 is not your plan"_s.arg(change.entityId));
}

Status Permissions::mayWritePlanContent(const Change &change, const EntitySpec &spec)
{
    if (m_actor.office)
        return forbidden(editsNoPlans);
    if (change.op == Change::Op::Create)
        return Ok {}; // belongs to nobody until its parent is set
    const auto plan = planOf(change.entityId);
    if (plan) {
        if (!ownsPlan(*plan))
            return forbidden(u"%1 belongs to %2, which is not your plan"_s.arg(change.entityId, *plan));
    } else if (m_lookups.creatorOf(change.entityId) != m_actor.user) {
        return forbidden(u"%1 is not yet part of a plan and was created by someone else"_s.arg(change.entityId));
    }
    if (change.op == Change::Op::Set && change.field == spec.parentField) {
        // Moving (or attaching) the entity: the new parent must be in the own plan too.
        m_planCache.remove(change.entityId);
        const auto target = change.value.isEmpty() ? std::nullopt : planOf(change.value);
        if (!target || !ownsPlan(*target))
            return forbidden(u"%1 can only be placed in your own plan"_s.arg(change.entityId));
    }
    return Ok {};
}

Status Permissions::mayWriteVersion(const Change &change)
{
    // A submitted version is a record of what was submitted: each field is written once, and the
    // snapshot, written last, seals it. No later edit, delete or restore by anyone.
    if (change.op == Change::Op::Create)
        return Ok {};
    const auto version = m_lookups.record(change.entityId);
    const bool sealed = version && !version->value(u"snapshot"_s).isEmpty();
    if (change.op == Change::Op::Set && !sealed && (!version || version->value(change.field).isEmpty()))
        return Ok {};
    return forbidden(u"%1 is a submitted version and cannot be changed"_s.arg(change.entityId));
}

Status Permissions::mayWriteComment(const Change &change)
{
    if (change.op == Change::Op::Create)
        return Ok {};
    const auto comment = m_lookups.record(change.entityId);
    const bool isAuthor = m_lookups.creatorOf(change.entityId) == m_actor.user;
    const QString plan = comment ? comment->value(u"plan"_s) : QString();
    if (change.op == Change::Op::Set && change.field == u"resolved"_s) {
        if (isAuthor || m_actor.office || ownsPlan(plan))
            return Ok {};
        return forbidden(u"only the author, the plan's municipality or the office resolve a comment"_s);
    }
    if (!isAuthor)
        return forbidden(u"comments belong to their author"_s);
    if (change.op == Change::Op::Set && change.field == u"plan"_s && !readsPlan(change.value))
        return forbidden(u"you cannot read %1"_s.arg(change.value));
    if (change.op == Change::Op::Set && change.field == u"kind"_s && change.value == u"review"_s && !m_actor.office)
        return forbidden(u"only the project office writes review notes"_s);
    if (change.op == Change::Op::Set && change.field == u"reply_to"_s && !change.value.isEmpty()) {
        // An answer joins its thread; a review thread is between the office and the plan's municipality.
        const auto parent = m_lookups.record(change.value);
        if (!parent || !parent->exists() || parent->spec->name != u"comment"_s)
            return forbidden(u"%1 is not a comment"_s.arg(change.value));
        if (Ownership::inReviewThread(*parent, m_lookups.record) && !m_actor.office
            && !ownsPlan(parent->value(u"plan"_s)))
            return forbidden(u"a review note is answered by the office or the plan's municipality"_s);
    }
    return Ok {};
}

Status Permissions::probe(const EntityRecord &record, const QString &field, const QString &value)
{
    Change change;
    change.op = Change::Op::Set;
    change.entityType = record.spec->name;
    change.entityId = record.id;
    change.field = field;
    change.value = value;
    return mayWrite(change);
}

bool Permissions::mayEditField(const EntityRecord &record, const QString &field)
{
    const int index = record.spec ? record.spec->fieldIndex(field) : -1;
    if (index < 0 || !record.isLive() || record.spec->writerOf(index) == Writer::ReviewWorkflow)
        return false;
    if (record.spec->fields[index].type == FieldType::Enum)
        return !settableChoices(record, field).isEmpty();
    // Writing the value it has: allowed exactly when the field may be changed at all.
    return bool(probe(record, field, record.value(field)));
}

bool Permissions::mayEditRecord(const EntityRecord &record)
{
    if (!record.spec)
        return false;
    // Its parent link does not count: the office gives a plan to a municipality, it does not edit the plan.
    return std::any_of(record.spec->fields.cbegin(), record.spec->fields.cend(), [&](const FieldSpec &field) {
        return field.name != record.spec->parentField && mayEditField(record, field.name);
    });
}

QStringList Permissions::settableChoices(const EntityRecord &record, const QString &field)
{
    QStringList settable;
    const FieldSpec *spec = record.spec ? record.spec->field(field) : nullptr;
    if (!spec || !record.isLive())
        return settable;
    for (const QString &choice : spec->choices) {
        if (probe(record, field, choice))
            settable << choice;
    }
    return settable;
}

Status Permissions::mayWriteDevice(const Change &change)
{
    // A device describes itself: only it writes its record (its id is the device id), for its own account,
    // and it can only claim the municipality of that account (none for the office).
    if (change.entityId != change.device)
        return forbidden(u"a device writes only its own record"_s);
    if (change.op != Change::Op::Create && m_lookups.creatorOf(change.entityId) != m_actor.user)
        return forbidden(u"the device %1 belongs to another account"_s.arg(change.entityId));
    const QString own = m_actor.office ? QString() : m_actor.municipalityId;
    if (change.op == Change::Op::Set && change.field == u"municipality"_s && change.value != own)
        return forbidden(u"a device can only name the municipality of its account"_s);
    return Ok {};
}
