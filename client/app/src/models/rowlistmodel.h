// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/session.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

/**
 * The base of the client's list models: rows read from the replica as
 * values in role order, read again whenever the replica changes (a local
 * edit or a sync) or a property of the model changes. When only values
 * changed and the rows are the same (same keys, same order), views get
 * dataChanged and keep their place and focus; otherwise a reset.
 *
 * The first role is the row's key (usually the entity id).
 *
 * A model reads the session it is handed: in QML the one of its engine, unless a session is set;
 * in C++ the one given to setSession(). Without a session it has no rows.
 */
class RowListModel : public QAbstractListModel, public QQmlParserStatus
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_INTERFACES(QQmlParserStatus)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(Session *session READ session WRITE setSession NOTIFY sessionChanged)

public:
    using Row = QVariantList;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] Session *session() const { return m_session; }
    void setSession(Session *session);

    /** Made by QML: takes the session of its engine before any binding reads the model (a binding may set another). */
    void classBegin() override;
    void componentComplete() override { }

    /** The row as {role: value}; empty for a row out of range. */
    Q_INVOKABLE QVariantMap get(int row) const;
    /** The row with this key, or -1. */
    Q_INVOKABLE int indexOf(const QString &key) const;
    /** Reads the rows again now. */
    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void countChanged();
    void sessionChanged();
    /** After every refresh. */
    void refreshed();

protected:
    /** roles: the role names, the key first. */
    RowListModel(const QList<QByteArray> &roles, QObject *parent);
    /** The rows as they are now; the session is ready when this is called. */
    virtual QList<Row> readRows() = 0;
    /** Coalesces refreshes asked for in one event loop turn (several properties set at once). */
    void scheduleRefresh();
    [[nodiscard]] int role(const QByteArray &name) const;

private:
    QHash<int, QByteArray> m_roleNames;
    QList<Row> m_rows;
    QPointer<Session> m_session;
    bool m_scheduled = false;
};
