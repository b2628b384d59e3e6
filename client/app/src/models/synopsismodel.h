// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * The synopsis (Synopse): each municipality's baseline figures side by side,
 * one row per municipality (by cluster and name), one column per figure key.
 * The keys known to the project come first in their usual order, others
 * after them alphabetically. Where a figure is kept for several years, the
 * newest is shown.
 *
 * Roles: municipalityId, name, cluster, cells (a list in column order of
 * {figureId, value, display, unit, year}; figureId empty where the figure
 * is missing).
 */
class SynopsisModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QStringList keys READ keys NOTIFY refreshed)
    Q_PROPERTY(QStringList keyLabels READ keyLabels NOTIFY refreshed)

public:
    explicit SynopsisModel(QObject *parent = nullptr);

    [[nodiscard]] QStringList keys() const { return m_keys; }
    [[nodiscard]] QStringList keyLabels() const;

protected:
    QList<Row> readRows() override;

private:
    QStringList m_keys;
};
