// SPDX-License-Identifier: GPL-3.0-or-later
#include "editortabsmodel.h"

#include "session/session.h"

using namespace Qt::Literals::StringLiterals;

EditorTabsModel::EditorTabsModel(QObject *parent)
    : RowListModel({ "key", "label" }, parent)
{ }

void EditorTabsModel::setEntityId(const QString &entityId)
{
    if (entityId == m_entityId)
        return;
    m_entityId = entityId;
    Q_EMIT entityIdChanged();
    scheduleRefresh();
}

QStringList EditorTabsModel::keys() const
{
    QStringList keys;
    for (int row = 0; row < count(); ++row)
        keys << data(index(row), Qt::UserRole).toString();
    return keys;
}

QString EditorTabsModel::offered(const QString &key) const
{
    return indexOf(key) >= 0 ? key : u"fields"_s;
}

QList<RowListModel::Row> EditorTabsModel::readRows()
{
    Session *s = session();
    QList<Row> rows { Row { u"fields"_s, tr("Angaben") } };
    if (s->entityType(m_entityId) == u"measure"_s)
        rows.append(Row { u"milestones"_s, tr("Meilensteine") });
    if (!s->planOf(m_entityId).isEmpty())
        rows.append(Row { u"comments"_s, tr("Kommentare") });
    rows.append(Row { u"history"_s, tr("Verlauf") });
    return rows;
}
