// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * The comments on one entry of a plan, oldest first: peer feedback and the
 * office's review notes, open ones and resolved ones.
 *
 * Answers follow the comment they answer, indented.
 *
 * Roles: commentId, body, author, time (local date and time), kind ("peer",
 * "review"), kindLabel, resolved, mine (written by this account), mayResolve
 * (the account may mark it resolved or open again: its author, the plan's
 * municipality or the office), isAnswer (it answers another comment).
 */
class CommentsModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString entityId READ entityId WRITE setEntityId NOTIFY entityIdChanged)

public:
    explicit CommentsModel(QObject *parent = nullptr);

    [[nodiscard]] QString entityId() const { return m_entityId; }
    void setEntityId(const QString &entityId);

Q_SIGNALS:
    void entityIdChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_entityId;
};
