// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "serverstore.h"

#include <QHash>

/**
 * Decides, change by change, whether an account may write it (the roles
 * table of docs/protocol.md): a municipality writes only its own plan,
 * comments belong to their author, review status, municipalities, synopsis
 * and meetings belong to the office. Also refuses changes whose author or
 * device is not the token's, and stamps too far ahead of the server's clock.
 *
 * One Authorizer serves one push: it caches which plan an entity belongs to.
 */
class Authorizer
{
public:
    Authorizer(Account account, ReplicaStore &store, const HlcClock &serverClock);

    /** Ok, or an error with code "author_mismatch", "clock_ahead" or "forbidden". */
    Status admit(const Change &change);

private:
    Status admitPlan(const Change &change);
    Status admitPlanContent(const Change &change, const EntitySpec &spec);
    Status admitComment(const Change &change);
    /** The plan of an entity as it stands now (nullopt while its parents are incomplete). */
    std::optional<QString> planOf(const QString &entityId);
    QString municipalityOfPlan(const QString &planId);
    bool ownsPlan(const QString &planId);
    bool readsPlan(const QString &planId);
    std::optional<EntityRecord> current(const QString &entityId);

    Account m_account;
    ReplicaStore &m_store;
    const HlcClock &m_clock;
    QHash<QString, QString> m_planCache;
};
