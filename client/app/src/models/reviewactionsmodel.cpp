// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewactionsmodel.h"

#include "session/session.h"

using namespace Qt::Literals::StringLiterals;

namespace {

struct Step
{
    const char *key;
    const char *label;
    const char *confirmation;
};

// The statuses the office may set (shared/model/permissions.cpp admits the same three). Asking for changes
// needs a note, since the municipality must learn what to change; "reviewed" is final enough to confirm.
const Step officeSteps[] = {
    { "in_review", QT_TRANSLATE_NOOP("ReviewActionsModel", "In Prüfung nehmen"), "none" },
    { "changes_requested", QT_TRANSLATE_NOOP("ReviewActionsModel", "Änderungen erbitten"), "note" },
    { "reviewed", QT_TRANSLATE_NOOP("ReviewActionsModel", "Als geprüft markieren"), "confirm" },
};

} // namespace

ReviewActionsModel::ReviewActionsModel(QObject *parent)
    : RowListModel({ "key", "label", "applicable", "confirmation" }, parent)
{ }

void ReviewActionsModel::setPlanId(const QString &planId)
{
    if (planId == m_planId)
        return;
    m_planId = planId;
    Q_EMIT planIdChanged();
    scheduleRefresh();
}

QList<RowListModel::Row> ReviewActionsModel::readRows()
{
    QList<Row> rows;
    Session *s = session();
    m_status = m_planId.isEmpty() ? QString() : s->fieldValue(m_planId, u"review_status"_s);
    m_maySubmit = !m_planId.isEmpty() && !s->isOffice() && s->mayEdit(m_planId);
    if (!s->isOffice() || m_planId.isEmpty())
        return rows;
    for (const Step &step : officeSteps) {
        const QString key = QString::fromLatin1(step.key);
        rows.append(Row { key, tr(step.label), key != m_status, QString::fromLatin1(step.confirmation) });
    }
    return rows;
}
