// SPDX-License-Identifier: GPL-3.0-or-later
#include "partialhistories.h"

#include "storage/changelog.h"
#include "storage/recordcache.h"
#include "storage/statementcache.h"
#include "storage/storerows.h"
#include "sync/partialhistory.h"

using namespace Qt::Literals::StringLiterals;
using namespace StoreRows;
using Statement = StatementCache::Statement;

void PartialHistories::add(const QString &entityId, const QList<Change> &heads, bool completeBeforePull,
                           qint64 historyLength)
{
    if (m_failure)
        return;
    // Once per entity of a compact bootstrap, with a row per head: on SQLite's own API where the store has it.
    if (m_statements.write(Statement::MarkPartial, [&](auto &mark) {
            bind(mark, 0, entityId);
            bind(mark, 1, completeBeforePull ? 1 : 0);
            bind(mark, 2, historyLength >= 0 ? QVariant(historyLength) : QVariant());
        }) < 0) {
        m_failure = sqlError(u"cannot mark %1"_s.arg(entityId), m_statements.writeError());
        return;
    }
    for (const Change &change : heads) {
        if (m_statements.write(Statement::MarkHead, [&](auto &mark) {
                bind(mark, 0, change.id);
                bind(mark, 1, entityId);
            }) < 0) {
            m_failure = sqlError(u"cannot mark %1"_s.arg(change.id), m_statements.writeError());
            return;
        }
    }
}

Result<QHash<QString, qint64>> PartialHistories::among(const QStringList &entityIds)
{
    QHash<QString, qint64> partial;
    QSqlQuery &q = m_statements.prepared(u"SELECT coalesce(history_length, -1) FROM partial_entities WHERE entity_id = ?"_s);
    for (const QString &id : entityIds) {
        q.bindValue(0, id);
        if (!q.exec())
            return sqlError(u"cannot read partial histories"_s, q.lastError());
        if (q.next())
            partial.insert(id, q.value(0).toLongLong());
        q.finish();
    }
    return partial;
}

Result<QStringList> PartialHistories::due()
{
    QSqlQuery &q = m_statements.prepared(u"SELECT entity_id FROM partial_entities WHERE due = 1 ORDER BY entity_id"_s);
    if (!q.exec())
        return sqlError(u"cannot read partial histories"_s, q.lastError());
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

Result<bool> PartialHistories::any()
{
    QSqlQuery &q = m_statements.prepared(u"SELECT 1 FROM partial_entities LIMIT 1"_s);
    if (!q.exec())
        return sqlError(u"cannot read partial histories"_s, q.lastError());
    const bool found = q.next();
    q.finish();
    return found;
}

Result<QHash<QString, PartialHistory::HeldChange>> PartialHistories::heldChanges(const QString &entityId)
{
    QSqlQuery &q = m_statements.prepared(u"SELECT %1, h.change_id IS NOT NULL FROM changes c "
                                         "LEFT JOIN head_changes h ON h.change_id = c.change_id "
                                         "WHERE c.entity_id = ?"_s.arg(
            u"c.change_id, c.op, c.entity_type, c.entity_id, c.field, c.value, c.hlc, c.device, c.author, c.base, "
            "c.seen"_s));
    q.bindValue(0, entityId);
    if (!q.exec())
        return sqlError(u"cannot read the history of %1"_s.arg(entityId), q.lastError());
    QHash<QString, PartialHistory::HeldChange> held;
    while (q.next()) {
        const Change change = changeFromRow(q, 0);
        held.insert(change.id, PartialHistory::heldChange(change, q.value(11).toBool()));
    }
    return held;
}

Result<int> PartialHistories::count()
{
    QSqlQuery &q = m_statements.prepared(u"SELECT count(*) FROM partial_entities"_s);
    if (!q.exec() || !q.next())
        return sqlError(u"cannot read partial histories"_s, q.lastError());
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

Result<QList<Change>> PartialHistories::held(const QString &entityId)
{
    QSqlQuery &q = m_statements.prepared(u"SELECT %1 FROM changes c WHERE c.entity_id = ? ORDER BY c.seq"_s.arg(
            u"c.change_id, c.op, c.entity_type, c.entity_id, c.field, c.value, c.hlc, c.device, c.author, c.base, "
            "c.seen"_s));
    q.bindValue(0, entityId);
    if (!q.exec())
        return sqlError(u"cannot read the history of %1"_s.arg(entityId), q.lastError());
    QList<Change> changes;
    while (q.next())
        changes << changeFromRow(q, 0);
    return changes;
}

void PartialHistories::forget(const QString &entityId)
{
    for (const QString &sql : { u"DELETE FROM changes WHERE change_id IN "
                                "(SELECT change_id FROM head_changes WHERE entity_id = ?)"_s,
                                u"DELETE FROM head_changes WHERE entity_id = ?"_s,
                                u"DELETE FROM partial_entities WHERE entity_id = ?"_s }) {
        if (m_failure)
            return;
        QSqlQuery &q = m_statements.prepared(sql);
        q.bindValue(0, entityId);
        if (!q.exec())
            m_failure = sqlError(u"cannot complete %1"_s.arg(entityId), q.lastError());
    }
}

// ReplicaStore's part: the rules (PartialHistory) over this table, in the store's transactions.

Result<QStringList> ReplicaStore::entitiesToComplete(const QList<Change> &changes)
{
    // Once every history is complete (or after a bootstrap with histories) a pull costs one query here.
    const auto any = m_partial->any();
    if (!any || !any.value())
        return any ? Result<QStringList>(QStringList()) : Result<QStringList>(any.error());
    QStringList named;
    for (const Change &change : changes) {
        if (!named.contains(change.entityId))
            named << change.entityId;
    }
    const auto partial = m_partial->among(named);
    if (!partial)
        return partial.error();
    QHash<QString, PartialHistory::PartialEntity> entities;
    for (auto it = partial->cbegin(); it != partial->cend(); ++it) {
        auto record = currentRecord(it.key());
        auto held = m_partial->heldChanges(it.key());
        if (!held)
            return held.error();
        if (record && record->spec)
            entities.insert(it.key(), { std::move(record).value(), std::move(held).value(), it.value() });
    }
    return PartialHistory::toComplete(changes, std::move(entities));
}

Result<QStringList> ReplicaStore::historiesDue()
{
    return m_partial->due();
}

Result<int> ReplicaStore::partialHistories()
{
    return m_partial->count();
}

Result<bool> ReplicaStore::hasPartialHistory(const QString &entityId)
{
    const auto partial = m_partial->among({ entityId });
    if (!partial)
        return partial.error();
    return !partial->isEmpty();
}

Status ReplicaStore::completeHistory(const QString &entityId, const QList<Change> &fetched)
{
    m_failure.reset();
    if (!beginWrite())
        return beginError(u"cannot begin completing a history"_s);
    auto held = m_partial->held(entityId);
    if (!held) {
        m_failure = held.error();
        return finishWrite();
    }
    const QList<Change> all = PartialHistory::completed(held.value(), fetched);
    auto rebuilt = PartialHistory::rebuild(all);
    if (!rebuilt) {
        m_failure = rebuilt.error();
        return finishWrite();
    }
    m_partial->forget(entityId);
    for (const Change &change : all) {
        if (m_failure)
            break;
        m_log->append(change); // false for a change held already
    }
    if (CachedRecord *cached = cachedRecord(*rebuilt->spec, entityId); cached && !m_failure) {
        cached->record = std::move(rebuilt).value();
        recordUpdated(cached->record, Change());
    } else if (!m_failure) {
        m_failure = Error { u"type_mismatch"_s, u"%1 is not a %2"_s.arg(entityId, rebuilt->spec->name) };
    }
    flushDirty();
    return finishWrite();
}
