// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>

class ReplicaStore;

/** One municipality as the project office's overview shows it. */
struct DashboardRow
{
    QString municipalityId;
    QString name;
    QString state; ///< federal state
    QString cluster;
    QString planId; ///< empty if the replica holds no plan of it
    QString reviewStatus;
    QMap<QString, int> measuresByStatus; ///< live measures by status key ("" for none set)
    int measures = 0; ///< live measures
    /** Share (0…1) of live measures with a start or end date and a responsible person; 0 without measures. */
    double completeness = 0;
    int openReviewNotes = 0; ///< live, unresolved review notes on the plan (replies not counted)
    /**
     * The newest change to the plan's content the replica holds (the plan's
     * fields but its review status, and everything in it), by the HLC's
     * wall time: when the municipality last synced work that reached this
     * replica. Invalid if none.
     */
    QDateTime lastChange;
    QDateTime lastSubmission; ///< submission time of the newest version; invalid if none

    [[nodiscard]] QJsonObject toJson() const;
};

/**
 * The office's overview: one row per live municipality, computed with a few
 * aggregate queries over the replica's entity tables (not record by
 * record), so it stays fast with a thousand municipalities.
 */
class Dashboard
{
public:
    /** What compute() includes. */
    enum class Parts { All, WithoutLastChange };
    /**
     * Sorted by cluster, then name. Finding each plan's newest change is
     * most of the work (an index seek per entry of every plan): a view may
     * leave it out, show the rows, then add it with addLastChanges().
     */
    static Result<QList<DashboardRow>> compute(ReplicaStore &store, Parts parts = Parts::All);
    /** Sets lastChange of every row with a plan. */
    static Status addLastChanges(ReplicaStore &store, QList<DashboardRow> &rows);
};
