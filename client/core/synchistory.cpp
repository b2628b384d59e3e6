// SPDX-License-Identifier: GPL-3.0-or-later
// SyncEngine: fetching the histories a compact first sync left on the server (PartialHistory).
#include "syncengine.h"

#include "common/logging.h"
#include "localreplica.h"
#include "sync/messages.h"

#include <QEventLoop>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

void SyncEngine::completeHistories(const QStringList &entityIds, void (SyncEngine::*then)())
{
    m_historiesWanted = entityIds;
    m_afterHistories = then;
    historyNext();
}

void SyncEngine::historyNext()
{
    if (m_historiesWanted.isEmpty()) {
        const auto then = std::exchange(m_afterHistories, nullptr);
        if (then)
            (this->*then)();
        return;
    }
    m_historiesAsked = m_historiesWanted.mid(0, Protocol::maxHistoryEntities);
    QUrlQuery query;
    query.addQueryItem(u"entities"_s, m_historiesAsked.join(u','));
    sendStep("GET", u"/v1/history?"_s + query.toString(QUrl::FullyEncoded), {}, &SyncEngine::onHistoryFinished);
}

void SyncEngine::onHistoryFinished(const Reply &reply)
{
    if (reply.status != 200)
        return failCycle(SyncHttp::errorOf(reply));
    auto answer = Protocol::HistoryAnswer::fromJson(reply.json);
    if (!answer)
        return failCycle(SyncHttp::malformed(answer.errorMessage()));
    for (const auto &[id, changes] : std::as_const(answer->histories)) {
        if (!m_historiesAsked.contains(id))
            return failCycle(SyncHttp::malformed(u"a history of %1, which was not asked for"_s.arg(id)));
        if (Status completed = m_replica.completeHistory(id, changes); !completed)
            return failCycle(completed.error());
        m_historiesWanted.removeOne(id);
        m_historiesAsked.removeOne(id);
    }
    if (!answer->more) {
        // Not readable any more (a plan no longer shared): held as it is; nothing of it comes by pull either.
        for (const QString &id : std::as_const(m_historiesAsked)) {
            qCInfo(lcSync) << "no history of" << id << "on the server";
            m_historiesWanted.removeOne(id);
        }
    } else if (answer->histories.isEmpty()) {
        return failCycle(SyncHttp::malformed(u"a history answer with more and no history"_s));
    }
    m_historiesAsked.clear();
    historyNext();
}

void SyncEngine::fetchHistory(const QString &entityId)
{
    if (!m_historyRequests.contains(entityId))
        m_historyRequests << entityId;
    if (m_phase == Phase::Idle)
        startHistoryRequests();
    // else: when the cycle ends (finishCycle, failCycle)
}

Status SyncEngine::fetchHistoryOnce(const QString &entityId)
{
    std::optional<Status> result;
    QEventLoop loop;
    connect(this, &SyncEngine::historyFetched, &loop, [&](const QString &id, const Status &fetched) {
        if (id != entityId)
            return;
        result = fetched;
        loop.quit();
    });
    fetchHistory(entityId);
    if (!result)
        loop.exec();
    return *result;
}

void SyncEngine::startHistoryRequests()
{
    if (m_historyRequests.isEmpty() || m_phase != Phase::Idle)
        return;
    if (!m_replica.account() || m_replica.token().isEmpty())
        return answerHistoryRequests(Error { u"no_server"_s, u"not signed in to a server"_s });
    m_phase = Phase::FetchingHistories;
    if (Status trusted = loadTrust(); !trusted)
        return failCycle(trusted.error());
    completeHistories(m_historyRequests, &SyncEngine::finishHistoryRequests);
}

void SyncEngine::finishHistoryRequests()
{
    m_phase = Phase::Idle;
    answerHistoryRequests(Ok {});
    resumeAfterHistories();
}

void SyncEngine::resumeAfterHistories()
{
    // A sync asked for while histories were fetched runs now.
    if (std::exchange(m_resyncWanted, false))
        QMetaObject::invokeMethod(this, &SyncEngine::startCycle, Qt::QueuedConnection);
}

void SyncEngine::answerHistoryRequests(const Status &result)
{
    const QStringList answered = std::exchange(m_historyRequests, {});
    for (const QString &id : answered) {
        // Not on the server any more (no longer readable): the heads stay what there is.
        if (result && m_replica.hasPartialHistory(id))
            Q_EMIT historyFetched(id, Error { u"not_found"_s, u"the server has no history of %1"_s.arg(id) });
        else
            Q_EMIT historyFetched(id, result);
    }
}
