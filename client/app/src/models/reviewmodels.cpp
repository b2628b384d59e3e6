// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewmodels.h"

#include "office/plandiff.h"
#include "office/planversions.h"
#include "session/session.h"
#include "session/vocabulary.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace {

QString versionName(const PlanVersionInfo &version)
{
    if (!version.label.isEmpty())
        return version.label;
    const QDateTime at = QDateTime::fromString(version.submittedAt, Qt::ISODate);
    return QCoreApplication::translate("PlanVersionsModel", "Stand vom %1").arg(Vocabulary::dateTime(at));
}

} // namespace

PlanVersionsModel::PlanVersionsModel(QObject *parent)
    : RowListModel({ "versionId", "label", "submittedAt", "author" }, parent)
{ }

void PlanVersionsModel::setPlanId(const QString &planId)
{
    if (planId == m_planId)
        return;
    m_planId = planId;
    Q_EMIT planIdChanged();
    scheduleRefresh();
}

QList<RowListModel::Row> PlanVersionsModel::readRows()
{
    QList<Row> rows;
    if (m_planId.isEmpty())
        return rows;
    const QList<PlanVersionInfo> versions = PlanVersions(session()->replica()->store()).list(m_planId);
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        rows.append(Row { it->id, versionName(*it),
                          Vocabulary::dateTime(QDateTime::fromString(it->submittedAt, Qt::ISODate)), it->author });
    }
    return rows;
}

PlanDiffModel::PlanDiffModel(QObject *parent)
    : RowListModel({ "kind", "kindLabel", "entityId", "entityType", "title", "fieldLabel", "oldValue", "newValue" },
                   parent)
{ }

void PlanDiffModel::select(QString &member, const QString &value)
{
    if (member == value)
        return;
    member = value;
    Q_EMIT selectionChanged();
    scheduleRefresh();
}

void PlanDiffModel::setPlanId(const QString &planId)
{
    select(m_planId, planId);
}

void PlanDiffModel::setFromVersion(const QString &versionId)
{
    select(m_fromVersion, versionId);
}

void PlanDiffModel::setToVersion(const QString &versionId)
{
    select(m_toVersion, versionId);
}

QList<RowListModel::Row> PlanDiffModel::readRows()
{
    QList<Row> rows;
    m_comparison.clear();
    if (m_planId.isEmpty())
        return rows;
    PlanVersions versions(session()->replica()->store());
    const QList<PlanVersionInfo> list = versions.list(m_planId);
    const auto indexOf = [&](const QString &id) {
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list[i].id == id)
                return i;
        }
        return qsizetype(-1);
    };
    const bool toCurrent = m_toVersion == u"current"_s;
    const qsizetype to = toCurrent ? list.size() : m_toVersion.isEmpty() ? list.size() - 1 : indexOf(m_toVersion);
    const qsizetype from = m_fromVersion.isEmpty() ? to - 1 : indexOf(m_fromVersion);
    if (from < 0 || to < 0 || from >= list.size())
        return rows; // nothing submitted before: nothing to compare with
    const auto older = versions.snapshot(list[from].id);
    const auto newer = to < list.size() ? versions.snapshot(list[to].id) : versions.current(m_planId);
    if (!older || !newer)
        return rows;
    m_comparison = tr("%1 → %2").arg(versionName(list[from]), to < list.size() ? versionName(list[to]) : tr("heute"));

    for (const PlanDiffItem &item : PlanDiff::compare(*older, *newer)) {
        const QString kind = PlanDiffItem::kindName(item.kind);
        const bool changed = item.kind == PlanDiffItem::Kind::Changed;
        rows.append(Row { kind,
                          kind == u"added"_s ? tr("neu") : kind == u"removed"_s ? tr("entfernt") : tr("geändert"),
                          item.id, Vocabulary::typeLabel(item.type), item.title,
                          changed ? Vocabulary::fieldLabel(item.field) : QString(),
                          changed ? Vocabulary::displayValue(item.type, item.field, item.oldValue) : QString(),
                          changed ? Vocabulary::displayValue(item.type, item.field, item.newValue) : QString() });
    }
    return rows;
}
