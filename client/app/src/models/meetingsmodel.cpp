// SPDX-License-Identifier: GPL-3.0-or-later
#include "meetingsmodel.h"

#include "session/session.h"
#include "session/vocabulary.h"

#include <QDate>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

/** The live links to measures that are live, by meeting, each with its measure's record; one pass over all links. */
QHash<QString, QList<QPair<EntityRecord, EntityRecord>>> linksByMeeting(ReplicaStore &store)
{
    QHash<QString, QList<QPair<EntityRecord, EntityRecord>>> links;
    for (const QString &id : store.entityIds(u"meeting_link"_s)) {
        auto link = store.record(id);
        if (!link || !link->isLive())
            continue;
        auto measure = store.record(link->value(u"measure"_s));
        if (measure && measure->isLive())
            links[link->value(u"meeting"_s)].append({ std::move(*link), std::move(*measure) });
    }
    return links;
}

} // namespace

MeetingsModel::MeetingsModel(QObject *parent)
    : RowListModel({ "meetingId", "title", "date", "cluster", "host", "place", "linkedMeasures", "upcoming" }, parent)
{ }

QList<RowListModel::Row> MeetingsModel::readRows()
{
    Session &s = *session();
    ReplicaStore &store = s.replica()->store();
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    struct Meeting
    {
        EntityRecord record;
        bool upcoming;
    };
    QList<Meeting> meetings;
    for (const QString &id : store.entityIds(u"meeting"_s)) {
        auto record = store.record(id);
        if (record && record->isLive())
            meetings.append({ *record, record->value(u"date"_s) >= today });
    }
    // Upcoming ones soonest first, then past ones newest first.
    std::sort(meetings.begin(), meetings.end(), [](const Meeting &a, const Meeting &b) {
        if (a.upcoming != b.upcoming)
            return a.upcoming;
        const QString da = a.record.value(u"date"_s), db = b.record.value(u"date"_s);
        return a.upcoming ? da < db : da > db;
    });
    const auto links = linksByMeeting(store);
    QList<Row> rows;
    for (const Meeting &m : std::as_const(meetings)) {
        const auto host = store.record(m.record.value(u"host"_s));
        rows.append(Row { m.record.id, m.record.value(u"title"_s),
                          Vocabulary::displayValue(u"meeting"_s, u"date"_s, m.record.value(u"date"_s)),
                          m.record.value(u"cluster"_s), host ? host->value(u"name"_s) : QString(),
                          m.record.value(u"place"_s), int(links.value(m.record.id).size()), m.upcoming });
    }
    return rows;
}

MeetingLinksModel::MeetingLinksModel(QObject *parent)
    : RowListModel({ "linkId", "measureId", "title", "municipality", "mayRemove" }, parent)
{ }

void MeetingLinksModel::setMeetingId(const QString &meetingId)
{
    if (meetingId == m_meetingId)
        return;
    m_meetingId = meetingId;
    Q_EMIT meetingIdChanged();
    scheduleRefresh();
}

QList<RowListModel::Row> MeetingLinksModel::readRows()
{
    QList<Row> rows;
    if (m_meetingId.isEmpty())
        return rows;
    Session &s = *session();
    ReplicaView &view = *s.view();
    const auto links = linksByMeeting(s.replica()->store()).value(m_meetingId);
    for (const auto &[link, measure] : std::as_const(links)) {
        rows.append(Row { link.id, measure.id, measure.value(u"title"_s), view.municipalityName(view.planOf(measure)),
                          s.mayEdit(link.id) });
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return std::pair(a[3].toString(), a[2].toString()) < std::pair(b[3].toString(), b[2].toString());
    });
    return rows;
}

QVariantList MeetingLinksModel::linkableMeasures() const
{
    QVariantList measures;
    if (!session() || !session()->replica() || session()->planId().isEmpty() || m_meetingId.isEmpty())
        return measures;
    Session &s = *session();
    QStringList linked;
    for (int row = 0; row < count(); ++row)
        linked << get(row).value(u"measureId"_s).toString();
    for (const ReplicaView::MeasureFacts &m : s.view()->liveMeasures()) {
        if (m.planId == s.planId() && !linked.contains(m.id))
            measures.append(QVariantMap { { u"id"_s, m.id }, { u"title"_s, m.title } });
    }
    return measures;
}
