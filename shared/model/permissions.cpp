// SPDX-License-Identifier: GPL-3.0-or-later
#include "permissions.h"

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

Status Permissions::mayWrite(const Change &change)
{
    const EntitySpec &spec = *Schema::instance().entity(change.entityType);
    if (spec.name == u"plan"_s)
        return mayWritePlan(change);
    switch (spec.writer) {
    case Writer::Office:
        return m_actor.office ? Status(Ok {}) : forbidden(u"only the project office writes %1"_s.arg(spec.name));
    case Writer::Author:
        return mayWriteComment(change);
    case Writer::PlanEditor:
    case Writer::ReviewWorkflow:
        if (spec.name == u"plan_version"_s)
            if (Status sealed = mayWriteVersion(change); !sealed)
                return sealed;
        return mayWritePlanContent(change, spec);
    }
    return forbidden(u"unknown rule"_s);
}

Status Permissions::mayWritePlan(const Change &change)
{
    const bool isSet = change.op == Change::Op::Set;
    if (isSet && change.field == u"review_status"_s) {
        if (m_actor.office)
            return Ok {};
        const bool submitting = change.value == u"draft"_s || change.value == u"submitted"_s;
        if (ownsPlan(change.entityId) && submitting)
            return Ok {};
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
    return Ok {};
}
