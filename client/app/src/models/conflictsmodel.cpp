// SPDX-License-Identifier: GPL-3.0-or-later
#include "conflictsmodel.h"

#include "entityfieldsmodel.h"
#include "session/session.h"
#include "session/vocabulary.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

ConflictsModel::ConflictsModel(QObject *parent)
    : RowListModel({ "conflictId", "kind", "entityId", "entityType", "entityTitle", "municipality", "field",
                     "fieldLabel", "keptValue", "keptDisplay", "keptAuthor", "keptDevice", "keptTime", "otherValue",
                     "otherDisplay", "otherAuthor", "otherDevice", "otherTime", "keptIsThisDevice", "editable", "fieldKind",
                     "keptOrigin", "otherOrigin" },
                   parent)
{ }

void ConflictsModel::setEntityId(const QString &entityId)
{
    if (entityId == m_entityId)
        return;
    m_entityId = entityId;
    Q_EMIT entityIdChanged();
    scheduleRefresh();
}

void ConflictsModel::setConflictId(const QString &conflictId)
{
    if (conflictId == m_conflictId)
        return;
    m_conflictId = conflictId;
    Q_EMIT conflictIdChanged();
    refresh(); // at once: a dialog opened for this conflict shows it without a blank frame
}

QList<RowListModel::Row> ConflictsModel::readRows()
{
    QList<Row> rows;
    Session &s = *session();
    ReplicaStore &store = s.replica()->store();
    ReplicaView &view = *s.view();
    const QString thisDevice = s.device();
    for (const Conflict &conflict : store.conflicts()) {
        if ((!m_entityId.isEmpty() && conflict.entityId != m_entityId)
            || (!m_conflictId.isEmpty() && conflict.id != m_conflictId))
            continue;
        const auto record = store.record(conflict.entityId);
        const FieldSpec *fieldSpec = record ? record->spec->field(conflict.field) : nullptr;
        const QString title = record ? ReplicaView::label(*record) : QString();
        const QString municipality = record ? view.municipalityName(view.planOf(*record)) : QString();
        // The kept side of an edit-vs-delete conflict is the delete: its value is the lifecycle's.
        const QString keptField =
                conflict.kind == Conflict::Kind::EditVsDelete ? Change::stateField : conflict.field;
        const auto display = [&](const QString &field, const QString &value) {
            return Vocabulary::displayValue(conflict.entityType, field, value);
        };
        const auto time = [](const Hlc &hlc) {
            return Vocabulary::dateTime(QDateTime::fromMSecsSinceEpoch(hlc.wallMs, Qt::UTC));
        };
        rows.append(Row { conflict.id, Conflict::kindName(conflict.kind), conflict.entityId,
                          Vocabulary::typeLabel(conflict.entityType), title, municipality, conflict.field,
                          Vocabulary::fieldLabel(conflict.field), conflict.kept.value,
                          display(keptField, conflict.kept.value), conflict.kept.author, conflict.kept.device,
                          time(conflict.kept.hlc), conflict.other.value, display(conflict.field, conflict.other.value),
                          conflict.other.author, conflict.other.device, time(conflict.other.hlc),
                          conflict.kept.device == thisDevice, s.mayEdit(conflict.entityId),
                          fieldSpec ? EntityFieldsModel::kindOf(fieldSpec->type) : QString(),
                          s.origin(conflict.kept.author, conflict.kept.device),
                          s.origin(conflict.other.author, conflict.other.device) });
    }
    return rows;
}
