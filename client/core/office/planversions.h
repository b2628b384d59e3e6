// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "model/plansnapshot.h"

#include <QJsonObject>
#include <QList>

class ReplicaStore;

/** A submitted version of a plan ("Stand vom …"), without its snapshot. */
struct PlanVersionInfo
{
    QString id;
    QString planId;
    QString label;
    QString submittedAt; ///< ISO 8601 UTC, as the submitting device's clock said
    QString author; ///< the account that submitted it

    [[nodiscard]] QJsonObject toJson() const;
};

/** The submitted versions of plans in a replica, and the plan content to compare them with. */
class PlanVersions
{
public:
    explicit PlanVersions(ReplicaStore &store);

    /** The plan's live versions, oldest first (by submission time, then id). */
    [[nodiscard]] QList<PlanVersionInfo> list(const QString &planId);
    /** The content frozen in one version; "not_found" if it is not a live version. */
    [[nodiscard]] Result<PlanSnapshot> snapshot(const QString &versionId);
    /** The plan's content as the replica holds it now; "not_found" if it is not a live plan. */
    [[nodiscard]] Result<PlanSnapshot> current(const QString &planId);

private:
    ReplicaStore &m_store;
};
