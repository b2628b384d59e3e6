// SPDX-License-Identifier: GPL-3.0-or-later
// cli_bench: werkstattplan-cli on a replica with every plan (default 40 plans of 300 measures, seeded
// through a real server and bootstrapped by `connect` and `sync`): the throughput of `apply` with
// 10,000 set lines, and the wall time of one `set` process (its open of the replica, sealed at the last
// clean close, and with the seal removed: the full quick_check).
//
//   cli_bench [--plans 40] [--measures 300] [--edits 10000] [--runs 7] [--json] [--keep]
//
// Progress goes to stderr; stdout carries only the table or the JSON object.

#include "benchseed.h"

#include "localreplica.h"
#include "replicaview.h"
#include "storage/replicaseal.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace BenchReport;

namespace {

QString cliBinary()
{
    const QString fromEnv = qEnvironmentVariable("WERKSTATTPLAN_CLI_BIN");
    return fromEnv.isEmpty() ? QStringLiteral(WERKSTATTPLAN_CLI_BIN) : fromEnv;
}

/** Runs werkstattplan-cli on the replica folder; fails the benchmark if it does not exit with 0. */
ServerProcess::AdminResult cli(const QString &folder, const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.setProgram(cliBinary());
    process.setArguments(QStringList { u"--replica"_s, folder } + arguments);
    const ServerProcess::AdminResult ended = ServerProcess::runToEnd(process, input, 600'000);
    if (!ended.ok())
        fail(u"werkstattplan-cli %1: exit %2: %3"_s.arg(arguments.join(u' ')).arg(ended.exitCode)
                     .arg(QString::fromUtf8(ended.err.left(2000))));
    return ended;
}

/** CPU milliseconds (user + system) of the children this process has waited for so far. */
double childrenCpuMs()
{
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    auto ms = [](const timeval &t) { return double(t.tv_sec) * 1000 + double(t.tv_usec) / 1000; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

/** The measures of the account's own plan. */
QStringList ownMeasures(const QString &folder)
{
    auto replica = LocalReplica::open(folder);
    if (!replica)
        fail(replica.errorMessage());
    const QString plan = replica.value()->account().value_or(AccountInfo {}).planId;
    ReplicaView view(replica.value()->store());
    QStringList ids;
    for (const QString &id : replica.value()->store().entityIds(u"measure"_s)) {
        const auto record = replica.value()->store().record(id);
        if (record && record->isLive() && view.planOf(*record) == plan)
            ids << id;
    }
    return ids;
}

/** edits set lines over the measures, each of one field (title, description or status). */
QByteArray setLines(const QStringList &measures, int edits)
{
    static const QStringList statuses { u"idea"_s, u"planned"_s, u"in_progress"_s, u"done"_s };
    QRandomGenerator rng(2026);
    QByteArray lines;
    for (int i = 0; i < edits; ++i) {
        QJsonObject values;
        switch (i % 3) {
        case 0:
            values.insert(u"title"_s, u"Maßnahme, Fassung %1"_s.arg(i));
            break;
        case 1:
            values.insert(u"description"_s, u"Beschreibung der Maßnahme in Fassung %1, abgestimmt im Rat."_s.arg(i));
            break;
        default:
            values.insert(u"status"_s, statuses[int(rng.bounded(statuses.size()))]);
        }
        const QJsonObject edit { { u"op"_s, u"set"_s }, { u"id"_s, measures[i % measures.size()] },
                                 { u"values"_s, values } };
        lines += QJsonDocument(edit).toJson(QJsonDocument::Compact) + '\n';
    }
    return lines;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cli_bench"_s);
    QLoggingCategory::setFilterRules(u"werkstattplan.*.info=false\nwerkstattplan.*.debug=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Benchmark of werkstattplan-cli apply and set on a replica with every plan."_s);
    parser.addHelpOption();
    const QCommandLineOption plansOption(u"plans"_s, u"Plans in the replica (default 40)."_s, u"N"_s, u"40"_s);
    const QCommandLineOption measuresOption(u"measures"_s, u"Measures per plan (default 300)."_s, u"N"_s, u"300"_s);
    const QCommandLineOption editsOption(u"edits"_s, u"Set lines given to apply (default 10000)."_s, u"N"_s, u"10000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Runs of the single set (default 7)."_s, u"N"_s, u"7"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object of the figures instead of a table."_s);
    const QCommandLineOption keepOption(u"keep"_s, u"Keep the replica folder afterwards (e.g. to profile a set on it)."_s);
    parser.addOptions({ plansOption, measuresOption, editsOption, runsOption, jsonOption, keepOption });
    parser.process(app);
    const int plans = parser.value(plansOption).toInt();
    const int measures = parser.value(measuresOption).toInt();
    const int edits = parser.value(editsOption).toInt();
    const int runs = parser.value(runsOption).toInt();
    if (plans < 1 || plans > 99 || measures < 1 || edits < 1 || runs < 1)
        fail(u"--plans takes 1 to 99, --measures, --edits and --runs a positive number"_s);

    QTemporaryDir work;
    if (!work.isValid())
        fail(u"cannot create a temporary directory"_s);
    work.setAutoRemove(!parser.isSet(keepOption));
    progress() << "== " << plans << " plans, " << measures << " measures each ==" << Qt::endl;
    ServerProcess server;
    BenchSeed::start(server, work.path(), plans, measures);
    const QString passwordFile = work.filePath(u"password"_s);
    {
        QFile file(passwordFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(BenchSeed::password.toUtf8() + '\n') < 0)
            fail(u"cannot write %1"_s.arg(passwordFile));
    }
    const QString folder = work.filePath(u"replica"_s);
    if (parser.isSet(keepOption))
        progress() << "the replica stays in " << folder << Qt::endl;
    QElapsedTimer timer;
    timer.start();
    cli(folder, { u"connect"_s, server.baseUrl().toString(), u"--user"_s, BenchSeed::me, u"--password-file"_s,
                  passwordFile });
    cli(folder, { u"sync"_s });
    progress() << "werkstattplan-cli connected and bootstrapped in " << qRound(msSince(timer)) << " ms" << Qt::endl;
    server.terminate(); // offline from here: the figures do not wait for the network
    const QString replicaFile = QDir(folder).filePath(LocalReplica::replicaFile);
    const double replicaMb = double(QFileInfo(replicaFile).size()) / (1024.0 * 1024.0);

    const QStringList mine = ownMeasures(folder);
    if (mine.isEmpty())
        fail(u"the account's plan has no measures"_s);
    const QString input = work.filePath(u"edits.jsonl"_s);
    {
        QFile file(input);
        if (!file.open(QIODevice::WriteOnly) || file.write(setLines(mine, edits)) < 0)
            fail(u"cannot write %1"_s.arg(input));
    }
    timer.restart();
    const auto applied = cli(folder, { u"apply"_s, input });
    const double applyMs = msSince(timer);
    if (applied.out.count('\n') != edits || applied.out.contains("\"ok\":false"))
        fail(u"apply did not apply every line: %1"_s.arg(QString::fromUtf8(applied.out.left(500))));
    const double editsPerSecond = edits / (applyMs / 1000.0);
    progress() << "applied " << edits << " edits in " << qRound(applyMs) << " ms" << Qt::endl;

    std::vector<double> sealedMs, sealedCpuMs, checkedMs, checkedCpuMs;
    for (int run = 0; run < runs; ++run) {
        const QStringList set { u"set"_s, mine[run % mine.size()], u"title=Einzeln geändert %1"_s.arg(run) };
        // The server has been waited for already, so the children's CPU grows by this set process alone.
        double cpu = childrenCpuMs();
        timer.restart();
        cli(folder, set);
        sealedMs.push_back(msSince(timer));
        sealedCpuMs.push_back(childrenCpuMs() - cpu);
        QFile::remove(ReplicaSeal::sealFile(replicaFile)); // the next open checks every page
        cpu = childrenCpuMs();
        timer.restart();
        cli(folder, set);
        checkedMs.push_back(msSince(timer));
        checkedCpuMs.push_back(childrenCpuMs() - cpu);
    }
    const double setMs = percentile(sealedMs, 0.5);

    QList<Figure> figures {
        { u"replica_mb"_s, u"replica file"_s, replicaMb, 1, u"MB"_s },
        { u"apply_edits_per_s"_s, u"apply: %1 set lines, a savepoint each, committed in groups"_s.arg(edits), editsPerSecond, 0,
          u"edits/s"_s, u">= 5000"_s, editsPerSecond >= 5000 ? 1 : 0 },
        { u"apply_total_ms"_s, u"apply: wall time of the process"_s, applyMs, 0, u"ms"_s },
        { u"set_sealed_p50_ms"_s, u"one set process, replica sealed at its clean close, median"_s, setMs, 1, u"ms"_s,
          u"<= 30"_s, setMs <= 30 ? 1 : 0 },
        { u"set_sealed_cpu_p50_ms"_s, u"... its CPU (user + system), median"_s, percentile(sealedCpuMs, 0.5), 1,
          u"ms"_s },
        { u"set_full_check_p50_ms"_s, u"one set process, no seal (quick_check), median"_s, percentile(checkedMs, 0.5),
          1, u"ms"_s },
        { u"set_full_check_cpu_p50_ms"_s, u"... its CPU (user + system), median"_s, percentile(checkedCpuMs, 0.5), 1,
          u"ms"_s },
    };
    QTextStream out(stdout);
    const bool json = parser.isSet(jsonOption);
    // With --json the table goes to stderr, for logs.
    QTextStream &table = json ? progress() : out;
    table << "\n" << plans << " plans x " << measures << " measures, one account's replica; werkstattplan-cli offline\n";
    const bool allOk = printTable(table, figures);
    table.flush();
    if (json) {
        QJsonObject figuresJson { { u"plans"_s, plans }, { u"measures"_s, measures }, { u"edits"_s, edits },
                                  { u"runs"_s, runs } };
        insertJson(figuresJson, figures);
        out << QJsonDocument(figuresJson).toJson(QJsonDocument::Indented);
    }
    return allOk ? 0 : 1;
}
