// SPDX-License-Identifier: GPL-3.0-or-later
#include "synopsismodel.h"

#include "session/session.h"
#include "session/vocabulary.h"


#include <algorithm>

using namespace Qt::Literals::StringLiterals;

SynopsisModel::SynopsisModel(QObject *parent)
    : RowListModel({ "municipalityId", "name", "cluster", "cells" }, parent)
{ }

QStringList SynopsisModel::keyLabels() const
{
    QStringList labels;
    for (const QString &key : m_keys)
        labels << Vocabulary::synopsisKeyLabel(key);
    return labels;
}

QList<RowListModel::Row> SynopsisModel::readRows()
{
    Session &s = *session();
    ReplicaView &view = *s.view();
    const QList<ReplicaView::MunicipalityOverview> municipalities = view.municipalities();
    QStringList ids;
    for (const auto &m : municipalities)
        ids << m.id;
    const QHash<QString, QList<ReplicaView::ListItem>> figures =
            view.listChildren(*Schema::instance().entity(u"synopsis_figure"_s), ids,
                              { u"key"_s, u"value"_s, u"unit"_s, u"year"_s });
    enum Column { Key, Value, Unit, Year };

    QStringList keys = Vocabulary::synopsisKeys();
    QStringList others;
    for (const auto &list : figures) {
        for (const ReplicaView::ListItem &figure : list) {
            if (!keys.contains(figure.values[Key]) && !others.contains(figure.values[Key]))
                others << figure.values[Key];
        }
    }
    std::sort(others.begin(), others.end());
    keys.removeIf([&](const QString &key) {
        return std::none_of(figures.cbegin(), figures.cend(), [&](const QList<ReplicaView::ListItem> &list) {
            return std::any_of(list.cbegin(), list.cend(),
                               [&](const ReplicaView::ListItem &f) { return f.values[Key] == key; });
        });
    });
    m_keys = keys + others;

    QList<Row> rows;
    for (const auto &m : municipalities) {
        QVariantList cells;
        const QList<ReplicaView::ListItem> own = figures.value(m.id);
        for (const QString &key : std::as_const(m_keys)) {
            // A figure may be kept for several years: the cell shows the newest.
            auto figure = own.cend();
            for (auto it = own.cbegin(); it != own.cend(); ++it) {
                if (it->values[Key] == key && (figure == own.cend() || it->values[Year].toDouble() > figure->values[Year].toDouble()))
                    figure = it;
            }
            if (figure == own.cend()) {
                cells.append(QVariantMap { { u"figureId"_s, QString() }, { u"value"_s, QString() },
                                           { u"display"_s, QString() }, { u"unit"_s, QString() }, { u"year"_s, QString() } });
                continue;
            }
            const QString value = figure->values[Value];
            cells.append(QVariantMap { { u"figureId"_s, figure->id }, { u"value"_s, value },
                                       { u"display"_s, Vocabulary::displayValue(u"synopsis_figure"_s, u"value"_s, value) },
                                       { u"unit"_s, figure->values[Unit] }, { u"year"_s, figure->values[Year] } });
        }
        rows.append(Row { m.id, m.name, m.cluster, cells });
    }
    return rows;
}
