// SPDX-License-Identifier: GPL-3.0-or-later
#include "planeditor.h"

#include "model/orderkey.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

bool hasField(const LocalReplica::Fields &fields, const QString &name)
{
    return std::any_of(fields.cbegin(), fields.cend(), [&](const auto &field) { return field.first == name; });
}

} // namespace

PlanEditor::PlanEditor(LocalReplica &replica)
    : m_replica(replica),
      m_view(replica.store())
{ }

QString PlanEditor::commentKind() const
{
    const auto account = m_replica.account();
    return account && account->isOffice() ? u"review"_s : u"peer"_s;
}

LocalReplica::Fields PlanEditor::withDefaults(const QString &type, const LocalReplica::Fields &fields) const
{
    LocalReplica::Fields complete = fields;
    const EntitySpec *spec = Schema::instance().entity(type);
    if (!spec)
        return complete; // the replica refuses the unknown type
    for (const FieldSpec &field : spec->fields) {
        if (hasField(complete, field.name))
            continue;
        if (!field.defaultValue.isEmpty())
            complete.append({ field.name, field.defaultValue });
        else if (type == u"comment"_s && field.name == u"kind"_s)
            complete.append({ field.name, commentKind() });
    }
    return complete;
}

Result<QString> PlanEditor::add(const QString &type, const QString &parentId, const LocalReplica::Fields &fields)
{
    return m_replica.add(type, parentId, withDefaults(type, fields));
}

Status PlanEditor::set(const QString &entityId, const LocalReplica::Fields &fields)
{
    return m_replica.set(entityId, fields);
}

Status PlanEditor::remove(const QString &entityId)
{
    return m_replica.remove(entityId);
}

Status PlanEditor::restore(const QString &entityId)
{
    return m_replica.restore(entityId);
}

Result<QString> PlanEditor::addComment(const QString &targetId, const QString &body, const QString &replyToId)
{
    const QString text = body.trimmed();
    if (text.isEmpty())
        return Error { u"invalid_value"_s, u"a comment needs a text"_s };
    const auto target = m_replica.store().record(targetId);
    LocalReplica::Fields fields { { u"target"_s, targetId }, { u"body"_s, text } };
    if (!replyToId.isEmpty())
        fields.append({ u"reply_to"_s, replyToId });
    // Without a known target there is no plan: the replica refuses it as it refuses any comment without one.
    return add(u"comment"_s, target ? m_view.planOf(*target) : QString(), fields);
}

Result<QString> PlanEditor::positionAfterMove(const QString &entityId, int step)
{
    if (step != -1 && step != 1)
        return Error { u"invalid_value"_s, u"an entry moves one place up or down"_s };
    const auto record = m_replica.store().record(entityId);
    if (!record || record->spec->parentField.isEmpty() || !record->spec->field(u"position"_s))
        return Error { u"not_found"_s, entityId };
    const QList<EntityRecord> siblings = m_view.orderedChildren(*record->spec, record->value(record->spec->parentField));
    const auto at = std::find_if(siblings.cbegin(), siblings.cend(), [&](const EntityRecord &r) { return r.id == entityId; });
    const qsizetype target = (at - siblings.cbegin()) + step;
    if (at == siblings.cend() || target < 0 || target >= siblings.size())
        return Error { u"stale_position"_s, entityId };
    const auto key = [&](qsizetype i) {
        return i >= 0 && i < siblings.size() ? siblings[i].value(u"position"_s) : QString();
    };
    // Between the neighbour it passes and the one after that neighbour.
    const QString position = step < 0 ? OrderKey::between(key(target - 1), key(target))
                                       : OrderKey::between(key(target), key(target + 1));
    if (position.isEmpty())
        return Error { u"stale_position"_s, entityId };
    return position;
}

Result<QString> PlanEditor::move(const QString &entityId, int step)
{
    auto position = positionAfterMove(entityId, step);
    if (!position)
        return position;
    if (Status moved = set(entityId, { { u"position"_s, *position } }); !moved)
        return moved.error();
    return position;
}

Result<PlanEditor::FigureEdit> PlanEditor::setSynopsisFigure(const QString &municipalityId, const QString &key,
                                                             const QString &value, const QString &unit,
                                                             const QString &year)
{
    FigureEdit edit;
    edit.after = { { u"value"_s, value }, { u"unit"_s, unit } };
    const EntitySpec &spec = *Schema::instance().entity(u"synopsis_figure"_s);
    for (const EntityRecord &figure : m_replica.store().children(spec, municipalityId)) {
        if (figure.value(u"key"_s) != key || figure.value(u"year"_s) != year)
            continue;
        for (const auto &[field, _] : edit.after)
            edit.before.append({ field, figure.value(field) });
        if (Status updated = set(figure.id, edit.after); !updated)
            return updated.error();
        edit.id = figure.id;
        return edit;
    }
    auto id = add(u"synopsis_figure"_s, municipalityId,
                  LocalReplica::Fields { { u"key"_s, key }, { u"year"_s, year } } + edit.after);
    if (!id)
        return id.error();
    edit.id = *id;
    edit.created = true;
    return edit;
}

bool PlanEditor::mayEditField(const QString &entityId, const QString &field)
{
    return !entityId.isEmpty() && m_replica.mayEditField(entityId, field);
}

bool PlanEditor::mayEdit(const QString &entityId)
{
    return !entityId.isEmpty() && m_replica.mayEdit(entityId);
}
