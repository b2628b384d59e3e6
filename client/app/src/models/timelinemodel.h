// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

#include <QDate>

/**
 * The measures of a plan as bars on one time axis, from their start to
 * their end date. The axis runs from the start of the quarter of the
 * earliest date to the end of the quarter of the latest. Bars are packed
 * into lanes, each in the first lane where it overlaps no other, so the
 * view only draws. A measure with one date only is a short bar at that
 * date; measures without any date are counted, not shown.
 *
 * Roles (one row per dated measure, in outline order): entityId, title,
 * statusKey, status, period, from and to (fractions 0..1 of the axis),
 * lane (0 at the top).
 */
class TimelineModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString planId READ planId WRITE setPlanId NOTIFY planIdChanged)
    Q_PROPERTY(int laneCount READ laneCount NOTIFY refreshed)
    Q_PROPERTY(int undatedCount READ undatedCount NOTIFY refreshed)
    /** [{from, to, label}] per calendar year on the axis (clipped to it). */
    Q_PROPERTY(QVariantList years READ years NOTIFY refreshed)
    /** [{from, to, label}] per quarter on the axis ("Q1" … "Q4"). */
    Q_PROPERTY(QVariantList quarters READ quarters NOTIFY refreshed)
    /** Where today is on the axis; -1 if outside it. */
    Q_PROPERTY(double today READ today NOTIFY refreshed)

public:
    /** The shortest bar, as a fraction of the axis, so a one-day measure stays visible and clickable. */
    static constexpr double minimumWidth = 0.015;

    explicit TimelineModel(QObject *parent = nullptr);

    [[nodiscard]] QString planId() const { return m_planId; }
    void setPlanId(const QString &planId);
    [[nodiscard]] int laneCount() const { return m_laneCount; }
    [[nodiscard]] int undatedCount() const { return m_undatedCount; }
    [[nodiscard]] QVariantList years() const { return m_years; }
    [[nodiscard]] QVariantList quarters() const { return m_quarters; }
    [[nodiscard]] double today() const { return m_today; }

    /** A bar on the axis: [from, to) as fractions. */
    struct Span
    {
        double from = 0;
        double to = 0;
    };
    /** Greedy lane packing: each span (taken by start) goes into the first lane whose last span ended before it. */
    static QList<int> packLanes(const QList<Span> &spans, int *laneCount = nullptr);

Q_SIGNALS:
    void planIdChanged();

protected:
    QList<Row> readRows() override;

private:
    void buildAxis(QDate first, QDate afterLast);

    QString m_planId;
    int m_laneCount = 0;
    int m_undatedCount = 0;
    QVariantList m_years;
    QVariantList m_quarters;
    double m_today = -1;
};
