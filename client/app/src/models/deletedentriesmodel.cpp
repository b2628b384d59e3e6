// SPDX-License-Identifier: GPL-3.0-or-later
#include "deletedentriesmodel.h"

#include "session/session.h"
#include "session/vocabulary.h"
#include "storage/planqueries.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

DeletedEntriesModel::DeletedEntriesModel(QObject *parent)
    : RowListModel({ "entityId", "entityType", "title", "deletedBy", "deletedAt" }, parent)
{ }

void DeletedEntriesModel::setPlanId(const QString &planId)
{
    if (planId == m_planId)
        return;
    m_planId = planId;
    Q_EMIT planIdChanged();
    scheduleRefresh();
}

QList<RowListModel::Row> DeletedEntriesModel::readRows()
{
    if (m_planId.isEmpty())
        return {};
    ReplicaStore &store = session()->replica()->store();
    struct Deleted
    {
        Hlc when;
        Row row;
    };
    QList<Deleted> found;
    for (const QString &type : { u"field_of_action"_s, u"goal"_s, u"measure"_s, u"milestone"_s }) {
        const EntitySpec &spec = *Schema::instance().entity(type);
        // Few rows: deleted entries are the exception, so the plan is looked up for each.
        const auto ids = PlanQueries(store).deletedIds(spec);
        if (!ids) // logged by the query; the list shows what the other types hold
            continue;
        for (const QString &id : ids.value()) {
            const auto record = store.record(id);
            if (!record || session()->view()->planOf(*record) != m_planId)
                continue;
            const FieldVersion &deletion = record->lifecycle.heads.constLast();
            found.append({ deletion.hlc,
                           Row { record->id, Vocabulary::typeLabel(type), ReplicaView::label(*record), deletion.author,
                                 Vocabulary::dateTime(QDateTime::fromMSecsSinceEpoch(deletion.hlc.wallMs, Qt::UTC)) } });
        }
    }
    std::sort(found.begin(), found.end(), [](const Deleted &a, const Deleted &b) { return b.when < a.when; });
    QList<Row> rows;
    for (Deleted &d : found)
        rows.append(std::move(d.row));
    return rows;
}
