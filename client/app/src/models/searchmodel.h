// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * Full-text search across every plan in the replica, offline: each word
 * typed must occur (as the start of a word) in an entry. A query that names
 * a theme ("Fachkräftemangel") also finds the measures filed under that
 * theme, whatever their text says. Other municipalities' entries come
 * before the own plan's.
 *
 * Roles: entityId, openId (what a click opens: the entry, or for a comment
 * the entry it is about), entityType (its label), title, municipality,
 * planId, snippet (a line of the text around the first match), theme (the
 * theme's label for a theme match, else empty).
 */
class SearchModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)

public:
    static constexpr int maxResults = 200;

    explicit SearchModel(QObject *parent = nullptr);

    [[nodiscard]] QString query() const { return m_query; }
    void setQuery(const QString &query);

Q_SIGNALS:
    void queryChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_query;
};
