// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewnotes.h"

#include "replicaview.h"
#include "storage/planqueries.h"
#include "model/hlc.h"


using namespace Qt::Literals::StringLiterals;

QJsonObject ReviewNote::toJson() const
{
    auto nullable = [](const QString &v) { return v.isEmpty() ? QJsonValue() : QJsonValue(v); };
    return { { u"id"_s, id }, { u"plan"_s, planId }, { u"kind"_s, kind }, { u"target"_s, nullable(target) },
             { u"reply_to"_s, nullable(replyTo) }, { u"body"_s, body }, { u"resolved"_s, resolved },
             { u"author"_s, author }, { u"created_at"_s, createdAt } };
}

QList<ReviewNote> ReviewNotes::ofPlan(ReplicaStore &store, const QString &planId)
{
    QList<ReviewNote> notes;
    const auto rows = PlanQueries(store).reviewThreads(planId);
    if (!rows) // logged by the query
        return notes;
    for (const PlanQueries::CommentRow &row : rows.value())
        notes.append({ row.id, row.planId, row.kind, row.target, row.replyTo, row.body, row.resolved, row.author,
                       ReplicaView::timeOf(Hlc::fromString(row.createdHlc)) });
    return notes;
}

std::optional<ReviewNote> ReviewNotes::latestOnPlan(ReplicaStore &store, const QString &planId)
{
    const QList<ReviewNote> notes = ofPlan(store, planId);
    for (auto it = notes.crbegin(); it != notes.crend(); ++it) {
        if (it->kind == u"review"_s && it->replyTo.isEmpty() && (it->target.isEmpty() || it->target == planId))
            return *it;
    }
    return std::nullopt;
}
