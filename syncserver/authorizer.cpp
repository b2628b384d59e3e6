// SPDX-License-Identifier: GPL-3.0-or-later
#include "authorizer.h"

using namespace Qt::Literals::StringLiterals;

Authorizer::Authorizer(Account account, ReplicaStore &store, const HlcClock &serverClock, const ChangeSeal &seal)
    : m_account(std::move(account)),
      m_clock(serverClock),
      m_seal(seal),
      m_permissions({ m_account.user, m_account.isOffice(), m_account.municipalityId },
                    { [&store](const QString &id) { return store.currentRecord(id); },
                      [&store](const QString &id) { return store.creatorOf(id); } })
{
}

Status Authorizer::admit(const Change &change, const QString &seal)
{
    // Sealed: accepted by this store once, against the rules as they stood (and the clock of then).
    // Concurrent writes of one field by several devices may come in one such batch. Still in the
    // order of the log: an edit waits for the create of its entity.
    if (!seal.isEmpty() && m_seal.verify(change, seal))
        return m_permissions.fitsTheEntity(change);
    if (change.author != m_account.user || change.device != m_account.device)
        return Error { u"author_mismatch"_s,
                       u"changes must be made by %1 on device %2"_s.arg(m_account.user, m_account.device) };
    if (!m_clock.withinDrift(change.hlc))
        return Error { u"clock_ahead"_s, u"the stamp %1 is more than %2 s ahead of the server's clock"_s
                                                 .arg(change.hlc.toString())
                                                 .arg(m_clock.maxDriftMs() / 1000) };
    if (Status allowed = m_permissions.mayWrite(change); !allowed)
        return allowed;
    return m_batch.admit(change);
}
