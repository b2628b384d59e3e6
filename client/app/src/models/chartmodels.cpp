// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartmodels.h"

#include "session/session.h"
#include "session/vocabulary.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString byTheme = u"theme"_s;
const QString byFieldOfAction = u"fieldOfAction"_s;
const QString byCluster = u"cluster"_s;

/** The key of a bar whose measures have no value in the dimension (an empty key chooses no bar). */
const QString noValueKey = u"-"_s;

/** Fields of action are named freely in each plan: the same title, in any case and spacing, is one bar. */
QString fieldKey(const QString &title)
{
    const QString key = title.simplified().toLower();
    return key.isEmpty() ? noValueKey : key;
}

} // namespace

QStringList ChartModel::keysOf(const QString &dimension, const QString &themes, const QString &fieldOfAction,
                               const QString &cluster)
{
    if (dimension == byTheme) {
        QStringList keys;
        for (const QJsonValue &key : QJsonDocument::fromJson(themes.toUtf8()).array())
            keys << key.toString();
        return keys;
    }
    if (dimension == byFieldOfAction)
        return { fieldKey(fieldOfAction) };
    return { cluster.isEmpty() ? noValueKey : cluster };
}

ChartModel::ChartModel(QObject *parent)
    : RowListModel({ "key", "label", "count", "share", "segments" }, parent)
{ }

void ChartModel::setDimension(const QString &dimension)
{
    if (dimension == m_dimension)
        return;
    m_dimension = dimension;
    Q_EMIT dimensionChanged();
    scheduleRefresh();
}

QList<RowListModel::Row> ChartModel::readRows()
{
    struct Bar
    {
        QString key;
        QString label;
        int count = 0;
        QMap<QString, int> byStatus;
    };
    QHash<QString, Bar> bars;
    const QList<ReplicaView::MeasureFacts> measures = session()->view()->liveMeasures();
    m_total = int(measures.size());
    for (const ReplicaView::MeasureFacts &m : measures) {
        for (const QString &key : keysOf(m_dimension, m.themes, m.fieldOfAction, m.cluster)) {
            Bar &bar = bars[key];
            if (bar.key.isNull()) {
                bar.key = key;
                bar.label = key == noValueKey ? tr("(ohne Angabe)")
                        : m_dimension == byTheme ? Vocabulary::choiceLabel(u"themes"_s, key)
                        : m_dimension == byFieldOfAction ? m.fieldOfAction.simplified()
                        : key;
            }
            ++bar.count;
            ++bar.byStatus[m.status];
        }
    }
    QList<Bar> sorted = bars.values();
    if (m_dimension == byCluster) {
        std::sort(sorted.begin(), sorted.end(), [](const Bar &a, const Bar &b) { return a.key < b.key; });
    } else {
        std::sort(sorted.begin(), sorted.end(), [](const Bar &a, const Bar &b) {
            return std::pair(-a.count, a.label) < std::pair(-b.count, b.label);
        });
    }
    if (m_dimension == byFieldOfAction && sorted.size() > maxFieldsOfAction)
        sorted.resize(maxFieldsOfAction);
    int largest = 1;
    for (const Bar &bar : std::as_const(sorted))
        largest = std::max(largest, bar.count);

    const EntitySpec &measure = *Schema::instance().entity(u"measure"_s);
    const QStringList statuses = measure.field(u"status"_s)->choices + QStringList { QString() };
    QList<Row> rows;
    for (const Bar &bar : std::as_const(sorted)) {
        QVariantList segments;
        if (m_dimension == byCluster) {
            for (const QString &status : statuses) {
                if (const int n = bar.byStatus.value(status))
                    segments.append(QVariantMap { { u"status"_s, status },
                                                  { u"label"_s, status.isEmpty() ? tr("ohne Status")
                                                                                 : Vocabulary::choiceLabel(u"status"_s, status) },
                                                  { u"count"_s, n } });
            }
        }
        rows.append(Row { bar.key, bar.label, bar.count,
                          double(bar.count) / largest, segments });
    }
    return rows;
}

ChartMeasuresModel::ChartMeasuresModel(QObject *parent)
    : RowListModel({ "measureId", "title", "municipality", "statusKey", "status" }, parent)
{ }

void ChartMeasuresModel::setDimension(const QString &dimension)
{
    if (dimension == m_dimension)
        return;
    m_dimension = dimension;
    Q_EMIT dimensionChanged();
    scheduleRefresh();
}

void ChartMeasuresModel::setKey(const QString &key)
{
    if (key == m_key)
        return;
    m_key = key;
    Q_EMIT keyChanged();
    scheduleRefresh();
}

QList<RowListModel::Row> ChartMeasuresModel::readRows()
{
    QList<Row> rows;
    if (m_key.isEmpty())
        return rows;
    for (const ReplicaView::MeasureFacts &m : session()->view()->liveMeasures()) {
        if (ChartModel::keysOf(m_dimension, m.themes, m.fieldOfAction, m.cluster).contains(m_key))
            rows.append(Row { m.id, m.title, m.municipality, m.status,
                              Vocabulary::choiceLabel(u"status"_s, m.status) });
    }
    return rows;
}
