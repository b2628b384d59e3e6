// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "sync/mergeengine.h"

#include <optional>

class StatementCache;

/** The open conflicts (table conflicts), derived from the merge state of each record. */
class ConflictTable
{
public:
    ConflictTable(StatementCache &statements, std::optional<Error> &failure);
    Q_DISABLE_COPY_MOVE(ConflictTable)

    /** Replaces the conflicts stored for the record with these. */
    bool write(const EntityRecord &record, const QList<Conflict> &conflicts);
    /** Ids of the entities with open conflicts, ascending. */
    [[nodiscard]] QStringList entityIds();

private:
    StatementCache &m_statements;
    std::optional<Error> &m_failure;
};
