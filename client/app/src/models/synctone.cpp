// SPDX-License-Identifier: GPL-3.0-or-later
#include "synctone.h"

using namespace Qt::Literals::StringLiterals;

SyncTone::SyncTone(QObject *parent)
    : QObject(parent)
{ }

void SyncTone::setStatus(SyncStatus *status)
{
    if (status == m_status)
        return;
    if (m_status)
        disconnect(m_status, nullptr, this, nullptr);
    m_status = status;
    if (status) {
        connect(status, &SyncStatus::stateChanged, this, &SyncTone::changed);
        connect(status, &SyncStatus::pendingChangesChanged, this, &SyncTone::changed);
        connect(status, &SyncStatus::openConflictsChanged, this, &SyncTone::changed);
        connect(status, &SyncStatus::errorCodeChanged, this, &SyncTone::changed);
        connect(status, &QObject::destroyed, this, &SyncTone::changed);
    }
    Q_EMIT statusChanged();
    Q_EMIT changed();
}

QString SyncTone::tone() const
{
    const int state = m_status ? m_status->state() : SyncStatus::LocalOnly;
    const bool pending = m_status && m_status->pendingChanges() > 0;
    switch (state) {
    case SyncStatus::Error:
        return u"error"_s;
    case SyncStatus::Syncing:
        return pending ? u"pending"_s : u"syncing"_s;
    case SyncStatus::Online:
        return m_status->openConflicts() > 0 ? u"conflict"_s : u"online"_s;
    case SyncStatus::LocalOnly:
        return u"local"_s;
    }
    return pending ? u"pending"_s : u"offline"_s; // offline, unreachable or by choice
}

QString SyncTone::stateTone() const
{
    const int state = m_status ? m_status->state() : SyncStatus::LocalOnly;
    switch (state) {
    case SyncStatus::Online:
        return u"online"_s;
    case SyncStatus::Syncing:
        return u"syncing"_s;
    case SyncStatus::Error:
        return u"error"_s;
    }
    return u"offline"_s; // local, offline, unreachable or by choice
}

bool SyncTone::showsError() const
{
    const QString code = m_status ? m_status->errorCode() : QString();
    return !code.isEmpty() && code != u"no_server"_s;
}

bool SyncTone::signInExpired() const
{
    return m_status && m_status->errorCode() == u"unauthorized"_s;
}
