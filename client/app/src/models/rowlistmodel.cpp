// SPDX-License-Identifier: GPL-3.0-or-later
#include "rowlistmodel.h"

#include "session/session.h"

#include <QTimer>

RowListModel::RowListModel(const QList<QByteArray> &roles, QObject *parent)
    : QAbstractListModel(parent)
{
    for (int i = 0; i < roles.size(); ++i)
        m_roleNames.insert(Qt::UserRole + i, roles[i]);
}

void RowListModel::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_session)
        m_session->disconnect(this);
    m_session = session;
    if (session) {
        connect(session, &Session::revisionChanged, this, &RowListModel::refresh);
        connect(session, &Session::accountChanged, this, &RowListModel::scheduleRefresh);
        connect(session, &Session::planChanged, this, &RowListModel::scheduleRefresh);
        connect(session, &Session::languageChanged, this, &RowListModel::scheduleRefresh);
    }
    Q_EMIT sessionChanged();
    scheduleRefresh();
}

void RowListModel::classBegin()
{
    if (!m_session)
        setSession(Session::of(this));
}

int RowListModel::role(const QByteArray &name) const
{
    return m_roleNames.key(name, -1);
}

int RowListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RowListModel::data(const QModelIndex &index, int role) const
{
    const int column = role - Qt::UserRole;
    if (!index.isValid() || index.row() >= m_rows.size() || column < 0 || column >= m_roleNames.size())
        return {};
    const Row &row = m_rows[index.row()];
    return column < row.size() ? row[column] : QVariant();
}

QHash<int, QByteArray> RowListModel::roleNames() const
{
    return m_roleNames;
}

QVariantMap RowListModel::get(int row) const
{
    QVariantMap map;
    if (row < 0 || row >= m_rows.size())
        return map;
    for (auto it = m_roleNames.cbegin(); it != m_roleNames.cend(); ++it)
        map.insert(QString::fromUtf8(it.value()), data(index(row), it.key()));
    return map;
}

int RowListModel::indexOf(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (!m_rows[i].isEmpty() && m_rows[i].first().toString() == key)
            return i;
    }
    return -1;
}

void RowListModel::scheduleRefresh()
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, &RowListModel::refresh);
}

void RowListModel::refresh()
{
    m_scheduled = false;
    Session *s = m_session;
    QList<Row> rows = s && s->isReady() ? readRows() : QList<Row>();
    const bool sameKeys = rows.size() == m_rows.size() && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(),
                                                                     [](const Row &a, const Row &b) {
                                                                         return a.value(0) == b.value(0);
                                                                     });
    if (sameKeys) {
        // Same rows: tell views which changed, so they keep their place.
        for (int i = 0; i < rows.size(); ++i) {
            if (rows[i] != m_rows[i]) {
                m_rows[i] = std::move(rows[i]);
                Q_EMIT dataChanged(index(i), index(i));
            }
        }
    } else {
        const int before = int(m_rows.size());
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
        if (before != m_rows.size())
            Q_EMIT countChanged();
    }
    Q_EMIT refreshed();
}
