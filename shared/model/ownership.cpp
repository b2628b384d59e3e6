// SPDX-License-Identifier: GPL-3.0-or-later
#include "ownership.h"

using namespace Qt::Literals::StringLiterals;

namespace Ownership {

std::optional<QString> planOf(const EntityRecord &record, const Lookup &lookup)
{
    const EntityRecord *current = &record;
    std::optional<EntityRecord> parent;
    // The schema is at most five levels deep; the bound also stops a crafted reference cycle.
    for (int depth = 0; depth < 8; ++depth) {
        if (current->spec->name == u"plan"_s)
            return current->id;
        if (current->spec->parentField.isEmpty())
            return everyone;
        const QString parentId = current->value(current->spec->parentField);
        if (parentId.isEmpty())
            return std::nullopt;
        parent = lookup(parentId);
        if (!parent || !parent->exists())
            return std::nullopt;
        current = &*parent;
    }
    return std::nullopt;
}

QString readScope(const EntityRecord &record, const Lookup &lookup)
{
    const auto plan = planOf(record, lookup);
    if (!plan)
        return unresolved;
    if (record.spec->name == u"comment"_s && inReviewThread(record, lookup))
        return reviewScope(*plan);
    return *plan;
}

bool inReviewThread(const EntityRecord &comment, const Lookup &lookup)
{
    std::optional<EntityRecord> parent;
    const EntityRecord *current = &comment;
    for (int depth = 0; depth < 64; ++depth) {
        if (current->value(u"kind"_s) == u"review"_s)
            return true;
        const QString replyTo = current->value(u"reply_to"_s);
        if (replyTo.isEmpty())
            return false;
        parent = lookup(replyTo);
        if (!parent || !parent->exists() || !parent->spec || parent->spec->name != u"comment"_s)
            return true;
        current = &*parent;
    }
    return true;
}

} // namespace Ownership
