// SPDX-License-Identifier: GPL-3.0-or-later
#include "planoutlinemodel.h"

#include "session/session.h"
#include "session/vocabulary.h"

using namespace Qt::Literals::StringLiterals;

PlanOutlineModel::PlanOutlineModel(QObject *parent)
    : RowListModel({ "entityId", "entityType", "title", "depth", "statusKey", "status", "hasChildren", "expanded",
                     "conflicts", "period", "responsible" },
                   parent)
{ }

void PlanOutlineModel::setPlanId(const QString &planId)
{
    if (planId == m_planId)
        return;
    m_planId = planId;
    Q_EMIT planIdChanged();
    scheduleRefresh();
}

void PlanOutlineModel::setExpanded(const QString &entityId, bool expanded)
{
    if (expanded == !m_collapsed.contains(entityId))
        return;
    if (expanded)
        m_collapsed.remove(entityId);
    else
        m_collapsed.insert(entityId);
    refresh();
}

QList<RowListModel::Row> PlanOutlineModel::readRows()
{
    QList<Row> rows;
    if (m_planId.isEmpty())
        return rows;
    ReplicaStore &store = session()->replica()->store();
    ReplicaView &view = *session()->view();
    QHash<QString, int> conflicts;
    for (const Conflict &conflict : store.conflicts())
        ++conflicts[conflict.entityId];

    const Schema &schema = Schema::instance();
    const QList<const EntitySpec *> levels { schema.entity(u"field_of_action"_s), schema.entity(u"goal"_s),
                                             schema.entity(u"measure"_s) };
    std::function<void(const QString &, int)> addLevel = [&](const QString &parentId, int depth) {
        const EntitySpec &spec = *levels[depth];
        for (const EntityRecord &record : view.orderedChildren(spec, parentId)) {
            const bool leaf = depth + 1 >= levels.size();
            const bool hasChildren = !leaf && !store.children(*levels[depth + 1], record.id).isEmpty();
            const bool expanded = !m_collapsed.contains(record.id);
            const QString start = Vocabulary::displayValue(spec.name, u"start_date"_s, record.value(u"start_date"_s));
            const QString end = Vocabulary::displayValue(spec.name, u"end_date"_s, record.value(u"end_date"_s));
            const QString period = start.isEmpty() && end.isEmpty() ? QString() : start + u" – "_s + end;
            rows.append(Row { record.id, spec.name, record.value(u"title"_s), depth, record.value(u"status"_s),
                              Vocabulary::displayValue(spec.name, u"status"_s, record.value(u"status"_s)),
                              hasChildren, expanded, conflicts.value(record.id), period,
                              record.value(u"responsible"_s) });
            if (hasChildren && expanded)
                addLevel(record.id, depth + 1);
        }
    };
    addLevel(m_planId, 0);
    return rows;
}
