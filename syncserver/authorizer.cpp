// SPDX-License-Identifier: GPL-3.0-or-later
#include "authorizer.h"

#include "model/ownership.h"

using namespace Qt::Literals::StringLiterals;

namespace {

Error forbidden(const QString &why)
{
    return { u"forbidden"_s, why };
}

} // namespace

Authorizer::Authorizer(Account account, ReplicaStore &store, const HlcClock &serverClock)
    : m_account(std::move(account)), m_store(store), m_clock(serverClock)
{
}

std::optional<EntityRecord> Authorizer::current(const QString &entityId)
{
    return m_store.currentRecord(entityId);
}

std::optional<QString> Authorizer::planOf(const QString &entityId)
{
    if (const auto it = m_planCache.constFind(entityId); it != m_planCache.cend())
        return *it;
    const auto record = current(entityId);
    if (!record || !record->exists())
        return std::nullopt;
    const auto plan = Ownership::planOf(*record, [this](const QString &id) { return current(id); });
    if (plan)
        m_planCache.insert(entityId, *plan);
    return plan;
}

QString Authorizer::municipalityOfPlan(const QString &planId)
{
    const auto plan = current(planId);
    return plan ? plan->value(u"municipality"_s) : QString();
}

bool Authorizer::ownsPlan(const QString &planId)
{
    return !m_account.isOffice() && !planId.isEmpty() && municipalityOfPlan(planId) == m_account.municipalityId;
}

bool Authorizer::readsPlan(const QString &planId)
{
    if (m_account.isOffice() || ownsPlan(planId))
        return true;
    const auto plan = current(planId);
    return plan && plan->value(u"shared"_s) == u"true"_s;
}

Status Authorizer::admit(const Change &change)
{
    if (change.author != m_account.user || change.device != m_account.device)
        return Error { u"author_mismatch"_s, u"changes must be made by %1 on device %2"_s.arg(m_account.user, m_account.device) };
    if (!m_clock.withinDrift(change.hlc))
        return Error { u"clock_ahead"_s, u"the stamp %1 is more than %2 s ahead of the server's clock"_s.arg(
                                                 change.hlc.toString())
                                                 .arg(m_clock.maxDriftMs() / 1000) };
    const EntitySpec &spec = *Schema::instance().entity(change.entityType);
    if (spec.name == u"plan"_s)
        return admitPlan(change);
    switch (spec.writer) {
    case Writer::Office:
        return m_account.isOffice() ? Status(Ok {}) : forbidden(u"only the project office writes %1"_s.arg(spec.name));
    case Writer::Author:
        return admitComment(change);
    case Writer::PlanEditor:
    case Writer::ReviewWorkflow:
        return admitPlanContent(change, spec);
    }
    return forbidden(u"unknown rule"_s);
}

Status Authorizer::admitPlan(const Change &change)
{
    const bool isSet = change.op == Change::Op::Set;
    if (isSet && change.field == u"review_status"_s) {
        if (m_account.isOffice())
            return Ok {};
        const bool submitting = change.value == u"draft"_s || change.value == u"submitted"_s;
        if (ownsPlan(change.entityId) && submitting)
            return Ok {};
        return forbidden(u"only the project office sets the review status to %1"_s.arg(change.value));
    }
    if (isSet && change.field == u"municipality"_s) {
        if (m_account.isOffice())
            return Ok {};
        const QString owner = municipalityOfPlan(change.entityId);
        if (change.value == m_account.municipalityId && (owner.isEmpty() || owner == m_account.municipalityId))
            return Ok {};
        return forbidden(u"a plan can only be given to your own municipality"_s);
    }
    if (change.op == Change::Op::Create)
        return Ok {}; // belongs to nobody until its municipality is set
    if (m_account.isOffice())
        return forbidden(u"the project office reads plans and writes review notes, it does not edit plans"_s);
    if (ownsPlan(change.entityId) || (municipalityOfPlan(change.entityId).isEmpty()
                                      && m_store.creatorOf(change.entityId) == m_account.user))
        return Ok {};
    return forbidden(u"%1 is not your plan"_s.arg(change.entityId));
}

Status Authorizer::admitPlanContent(const Change &change, const EntitySpec &spec)
{
    if (m_account.isOffice())
        return forbidden(u"the project office reads plans and writes review notes, it does not edit plans"_s);
    if (change.op == Change::Op::Create)
        return Ok {}; // belongs to nobody until its parent is set
    const auto plan = planOf(change.entityId);
    if (plan) {
        if (!ownsPlan(*plan))
            return forbidden(u"%1 belongs to %2, which is not your plan"_s.arg(change.entityId, *plan));
    } else if (m_store.creatorOf(change.entityId) != m_account.user) {
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

Status Authorizer::admitComment(const Change &change)
{
    if (change.op == Change::Op::Create)
        return Ok {};
    const auto comment = current(change.entityId);
    const bool isAuthor = m_store.creatorOf(change.entityId) == m_account.user;
    const QString plan = comment ? comment->value(u"plan"_s) : QString();
    if (change.op == Change::Op::Set && change.field == u"resolved"_s) {
        if (isAuthor || m_account.isOffice() || ownsPlan(plan))
            return Ok {};
        return forbidden(u"only the author, the plan's municipality or the office resolve a comment"_s);
    }
    if (!isAuthor)
        return forbidden(u"comments belong to their author"_s);
    if (change.op == Change::Op::Set && change.field == u"plan"_s && !readsPlan(change.value))
        return forbidden(u"you cannot read %1"_s.arg(change.value));
    if (change.op == Change::Op::Set && change.field == u"kind"_s && change.value == u"review"_s
        && !m_account.isOffice())
        return forbidden(u"only the project office writes review notes"_s);
    return Ok {};
}
