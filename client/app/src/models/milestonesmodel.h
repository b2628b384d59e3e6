// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * The live milestones of one measure, in list order.
 *
 * Roles: entityId, title, dueDate (ISO 8601), dueDisplay (dd.MM.yyyy),
 * done, overdue (not done and due before today), first, last (for moving),
 * hint (in words: due outside the measure's period; empty if not).
 */
class MilestonesModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString measureId READ measureId WRITE setMeasureId NOTIFY measureIdChanged)
    /** Milestones marked done, for the summary line. */
    Q_PROPERTY(int doneCount READ doneCount NOTIFY refreshed)

public:
    explicit MilestonesModel(QObject *parent = nullptr);

    [[nodiscard]] QString measureId() const { return m_measureId; }
    void setMeasureId(const QString &measureId);
    [[nodiscard]] int doneCount() const { return m_doneCount; }

Q_SIGNALS:
    void measureIdChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_measureId;
    int m_doneCount = 0;
};
