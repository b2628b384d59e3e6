// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "office/dashboard.h"
#include "rowlistmodel.h"

/**
 * The project office's overview of all plans: one row per municipality,
 * filtered by cluster and federal state, sorted by any column. The figures
 * are computed once per change of the replica; filtering and sorting work on
 * them in memory, so they stay quick with a thousand municipalities. Each
 * plan's newest change, most of the work, follows right after the rows are
 * shown (lastChange reads "…" until then; complete tells).
 *
 * Roles: municipalityId, name, federalState, cluster, planId, reviewStatusKey,
 * reviewStatus (its label), measures, segments (measures by status: a list
 * of {status, label, count} in status order), completeness (0…1),
 * openReviewNotes, lastChange and lastSubmission (as shown; empty if none).
 *
 * sortBy: "name", "cluster", "reviewStatus", "measures", "completeness",
 * "openReviewNotes", "lastChange", "lastSubmission".
 */
class DashboardModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString cluster READ cluster WRITE setCluster NOTIFY filterChanged)
    Q_PROPERTY(QString federalState READ federalState WRITE setFederalState NOTIFY filterChanged)
    Q_PROPERTY(QString sortBy READ sortBy WRITE setSortBy NOTIFY filterChanged)
    Q_PROPERTY(bool descending READ descending WRITE setDescending NOTIFY filterChanged)
    Q_PROPERTY(QStringList clusters READ clusters NOTIFY refreshed)
    Q_PROPERTY(QStringList federalStates READ federalStates NOTIFY refreshed)
    Q_PROPERTY(int total READ total NOTIFY refreshed)
    Q_PROPERTY(bool complete READ isComplete NOTIFY refreshed)

public:
    explicit DashboardModel(QObject *parent = nullptr);

    [[nodiscard]] QString cluster() const { return m_cluster; }
    void setCluster(const QString &cluster);
    [[nodiscard]] QString federalState() const { return m_federalState; }
    void setFederalState(const QString &federalState);
    [[nodiscard]] QString sortBy() const { return m_sortBy; }
    void setSortBy(const QString &sortBy);
    [[nodiscard]] bool descending() const { return m_descending; }
    void setDescending(bool descending);
    /** Every cluster and federal state of the municipalities, for the filters. */
    [[nodiscard]] QStringList clusters() const { return m_clusters; }
    [[nodiscard]] QStringList federalStates() const { return m_federalStates; }
    /** Municipalities in the replica, filtered or not. */
    [[nodiscard]] int total() const { return int(m_computed.size()); }
    /** Every column known, each plan's newest change too. */
    [[nodiscard]] bool isComplete() const { return m_lastChangesKnown; }

Q_SIGNALS:
    void filterChanged();

protected:
    QList<Row> readRows() override;

private:
    void setFilter(QString &member, const QString &value);
    void addLastChanges(int revision);

    QString m_cluster;
    QString m_federalState;
    QString m_sortBy = QStringLiteral("cluster");
    bool m_descending = false;
    QList<DashboardRow> m_computed;
    int m_computedRevision = -1;
    bool m_lastChangesKnown = false;
    QStringList m_clusters;
    QStringList m_federalStates;
};
