// SPDX-License-Identifier: GPL-3.0-or-later
#include "historymodel.h"

#include "session/session.h"
#include "session/vocabulary.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

HistoryModel::HistoryModel(QObject *parent)
    : RowListModel({ "changeId", "op", "field", "fieldLabel", "value", "display", "sentence", "author", "device",
                     "time", "thisDevice", "restorable", "group", "fieldCount", "expanded", "summary", "origin" },
                   parent)
{ }

void HistoryModel::setEntityId(const QString &entityId)
{
    if (entityId == m_entityId)
        return;
    m_entityId = entityId;
    m_expanded.clear();
    Q_EMIT entityIdChanged();
    setOlderVersions(OlderVersions::Here);
    fetchOlderVersions();
    scheduleRefresh();
}

void HistoryModel::fetchOlderVersions()
{
    Session *s = session();
    if (m_entityId.isEmpty() || !s || !s->replica() || !s->replica()->hasPartialHistory(m_entityId))
        return;
    SyncEngine *engine = s->engine();
    if (!engine) {
        setOlderVersions(OlderVersions::OnServer);
        return;
    }
    disconnect(m_fetched);
    m_fetched = connect(engine, &SyncEngine::historyFetched, this, [this](const QString &id, const Status &fetched) {
        if (id != m_entityId)
            return;
        setOlderVersions(fetched ? OlderVersions::Here : OlderVersions::OnServer);
        refresh();
    });
    setOlderVersions(OlderVersions::Fetching);
    engine->fetchHistory(m_entityId);
}

void HistoryModel::setOlderVersions(OlderVersions where)
{
    if (where == m_olderVersions)
        return;
    m_olderVersions = where;
    Q_EMIT olderVersionsChanged();
}

void HistoryModel::setExpanded(const QString &creationId, bool expanded)
{
    if (expanded == m_expanded.contains(creationId))
        return;
    if (expanded)
        m_expanded.insert(creationId);
    else
        m_expanded.remove(creationId);
    refresh();
}

namespace {

// Columns of a row, in role order.
constexpr int fieldLabelColumn = 3;
constexpr int displayColumn = 5;
constexpr int fieldCountColumn = 13;
constexpr int expandedColumn = 14;
constexpr int summaryColumn = 15;

/** The first write of a field made with the create: same device and account, no earlier version, moments later. */
bool isPartOfCreation(const Change &create, const Change &change)
{
    return change.op == Change::Op::Set && change.base.isEmpty() && change.device == create.device
            && change.author == create.author && change.hlc > create.hlc
            && change.hlc.wallMs - create.hlc.wallMs <= HistoryModel::creationWindowMs;
}

} // namespace

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
    std::sort(changes.begin(), changes.end(), [](const Change &a, const Change &b) { return a.hlc < b.hlc; });

    // Which writes belong to a creation (oldest first: a create, then the fields written with it).
    QHash<QString, QString> creationOf; ///< change id → its creation's change id
    QHash<QString, QList<qsizetype>> fieldsOf; ///< creation id → indexes into changes
    for (qsizetype i = 0; i < changes.size(); ++i) {
        if (changes[i].op != Change::Op::Create)
            continue;
        QSet<QString> fields;
        for (qsizetype j = i + 1; j < changes.size() && isPartOfCreation(changes[i], changes[j]); ++j) {
            if (fields.contains(changes[j].field))
                break;
            fields.insert(changes[j].field);
            creationOf.insert(changes[j].id, changes[i].id);
            fieldsOf[changes[i].id].append(j);
        }
    }

    const auto fieldRow = [&](const Change &change, const QString &group) {
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
        return Row { change.id, Change::opName(change.op), change.field,
                     isValue ? Vocabulary::fieldLabel(change.field) : QString(), change.value, display,
                     isValue ? QString() : Vocabulary::changeSentence(Change::opName(change.op), change.field),
                     change.author, change.device,
                     Vocabulary::dateTime(QDateTime::fromMSecsSinceEpoch(change.hlc.wallMs, Qt::UTC)),
                     change.device == thisDevice, restorable, group, 0, false, QString(),
                     s.origin(change.author, change.device) };
    };

    for (qsizetype i = changes.size() - 1; i >= 0; --i) {
        const Change &change = changes[i];
        if (creationOf.contains(change.id))
            continue; // shown with its creation
        Row row = fieldRow(change, QString());
        if (change.op == Change::Op::Create) {
            const QList<qsizetype> fields = fieldsOf.value(change.id);
            QStringList summary;
            QList<Row> children;
            for (const qsizetype j : fields) {
                Row child = fieldRow(changes[j], change.id);
                // Positions and the parent link say nothing a person wrote.
                const QString label = child[fieldLabelColumn].toString();
                if (label.isEmpty() || spec.field(changes[j].field)->type == FieldType::Reference)
                    continue;
                summary << u"%1: %2"_s.arg(label, child[displayColumn].toString());
                children.append(child);
            }
            const bool expanded = m_expanded.contains(change.id) && !children.isEmpty();
            row[fieldCountColumn] = int(children.size());
            row[expandedColumn] = expanded;
            row[summaryColumn] = summary.join(u", "_s);
            rows.append(row);
            if (expanded)
                rows.append(children);
            continue;
        }
        rows.append(row);
    }
    return rows;
}
