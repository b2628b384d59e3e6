// SPDX-License-Identifier: GPL-3.0-or-later
#include "rejectedchangesmodel.h"

#include "session/session.h"
#include "session/vocabulary.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

RejectedChangesModel::RejectedChangesModel(QObject *parent)
    : RowListModel({ "changeId", "entityId", "entityType", "typeLabel", "entityLabel", "field", "fieldLabel", "value",
                     "code", "reason", "at" },
                   parent)
{ }

QList<RowListModel::Row> RejectedChangesModel::readRows()
{
    QList<RejectedChange> rejected = session()->replica()->rejected();
    std::stable_sort(rejected.begin(), rejected.end(),
                     [](const RejectedChange &a, const RejectedChange &b) { return a.at > b.at; });
    ReplicaStore &store = session()->replica()->store();
    // A refused create leaves no entity behind: its refused title still names it.
    QHash<QString, QString> refusedTitles;
    for (const RejectedChange &r : std::as_const(rejected)) {
        if (r.change.op == Change::Op::Set && (r.change.field == u"title"_s || r.change.field == u"name"_s))
            refusedTitles.insert(r.change.entityId, r.change.value);
    }
    QList<Row> rows;
    for (const RejectedChange &r : std::as_const(rejected)) {
        const Change &c = r.change;
        const auto record = store.record(c.entityId);
        QString label = record && record->exists() ? ReplicaView::label(*record) : refusedTitles.value(c.entityId);
        if (label.isEmpty())
            label = tr("(ohne Titel)");
        QString fieldLabel;
        QString value;
        switch (c.op) {
        case Change::Op::Create:
            fieldLabel = tr("Anlegen");
            break;
        case Change::Op::Delete:
            fieldLabel = tr("Löschen");
            break;
        case Change::Op::Restore:
            fieldLabel = tr("Wiederherstellen");
            break;
        case Change::Op::Set:
            fieldLabel = Vocabulary::fieldLabel(c.field);
            value = c.value.isEmpty() ? tr("(leer)") : Vocabulary::displayValue(c.entityType, c.field, c.value);
            break;
        }
        rows.append(Row { c.id, c.entityId, c.entityType, Vocabulary::typeLabel(c.entityType), label, c.field,
                          fieldLabel, value, r.code, Vocabulary::errorText(r.code), Vocabulary::dateTime(r.at) });
    }
    return rows;
}
