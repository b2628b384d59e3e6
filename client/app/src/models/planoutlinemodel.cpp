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
    ReplicaView &view = *session()->view();
    QHash<QString, int> conflicts;
    for (const Conflict &conflict : session()->replica()->store().conflicts())
        ++conflicts[conflict.entityId];

    const Schema &schema = Schema::instance();
    const QList<const EntitySpec *> levels { schema.entity(u"field_of_action"_s), schema.entity(u"goal"_s),
                                             schema.entity(u"measure"_s) };
    // One query per level for the whole plan: loading each record (with its merge state) took most of the time.
    enum Column { Title, Status, Start, End, Responsible };
    const QStringList fields { u"title"_s, u"status"_s, u"start_date"_s, u"end_date"_s, u"responsible"_s };
    QList<QHash<QString, QList<ReplicaView::ListItem>>> byParent;
    QStringList parents { m_planId };
    for (const EntitySpec *spec : levels) {
        byParent << view.listChildren(*spec, parents, fields);
        parents.clear();
        for (const auto &children : std::as_const(byParent.last())) {
            for (const ReplicaView::ListItem &child : children)
                parents << child.id;
        }
    }
    std::function<void(const QString &, int)> addLevel = [&](const QString &parentId, int depth) {
        const EntitySpec &spec = *levels[depth];
        for (const ReplicaView::ListItem &item : byParent[depth].value(parentId)) {
            const bool hasChildren = depth + 1 < levels.size() && byParent[depth + 1].contains(item.id);
            const bool expanded = !m_collapsed.contains(item.id);
            const QString start = Vocabulary::displayValue(spec.name, u"start_date"_s, item.values[Start]);
            const QString end = Vocabulary::displayValue(spec.name, u"end_date"_s, item.values[End]);
            const QString period = start.isEmpty() && end.isEmpty() ? QString() : start + u" – "_s + end;
            rows.append(Row { item.id, spec.name, item.values[Title], depth, item.values[Status],
                              Vocabulary::displayValue(spec.name, u"status"_s, item.values[Status]), hasChildren,
                              expanded, conflicts.value(item.id), period, item.values[Responsible] });
            if (hasChildren && expanded)
                addLevel(item.id, depth + 1);
        }
    };
    addLevel(m_planId, 0);
    return rows;
}
