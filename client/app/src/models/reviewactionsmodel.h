// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * The review steps offered on one plan, for the account signed in: the office
 * moves a plan's review on (in review, changes requested, reviewed; the step
 * it is at is offered but not enabled); a municipality submits its own plan.
 *
 * Roles: key (the review status the step sets), label, applicable (false for
 * the step the plan is at), confirmation (what to ask first: "note" a review
 * note that must be written, "confirm" a yes or no, "none" nothing).
 */
class ReviewActionsModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString planId READ planId WRITE setPlanId NOTIFY planIdChanged)
    /** The plan's review status now ("draft", "submitted", …); empty for no plan. */
    Q_PROPERTY(QString status READ status NOTIFY refreshed)
    /** The account may submit this plan (it is its municipality's, and editable). */
    Q_PROPERTY(bool maySubmit READ maySubmit NOTIFY refreshed)

public:
    explicit ReviewActionsModel(QObject *parent = nullptr);

    [[nodiscard]] QString planId() const { return m_planId; }
    void setPlanId(const QString &planId);
    [[nodiscard]] QString status() const { return m_status; }
    [[nodiscard]] bool maySubmit() const { return m_maySubmit; }

Q_SIGNALS:
    void planIdChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_planId;
    QString m_status;
    bool m_maySubmit = false;
};
