// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * The submitted versions of a plan ("Stand vom …"), newest first.
 *
 * Roles: versionId, label (the version's own label, else "Stand vom …"),
 * submittedAt (as shown), author.
 */
class PlanVersionsModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString planId READ planId WRITE setPlanId NOTIFY planIdChanged)

public:
    explicit PlanVersionsModel(QObject *parent = nullptr);

    [[nodiscard]] QString planId() const { return m_planId; }
    void setPlanId(const QString &planId);

Q_SIGNALS:
    void planIdChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_planId;
};

/**
 * What changed in a plan between two states, item by item: from a submitted
 * version (fromVersion; empty: the one before toVersion) to another one or to
 * the plan as it is now (toVersion "current"; empty: the newest version).
 * So with both empty it shows what changed since the previously submitted
 * version, as the office reviews it.
 *
 * Roles: kind ("added", "removed", "changed"), kindLabel, entityId,
 * entityType (its label), title, fieldLabel, oldValue, newValue (as shown).
 */
class PlanDiffModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString planId READ planId WRITE setPlanId NOTIFY selectionChanged)
    Q_PROPERTY(QString fromVersion READ fromVersion WRITE setFromVersion NOTIFY selectionChanged)
    Q_PROPERTY(QString toVersion READ toVersion WRITE setToVersion NOTIFY selectionChanged)
    /** What is compared, in words ("Stand vom 01.12.2026 → Stand vom …"); empty if there is nothing to compare. */
    Q_PROPERTY(QString comparison READ comparison NOTIFY refreshed)

public:
    explicit PlanDiffModel(QObject *parent = nullptr);

    [[nodiscard]] QString planId() const { return m_planId; }
    void setPlanId(const QString &planId);
    [[nodiscard]] QString fromVersion() const { return m_fromVersion; }
    void setFromVersion(const QString &versionId);
    [[nodiscard]] QString toVersion() const { return m_toVersion; }
    void setToVersion(const QString &versionId);
    [[nodiscard]] QString comparison() const { return m_comparison; }

Q_SIGNALS:
    void selectionChanged();

protected:
    QList<Row> readRows() override;

private:
    void select(QString &member, const QString &value);

    QString m_planId;
    QString m_fromVersion;
    QString m_toVersion;
    QString m_comparison;
};
