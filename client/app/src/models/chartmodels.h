// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * Measures across all plans in the replica, counted for a bar chart along
 * one dimension:
 *  - "theme": measures per theme (a measure with two themes counts for both);
 *  - "fieldOfAction": measures per field of action, fields of the same title
 *    in different plans counted together (the largest first, at most 12);
 *  - "cluster": measures per cluster, split by status.
 *
 * Roles: key, label, count, share (count relative to the largest bar, 0…1),
 * segments (for "cluster": a list of {status, label, count} in status order;
 * empty otherwise).
 */
class ChartModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString dimension READ dimension WRITE setDimension NOTIFY dimensionChanged)
    Q_PROPERTY(int total READ total NOTIFY refreshed)

public:
    static constexpr int maxFieldsOfAction = 12;

    explicit ChartModel(QObject *parent = nullptr);

    [[nodiscard]] QString dimension() const { return m_dimension; }
    void setDimension(const QString &dimension);
    /** Measures counted (each once, whatever its bars). */
    [[nodiscard]] int total() const { return m_total; }

    /** The keys a measure is counted under in a dimension. */
    static QStringList keysOf(const QString &dimension, const QString &themes, const QString &fieldOfAction,
                              const QString &cluster);

Q_SIGNALS:
    void dimensionChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_dimension = QStringLiteral("theme");
    int m_total = 0;
};

/**
 * The measures behind one bar of a ChartModel (the same dimension and key),
 * by municipality.
 *
 * Roles: measureId, title, municipality, statusKey, status.
 */
class ChartMeasuresModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString dimension READ dimension WRITE setDimension NOTIFY dimensionChanged)
    Q_PROPERTY(QString key READ key WRITE setKey NOTIFY keyChanged)

public:
    explicit ChartMeasuresModel(QObject *parent = nullptr);

    [[nodiscard]] QString dimension() const { return m_dimension; }
    void setDimension(const QString &dimension);
    [[nodiscard]] QString key() const { return m_key; }
    void setKey(const QString &key);

Q_SIGNALS:
    void dimensionChanged();
    void keyChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_dimension;
    QString m_key;
};
