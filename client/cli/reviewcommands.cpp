// SPDX-License-Identifier: GPL-3.0-or-later
// werkstattplan-cli: submitting and reviewing plans, their versions and notes, the synopsis and the dashboard.
#include "commands.h"

#include "output.h"
#include "office/dashboard.h"
#include "office/plandiff.h"
#include "office/planversions.h"
#include "office/reviewnotes.h"
#include "office/synopsisimport.h"

#include <QFile>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;
using Output::err;
using Output::out;

// Review ----------------------------------------------------------------------------------------

QString Commands::planArgument()
{
    QString plan = m_options.plan;
    if (plan.isEmpty() && m_replica->account())
        plan = m_replica->account()->planId;
    if (plan.isEmpty()) {
        fail(u"which plan? give --plan ID"_s);
        return {};
    }
    const auto record = m_replica->store().record(plan);
    if (!record || !record->isLive() || record->spec->name != u"plan"_s) {
        fail(Error { u"not_found"_s, u"no plan with id \"%1\" in this replica"_s.arg(plan) });
        return {};
    }
    return plan;
}

int Commands::submit()
{
    const QString plan = planArgument();
    if (plan.isEmpty())
        return ExitUsage;
    const auto version = m_replica->submit(plan, m_options.label);
    if (!version)
        return fail(version.error());
    out() << version.value() << Qt::endl;
    return ExitOk;
}

int Commands::versions()
{
    const QString plan = planArgument();
    if (plan.isEmpty())
        return ExitUsage;
    const QList<PlanVersionInfo> list = PlanVersions(m_replica->store()).list(plan);
    if (m_options.json) {
        QJsonArray array;
        for (const PlanVersionInfo &version : list)
            array.append(version.toJson());
        Output::printJson(out(), array);
        return ExitOk;
    }
    Output::Table table({ u"ID"_s, u"SUBMITTED_AT"_s, u"AUTHOR"_s, u"LABEL"_s });
    for (const PlanVersionInfo &version : list)
        table.addRow({ version.id, version.submittedAt, version.author, Output::cell(version.label) });
    table.print(out());
    return ExitOk;
}

int Commands::diff()
{
    const QString plan = planArgument();
    if (plan.isEmpty())
        return ExitUsage;
    PlanVersions versions(m_replica->store());
    const QList<PlanVersionInfo> list = versions.list(plan);
    auto belongs = [&](const QString &id) {
        return std::any_of(list.cbegin(), list.cend(), [&](const PlanVersionInfo &v) { return v.id == id; });
    };
    // Default: the latest version against the plan as it is now.
    QString from = m_options.from;
    if (from.isEmpty()) {
        if (list.isEmpty())
            return fail(Error { u"not_found"_s, u"%1 has no submitted version yet"_s.arg(plan) });
        from = list.last().id;
    }
    const QString to = m_options.to.isEmpty() ? u"current"_s : m_options.to;
    for (const QString &id : { from, to }) {
        if (id != u"current"_s && !belongs(id))
            return fail(Error { u"not_found"_s, u"%1 is not a submitted version of %2; see: versions"_s.arg(id, plan) });
    }
    const auto older = from == u"current"_s ? versions.current(plan) : versions.snapshot(from);
    const auto newer = to == u"current"_s ? versions.current(plan) : versions.snapshot(to);
    if (!older)
        return fail(older.error());
    if (!newer)
        return fail(newer.error());
    const QList<PlanDiffItem> items = PlanDiff::compare(older.value(), newer.value());
    if (m_options.json) {
        QJsonArray array;
        for (const PlanDiffItem &item : items)
            array.append(item.toJson());
        Output::printJson(out(), QJsonObject { { u"plan"_s, plan }, { u"from"_s, from }, { u"to"_s, to },
                                               { u"items"_s, array } });
        return ExitOk;
    }
    Output::Table table({ u"CHANGE"_s, u"TYPE"_s, u"ID"_s, u"TITLE"_s, u"FIELD"_s, u"OLD"_s, u"NEW"_s });
    for (const PlanDiffItem &item : items)
        table.addRow({ PlanDiffItem::kindName(item.kind), item.type, item.id, Output::cell(item.title, 40), item.field,
                       Output::cell(item.oldValue, 30), Output::cell(item.newValue, 30) });
    table.print(out());
    return ExitOk;
}

int Commands::review()
{
    static const QStringList statuses { u"in_review"_s, u"reviewed"_s, u"changes_requested"_s };
    if (!statuses.contains(m_options.reviewStatus))
        return fail(u"review needs --status in_review|reviewed|changes_requested"_s);
    if (m_options.plan.isEmpty())
        return fail(u"review needs --plan ID"_s);
    const QString plan = planArgument();
    if (plan.isEmpty())
        return ExitUsage;
    if (Status done = m_replica->review(plan, m_options.reviewStatus, m_options.note); !done)
        return fail(done.error());
    return ExitOk;
}

int Commands::notes()
{
    const QString plan = planArgument();
    if (plan.isEmpty())
        return ExitUsage;
    const QList<ReviewNote> list = ReviewNotes::ofPlan(m_replica->store(), plan);
    if (m_options.json) {
        QJsonArray array;
        for (const ReviewNote &note : list)
            array.append(note.toJson());
        Output::printJson(out(), array);
        return ExitOk;
    }
    Output::Table table({ u"ID"_s, u"KIND"_s, u"AUTHOR"_s, u"RESOLVED"_s, u"REPLY_TO"_s, u"BODY"_s });
    for (const ReviewNote &note : list)
        table.addRow({ note.id, note.kind, note.author, note.resolved ? u"yes"_s : u"no"_s, note.replyTo,
                       Output::cell(note.body) });
    table.print(out());
    return ExitOk;
}

int Commands::synopsis(const QStringList &args)
{
    if (args[0] != u"import"_s)
        return fail(u"synopsis import FILE"_s);
    QFile file(args[1]);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"cannot read %1: %2"_s.arg(args[1], file.errorString()));
    const auto imported = SynopsisImport::run(*m_replica, QString::fromUtf8(file.readAll()));
    if (!imported)
        return fail(imported.error());
    out() << "imported " << args[1] << ": created " << imported->created << ", updated " << imported->updated
          << ", unchanged " << imported->unchanged << Qt::endl;
    return ExitOk;
}

int Commands::dashboard()
{
    const auto rows = Dashboard::compute(m_replica->store());
    if (!rows)
        return fail(rows.error());
    if (m_options.json) {
        QJsonArray array;
        for (const DashboardRow &row : rows.value())
            array.append(row.toJson());
        Output::printJson(out(), array);
        return ExitOk;
    }
    Output::Table table({ u"MUNICIPALITY"_s, u"STATE"_s, u"CLUSTER"_s, u"REVIEW_STATUS"_s, u"MEASURES"_s,
                          u"DONE"_s, u"COMPLETE"_s, u"OPEN_NOTES"_s, u"LAST_CHANGE"_s, u"LAST_SUBMISSION"_s });
    for (const DashboardRow &row : rows.value()) {
        table.addRow({ Output::cell(row.name, 30), row.state, row.cluster, row.reviewStatus,
                       QString::number(row.measures), QString::number(row.measuresByStatus.value(u"done"_s)),
                       u"%1%"_s.arg(qRound(row.completeness * 100)),
                       QString::number(row.openReviewNotes),
                       row.lastChange.isValid() ? row.lastChange.toString(Qt::ISODate) : u"-"_s,
                       row.lastSubmission.isValid() ? row.lastSubmission.toString(Qt::ISODate) : u"-"_s });
    }
    table.print(out());
    return ExitOk;
}

