// SPDX-License-Identifier: GPL-3.0-or-later
#include "clienttables.h"

#include "storage/changelog.h"
#include "storage/statementcache.h"
#include "storage/storerows.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace Qt::Literals::StringLiterals;
using namespace StoreRows;

namespace {
constexpr char outboxInsertSql[] =
        "INSERT INTO outbox (change_id, queued) VALUES (?, (SELECT coalesce(max(queued), 0) + 1 FROM outbox)) "
        "ON CONFLICT(change_id) DO NOTHING";
constexpr char stateUpsertSql[] =
        "INSERT INTO client_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
} // namespace

ClientTables::ClientTables(StatementCache &statements, ChangeLog &log, std::optional<Error> &failure)
    : m_statements(statements),
      m_log(log),
      m_failure(failure)
{
}

Status ClientTables::queue(const QList<Change> &changes, const QString &stateKey, const QString &stateValue)
{
    QSqlQuery &insert = m_statements.prepared(QString::fromLatin1(outboxInsertSql));
    for (const Change &change : changes) {
        insert.bindValue(0, change.id);
        if (!insert.exec())
            return sqlError(u"cannot queue a change"_s, insert.lastError());
    }
    if (stateKey.isEmpty())
        return Ok {};
    return setClientState(stateKey, stateValue);
}

Status ClientTables::confirm(const QList<Change> &changes, const QList<QPair<QString, QString>> &state,
                             const QList<ReplicaStore::Seal> &seals)
{
    // A change of ours that comes back from the server was accepted: it leaves the outbox.
    QSqlQuery &confirm = m_statements.prepared(u"DELETE FROM outbox WHERE change_id = ?"_s);
    for (const Change &change : changes) {
        confirm.bindValue(0, change.id);
        if (!confirm.exec())
            return sqlError(u"cannot update the outbox"_s, confirm.lastError());
    }
    for (const auto &[key, value] : state) {
        if (Status stored = setClientState(key, value); !stored)
            return stored;
    }
    // Pulled again after a restore, a change stands elsewhere in the log: the latest place counts.
    QSqlQuery &keep = m_statements.prepared(u"INSERT INTO seals (change_id, server_seq, seal) VALUES (?, ?, ?) "
                                            "ON CONFLICT (change_id) DO UPDATE SET server_seq = excluded.server_seq, "
                                            "seal = excluded.seal"_s);
    for (const ReplicaStore::Seal &seal : seals) {
        keep.bindValue(0, seal.changeId);
        keep.bindValue(1, seal.serverSeq);
        keep.bindValue(2, seal.seal);
        if (!keep.exec())
            return sqlError(u"cannot store a seal"_s, keep.lastError());
    }
    return Ok {};
}

Result<QHash<QString, QString>> ClientTables::sealsOf(const QStringList &changeIds)
{
    QSqlQuery &q = m_statements.prepared(u"SELECT seal FROM seals WHERE change_id = ?"_s);
    QHash<QString, QString> seals;
    for (const QString &id : changeIds) {
        q.bindValue(0, id);
        if (!q.exec())
            return sqlError(u"cannot read a seal"_s, q.lastError());
        if (q.next())
            seals.insert(id, q.value(0).toString());
        q.finish();
    }
    return seals;
}

int ClientTables::outboxSize()
{
    QSqlQuery &q = m_statements.prepared(u"SELECT count(*) FROM outbox"_s);
    const int count = q.exec() && q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return count;
}

qint64 ClientTables::outboxSequence()
{
    QSqlQuery &q = m_statements.prepared(u"SELECT coalesce(max(queued), 0) FROM outbox"_s);
    const qint64 last = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return last;
}

QStringList ClientTables::outboxIds(int limit)
{
    QSqlQuery &q = m_statements.prepared(u"SELECT change_id FROM outbox ORDER BY queued LIMIT ?"_s);
    q.bindValue(0, limit);
    return firstColumn(q);
}

QStringList ClientTables::acknowledge(const QStringList &accepted, const QList<ReplicaStore::Rejection> &rejected)
{
    QSqlQuery &remove = m_statements.prepared(u"DELETE FROM outbox WHERE change_id = ?"_s);
    auto run = [this](QSqlQuery &query, const QVariantList &values) {
        for (int i = 0; i < values.size(); ++i)
            query.bindValue(i, values[i]);
        if (!m_failure && !query.exec())
            m_failure = sqlError(u"cannot update the outbox"_s, query.lastError());
    };
    for (const QString &id : accepted)
        run(remove, { id });
    QSet<QString> touched;
    for (const ReplicaStore::Rejection &rejection : rejected) {
        const auto change = m_log.find(rejection.changeId);
        if (!change)
            continue;
        run(m_statements.prepared(
                    u"INSERT INTO rejected (change_id, change, code, message, rejected_at) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT(change_id) DO UPDATE SET code = excluded.code, message = excluded.message, "
                    "rejected_at = excluded.rejected_at"_s),
            { rejection.changeId, QString::fromUtf8(QJsonDocument(change->toJson()).toJson(QJsonDocument::Compact)),
              rejection.code, rejection.message, rejection.at });
        run(remove, { rejection.changeId });
        // The conflicts of the entity name its changes; they are derived again when it is rebuilt.
        run(m_statements.prepared(u"DELETE FROM conflicts WHERE entity_id = ?"_s), { change->entityId });
        run(m_statements.prepared(u"DELETE FROM changes WHERE change_id = ?"_s), { rejection.changeId });
        touched.insert(change->entityId);
    }
    // In a fixed order, so every run rebuilds the same way (a QSet's order changes from run to run).
    QStringList ids(touched.begin(), touched.end());
    ids.sort();
    return ids;
}

QList<ReplicaStore::Rejection> ClientTables::rejections()
{
    QList<ReplicaStore::Rejection> all;
    QSqlQuery &q = m_statements.prepared(
            u"SELECT change_id, code, message, rejected_at, change FROM rejected ORDER BY rejected_at, change_id"_s);
    if (q.exec()) {
        while (q.next()) {
            auto change = Change::fromJson(QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object());
            all.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         change ? change.value() : Change {} });
        }
    }
    q.finish();
    return all;
}

int ClientTables::requeue(const QString &device, qint64 sealedAfter)
{
    int queued = 0;
    QSqlQuery &insert = m_statements.prepared(u"INSERT INTO outbox (change_id, queued) SELECT change_id, seq FROM changes "
                                              "WHERE device = ? AND change_id NOT IN (SELECT change_id FROM head_changes) "
                                              "ON CONFLICT(change_id) DO NOTHING"_s);
    insert.bindValue(0, device);
    if (!insert.exec())
        m_failure = sqlError(u"cannot queue changes"_s, insert.lastError());
    else
        queued = insert.numRowsAffected();
    QSqlQuery &sealed = m_statements.prepared(
            u"INSERT INTO outbox (change_id, queued) SELECT c.change_id, c.seq FROM seals s "
            "JOIN changes c ON c.change_id = s.change_id WHERE s.server_seq > ? "
            "ON CONFLICT(change_id) DO NOTHING"_s);
    sealed.bindValue(0, sealedAfter);
    if (!m_failure && !sealed.exec())
        m_failure = sqlError(u"cannot queue sealed changes"_s, sealed.lastError());
    else if (!m_failure)
        queued += sealed.numRowsAffected();
    // Log order for all, the ones queued before included: a create goes out before the edits of it.
    QSqlQuery &order = m_statements.prepared(u"UPDATE outbox SET queued = coalesce((SELECT seq FROM changes c "
                                             "WHERE c.change_id = outbox.change_id), queued)"_s);
    if (!m_failure && !order.exec())
        m_failure = sqlError(u"cannot order the outbox"_s, order.lastError());
    return queued;
}

QString ClientTables::clientState(const QString &key)
{
    QSqlQuery &q = m_statements.prepared(u"SELECT value FROM client_state WHERE key = ?"_s);
    q.bindValue(0, key);
    const QString value = q.exec() && q.next() ? q.value(0).toString() : QString();
    q.finish();
    return value;
}

Status ClientTables::setClientState(const QString &key, const QString &value)
{
    QSqlQuery &q = m_statements.prepared(QString::fromLatin1(stateUpsertSql));
    q.bindValue(0, key);
    q.bindValue(1, value);
    if (!q.exec())
        return sqlError(u"cannot store state"_s, q.lastError());
    return Ok {};
}

QList<QPair<QString, QString>> ClientTables::reassignAuthor(const QString &from, const QString &to)
{
    QList<QPair<QString, QString>> entities;
    QSqlQuery &find = m_statements.prepared(
            u"SELECT DISTINCT c.entity_id, e.type FROM changes c JOIN entities e ON e.id = c.entity_id "
            "WHERE c.author = ?"_s);
    find.bindValue(0, from);
    if (!find.exec())
        m_failure = sqlError(u"cannot read the change log"_s, find.lastError());
    while (!m_failure && find.next())
        entities.append({ find.value(0).toString(), find.value(1).toString() });
    find.finish();
    QSqlQuery &update = m_statements.prepared(u"UPDATE changes SET author = ? WHERE author = ?"_s);
    update.bindValue(0, to);
    update.bindValue(1, from);
    if (!m_failure && !update.exec())
        m_failure = sqlError(u"cannot update the change log"_s, update.lastError());
    return entities;
}
