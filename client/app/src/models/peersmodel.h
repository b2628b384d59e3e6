// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * The municipalities of the project with their plans, by cluster and name:
 * what a peer sees of the others (and the office of all). A plan that is not
 * shared with this account is listed without its content.
 *
 * theme (a theme key, empty for all) keeps only the municipalities whose
 * plan has measures on that theme, and counts those: "who else works on
 * Fachkräftemangel?".
 *
 * Roles: municipalityId, name, federalState, cluster, kind (its label), planId,
 * planTitle, readable (the replica holds the plan), own (the account's own
 * plan), reviewStatus (its label), measureCount.
 */
class PeersModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString theme READ theme WRITE setTheme NOTIFY themeChanged)

public:
    explicit PeersModel(QObject *parent = nullptr);

    [[nodiscard]] QString theme() const { return m_theme; }
    void setTheme(const QString &theme);

Q_SIGNALS:
    void themeChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_theme;
};
