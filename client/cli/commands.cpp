// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "output.h"
#include "replicaview.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QUrl>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using Output::err;
using Output::out;

namespace {

/** The CLI's short names of entity types for add and list. */
QString entityTypeOf(const QString &word)
{
    static const QHash<QString, QString> names {
        { u"field"_s, u"field_of_action"_s },
        { u"fields"_s, u"field_of_action"_s },
        { u"field_of_action"_s, u"field_of_action"_s },
        { u"goal"_s, u"goal"_s },
        { u"goals"_s, u"goal"_s },
        { u"measure"_s, u"measure"_s },
        { u"measures"_s, u"measure"_s },
        { u"milestone"_s, u"milestone"_s },
        { u"milestones"_s, u"milestone"_s },
        { u"comment"_s, u"comment"_s },
        { u"comments"_s, u"comment"_s },
        { u"plan"_s, u"plan"_s },
        { u"plans"_s, u"plan"_s },
    };
    return names.value(word);
}

/** Sorts records for listing: by municipality, then by their label, then by id (stable across replicas). */
struct Listed
{
    QString municipality;
    QString label;
    EntityRecord record;
};

void sortListed(QList<Listed> &rows)
{
    std::sort(rows.begin(), rows.end(), [](const Listed &a, const Listed &b) {
        if (const int c = a.municipality.localeAwareCompare(b.municipality); c != 0)
            return c < 0;
        if (const int c = a.label.localeAwareCompare(b.label); c != 0)
            return c < 0;
        return a.record.id < b.record.id;
    });
}

} // namespace

Commands::Commands(CliOptions options)
    : m_options(std::move(options))
{ }

Commands::~Commands() = default;

int Commands::fail(const Error &error, int code)
{
    if (error.code.isEmpty())
        err() << "werkstattplan-cli: " << error.message << Qt::endl;
    else
        err() << "werkstattplan-cli: " << error.message << " [" << error.code << ']' << Qt::endl;
    return code;
}

int Commands::fail(const QString &message, int code)
{
    return fail(Error { {}, message }, code);
}

int Commands::openReplica()
{
    LocalReplica::OpenReport report;
    auto opened = LocalReplica::open(m_options.replicaFolder, &report);
    if (!opened)
        return fail(
            u"cannot open the replica in %1: %2"_s.arg(m_options.replicaFolder, opened.errorMessage()));
    m_replica = std::move(opened).value();
    m_view = std::make_unique<ReplicaView>(m_replica->store());
    m_editor = std::make_unique<PlanEditor>(*m_replica);
    if (!report.setAsidePath.isEmpty()) {
        // Said on every command that finds it, because scripts may not look at anything else.
        err() << "werkstattplan-cli: the replica was damaged and has been set aside as "
              << report.setAsidePath << "; a new one was started and " << report.salvagedChanges
              << " unsynced change(s) were salvaged; run sync to fill it from the server" << Qt::endl;
    } else if (!report.lostWork.isEmpty()) {
        err() << "werkstattplan-cli: " << report.lostWork << Qt::endl;
    }
    return ExitOk;
}// Reading ---------------------------------------------------------------------------------------

std::optional<EntityRecord> Commands::findRecord(const QString &id)
{
    auto record = existingRecord(id);
    if (!record) {
        fail(record.error());
        return std::nullopt;
    }
    return std::move(record).value();
}

std::optional<QStringList> Commands::municipalityPlans(bool *failed)
{
    *failed = false;
    if (m_options.municipality.isEmpty())
        return std::nullopt;
    auto plans = m_view->plansOfMunicipality(m_options.municipality);
    if (!plans) {
        *failed = true;
        fail(plans.error());
        return std::nullopt;
    }
    return plans.value();
}

int Commands::list(const QStringList &args)
{
    bool failed = false;
    const auto plans = municipalityPlans(&failed);
    if (failed)
        return ExitUsage;
    const QString what = args[0];
    if (what == u"conflicts"_s)
        return listConflicts(plans);
    if (what == u"rejected"_s)
        return listRejected();
    const QString type = entityTypeOf(what);
    if (type.isEmpty() || type == u"comment"_s || type == u"milestone"_s)
        return fail(u"list what? plans, fields, goals, measures, conflicts or rejected"_s);

    ReplicaStore &store = m_replica->store();
    QList<Listed> rows;
    for (const QString &id : store.entityIds(type)) {
        auto record = store.record(id);
        if (!record || !record->isLive())
            continue;
        const QString plan = m_view->planOf(*record);
        if (plans && !plans->contains(plan))
            continue;
        rows.append({ m_view->municipalityName(plan), ReplicaView::label(*record), *record });
    }
    sortListed(rows);

    if (m_options.json) {
        QJsonArray array;
        for (const Listed &row : std::as_const(rows))
            array.append(m_view->entityJson(row.record));
        Output::printJson(out(), array);
        return ExitOk;
    }
    QStringList headers { u"ID"_s, u"MUNICIPALITY"_s, u"TITLE"_s };
    QStringList extra;
    if (type == u"plan"_s)
        extra = { u"review_status"_s, u"shared"_s };
    else if (type == u"goal"_s)
        extra = { u"indicator"_s, u"target_value"_s };
    else if (type == u"measure"_s)
        extra = { u"status"_s, u"end_date"_s, u"responsible"_s };
    for (const QString &field : std::as_const(extra))
        headers << field.toUpper();
    Output::Table table(headers);
    for (const Listed &row : std::as_const(rows)) {
        QStringList cells { row.record.id, Output::cell(row.municipality, 30), Output::cell(row.label) };
        for (const QString &field : std::as_const(extra))
            cells << Output::cell(row.record.value(field), 30);
        table.addRow(cells);
    }
    table.print(out());
    return ExitOk;
}

int Commands::listConflicts(const std::optional<QStringList> &plans)
{
    QList<Conflict> conflicts;
    for (const Conflict &conflict : m_replica->store().conflicts()) {
        if (plans) {
            const auto record = m_replica->store().record(conflict.entityId);
            if (!record || !plans->contains(m_view->planOf(*record)))
                continue;
        }
        conflicts << conflict;
    }
    std::sort(
        conflicts.begin(), conflicts.end(), [](const Conflict &a, const Conflict &b) { return a.id < b.id; });
    if (m_options.json) {
        QJsonArray array;
        for (const Conflict &conflict : std::as_const(conflicts))
            array.append(ReplicaView::conflictJson(conflict));
        Output::printJson(out(), array);
        return ExitOk;
    }
    Output::Table table({ u"ID"_s, u"KIND"_s, u"ENTITY"_s, u"FIELD"_s, u"KEPT"_s, u"OTHER"_s });
    for (const Conflict &conflict : std::as_const(conflicts)) {
        auto version = [](const FieldVersion &v) {
            return u"%1 (%2 on %3, %4)"_s.arg(
                Output::cell(v.value, 30), v.author, v.device, ReplicaView::timeOf(v.hlc));
        };
        table.addRow({ conflict.id, Conflict::kindName(conflict.kind),
            u"%1 %2"_s.arg(conflict.entityType, conflict.entityId), conflict.field, version(conflict.kept),
            version(conflict.other) });
    }
    table.print(out());
    return ExitOk;
}

int Commands::listRejected()
{
    const QList<RejectedChange> rejected = m_replica->rejected();
    if (m_options.json) {
        QJsonArray array;
        for (const RejectedChange &r : rejected) {
            array.append(QJsonObject { { u"change"_s, r.change.toJson() }, { u"code"_s, r.code },
                { u"message"_s, r.message }, { u"at"_s, r.at.toUTC().toString(Qt::ISODate) } });
        }
        Output::printJson(out(), array);
        return ExitOk;
    }
    Output::Table table({ u"CHANGE"_s, u"ENTITY"_s, u"FIELD"_s, u"VALUE"_s, u"CODE"_s, u"MESSAGE"_s });
    for (const RejectedChange &r : rejected) {
        table.addRow({ r.change.id, u"%1 %2"_s.arg(r.change.entityType, r.change.entityId),
            r.change.op == Change::Op::Set ? r.change.field : Change::opName(r.change.op),
            Output::cell(r.change.value, 30), r.code, Output::cell(r.message, 80) });
    }
    table.print(out());
    return ExitOk;
}

int Commands::show(const QString &id)
{
    const auto record = findRecord(id);
    if (!record)
        return ExitUsage;
    const QJsonObject json = m_view->entityJson(*record);
    if (m_options.json) {
        Output::printJson(out(), json);
        return ExitOk;
    }
    out() << record->spec->name << ' ' << record->id << " (" << json.value(u"state"_s).toString() << ')';
    if (!json.value(u"municipality"_s).toString().isEmpty())
        out() << ", " << json.value(u"municipality"_s).toString();
    out() << '\n';
    Output::Table table({ u"FIELD"_s, u"VALUE"_s });
    for (qsizetype i = 0; i < record->spec->fields.size(); ++i)
        table.addRow({ record->spec->fields[i].name, Output::cell(record->fields[i].value, 200) });
    table.print(out());
    for (const Conflict &conflict : MergeEngine::conflicts(*record)) {
        out() << "conflict " << conflict.id << " (" << Conflict::kindName(conflict.kind) << ") on "
              << conflict.field << ": kept \"" << Output::cell(conflict.kept.value, 80) << "\" by "
              << conflict.kept.author << " on " << conflict.kept.device << ", other \""
              << Output::cell(conflict.other.value, 80) << "\" by " << conflict.other.author << " on "
              << conflict.other.device << '\n';
    }
    out().flush();
    return ExitOk;
}

int Commands::history(const QString &id)
{
    if (!findRecord(id))
        return ExitUsage;
    fetchHistoryIfPartial(id);
    const QList<Change> changes = m_replica->store().history(id);
    if (m_options.json) {
        QJsonArray array;
        for (const Change &change : changes)
            array.append(change.toJson());
        Output::printJson(out(), array);
        return ExitOk;
    }
    Output::Table table({ u"TIME"_s, u"AUTHOR"_s, u"DEVICE"_s, u"OP"_s, u"FIELD"_s, u"VALUE"_s });
    for (const Change &change : changes) {
        table.addRow(
            { ReplicaView::timeOf(change.hlc), change.author, change.device, Change::opName(change.op),
                change.op == Change::Op::Set ? change.field : QString(), Output::cell(change.value) });
    }
    table.print(out());
    return ExitOk;
}

int Commands::search(const QString &text)
{
    const auto found = m_replica->search(text, 200);
    if (!found)
        return fail(found.error());
    QList<EntityRecord> records;
    for (const QString &id : found.value()) {
        const auto record = m_replica->store().record(id);
        if (record && record->isLive())
            records << *record;
    }
    if (m_options.json) {
        QJsonArray array;
        for (const EntityRecord &record : std::as_const(records))
            array.append(m_view->entityJson(record));
        Output::printJson(out(), array);
        return ExitOk;
    }
    Output::Table table({ u"TYPE"_s, u"ID"_s, u"MUNICIPALITY"_s, u"TITLE"_s });
    for (const EntityRecord &record : std::as_const(records))
        table.addRow({ record.spec->name, record.id,
            Output::cell(m_view->municipalityName(m_view->planOf(record)), 30),
            Output::cell(ReplicaView::label(record)) });
    table.print(out());
    return ExitOk;
}

ExportStamp Commands::exportStamp()
{
    return ExportStamp::of(*m_replica);
}

int Commands::writeExport(const QByteArray &data, const QString &what)
{
    if (m_options.outFile.isEmpty()) {
        out().flush();
        QFile stdOut;
        if (!stdOut.open(stdout, QIODevice::WriteOnly) || stdOut.write(data) < 0)
            return fail(u"cannot write to standard output"_s);
        return ExitOk;
    }
    if (Status written = Exports::writeFile(m_options.outFile, data); !written)
        return fail(written.error());
    err() << "exported " << what << " to " << m_options.outFile << Qt::endl;
    return ExitOk;
}

int Commands::exportData(const QString &format)
{
    static const QStringList formats { u"csv"_s, u"json"_s, u"measures-csv"_s, u"synopsis-csv"_s, u"pdf"_s };
    if (!formats.contains(format))
        return fail(u"export csv, json, measures-csv, synopsis-csv or pdf"_s);
    if (format == u"synopsis-csv"_s)
        return writeExport(Exports::synopsisCsv(m_replica->store(), exportStamp()).toUtf8(), u"the synopsis"_s);
    if (format == u"pdf"_s) {
        const QString plan = planArgument();
        if (plan.isEmpty())
            return ExitUsage;
        if (m_options.outFile.isEmpty())
            return fail(u"export pdf needs --out FILE"_s);
        if (Status written = Exports::planPdf(m_replica->store(), plan, exportStamp(), m_options.outFile); !written)
            return fail(written.error());
        err() << "exported " << plan << " to " << m_options.outFile << Qt::endl;
        return ExitOk;
    }
    const QList<Exports::MeasureRow> rows = Exports::measureRows(m_replica->store(), *m_view);
    const QString text = format == u"json"_s
            ? QString::fromUtf8(QJsonDocument(Exports::measuresJson(rows, exportStamp())).toJson(QJsonDocument::Indented))
            : Exports::measuresCsv(rows, exportStamp());
    return writeExport(text.toUtf8(), u"%1 measure(s)"_s.arg(rows.size()));
}
// Editing ---------------------------------------------------------------------------------------

Result<LocalReplica::Fields> Commands::splitPairs(const QStringList &pairs)
{
    LocalReplica::Fields fields;
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0)
            return Error { u"bad_request"_s, u"\"%1\" is not FIELD=VALUE"_s.arg(pair) };
        fields.append({ pair.left(eq), pair.mid(eq + 1) });
    }
    return fields;
}

Status Commands::checkFields(const EntitySpec &spec, const LocalReplica::Fields &fields)
{
    for (const auto &[name, value] : fields) {
        const FieldSpec *field = spec.field(name);
        if (!field) {
            QStringList known;
            for (const FieldSpec &f : spec.fields)
                known << f.name;
            return Error { u"unknown_field"_s,
                u"%1 has no field \"%2\"; its fields: %3"_s.arg(spec.name, name, known.join(u", "_s)) };
        }
        // Checked here as well as in the replica, so the message names the field before anything is tried.
        if (const auto normalized = Schema::normalize(*field, value); !normalized)
            return normalized.error();
    }
    return Ok {};
}

Result<EntityRecord> Commands::existingRecord(const QString &id)
{
    auto record = m_replica->store().record(id);
    if (!record || !record->exists())
        return Error { u"not_found"_s, u"no entity with id \"%1\" in this replica"_s.arg(id) };
    return *record;
}

Result<QString> Commands::addEntity(const QString &word, const QString &parentId, const LocalReplica::Fields &fields)
{
    const QString type = entityTypeOf(word);
    if (type.isEmpty() || type == u"plan"_s || word.endsWith(u's'))
        return Error { u"unknown_type"_s, u"add what? field, goal, measure, milestone or comment"_s };
    if (parentId.isEmpty())
        return Error { u"bad_request"_s, u"add %1 needs a parent (--parent ID)"_s.arg(word) };
    const EntitySpec *spec = Schema::instance().entity(type);
    const auto parent = existingRecord(parentId);
    if (!parent)
        return parent.error();
    const QString parentType = type == u"comment"_s ? u"plan"_s : spec->parentField;
    if (parent->spec->name != parentType)
        return Error { u"bad_request"_s, u"the parent of a %1 is a %2, but %3 is a %4"_s.arg(
            type, parentType, parent->id, parent->spec->name) };
    if (Status checked = checkFields(*spec, fields); !checked)
        return checked.error();
    return m_editor->add(type, parentId, fields);
}

Status Commands::setEntity(const QString &id, const LocalReplica::Fields &fields)
{
    const auto record = existingRecord(id);
    if (!record)
        return record.error();
    if (Status checked = checkFields(*record->spec, fields); !checked)
        return checked;
    return m_editor->set(id, fields);
}

Status Commands::removeEntity(const QString &id)
{
    if (const auto record = existingRecord(id); !record)
        return record.error();
    return m_editor->remove(id);
}

Status Commands::restoreEntity(const QString &id)
{
    if (const auto record = existingRecord(id); !record)
        return record.error();
    return m_editor->restore(id);
}

int Commands::add(const QStringList &args)
{
    const auto fields = splitPairs(m_options.set);
    if (!fields)
        return fail(fields.error());
    const auto added = addEntity(args[0], m_options.parent, *fields);
    if (!added)
        return fail(added.error());
    out() << added.value() << Qt::endl;
    return ExitOk;
}

int Commands::set(const QStringList &args)
{
    const auto fields = splitPairs(args.mid(1));
    if (!fields)
        return fail(fields.error());
    if (Status done = setEntity(args[0], *fields); !done)
        return fail(done.error());
    return ExitOk;
}

int Commands::remove(const QString &id)
{
    if (Status done = removeEntity(id); !done)
        return fail(done.error());
    return ExitOk;
}

int Commands::restore(const QString &id)
{
    if (Status done = restoreEntity(id); !done)
        return fail(done.error());
    return ExitOk;
}

int Commands::resolve(const QString &conflictId)
{
    const bool keep = !m_options.keep.isEmpty();
    if (keep == m_options.hasValue)
        return fail(u"resolve needs either --keep mine|theirs or --value TEXT"_s);
    std::optional<LocalReplica::Keep> choice;
    if (keep) {
        if (m_options.keep == u"mine"_s)
            choice = LocalReplica::Keep::Mine;
        else if (m_options.keep == u"theirs"_s)
            choice = LocalReplica::Keep::Theirs;
        else
            return fail(u"--keep takes mine or theirs"_s);
    }
    const QList<Conflict> open = m_replica->store().conflicts();
    const auto it
        = std::find_if(open.cbegin(), open.cend(), [&](const Conflict &c) { return c.id == conflictId; });
    if (it == open.cend())
        return fail(Error {
            u"not_found"_s, u"no open conflict with id \"%1\"; see: list conflicts"_s.arg(conflictId) });
    if (!choice) {
        const auto record = m_replica->store().record(it->entityId);
        const FieldSpec *field = record ? record->spec->field(it->field) : nullptr;
        if (field) {
            if (const auto normalized = Schema::normalize(*field, m_options.value); !normalized)
                return fail(normalized.error());
        }
    }
    if (Status done = m_replica->resolve(conflictId, choice, m_options.value); !done)
        return fail(done.error());
    return ExitOk;
}
