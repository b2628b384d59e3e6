// SPDX-License-Identifier: GPL-3.0-or-later
#include "changelog.h"

#include "storage/sqlschema.h"
#include "storage/statementcache.h"
#include "storage/storeconnection.h"
#include "storage/storerows.h"

using namespace Qt::Literals::StringLiterals;
using namespace StoreRows;
using Statement = StatementCache::Statement;

namespace {
/** SQLite page cache while a bootstrap fills a change log without indexes, in KiB. */
constexpr int importCacheKiB = 16 * 1024;
} // namespace

ChangeLog::ChangeLog(StatementCache &statements, std::optional<Error> &failure, int cacheKiB)
    : m_statements(statements),
      m_failure(failure),
      m_cacheKiB(cacheKiB)
{
}

bool ChangeLog::append(const Change &change)
{
    return log(change, int(Statement::AppendChange));
}

bool ChangeLog::appendImported(const Change &change)
{
    return log(change, int(m_indexesDeferred ? Statement::AppendImportedChange : Statement::AppendChange));
}

bool ChangeLog::log(const Change &change, int which)
{
    const int rows = m_statements.write(Statement(which), [&change](auto &q) {
        bind(q, 0, change.id);
        bind(q, 1, Change::opName(change.op));
        bind(q, 2, change.entityType);
        bind(q, 3, change.entityId);
        bind(q, 4, change.field);
        bind(q, 5, change.value.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(change.value));
        bind(q, 6, change.hlc.toString());
        bind(q, 7, change.device);
        bind(q, 8, change.author);
        // Empty lists are stored as '' (not NULL): the columns are NOT NULL.
        bind(q, 9, change.base.isEmpty() ? u""_s : change.base.join(u','));
        bind(q, 10, change.seen.isEmpty() ? u""_s : change.seen.join(u','));
    });
    if (rows < 0) {
        m_failure = sqlError(u"cannot log change"_s, m_statements.writeError());
        return false;
    }
    return rows > 0;
}

std::optional<Change> ChangeLog::find(const QString &changeId)
{
    QSqlQuery &q = m_statements.statement(Statement::FindChange);
    bind(q, 0, changeId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Change change = changeFromRow(q, 0);
    q.finish();
    return change;
}

QList<Change> ChangeLog::history(const QString &entityId)
{
    QList<Change> changes;
    QSqlQuery &q = m_statements.prepared(u"SELECT %1 FROM changes WHERE entity_id = ? ORDER BY seq"_s.arg(
            QLatin1String(changeColumns)));
    q.bindValue(0, entityId);
    if (q.exec()) {
        while (q.next())
            changes << changeFromRow(q, 0);
    }
    q.finish();
    return changes;
}

namespace {
/** The first column of a one-row query as a number (0 if it fails). */
qint64 number(QSqlQuery &q)
{
    const qint64 value = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return value;
}
/** The same as text (empty if it fails). */
QString text(QSqlQuery &q)
{
    const QString value = q.exec() && q.next() ? q.value(0).toString() : QString();
    q.finish();
    return value;
}
} // namespace

qint64 ChangeLog::count()
{
    return number(m_statements.prepared(u"SELECT count(*) FROM changes"_s));
}

qint64 ChangeLog::sequenceOf(const QString &changeId)
{
    QSqlQuery &q = m_statements.prepared(u"SELECT seq FROM changes WHERE change_id = ?"_s);
    q.bindValue(0, changeId);
    return number(q);
}

QString ChangeLog::changeIdAt(qint64 seq)
{
    QSqlQuery &q = m_statements.prepared(u"SELECT change_id FROM changes WHERE seq = ?"_s);
    q.bindValue(0, seq);
    return text(q);
}

qint64 ChangeLog::lastSequence()
{
    return number(m_statements.prepared(u"SELECT coalesce(max(seq), 0) FROM changes"_s));
}

Hlc ChangeLog::greatestHlcOf(const QString &device)
{
    QSqlQuery &q = m_statements.prepared(u"SELECT max(hlc) FROM changes WHERE device = ?"_s);
    q.bindValue(0, device);
    return Hlc::fromString(text(q));
}

QString ChangeLog::creatorOf(const QString &entityId)
{
    QSqlQuery &q = m_statements.prepared(
            u"SELECT author FROM changes WHERE entity_id = ? AND op = 'create' ORDER BY seq LIMIT 1"_s);
    q.bindValue(0, entityId);
    return text(q);
}

QList<QPair<qint64, Change>> ChangeLog::changesAfter(qint64 afterSeq, int limit)
{
    QList<QPair<qint64, Change>> changes;
    QSqlQuery &q = m_statements.prepared(u"SELECT seq, %1 FROM changes WHERE seq > ? ORDER BY seq LIMIT ?"_s.arg(
            QLatin1String(changeColumns)));
    q.bindValue(0, afterSeq);
    q.bindValue(1, limit);
    if (q.exec()) {
        while (q.next())
            changes.append({ q.value(0).toLongLong(), changeFromRow(q, 1) });
    }
    q.finish();
    return changes;
}

Result<ChangePage> ChangeLog::changesAfter(qint64 afterSeq, int limit, const ReadScope &scope)
{
    ChangePage page;
    // Everything up to `last` has committed (writers commit in sequence order),
    // so the page is exact for (afterSeq, last] even if writes go on meanwhile.
    const qint64 last = lastSequence();
    const QString sql = u"SELECT c.seq, %1 FROM changes c JOIN entities e ON e.id = c.entity_id "
                        "WHERE c.seq > ? AND c.seq <= ? AND %2 ORDER BY c.seq LIMIT ?"_s.arg(
                                u"c.change_id, c.op, c.entity_type, c.entity_id, c.field, c.value, c.hlc, "
                                "c.device, c.author, c.base, c.seen"_s,
                                QLatin1String(readableSql));
    const std::optional<QSqlError> failed = m_statements.withQuery(sql, [&](auto &q) -> std::optional<QSqlError> {
        q.bindValue(0, afterSeq);
        q.bindValue(1, last);
        q.bindValue(2, scope.everything ? 1 : 0);
        q.bindValue(3, scope.municipalityId);
        q.bindValue(4, scope.municipalityId);
        q.bindValue(5, limit + 1);
        if (!runQuery(q))
            return q.lastError();
        while (q.next())
            page.changes.append({ columnInteger(q, 0), changeFromRow(q, 1) });
        return endOfRows(q);
    });
    if (failed)
        return sqlError(u"cannot read the change log"_s, *failed);
    page.more = page.changes.size() > limit;
    if (page.more) {
        page.changes.resize(limit);
        page.nextCursor = page.changes.last().first;
    } else {
        page.nextCursor = qMax(afterSeq, last);
    }
    return page;
}

void ChangeLog::deferIndexesIfEmpty()
{
    // A new replica: the log's indexes are built once at the end (finishImport), not grown
    // by a random id per change; the changes of a bootstrap are distinct by construction.
    QSqlDatabase &db = m_statements.database();
    QSqlQuery any(db);
    if (!any.exec(u"SELECT EXISTS (SELECT 1 FROM changes)"_s) || !any.next()) {
        m_failure = sqlError(u"cannot read the change log"_s, any.lastError());
        return;
    }
    const bool empty = !any.value(0).toBool();
    any.finish(); // an open read would keep the indexes from being dropped
    m_indexesDeferred = empty && SqlSchema::dropChangeIndexes(db);
    // Without indexes the log is only appended to, and the page cache would fill with
    // pages written once (a bootstrap's first run pays a page fault per 4 KB of it).
    if (m_indexesDeferred)
        StoreConnection::setCacheKiB(db, importCacheKiB);
}

bool ChangeLog::restoreIndexes()
{
    if (!m_indexesDeferred)
        return true;
    QSqlDatabase &db = m_statements.database();
    if (!SqlSchema::createChangeIndexes(db)) {
        // Only a log with a change twice can refuse the index on ids: keep the first of each.
        QSqlQuery dedupe(db);
        if (!dedupe.exec(u"DELETE FROM changes WHERE seq NOT IN (SELECT min(seq) FROM changes GROUP BY change_id)"_s)
            || !SqlSchema::createChangeIndexes(db))
            return false;
        qCWarning(lcStorage) << "the change log held changes twice; the later copies were dropped";
    }
    m_indexesDeferred = false;
    StoreConnection::setCacheKiB(db, m_cacheKiB);
    return true;
}

void ChangeLog::rolledBack()
{
    if (m_indexesDeferred) {
        const auto present = SqlSchema::changeIndexesPresent(m_statements.database());
        m_indexesDeferred = !present || !present.value();
    }
}
