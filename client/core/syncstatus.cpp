// SPDX-License-Identifier: GPL-3.0-or-later
#include "syncstatus.h"

#include <QMetaEnum>

using namespace Qt::Literals::StringLiterals;

SyncStatus::SyncStatus(QObject *parent) : QObject(parent)
{
}

QString SyncStatus::stateName(State state)
{
    const char *key = QMetaEnum::fromType<State>().valueToKey(state);
    return key ? QString::fromLatin1(key).toLower() : QString();
}

QJsonObject SyncStatus::toJson() const
{
    QJsonValue error; // null when there is none
    if (!m_errorCode.isEmpty())
        error = QJsonObject { { u"code"_s, m_errorCode }, { u"message"_s, m_errorMessage } };
    QJsonValue notice;
    if (!m_noticeCode.isEmpty())
        notice = QJsonObject { { u"code"_s, m_noticeCode }, { u"message"_s, m_noticeMessage },
                               { u"at"_s, m_noticeAt.isValid() ? QJsonValue(m_noticeAt.toUTC().toString(Qt::ISODate))
                                                               : QJsonValue() } };
    return {
        { u"state"_s, stateName(m_state) },
        { u"pending"_s, m_pendingChanges },
        { u"last_complete_sync"_s,
          m_lastCompleteSync.isValid() ? QJsonValue(m_lastCompleteSync.toUTC().toString(Qt::ISODate)) : QJsonValue() },
        { u"progress"_s, QJsonObject { { u"done"_s, m_progressDone }, { u"total"_s, m_progressTotal } } },
        { u"error"_s, error },
        { u"rejected"_s, m_rejectedChanges },
        { u"conflicts"_s, m_openConflicts },
        { u"cursor"_s, m_cursor },
        { u"offline_by_choice"_s, m_offlineByChoice },
        { u"notice"_s, notice },
    };
}

void SyncStatus::setState(State state)
{
    m_requested = state;
    updateState();
}

void SyncStatus::updateState()
{
    // A green tick while the server has not confirmed everything would be a lie; so would "online" or
    // "syncing" while the user chose to send nothing. An error the user must act on still shows as one.
    State shown = (m_requested == Online && m_pendingChanges > 0) ? Syncing : m_requested;
    if (m_offlineByChoice && (shown == Online || shown == Syncing || shown == Offline))
        shown = OfflineByChoice;
    if (shown == m_state)
        return;
    const bool wasSyncing = isSyncing();
    m_state = shown;
    Q_EMIT stateChanged();
    if (wasSyncing != isSyncing())
        Q_EMIT syncingChanged();
}

void SyncStatus::setPendingChanges(int count)
{
    if (count == m_pendingChanges)
        return;
    m_pendingChanges = count;
    Q_EMIT pendingChangesChanged();
    updateState();
}

void SyncStatus::setLastCompleteSync(const QDateTime &when)
{
    if (when == m_lastCompleteSync)
        return;
    m_lastCompleteSync = when;
    Q_EMIT lastCompleteSyncChanged();
}

void SyncStatus::setProgress(int done, int total)
{
    total = qMax(0, total);
    done = qBound(0, done, total);
    const bool doneChanged = done != m_progressDone;
    const bool totalChanged = total != m_progressTotal;
    m_progressDone = done;
    m_progressTotal = total;
    // Both are stored before either signal: a binding reading both never sees done above total.
    if (totalChanged)
        Q_EMIT progressTotalChanged();
    if (doneChanged)
        Q_EMIT progressDoneChanged();
}

void SyncStatus::setError(const QString &code, const QString &message)
{
    const bool codeChanged = code != m_errorCode;
    const bool messageChanged = message != m_errorMessage;
    m_errorCode = code;
    m_errorMessage = message;
    if (codeChanged)
        Q_EMIT errorCodeChanged();
    if (messageChanged)
        Q_EMIT errorMessageChanged();
}

void SyncStatus::setRejectedChanges(int count)
{
    if (count == m_rejectedChanges)
        return;
    m_rejectedChanges = count;
    Q_EMIT rejectedChangesChanged();
}

void SyncStatus::setOpenConflicts(int count)
{
    if (count == m_openConflicts)
        return;
    m_openConflicts = count;
    Q_EMIT openConflictsChanged();
}

void SyncStatus::setCursor(qint64 cursor)
{
    if (cursor == m_cursor)
        return;
    m_cursor = cursor;
    Q_EMIT cursorChanged();
}

void SyncStatus::setOfflineByChoice(bool offline)
{
    if (offline == m_offlineByChoice)
        return;
    m_offlineByChoice = offline;
    Q_EMIT offlineByChoiceChanged();
    updateState();
}

void SyncStatus::setNotice(const QString &code, const QString &message, const QDateTime &at)
{
    if (code == m_noticeCode && message == m_noticeMessage && at == m_noticeAt)
        return;
    m_noticeCode = code;
    m_noticeMessage = message;
    m_noticeAt = at;
    Q_EMIT noticeChanged();
}
