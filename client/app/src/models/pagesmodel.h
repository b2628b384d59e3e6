// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

/**
 * The pages of the main window, by key, in the order of the navigation:
 * plan, dashboard, review, peers, search, meetings, synopsis, charts,
 * conflicts, sync, settings, help. Each page of Main.qml shows itself for
 * its own key, so nothing depends on the order of its children.
 *
 * Roles: key.
 */
class PagesModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_DISABLE_COPY_MOVE(PagesModel)
    Q_PROPERTY(QStringList keys READ keys CONSTANT)

public:
    explicit PagesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] static QStringList keys();
    /** The page an account starts on: the office's overview of all plans, else the municipality's own plan. */
    Q_INVOKABLE static QString home(bool office);
};
