// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * The tabs of one entry's editor, in order: its fields; its milestones (a
 * measure's only); its comments (entries of a plan only: meetings and
 * municipalities have none); its history. Tabs that do not apply are left
 * out, so a tab bar over this model has no gap.
 *
 * Roles: key ("fields", "milestones", "comments", "history"), label.
 */
class EditorTabsModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString entityId READ entityId WRITE setEntityId NOTIFY entityIdChanged)
    /** The keys of the tabs, in order (for a TabBar's currentIndex). */
    Q_PROPERTY(QStringList keys READ keys NOTIFY refreshed)

public:
    explicit EditorTabsModel(QObject *parent = nullptr);

    [[nodiscard]] QString entityId() const { return m_entityId; }
    void setEntityId(const QString &entityId);
    [[nodiscard]] QStringList keys() const;

    /** The key itself if this entry has that tab, else "fields" (the tab every entry has). */
    Q_INVOKABLE QString offered(const QString &key) const;

Q_SIGNALS:
    void entityIdChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_entityId;
};
