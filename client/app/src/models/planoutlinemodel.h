// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

#include <QSet>

/**
 * A plan as an outline: fields of action, their goals and their measures,
 * one row each, in list order, with the depth for indentation. Collapsed
 * entries hide their children. Milestones belong to the measure editor.
 *
 * Roles: entityId, entityType, title, depth, statusKey, status, hasChildren,
 * expanded, conflicts (open conflicts of the entry), period, responsible.
 */
class PlanOutlineModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString planId READ planId WRITE setPlanId NOTIFY planIdChanged)

public:
    explicit PlanOutlineModel(QObject *parent = nullptr);

    [[nodiscard]] QString planId() const { return m_planId; }
    void setPlanId(const QString &planId);

    Q_INVOKABLE void setExpanded(const QString &entityId, bool expanded);

Q_SIGNALS:
    void planIdChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_planId;
    QSet<QString> m_collapsed;
};
