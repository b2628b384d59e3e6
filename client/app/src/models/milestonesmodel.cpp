// SPDX-License-Identifier: GPL-3.0-or-later
#include "milestonesmodel.h"

#include "session/session.h"
#include "planhints.h"
#include "session/vocabulary.h"

#include <QDate>

using namespace Qt::Literals::StringLiterals;

MilestonesModel::MilestonesModel(QObject *parent)
    : RowListModel({ "entityId", "title", "dueDate", "dueDisplay", "done", "overdue", "first", "last", "hint" }, parent)
{ }

void MilestonesModel::setMeasureId(const QString &measureId)
{
    if (measureId == m_measureId)
        return;
    m_measureId = measureId;
    Q_EMIT measureIdChanged();
    scheduleRefresh();
}

QList<RowListModel::Row> MilestonesModel::readRows()
{
    QList<Row> rows;
    m_doneCount = 0;
    if (m_measureId.isEmpty() || session()->entityType(m_measureId) != u"measure"_s)
        return rows;
    const EntitySpec &spec = *Schema::instance().entity(u"milestone"_s);
    const QList<EntityRecord> milestones = session()->view()->orderedChildren(spec, m_measureId);
    const QDate today = QDate::currentDate();
    const auto lookup = [this](const QString &id) { return session()->replica()->store().record(id); };
    for (qsizetype i = 0; i < milestones.size(); ++i) {
        const EntityRecord &m = milestones[i];
        const QString due = m.value(u"due_date"_s);
        const bool done = m.value(u"done"_s) == u"true"_s;
        const QDate dueDate = QDate::fromString(due, Qt::ISODate);
        m_doneCount += done ? 1 : 0;
        QStringList hints;
        for (const PlanHints::Hint &hint : PlanHints::of(m, lookup, today))
            hints << Vocabulary::hintText(hint);
        rows.append(Row { m.id, m.value(u"title"_s), due, Vocabulary::displayValue(spec.name, u"due_date"_s, due), done,
                          !done && dueDate.isValid() && dueDate < today, i == 0, i == milestones.size() - 1,
                          hints.join(u' ') });
    }
    return rows;
}
