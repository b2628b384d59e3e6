// SPDX-License-Identifier: GPL-3.0-or-later
#include "commentsmodel.h"

#include "session/session.h"
#include "session/vocabulary.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

CommentsModel::CommentsModel(QObject *parent)
    : RowListModel({ "commentId", "body", "author", "time", "kind", "kindLabel", "resolved", "mine", "mayResolve",
                     "isAnswer" },
                   parent)
{ }

void CommentsModel::setEntityId(const QString &entityId)
{
    if (entityId == m_entityId)
        return;
    m_entityId = entityId;
    Q_EMIT entityIdChanged();
    scheduleRefresh();
}

QList<RowListModel::Row> CommentsModel::readRows()
{
    QList<Row> rows;
    Session &s = *session();
    const QString plan = s.planOf(m_entityId);
    if (plan.isEmpty())
        return rows;
    LocalReplica &replica = *s.replica();
    ReplicaStore &store = replica.store();
    const EntitySpec &spec = *Schema::instance().entity(u"comment"_s);
    struct Written
    {
        qint64 wallMs;
        EntityRecord record;
        QString author;
    };
    QList<Written> comments;
    for (EntityRecord &record : store.children(spec, plan)) {
        if (record.value(u"target"_s) != m_entityId)
            continue;
        const QList<Change> history = store.history(record.id);
        const auto created = std::find_if(history.cbegin(), history.cend(),
                                          [](const Change &c) { return c.op == Change::Op::Create; });
        comments.append({ created != history.cend() ? created->hlc.wallMs : 0, std::move(record),
                          created != history.cend() ? created->author : QString() });
    }
    std::sort(comments.begin(), comments.end(),
              [](const Written &a, const Written &b) { return std::pair(a.wallMs, a.record.id) < std::pair(b.wallMs, b.record.id); });
    // Each answer right after the comment it answers (answers to answers after their thread's first comment).
    QList<const Written *> ordered;
    for (const Written &c : std::as_const(comments)) {
        const QString answered = c.record.value(u"reply_to"_s);
        const bool threadHere = std::any_of(comments.cbegin(), comments.cend(),
                                            [&](const Written &o) { return o.record.id == answered; });
        if (answered.isEmpty() || !threadHere)
            ordered.append(&c);
    }
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        const QString id = ordered[i]->record.id;
        qsizetype at = i + 1;
        for (const Written &c : std::as_const(comments)) {
            if (c.record.value(u"reply_to"_s) == id)
                ordered.insert(at++, &c);
        }
    }
    for (const Written *written : std::as_const(ordered)) {
        const Written &c = *written;
        const bool resolved = c.record.value(u"resolved"_s) == u"true"_s;
        const QString kind = c.record.value(u"kind"_s);
        rows.append(Row { c.record.id, c.record.value(u"body"_s), c.author,
                          Vocabulary::dateTime(QDateTime::fromMSecsSinceEpoch(c.wallMs, Qt::UTC)), kind,
                          Vocabulary::choiceLabel(u"kind"_s, kind), resolved, c.author == replica.author(),
                          replica.maySet(c.record.id, u"resolved"_s, resolved ? u"false"_s : u"true"_s),
                          !c.record.value(u"reply_to"_s).isEmpty() });
    }
    return rows;
}
