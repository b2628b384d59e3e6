// SPDX-License-Identifier: GPL-3.0-or-later
#include "localeditor.h"

#include <QUuid>

LocalEditor::LocalEditor(HlcClock &clock, QString author, IdSource ids)
    : m_clock(clock), m_author(std::move(author)), m_ids(ids ? std::move(ids) : IdSource(&LocalEditor::newId))
{
}

QString LocalEditor::newId()
{
    return QUuid::createUuid().toString(QUuid::Id128);
}

namespace {

/** Heads ascend by stamp: past Change::maxBase the newest are named, the others stay heads (open, not lost). */
QStringList newestBase(QStringList heads)
{
    if (heads.size() > Change::maxBase)
        heads = heads.mid(heads.size() - Change::maxBase);
    return heads;
}

} // namespace

QStringList LocalEditor::editBase(const FieldState &state)
{
    QStringList base;
    for (const FieldVersion &head : state.heads) {
        if (state.merged || head.value == state.value)
            base << head.changeId;
    }
    return newestBase(base);
}

Change LocalEditor::make(Change::Op op, const EntityRecord *record, const QString &type, const QString &id)
{
    Change change;
    change.id = m_ids();
    change.op = op;
    change.entityType = record ? record->spec->name : type;
    change.entityId = record ? record->id : id;
    change.field = Change::stateField;
    change.value = op == Change::Op::Delete ? Change::deleted : Change::live;
    change.hlc = m_clock.tick();
    change.device = m_clock.device();
    change.author = m_author;
    return change;
}

Change LocalEditor::create(const QString &entityType, const QString &entityId)
{
    return make(Change::Op::Create, nullptr, entityType, entityId);
}

Change LocalEditor::set(const EntityRecord &record, const QString &field, const QString &value)
{
    Change change = make(Change::Op::Set, &record, {}, {});
    change.field = field;
    change.value = value;
    if (const FieldState *state = record.state(field))
        change.base = editBase(*state);
    return change;
}

Change LocalEditor::remove(const EntityRecord &record)
{
    Change change = make(Change::Op::Delete, &record, {}, {});
    change.base = newestBase(record.lifecycle.headIds());
    for (const FieldState &field : record.fields)
        change.seen << newestBase(field.headIds());
    change.seen.sort();
    return change;
}

Change LocalEditor::restore(const EntityRecord &record)
{
    Change change = make(Change::Op::Restore, &record, {}, {});
    change.base = newestBase(record.lifecycle.headIds());
    return change;
}

Change LocalEditor::resolve(const EntityRecord &record, const Conflict &conflict, const QString &value)
{
    if (conflict.kind == Conflict::Kind::EditVsDelete || conflict.field == Change::stateField)
        return resolveDeletion(record, value != Change::deleted);
    Change change = set(record, conflict.field, value);
    change.base = record.state(conflict.field)->headIds();
    change.base = newestBase(change.base);
    return change;
}

Change LocalEditor::resolveDeletion(const EntityRecord &record, bool restoreEntity)
{
    return restoreEntity ? restore(record) : remove(record);
}
