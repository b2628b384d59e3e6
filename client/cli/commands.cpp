// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

#include "output.h"
#include "office/dashboard.h"
#include "office/plandiff.h"
#include "office/planversions.h"
#include "office/reviewnotes.h"
#include "office/synopsisimport.h"
#include "replicaview.h"
#include "syncengine.h"
#include "syncstatus.h"

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
    if (!report.setAsidePath.isEmpty()) {
        // Said on every command that finds it, because scripts may not look at anything else.
        err() << "werkstattplan-cli: the replica was damaged and has been set aside as "
              << report.setAsidePath << "; a new one was started and " << report.salvagedChanges
              << " unsynced change(s) were salvaged; run sync to fill it from the server" << Qt::endl;
    } else if (!report.lostWork.isEmpty()) {
        err() << "werkstattplan-cli: " << report.lostWork << Qt::endl;
    }
    return ExitOk;
}

int Commands::run(const QStringList &args)
{
    const QString command = args.value(0);
    const QStringList rest = args.mid(1);
    // Arity first, so a mistyped command opens (and creates) nothing.
    static const QHash<QString, QPair<int, int>> arity {
        { u"connect"_s, { 1, 1 } },
        { u"sync"_s, { 0, 0 } },
        { u"status"_s, { 0, 0 } },
        { u"list"_s, { 1, 1 } },
        { u"show"_s, { 1, 1 } },
        { u"history"_s, { 1, 1 } },
        { u"add"_s, { 1, 1 } },
        { u"set"_s, { 2, 1000 } },
        { u"delete"_s, { 1, 1 } },
        { u"restore"_s, { 1, 1 } },
        { u"resolve"_s, { 1, 1 } },
        { u"search"_s, { 1, 1000 } },
        { u"export"_s, { 1, 1 } },
        { u"submit"_s, { 0, 0 } },
        { u"versions"_s, { 0, 0 } },
        { u"diff"_s, { 0, 0 } },
        { u"review"_s, { 0, 0 } },
        { u"notes"_s, { 0, 0 } },
        { u"synopsis"_s, { 2, 2 } },
        { u"dashboard"_s, { 0, 0 } },
    };
    if (command.isEmpty())
        return fail(u"no command given; see --help"_s);
    if (!arity.contains(command))
        return fail(u"unknown command \"%1\"; see --help"_s.arg(command));
    const auto [least, most] = arity.value(command);
    if (rest.size() < least || rest.size() > most)
        return fail(u"wrong number of arguments for %1; see --help"_s.arg(command));

    if (int rc = openReplica(); rc != ExitOk)
        return rc;

    if (command == u"connect"_s)
        return connect(rest);
    if (command == u"sync"_s)
        return sync();
    if (command == u"status"_s)
        return status();
    if (command == u"list"_s)
        return list(rest);
    if (command == u"show"_s)
        return show(rest[0]);
    if (command == u"history"_s)
        return history(rest[0]);
    if (command == u"add"_s)
        return add(rest);
    if (command == u"set"_s)
        return set(rest);
    if (command == u"delete"_s)
        return remove(rest[0]);
    if (command == u"restore"_s)
        return restore(rest[0]);
    if (command == u"resolve"_s)
        return resolve(rest[0]);
    if (command == u"search"_s)
        return search(rest.join(u' '));
    if (command == u"submit"_s)
        return submit();
    if (command == u"versions"_s)
        return versions();
    if (command == u"diff"_s)
        return diff();
    if (command == u"review"_s)
        return review();
    if (command == u"notes"_s)
        return notes();
    if (command == u"synopsis"_s)
        return synopsis(rest);
    if (command == u"dashboard"_s)
        return dashboard();
    return exportData(rest[0]);
}

// Sync ------------------------------------------------------------------------------------------

int Commands::applyCaFile(SyncEngine &engine)
{
    if (!m_options.hasCaFile)
        return ExitOk;
    if (Status trusted = engine.setCaFile(m_options.caFile); !trusted)
        return fail(trusted.error());
    return ExitOk;
}

void Commands::warnIfInsecure(const QUrl &server)
{
    if (!TlsTrust::isInsecure(server))
        return;
    err() << "werkstattplan-cli: warning: " << server.toDisplayString()
          << " is not encrypted (http://): the password, the sign-in token and the plans travel readable "
             "for anyone on the network; use https://"
          << Qt::endl;
}

int Commands::failRemote(const Error &error, int code)
{
    if (error.code == u"tls_untrusted"_s)
        return fail(Error { error.code, error.message + u"; if the server's certificate comes from your own "
                                                         "certificate authority, give its certificate with "
                                                         "--ca-file FILE"_s },
                    code);
    return fail(error, code);
}

int Commands::connect(const QStringList &args)
{
    const QUrl url(args[0], QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
        return fail(u"\"%1\" is not a server address such as https://werkstattplan.example.org"_s.arg(args[0]));
    if (m_options.user.isEmpty())
        return fail(u"connect needs --user USER"_s);
    // Said before the password is read or anything is sent.
    warnIfInsecure(url);
    if (TlsTrust::isInsecure(url) && !m_options.allowInsecure)
        return fail(Error { u"insecure_connection"_s,
                            u"not signing in over an unencrypted connection; use https://, or give "
                            "--allow-insecure to send the password in clear anyway"_s });
    SyncEngine engine(*m_replica);
    if (int rc = applyCaFile(engine); rc != ExitOk)
        return rc;

    QFile source;
    const bool fromFile = !m_options.passwordFile.isEmpty();
    if (fromFile)
        source.setFileName(m_options.passwordFile);
    if (!(fromFile ? source.open(QIODevice::ReadOnly) : source.open(stdin, QIODevice::ReadOnly)))
        return fail(u"cannot read the password from %1"_s.arg(
            fromFile ? m_options.passwordFile : u"standard input"_s));
    // Only the first line counts, trimmed the way the server's add-account reads it.
    const QString password = QString::fromUtf8(source.readLine()).trimmed();
    if (password.isEmpty())
        return fail(u"the password is empty"_s);

    if (Status loggedIn = engine.login(url, m_options.user, password); !loggedIn) {
        // Only what happened between us and the server is a sync error; the rest the user fixes here.
        static const QStringList local { u"account_mismatch"_s, u"invalid_url"_s, u"storage_error"_s,
                                         u"ca_file_unreadable"_s, u"ca_file_invalid"_s };
        return failRemote(loggedIn.error(), local.contains(loggedIn.errorCode()) ? ExitUsage : ExitSync);
    }
    const auto account = m_replica->account();
    if (account) {
        out() << "connected to " << account->serverUrl << " as " << account->user << " (" << account->role;
        if (!account->planId.isEmpty())
            out() << ", plan " << account->planId;
        out() << ')' << Qt::endl;
    }
    return ExitOk;
}

int Commands::sync()
{
    if (!m_replica->account())
        return fail(u"this replica is not connected to a server; run connect URL --user USER first"_s);
    if (m_replica->token().isEmpty())
        return fail(
            Error { u"unauthorized"_s, u"signed out (the server refused the token); run connect again"_s },
            ExitSync);
    warnIfInsecure(QUrl(m_replica->account()->serverUrl));
    SyncEngine engine(*m_replica);
    if (int rc = applyCaFile(engine); rc != ExitOk)
        return rc;
    SyncSummary total;
    // syncOnce() pushes and pulls what it can; go on while a round still moves the outbox.
    for (;;) {
        const int pendingBefore = m_replica->pendingCount();
        auto round = engine.syncOnce();
        if (!round) {
            static const QStringList local { u"ca_file_unreadable"_s, u"ca_file_invalid"_s };
            return failRemote(Error { round.errorCode(), u"sync failed: %1"_s.arg(round.errorMessage()) },
                              local.contains(round.errorCode()) ? ExitUsage : ExitSync);
        }
        total.pushed += round->pushed;
        total.rejected += round->rejected;
        total.pulled += round->pulled;
        total.bootstrapped += round->bootstrapped;
        total.cursor = round->cursor;
        const int pendingAfter = m_replica->pendingCount();
        if (pendingAfter == 0 || pendingAfter >= pendingBefore)
            break;
    }
    const int pending = m_replica->pendingCount();
    const int conflicts = int(m_replica->store().conflicts().size());
    out() << (pending == 0 ? "sync complete: " : "sync incomplete: ") << "pushed " << total.pushed
          << ", rejected " << total.rejected << ", pulled " << total.pulled
          << (total.bootstrapped ? " (first sync)" : "") << ", pending " << pending << ", open conflicts "
          << conflicts << ", cursor " << total.cursor << Qt::endl;
    if (total.rejected > 0)
        err() << "werkstattplan-cli: the server rejected " << total.rejected
              << " change(s); see: list rejected" << Qt::endl;
    return pending == 0 ? ExitOk : ExitSync;
}

int Commands::status()
{
    SyncEngine engine(*m_replica);
    QJsonObject status = engine.status()->toJson();
    const auto account = m_replica->account();
    if (account) {
        status.insert(u"account"_s,
            QJsonObject { { u"server"_s, account->serverUrl }, { u"user"_s, account->user },
                { u"role"_s, account->role }, { u"municipality"_s, account->municipalityId },
                { u"plan"_s, account->planId }, { u"signed_in"_s, !m_replica->token().isEmpty() },
                { u"ca_file"_s, m_replica->caFile().isEmpty() ? QJsonValue() : QJsonValue(m_replica->caFile()) } });
    } else {
        status.insert(u"account"_s, QJsonValue());
    }
    status.insert(u"replica"_s, m_replica->folder());
    if (m_options.json) {
        Output::printJson(out(), status);
        return ExitOk;
    }
    auto text = [](const QJsonValue &value) {
        if (value.isNull() || value.isUndefined())
            return u"-"_s;
        if (value.isDouble())
            return QString::number(value.toDouble(), 'g', 15);
        if (value.isBool())
            return value.toBool() ? u"yes"_s : u"no"_s;
        if (value.isString())
            return value.toString();
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    };
    Output::Table table({ u"KEY"_s, u"VALUE"_s });
    if (account)
        table.addRow(
            { u"server"_s, u"%1 (user %2, %3)"_s.arg(account->serverUrl, account->user, account->role) });
    else
        table.addRow({ u"server"_s, u"none (local only; run connect)"_s });
    table.addRow({ u"replica"_s, m_replica->folder() });
    for (const QString &key : { u"state"_s, u"pending"_s, u"last_complete_sync"_s, u"progress"_s, u"error"_s,
             u"rejected"_s, u"conflicts"_s, u"cursor"_s, u"notice"_s }) {
        const QJsonValue value = status.value(key);
        table.addRow({ key, value.isArray() ? QString::number(value.toArray().size()) : text(value) });
    }
    table.print(out());
    return ExitOk;
}

// Reading ---------------------------------------------------------------------------------------

std::optional<EntityRecord> Commands::findRecord(const QString &id)
{
    auto record = m_replica->store().record(id);
    if (!record || !record->exists()) {
        fail(Error { u"not_found"_s, u"no entity with id \"%1\" in this replica"_s.arg(id) });
        return std::nullopt;
    }
    return record;
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

// Editing ---------------------------------------------------------------------------------------

std::optional<LocalReplica::Fields> Commands::parseFields(const EntitySpec &spec, const QStringList &pairs)
{
    LocalReplica::Fields fields;
    for (const QString &pair : pairs) {
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0) {
            fail(u"\"%1\" is not FIELD=VALUE"_s.arg(pair));
            return std::nullopt;
        }
        const QString name = pair.left(eq);
        const FieldSpec *field = spec.field(name);
        if (!field) {
            QStringList known;
            for (const FieldSpec &f : spec.fields)
                known << f.name;
            fail(Error { u"unknown_field"_s,
                u"%1 has no field \"%2\"; its fields: %3"_s.arg(spec.name, name, known.join(u", "_s)) });
            return std::nullopt;
        }
        // Checked here as well as in the replica, so the message names the field before anything is tried.
        const auto normalized = Schema::normalize(*field, pair.mid(eq + 1));
        if (!normalized) {
            fail(normalized.error());
            return std::nullopt;
        }
        fields.append({ name, pair.mid(eq + 1) });
    }
    return fields;
}

int Commands::add(const QStringList &args)
{
    const QString type = entityTypeOf(args[0]);
    if (type.isEmpty() || type == u"plan"_s || args[0].endsWith(u's'))
        return fail(u"add what? field, goal, measure, milestone or comment"_s);
    if (m_options.parent.isEmpty())
        return fail(u"add %1 needs --parent ID"_s.arg(args[0]));
    const EntitySpec *spec = Schema::instance().entity(type);
    const auto parent = findRecord(m_options.parent);
    if (!parent)
        return ExitUsage;
    const QString parentType = type == u"comment"_s ? u"plan"_s : spec->parentField;
    if (parent->spec->name != parentType)
        return fail(u"the parent of a %1 is a %2, but %3 is a %4"_s.arg(
            type, parentType, parent->id, parent->spec->name));
    const auto fields = parseFields(*spec, m_options.set);
    if (!fields)
        return ExitUsage;
    const auto added = m_replica->add(type, m_options.parent, *fields);
    if (!added)
        return fail(added.error());
    out() << added.value() << Qt::endl;
    return ExitOk;
}

int Commands::set(const QStringList &args)
{
    const auto record = findRecord(args[0]);
    if (!record)
        return ExitUsage;
    const auto fields = parseFields(*record->spec, args.mid(1));
    if (!fields)
        return ExitUsage;
    if (Status done = m_replica->set(args[0], *fields); !done)
        return fail(done.error());
    return ExitOk;
}

int Commands::remove(const QString &id)
{
    if (!findRecord(id))
        return ExitUsage;
    if (Status done = m_replica->remove(id); !done)
        return fail(done.error());
    return ExitOk;
}

int Commands::restore(const QString &id)
{
    if (!findRecord(id))
        return ExitUsage;
    if (Status done = m_replica->restore(id); !done)
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
