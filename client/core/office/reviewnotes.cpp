// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewnotes.h"

#include "replicaview.h"
#include "storage/replicastore.h"
#include "model/hlc.h"

#include <QSqlQuery>

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
    QSqlQuery q(store.database());
    // Replies are found by what they answer, so a peer-kind answer to a review note counts too.
    q.prepare(u"SELECT c.id, c.plan, c.kind, c.target, c.reply_to, c.body, c.resolved, cr.author, cr.hlc "
              "FROM comments c LEFT JOIN changes cr ON cr.entity_id = c.id AND cr.op = 'create' "
              "WHERE c._state = 'live' AND c.plan = ? AND (c.kind = 'review' OR c.reply_to IN "
              "(SELECT id FROM comments WHERE kind = 'review' AND plan = ?)) ORDER BY cr.hlc, c.id"_s);
    q.addBindValue(planId);
    q.addBindValue(planId);
    QList<ReviewNote> notes;
    if (!q.exec())
        return notes;
    while (q.next())
        notes.append({ q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                       q.value(4).toString(), q.value(5).toString(), q.value(6).toInt() == 1, q.value(7).toString(),
                       ReplicaView::timeOf(Hlc::fromString(q.value(8).toString())) });
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
