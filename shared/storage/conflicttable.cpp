// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflicttable.h"

#include "storage/statementcache.h"
#include "storage/storerows.h"

using namespace Qt::Literals::StringLiterals;
using namespace StoreRows;
using Statement = StatementCache::Statement;

ConflictTable::ConflictTable(StatementCache &statements, std::optional<Error> &failure)
    : m_statements(statements),
      m_failure(failure)
{
}

bool ConflictTable::write(const EntityRecord &record, const QList<Conflict> &conflicts)
{
    if (m_statements.write(Statement::ClearConflicts, [&](auto &clear) { bind(clear, 0, record.id); }) < 0) {
        m_failure = sqlError(u"cannot update conflicts"_s, m_statements.writeError());
        return false;
    }
    for (const Conflict &conflict : conflicts) {
        const QVariantList values { conflict.id, Conflict::kindName(conflict.kind), conflict.entityType,
                                    conflict.entityId, conflict.field, conflict.kept.changeId,
                                    conflict.kept.value, conflict.other.changeId, conflict.other.value };
        auto fill = [&](auto &insert) {
            for (int i = 0; i < values.size(); ++i)
                bind(insert, i, values[i]);
        };
        if (m_statements.write(Statement::InsertConflict, fill) < 0) {
            m_failure = sqlError(u"cannot store conflict"_s, m_statements.writeError());
            return false;
        }
    }
    return true;
}

QStringList ConflictTable::entityIds()
{
    return firstColumn(m_statements.prepared(u"SELECT DISTINCT entity_id FROM conflicts ORDER BY entity_id"_s));
}
