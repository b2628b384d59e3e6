// SPDX-License-Identifier: GPL-3.0-or-later
// SyncEngine: pushing the outbox.
#include "syncengine.h"

#include "common/logging.h"
#include "localreplica.h"
#include "sync/messages.h"
#include "sync/protocol.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

void SyncEngine::pushNext()
{
    // A few more than the limit: a submission cut by the limit is sent whole (keepSubmissionsWhole).
    QList<Change> pending = m_replica.outbox(m_batchLimit + submissionChanges + int(m_deferred.size()));
    pending.removeIf([this](const Change &change) { return m_deferred.contains(change.id); });
    m_batch = pending.mid(0, m_batchLimit);
    if (m_batch.isEmpty()) {
        if (m_replica.needsBootstrap()) {
            m_phase = Phase::Bootstrapping;
            bootstrapStart();
        } else {
            m_phase = Phase::Pulling;
            pullNext();
        }
        return;
    }
    // Other devices' changes are in the outbox only after a restore: they go back with the server's seal.
    auto seals = m_replica.sealsOf(pending);
    if (!seals)
        return failCycle(seals.error());
    auto pushBody = [&seals](const QList<Change> &batch) {
        Protocol::PushRequest request;
        request.items.reserve(batch.size());
        for (const Change &change : batch)
            request.items.append({ change, seals->value(change.id) });
        return request.toBody();
    };
    QByteArray body = pushBody(m_batch);
    // Long texts can make 500 changes larger than the server reads: send fewer.
    while (body.size() > Protocol::maxBodyBytes && m_batch.size() > 1) {
        m_batch.resize(m_batch.size() / 2);
        body = pushBody(m_batch);
    }
    if (const qsizetype whole = keepSubmissionsWhole(pending, m_batch.size()); whole != m_batch.size()) {
        m_batch = pending.mid(0, whole);
        body = pushBody(m_batch);
    }
    qCDebug(lcSync) << "pushing" << m_batch.size() << "changes";
    sendStep("POST", u"/v1/push"_s, body, &SyncEngine::onPushFinished);
}

namespace {

bool isVersionCreate(const Change &change)
{
    return change.op == Change::Op::Create && change.entityType == u"plan_version"_s;
}

bool isPartOfSubmission(const Change &change)
{
    return change.entityType == u"plan_version"_s
            || (change.entityType == u"plan"_s && change.field == u"review_status"_s && change.value == u"submitted"_s);
}

} // namespace

qsizetype SyncEngine::keepSubmissionsWhole(const QList<Change> &pending, qsizetype count)
{
    // The server admits a plan's "submitted" only after its sealed version in the same push
    // (Permissions): a cut between LocalReplica::submit's changes would have the status refused.
    if (count <= 0 || count >= pending.size() || !isPartOfSubmission(pending[count])
        || isVersionCreate(pending[count]) || !isPartOfSubmission(pending[count - 1]))
        return count;
    qsizetype start = count - 1;
    while (start > 0 && !isVersionCreate(pending[start]))
        --start;
    if (start > 0)
        return start; // the submission goes whole with the next push
    qsizetype end = count;
    while (end < pending.size() && isPartOfSubmission(pending[end]) && !isVersionCreate(pending[end]))
        ++end;
    return end;
}

void SyncEngine::onPushFinished(const Reply &reply)
{
    if (reply.status == 413 && m_batch.size() > 1) {
        m_batchLimit = qMax(1, int(m_batch.size() / 2));
        return pushNext();
    }
    if (reply.status != 200)
        return failCycle(SyncHttp::errorOf(reply));

    const auto answer = Protocol::PushAnswer::fromJson(reply.json);
    if (!answer)
        return failCycle(SyncHttp::malformed(answer.errorMessage()));
    QHash<QString, qsizetype> sent;
    for (qsizetype i = 0; i < m_batch.size(); ++i)
        sent.insert(m_batch[i].id, i);

    QStringList accepted;
    for (const QString &id : answer->accepted) {
        if (sent.contains(id))
            accepted << id;
    }
    QList<RejectedChange> rejected;
    QStringList unsealed; // leave the outbox, not the log
    const QDateTime rejectedAt = now();
    for (const Protocol::Rejection &rejection : answer->rejected) {
        const QString &id = rejection.id;
        const QString &code = rejection.error;
        const auto it = sent.constFind(id);
        if (it == sent.cend())
            continue;
        if (m_replica.wasResent(id) && code == u"author_mismatch"_s && m_batch[*it].device != m_replica.device()) {
            // Another device's change this server cannot take back (its seal is not this server's):
            // it stays in the log here, and goes back only from the device it was made on.
            unsealed << id;
            qCInfo(lcSync).noquote() << "change" << id << "of another device was not taken back after a restore";
            continue;
        }
        if (m_replica.wasResent(id)) {
            // Accepted before the server was restored: refused now only for what the restored server
            // lacks (an entity another device created and has not sent again yet). Kept, and tried
            // again in the next cycle, never dropped.
            m_deferred.insert(id);
            qCInfo(lcSync).noquote() << "change" << id << "sent again after a restore was refused for now:" << code;
            continue;
        }
        rejected << RejectedChange { m_batch[*it], code, rejection.message, rejectedAt };
        qCInfo(lcSync).noquote() << "server rejected change" << id << "of" << m_batch[*it].entityId << ":" << code
                                 << rejection.message;
    }
    // Without this the same batch would go out again and again.
    if (accepted.isEmpty() && rejected.isEmpty() && unsealed.isEmpty() && m_deferred.isEmpty())
        return failCycle(SyncHttp::malformed(u"the push answer confirms none of the changes sent"_s));

    if (Status done = m_replica.acknowledge(accepted + unsealed, rejected); !done)
        return failCycle(done.error());
    // A restored server: the outbox now holds what it lacks, and the next push sends it.
    if (auto back = checkServerLog(answer->identity, false); !back)
        return failCycle(back.error());
    m_summary.pushed += int(accepted.size());
    m_summary.rejected += int(rejected.size());
    m_batch.clear();
    refreshCounts();
    pushNext();
}
