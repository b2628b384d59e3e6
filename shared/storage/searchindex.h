// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/recordcache.h"

#include <optional>

class StatementCache;

/** The full-text index (table search_index, FTS5) over the searchable fields of live entities. */
class SearchIndex
{
public:
    SearchIndex(StatementCache &statements, std::optional<Error> &failure);
    Q_DISABLE_COPY_MOVE(SearchIndex)

    /** What the index holds for a record: its searchable values, null if it is not live or has none. */
    [[nodiscard]] static QString textOf(const EntityRecord &record);
    /** Writes the record's text if it changed (cached.indexedText says what the index holds). */
    bool write(CachedRecord &cached);
    /** Removes the text of the entity with this key (a failure is not reported). */
    void remove(qint64 key);
    /** See ReplicaStore::search(). */
    [[nodiscard]] Result<QStringList> search(const QString &query, int limit);

private:
    StatementCache &m_statements;
    std::optional<Error> &m_failure;
};
