// SPDX-License-Identifier: GPL-3.0-or-later
#include "entityrecord.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

QStringList FieldState::headIds() const
{
    QStringList ids;
    ids.reserve(heads.size());
    for (const FieldVersion &head : heads)
        ids << head.changeId;
    return ids;
}

QString Conflict::kindName(Kind kind)
{
    return kind == Kind::ConcurrentEdit ? u"concurrent_edit"_s : u"edit_vs_delete"_s;
}

bool EntityRecord::isEmpty() const
{
    return lifecycle.isEmpty()
            && std::all_of(fields.cbegin(), fields.cend(), [](const FieldState &f) { return f.isEmpty(); });
}

const QString &EntityRecord::value(const QString &field) const
{
    static const QString none;
    const int index = spec ? spec->fieldIndex(field) : -1;
    return index < 0 ? none : fields[index].value;
}

FieldState *EntityRecord::state(const QString &field)
{
    return const_cast<FieldState *>(std::as_const(*this).state(field));
}

const FieldState *EntityRecord::state(const QString &field) const
{
    if (field == Change::stateField)
        return &lifecycle;
    const int index = spec ? spec->fieldIndex(field) : -1;
    return index < 0 ? nullptr : &fields[index];
}
