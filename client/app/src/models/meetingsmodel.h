// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rowlistmodel.h"

/**
 * Workshop meetings (Werkstatttreffen), the next one first, then past ones
 * newest first.
 *
 * Roles: meetingId, title, date (as shown), cluster, host (the host
 * municipality's name), place, linkedMeasures (how many measures are to be
 * presented), upcoming.
 */
class MeetingsModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT

public:
    explicit MeetingsModel(QObject *parent = nullptr);

protected:
    QList<Row> readRows() override;
};

/**
 * The measures linked to one meeting (to be presented there), by
 * municipality.
 *
 * Roles: linkId, measureId, title, municipality, mayRemove (the account's
 * own link).
 */
class MeetingLinksModel : public RowListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString meetingId READ meetingId WRITE setMeetingId NOTIFY meetingIdChanged)
    Q_PROPERTY(QVariantList linkableMeasures READ linkableMeasures NOTIFY refreshed)

public:
    explicit MeetingLinksModel(QObject *parent = nullptr);

    [[nodiscard]] QString meetingId() const { return m_meetingId; }
    void setMeetingId(const QString &meetingId);
    /** [{id, title}] of the own plan's measures not yet linked to the meeting, for a chooser. */
    [[nodiscard]] QVariantList linkableMeasures() const;

Q_SIGNALS:
    void meetingIdChanged();

protected:
    QList<Row> readRows() override;

private:
    QString m_meetingId;
};
