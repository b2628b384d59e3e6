// SPDX-License-Identifier: GPL-3.0-or-later
#include "historymodel.h"

#include "session/session.h"
#include "session/vocabulary.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

HistoryModel::HistoryModel(QObject *parent)
    : RowListModel({ "changeId", "op", "field", "fieldLabel", "value", "display", "sentence", "author", "device",
                     "time", "thisDevice", "restorable" },
                   parent)
{ }

void HistoryModel::setEntityId(const QString &entityId)
{
    if (entityId == m_entityId)
        return;
    m_entityId = entityId;
    Q_EMIT entityIdChanged();
    scheduleRefresh();
}

QList<RowListModel::Row> HistoryModel::readRows()
{
    QList<Row> rows;
    if (m_entityId.isEmpty())
        return rows;
    Session &s = *session();
    ReplicaStore &store = s.replica()->store();
    const auto record = store.record(m_entityId);
    if (!record || !record->exists())
        return rows;
    const EntitySpec &spec = *record->spec;
    const bool editable = record->isLive() && s.mayEdit(m_entityId);
    const QString thisDevice = s.device();

    QList<Change> changes = store.history(m_entityId);
    // The log is in arrival order; people read the order the edits were made in.
    std::sort(changes.begin(), changes.end(), [](const Change &a, const Change &b) { return a.hlc > b.hlc; });
    for (const Change &change : changes) {
        const FieldSpec *field = spec.field(change.field);
        const bool isValue = change.op == Change::Op::Set && field && field->type != FieldType::OrderKey;
        QString display;
        if (isValue && field->type == FieldType::Reference) {
            // A link shows what it points to, not its id.
            const auto target = store.record(change.value);
            display = target ? ReplicaView::label(*target) : change.value;
        } else if (isValue) {
            display = Vocabulary::displayValue(spec.name, change.field, change.value);
        }
        // Links and positions change by moving the entry, not by typing a value back.
        const bool restorable = editable && isValue && field->type != FieldType::Reference
                && change.value != record->value(change.field);
        rows.append(Row { change.id, Change::opName(change.op), change.field,
                          isValue ? Vocabulary::fieldLabel(change.field) : QString(), change.value, display,
                          isValue ? QString() : Vocabulary::changeSentence(Change::opName(change.op), change.field),
                          change.author, change.device,
                          Vocabulary::dateTime(QDateTime::fromMSecsSinceEpoch(change.hlc.wallMs, Qt::UTC)),
                          change.device == thisDevice, restorable });
    }
    return rows;
}
