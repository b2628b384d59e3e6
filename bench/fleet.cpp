// SPDX-License-Identifier: GPL-3.0-or-later
// Fleet benchmark: a real werkstattplan-server on SQLite (a temporary folder)
// with N municipalities, each with a plan of M measures pushed by its owner
// and shared with peers, and two laptops per municipality (two staff
// accounts): real replicas (LocalReplica + SyncEngine, as
// `werkstattplan-cli sync` runs them), in worker processes (this program
// again, `fleet --worker`), each laptop on a thread and event loop of its own.
//
//   1. first syncs: every laptop bootstraps at once;
//   2. offline edits: each laptop edits E fields; 10 % of them are fields
//      its sibling laptop (same municipality) edits too (short texts, which
//      must become conflicts, and descriptions, merged or kept as conflicts);
//   3. rounds: every laptop syncs, round after round, until a round in which
//      no laptop pushes or pulls anything.
//
// Figures per phase: wall time, bytes each way (counted exactly by a loopback
// relay between the laptops and the server, ByteProxy), the server's CPU
// seconds (/proc/PID/stat) and peak memory (VmHWM, started anew per phase).
// Checks: every laptop ends with the server's state for its account (state
// digests), all laptops agree, and every contested field is kept as an open
// conflict (or, for a description, merged with both edits) on every laptop.
//
//   fleet [--plans 40] [--measures 300] [--laptops 80] [--edits 50] [--workers 8] [--json]
//
// Progress goes to stderr; stdout carries only the table or the JSON object
// (with --json the table goes to stderr as well, for logs). Exit 1 if a check
// fails, 2 if the run could not be made.

#include "benchreport.h"
#include "benchseed.h"
#include "byteproxy.h"
#include "fleetworker.h"
#include "plangenerator.h"
#include "procstats.h"
#include "helpers/rawhttp.h"
#include "helpers/serverprocess.h"
#include "helpers/syncclient.h"

#include "common/allocator.h"
#include "sync/localeditor.h"
#include "sync/replicastate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

using namespace BenchReport;

using BenchSeed::password;

struct Options
{
    int plans = 40;
    int measures = 300;
    int laptops = 80;
    int edits = 50;
    int workers = 8;
};

/** An edit a laptop makes offline. */
struct Edit
{
    QString entity;
    QString field;
    QString value;
};

/** A field both laptops of a municipality wrote, with what each wrote. */
struct Contested
{
    QString entity;
    QString field;
    QString valueA;
    QString valueB;
    bool longText = false; ///< may merge three-way instead of conflicting
    QString addedA; ///< long text: the sentence each side added
    QString addedB;
};

struct Municipality
{
    QString owner; ///< the first account, which pushes the plan
    QString planId;
    QList<QString> measures; ///< ids, in the order created
    QHash<QString, QString> descriptions; ///< measure id → description as pushed
    QHash<QString, QString> titles;
};

QString userOf(int municipality, int laptop)
{
    return u"gemeinde-%1-%2"_s.arg(municipality + 1, 2, 10, QLatin1Char('0')).arg(QChar(u'a' + laptop));
}

/** Accounts (two per municipality) by the admin command, then each plan pushed by its owner and shared. */
/** Bootstrap pages the server served from its prepared cache and built, by its /metrics. */
struct BootstrapPages
{
    qint64 cached = 0;
    qint64 built = 0;
};
BootstrapPages bootstrapPagesOf(ServerProcess &server)
{
    const QByteArray body = rawRequest(quint16(server.port()), {}, "GET", "/metrics", {}).body;
    BootstrapPages pages;
    for (const QByteArray &line : body.split('\n')) {
        if (line.startsWith("werkstattplan_bootstrap_pages_total{source=\"cache\"} "))
            pages.cached = line.mid(line.indexOf(' ') + 1).toLongLong();
        else if (line.startsWith("werkstattplan_bootstrap_pages_total{source=\"built\"} "))
            pages.built = line.mid(line.indexOf(' ') + 1).toLongLong();
    }
    return pages;
}

std::vector<Municipality> seed(ServerProcess &server, const QString &folder, const Options &options, qint64 *changes)
{
    QList<BenchSeed::AccountLine> lines;
    for (int m = 0; m < options.plans; ++m) {
        const QString name = u"Gemeinde %1"_s.arg(m + 1, 2, 10, QLatin1Char('0'));
        for (int l = 0; l < 2; ++l)
            lines.append({ userOf(m, l), password, name,
                           PlanGenerator::federalStates[m % PlanGenerator::federalStates.size()],
                           u"Cluster %1"_s.arg(m % 8 + 1) });
    }
    BenchSeed::importAccounts(server, folder, lines);
    if (!server.start(ServerProcess::Store::Folder, folder))
        fail(u"the server did not start"_s);

    std::vector<Municipality> municipalities(size_t(options.plans));
    std::vector<QString> tokens(size_t(options.plans));
    std::vector<EntityRecord> planRecords(size_t(options.plans));
    SyncClient client(server.baseUrl());
    // Every owner signs in and reads its plan's record first, while the log holds only the accounts' setup.
    for (int m = 0; m < options.plans; ++m) {
        Municipality &muni = municipalities[size_t(m)];
        muni.owner = userOf(m, 0);
        const HttpResponse login = client.login(muni.owner, password, u"seed-%1"_s.arg(m + 1));
        if (login.status != 200)
            fail(u"login %1: %2"_s.arg(muni.owner, login.describe()));
        muni.planId = client.account().value(u"plan"_s).toString();
        tokens[size_t(m)] = client.token();
        const PullResult current = client.pullAll(0);
        ReplicaState state;
        for (const Change &change : current.plainChanges())
            Q_UNUSED(state.apply(change));
        if (!current.ok || !state.entity(muni.planId))
            fail(u"%1 cannot read its plan %2"_s.arg(muni.owner, muni.planId));
        planRecords[size_t(m)] = *state.entity(muni.planId);
    }
    *changes = 0;
    for (int m = 0; m < options.plans; ++m) {
        Municipality &muni = municipalities[size_t(m)];
        const QString device = u"seed-%1"_s.arg(m + 1);
        client.setToken(tokens[size_t(m)]);
        auto built = PlanGenerator::buildPlan(muni.planId, muni.owner, device, options.measures, quint32(m + 1));
        if (!built)
            fail(built.errorMessage());
        QList<Change> plan = std::move(built).value();
        for (const Change &change : std::as_const(plan)) {
            if (change.entityType != u"measure"_s)
                continue;
            if (change.op == Change::Op::Create)
                muni.measures << change.entityId;
            else if (change.field == u"description"_s)
                muni.descriptions.insert(change.entityId, change.value);
            else if (change.field == u"title"_s)
                muni.titles.insert(change.entityId, change.value);
        }
        // Shared with peers, so every laptop reads every plan.
        HlcClock clock(device);
        for (const Change &change : std::as_const(plan))
            clock.observe(change.hlc);
        LocalEditor editor(clock, muni.owner);
        plan << editor.set(planRecords[size_t(m)], u"shared"_s, u"true"_s);
        BenchSeed::pushAll(client, plan, muni.owner);
        *changes += plan.size();
        progress() << "\rpushed " << m + 1 << "/" << options.plans << " plans" << Qt::flush;
    }
    progress() << Qt::endl;
    return municipalities;
}

/**
 * The edits of the two laptops of a municipality: `contested` fields both write (every second one
 * a description, where each adds a sentence at another end), then `own` fields each of its own.
 * Fields are taken measure after measure (title, then responsible, partners, budget), so no two
 * uncontested edits touch one field.
 */
void planEdits(const Municipality &muni, int edits, std::array<QList<Edit>, 2> &out, QList<Contested> &contested)
{
    static const QStringList ownFields { u"title"_s, u"responsible"_s, u"partners"_s, u"budget"_s };
    const int shared = qRound(edits * 0.1);
    const int own = edits - shared;
    const auto k = int(muni.measures.size());
    if (shared > k || shared + 2 * own > k * int(ownFields.size()))
        fail(u"%1 edits per laptop do not fit a plan of %2 measures"_s.arg(edits).arg(k));
    for (int j = 0; j < shared; ++j) {
        const QString &measure = muni.measures[j];
        Contested c;
        c.entity = measure;
        c.field = j % 2 == 0 ? u"title"_s : u"description"_s;
        if (c.field == u"title"_s) {
            c.valueA = muni.titles.value(measure) + u" (Fassung Laptop A)"_s;
            c.valueB = muni.titles.value(measure) + u" (Fassung Laptop B)"_s;
        } else {
            c.longText = true;
            c.addedA = u"Vorab geklärt mit dem Bauamt, Laptop A, Punkt %1."_s.arg(j);
            c.addedB = u"Nachtrag aus der Ratssitzung, Laptop B, Punkt %1."_s.arg(j);
            c.valueA = c.addedA + u' ' + muni.descriptions.value(measure);
            c.valueB = muni.descriptions.value(measure) + u' ' + c.addedB;
        }
        out[0].append({ c.entity, c.field, c.valueA });
        out[1].append({ c.entity, c.field, c.valueB });
        contested.append(c);
    }
    for (int l = 0; l < 2; ++l) {
        for (int e = 0; e < own; ++e) {
            // Slots from `shared` on: the contested titles are the first `shared` slots.
            const int slot = shared + l * own + e;
            const QString &measure = muni.measures[slot % k];
            const QString field = ownFields[slot / k];
            const QString value = field == u"budget"_s ? QString::number(1000 + slot * 10 + l)
                                                       : u"Geändert auf Laptop %1 (%2)"_s.arg(QChar(u'A' + l)).arg(slot);
            out[size_t(l)].append({ measure, field, value });
        }
    }
}

/** The worker processes and what they answer. */
class Workers
{
public:
    Workers(int count)
    {
        for (int w = 0; w < count; ++w) {
            auto process = std::make_unique<QProcess>();
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process->start(QCoreApplication::applicationFilePath(), { u"--worker"_s });
            if (!process->waitForStarted(30'000))
                fail(u"a worker did not start: %1"_s.arg(process->errorString()));
            m_processes.push_back(std::move(process));
        }
    }
    ~Workers()
    {
        for (auto &process : m_processes) {
            process->write("{\"cmd\":\"quit\"}\n");
            process->waitForBytesWritten(10'000);
            process->closeWriteChannel();
        }
        for (auto &process : m_processes) {
            if (!process->waitForFinished(120'000))
                process->kill();
        }
    }
    Q_DISABLE_COPY_MOVE(Workers)

    [[nodiscard]] int count() const { return int(m_processes.size()); }
    [[nodiscard]] qint64 pid(int worker) const { return m_processes[size_t(worker)]->processId(); }

    /** Sends each worker its command (all first, so they work at once), then reads every answer. */
    std::vector<QJsonArray> ask(const std::vector<QJsonObject> &commands)
    {
        for (size_t w = 0; w < m_processes.size(); ++w) {
            QProcess &process = *m_processes[w];
            process.write(QJsonDocument(commands[w]).toJson(QJsonDocument::Compact) + '\n');
            // All of it out now: without an event loop a QProcess writes only while one of its own waits
            // runs, so a command longer than the pipe holds would reach this worker only once its answer
            // is awaited, and the workers would work one after the other.
            while (process.bytesToWrite() > 0) {
                if (!process.waitForBytesWritten(-1))
                    fail(u"a worker does not take its command: %1"_s.arg(process.errorString()));
            }
        }
        std::vector<QJsonArray> answers;
        for (auto &process : m_processes) {
            while (!process->canReadLine()) {
                if (process->state() != QProcess::Running || !process->waitForReadyRead(-1)) {
                    if (!process->canReadLine())
                        fail(u"a worker ended (exit %1)"_s.arg(process->exitCode()));
                }
            }
            answers.push_back(QJsonDocument::fromJson(process->readLine()).object().value(u"laptops"_s).toArray());
        }
        return answers;
    }
    std::vector<QJsonArray> askAll(const QJsonObject &command)
    {
        return ask(std::vector<QJsonObject>(m_processes.size(), command));
    }

private:
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

/** What the server did in a phase. */
struct ServerUse
{
    double cpuS = 0;
    double peakMb = -1;
};

class PhaseProbe
{
public:
    PhaseProbe(qint64 serverPid, const Workers &workers, ByteProxy &proxy)
        : m_pid(serverPid), m_workers(workers), m_proxy(proxy)
    {
    }
    void start()
    {
        m_peakReset = ProcStats::resetPeakMemory(m_pid);
        for (int w = 0; w < m_workers.count(); ++w)
            m_peakReset = ProcStats::resetPeakMemory(m_workers.pid(w)) && m_peakReset;
        m_cpu = ProcStats::cpuSeconds(m_pid);
        m_laptopCpu = laptopCpu();
        m_bytes = m_proxy.total();
        m_timer.start();
    }
    double wallS() const { return msSince(m_timer) / 1000; }
    double serverCpuS() const { return ProcStats::cpuSeconds(m_pid) - m_cpu; }
    double laptopCpuS() const { return laptopCpu() - m_laptopCpu; }
    double peakMb() const { return ProcStats::statusMb(m_pid, "VmHWM"); }
    /** The largest peak of one worker process (10 laptops each by default). */
    double workerPeakMb() const
    {
        double most = -1;
        for (int w = 0; w < m_workers.count(); ++w)
            most = std::max(most, ProcStats::statusMb(m_workers.pid(w), "VmHWM"));
        return most;
    }
    bool peakReset() const { return m_peakReset; }
    ByteProxy::Bytes bytes() const { return m_proxy.total() - m_bytes; }

private:
    double laptopCpu() const
    {
        double sum = 0;
        for (int w = 0; w < m_workers.count(); ++w)
            sum += ProcStats::cpuSeconds(m_workers.pid(w));
        return sum;
    }
    qint64 m_pid;
    const Workers &m_workers;
    ByteProxy &m_proxy;
    bool m_peakReset = false;
    double m_cpu = 0;
    double m_laptopCpu = 0;
    ByteProxy::Bytes m_bytes;
    QElapsedTimer m_timer;
};

double median(const std::vector<double> &values)
{
    return percentile(values, 0.5);
}

double maxOf(const std::vector<double> &values)
{
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

} // namespace

int main(int argc, char *argv[])
{
    keepLargeBuffersInHeap(); // as the client programs do
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"fleet"_s);
    QLoggingCategory::setFilterRules(u"werkstattplan.*.info=false\nwerkstattplan.*.debug=false"_s);
    if (app.arguments().contains(u"--worker"_s))
        return runFleetWorker();

    QCommandLineParser parser;
    parser.setApplicationDescription(u"A fleet of laptops syncing with werkstattplan-server (SQLite, loopback)."_s);
    parser.addHelpOption();
    const QCommandLineOption plansOption(u"plans"_s, u"Municipalities, each with a plan (default 40)."_s, u"N"_s, u"40"_s);
    const QCommandLineOption measuresOption(u"measures"_s, u"Measures per plan (default 300)."_s, u"N"_s, u"300"_s);
    const QCommandLineOption laptopsOption(u"laptops"_s, u"Laptops, two per municipality (default 80)."_s, u"N"_s, u"80"_s);
    const QCommandLineOption editsOption(u"edits"_s, u"Offline edits per laptop (default 50)."_s, u"N"_s, u"50"_s);
    const QCommandLineOption workersOption(u"workers"_s, u"Worker processes holding the laptops (default 8)."_s, u"N"_s,
                                           u"8"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object of the figures instead of a table."_s);
    parser.addOptions({ plansOption, measuresOption, laptopsOption, editsOption, workersOption, jsonOption });
    parser.process(app);
    Options options;
    auto number = [&parser](const QCommandLineOption &option, int min, int max) {
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < min || value > max)
            fail(u"--%1 needs a number from %2 to %3"_s.arg(option.names().constFirst()).arg(min).arg(max));
        return value;
    };
    options.plans = number(plansOption, 1, 250);
    options.measures = number(measuresOption, 1, 5000);
    options.laptops = number(laptopsOption, 2, 2 * options.plans);
    options.edits = number(editsOption, 0, 10'000);
    options.workers = number(workersOption, 1, 64);
    if (options.laptops % 2 != 0)
        fail(u"--laptops needs an even number: two per municipality"_s);
    const int fleetMunicipalities = options.laptops / 2;
    options.workers = std::min(options.workers, fleetMunicipalities);
    const bool json = parser.isSet(jsonOption);

    QTemporaryDir folder;
    if (!folder.isValid())
        fail(u"cannot create a temporary directory"_s);
    const QString serverDir = QDir(folder.path()).filePath(u"server"_s);
    QDir().mkpath(serverDir);
    ServerProcess server;
    if (!server.prepareStore(ServerProcess::Store::Folder, serverDir))
        fail(u"cannot prepare the server's data folder"_s);

    // Setup (not timed as a figure): accounts, plans, laptops signed in through the relay.
    progress() << "== " << options.plans << " plans x " << options.measures << " measures, " << options.laptops
               << " laptops in " << options.workers << " workers, " << options.edits << " edits each ==" << Qt::endl;
    QElapsedTimer setupTimer;
    setupTimer.start();
    qint64 seededChanges = 0;
    const std::vector<Municipality> municipalities = seed(server, serverDir, options, &seededChanges);
    const qint64 pid = server.processId();
    progress() << "seeded " << seededChanges << " changes in " << qRound(msSince(setupTimer) / 1000) << " s; server pid "
               << pid << Qt::endl;

    ByteProxy proxy(quint16(server.port()), options.laptops);
    Workers workers(options.workers);
    // Laptop 2m and 2m+1 are municipality m's; a worker holds whole municipalities.
    std::vector<std::vector<int>> laptopsOf(size_t(options.workers));
    for (int l = 0; l < options.laptops; ++l)
        laptopsOf[size_t((l / 2) % options.workers)].push_back(l);
    auto perWorker = [&](const std::function<QJsonObject(const std::vector<int> &)> &build) {
        std::vector<QJsonObject> commands;
        for (const auto &mine : laptopsOf)
            commands.push_back(build(mine));
        return commands;
    };
    /** The answers of all workers, by laptop index. */
    auto byLaptop = [&](const std::vector<QJsonArray> &answers) {
        std::vector<QJsonObject> results(size_t(options.laptops));
        for (size_t w = 0; w < answers.size(); ++w) {
            for (size_t i = 0; i < laptopsOf[w].size(); ++i)
                results[size_t(laptopsOf[w][i])] = answers[w].at(qsizetype(i)).toObject();
        }
        return results;
    };
    QStringList problems;
    auto problem = [&problems](const QString &what) {
        if (problems.size() < 10)
            problems << what;
        else if (problems.size() == 10)
            problems << u"…"_s;
    };

    {
        const auto opened = byLaptop(workers.ask(perWorker([&](const std::vector<int> &mine) {
            QJsonArray laptops;
            for (int l : mine)
                laptops.append(QJsonObject {
                        { u"folder"_s, QDir(folder.path()).filePath(u"laptop-%1"_s.arg(l + 1, 2, 10, QLatin1Char('0'))) },
                        { u"url"_s, u"http://127.0.0.1:%1"_s.arg(proxy.port(l)) },
                        { u"user"_s, userOf(l / 2, l % 2) } });
            return QJsonObject { { u"cmd"_s, u"open"_s }, { u"password"_s, password }, { u"laptops"_s, laptops } };
        })));
        for (int l = 0; l < options.laptops; ++l) {
            if (opened[size_t(l)].contains(u"error"_s))
                fail(u"laptop %1: %2"_s.arg(l + 1).arg(opened[size_t(l)].value(u"error"_s).toString()));
        }
    }
    progress() << "setup done in " << qRound(msSince(setupTimer) / 1000) << " s" << Qt::endl;

    PhaseProbe probe(pid, workers, proxy);
    auto syncAll = [&](int *moved, std::vector<double> *ms, qint64 *pushed, qint64 *pulled, qint64 *bootstrapped) {
        const auto results = byLaptop(workers.askAll(QJsonObject { { u"cmd"_s, u"sync"_s } }));
        *moved = 0;
        for (int l = 0; l < options.laptops; ++l) {
            const QJsonObject &r = results[size_t(l)];
            if (!r.value(u"error"_s).toString().isEmpty())
                problem(u"laptop %1: sync failed: %2"_s.arg(l + 1).arg(r.value(u"error"_s).toString()));
            if (r.value(u"rejected"_s).toInt() > 0)
                problem(u"laptop %1: %2 changes rejected"_s.arg(l + 1).arg(r.value(u"rejected"_s).toInt()));
            if (r.value(u"pending"_s).toInt() > 0)
                problem(u"laptop %1: %2 changes still pending"_s.arg(l + 1).arg(r.value(u"pending"_s).toInt()));
            const int p = r.value(u"pushed"_s).toInt() + r.value(u"pulled"_s).toInt() + r.value(u"bootstrapped"_s).toInt();
            *moved += p;
            if (ms)
                ms->push_back(r.value(u"ms"_s).toDouble());
            if (pushed)
                *pushed += r.value(u"pushed"_s).toInt();
            if (pulled)
                *pulled += r.value(u"pulled"_s).toInt();
            if (bootstrapped)
                *bootstrapped += r.value(u"bootstrapped"_s).toInt();
        }
    };

    // 1. First syncs, all at once.
    std::vector<ByteProxy::Bytes> before(size_t(options.laptops));
    for (int l = 0; l < options.laptops; ++l)
        before[size_t(l)] = proxy.bytes(l);
    const BootstrapPages pagesBefore = bootstrapPagesOf(server);
    probe.start();
    int moved = 0;
    std::vector<double> firstMs;
    qint64 firstBootstrapped = 0;
    qint64 firstPulled = 0;
    qint64 firstPushed = 0;
    syncAll(&moved, &firstMs, &firstPushed, &firstPulled, &firstBootstrapped);
    const double firstWallS = probe.wallS();
    const double firstServerCpu = probe.serverCpuS();
    const double firstLaptopCpu = probe.laptopCpuS();
    const double firstPeak = probe.peakMb();
    const double firstWorkerPeak = probe.workerPeakMb();
    const bool peakPerPhase = probe.peakReset();
    const ByteProxy::Bytes firstBytes = probe.bytes();
    const BootstrapPages pagesAfter = bootstrapPagesOf(server);
    std::vector<double> laptopDown;
    std::vector<double> laptopUp;
    for (int l = 0; l < options.laptops; ++l) {
        const ByteProxy::Bytes b = proxy.bytes(l) - before[size_t(l)];
        laptopDown.push_back(double(b.fromServer));
        laptopUp.push_back(double(b.toServer));
    }
    progress() << "first syncs: " << qRound(firstWallS) << " s, " << firstBootstrapped << " entities bootstrapped, "
               << firstBytes.fromServer / 1'000'000 << " MB from the server" << Qt::endl;

    // 2. Offline edits.
    std::vector<std::array<QList<Edit>, 2>> edits { size_t(fleetMunicipalities) };
    QList<Contested> contested;
    for (int m = 0; m < fleetMunicipalities; ++m)
        planEdits(municipalities[size_t(m)], options.edits, edits[size_t(m)], contested);
    {
        const auto edited = byLaptop(workers.ask(perWorker([&](const std::vector<int> &mine) {
            QJsonArray perLaptop;
            for (int l : mine) {
                QJsonArray list;
                for (const Edit &e : edits[size_t(l / 2)][size_t(l % 2)])
                    list.append(QJsonArray { e.entity, e.field, e.value });
                perLaptop.append(list);
            }
            return QJsonObject { { u"cmd"_s, u"edit"_s }, { u"edits"_s, perLaptop } };
        })));
        for (int l = 0; l < options.laptops; ++l) {
            if (edited[size_t(l)].value(u"failed"_s).toInt() > 0)
                problem(u"laptop %1: %2 edits failed, e.g. %3"_s.arg(l + 1)
                                .arg(edited[size_t(l)].value(u"failed"_s).toInt())
                                .arg(edited[size_t(l)].value(u"error"_s).toString()));
        }
    }
    progress() << "edited offline: " << options.edits << " per laptop, " << contested.size() << " contested fields"
               << Qt::endl;

    // 3. Rounds until nothing moves.
    probe.start();
    int rounds = 0;
    qint64 roundPushed = 0;
    qint64 roundPulled = 0;
    constexpr int maxRounds = 20;
    for (moved = 1; moved > 0 && rounds < maxRounds;) {
        syncAll(&moved, nullptr, &roundPushed, &roundPulled, nullptr);
        ++rounds;
        progress() << "round " << rounds << ": " << moved << " changes moved" << Qt::endl;
    }
    if (moved > 0)
        problem(u"still moving after %1 rounds"_s.arg(maxRounds));
    const double roundsWallS = probe.wallS();
    const double roundsServerCpu = probe.serverCpuS();
    const double roundsLaptopCpu = probe.laptopCpuS();
    const double roundsPeak = probe.peakMb();
    const double roundsWorkerPeak = probe.workerPeakMb();
    const ByteProxy::Bytes roundsBytes = probe.bytes();

    // 4. Checks: digests, conflicts, values.
    QJsonArray fields;
    for (const Contested &c : std::as_const(contested))
        fields.append(QJsonArray { c.entity, c.field });
    // The uncontested edits are asked for too, so their values can be checked where they were made.
    QList<std::pair<int, Edit>> ownEdits; // (laptop, edit)
    for (int l = 0; l < options.laptops; ++l) {
        for (const Edit &e : edits[size_t(l / 2)][size_t(l % 2)]) {
            if (std::none_of(contested.begin(), contested.end(),
                             [&e](const Contested &c) { return c.entity == e.entity && c.field == e.field; })) {
                ownEdits.append({ l, e });
                fields.append(QJsonArray { e.entity, e.field });
            }
        }
    }
    probe.start();
    const auto reports = byLaptop(workers.ask(perWorker([&](const std::vector<int> &mine) {
        QJsonArray reference;
        for (int l : mine)
            reference.append(l % 2 == 0); // one look at the server per municipality: both accounts read alike
        return QJsonObject { { u"cmd"_s, u"report"_s }, { u"fields"_s, fields }, { u"reference"_s, reference } };
    })));
    const double checkWallS = probe.wallS();
    const double checkWorkerPeak = probe.workerPeakMb();
    progress() << "checked in " << qRound(checkWallS) << " s" << Qt::endl;

    QSet<QString> digests;
    int serverMismatches = 0;
    int siblingMismatches = 0;
    int serverConflicts = -1;
    for (int l = 0; l < options.laptops; ++l) {
        const QJsonObject &r = reports[size_t(l)];
        digests.insert(r.value(u"digest"_s).toString());
        if (r.value(u"pending"_s).toInt() != 0 || r.value(u"rejected"_s).toInt() != 0)
            problem(u"laptop %1: %2 pending, %3 rejected at the end"_s.arg(l + 1)
                            .arg(r.value(u"pending"_s).toInt())
                            .arg(r.value(u"rejected"_s).toInt()));
        if (l % 2 == 0) {
            const QJsonObject s = r.value(u"server"_s).toObject();
            if (s.contains(u"error"_s))
                fail(u"laptop %1: %2"_s.arg(l + 1).arg(s.value(u"error"_s).toString()));
            if (serverConflicts < 0)
                serverConflicts = int(s.value(u"conflicts"_s).toArray().size());
            for (int sibling : { l, l + 1 }) {
                if (reports[size_t(sibling)].value(u"digest"_s) != s.value(u"digest"_s)) {
                    ++serverMismatches;
                    problem(u"laptop %1 does not hold the server's state for its account"_s.arg(sibling + 1));
                }
            }
            if (r.value(u"digest"_s) != reports[size_t(l + 1)].value(u"digest"_s))
                ++siblingMismatches;
        }
    }

    // Every contested field: an open conflict of both values on every laptop (a description may merge both in).
    int conflictsKept = 0;
    int merged = 0;
    int lost = 0;
    int strayConflicts = 0;
    std::vector<double> conflictsPerLaptop;
    for (int l = 0; l < options.laptops; ++l) {
        const QJsonObject &r = reports[size_t(l)];
        QHash<QString, QJsonArray> conflicts;
        for (const QJsonValue &c : r.value(u"conflicts"_s).toArray())
            conflicts.insert(c[0].toString() + u'|' + c[1].toString(), c.toArray());
        conflictsPerLaptop.push_back(double(conflicts.size()));
        const QJsonArray values = r.value(u"values"_s).toArray();
        QSet<QString> expected;
        for (qsizetype i = 0; i < contested.size(); ++i) {
            const Contested &c = contested[i];
            const QString key = c.entity + u'|' + c.field;
            expected.insert(key);
            const QString value = values[i].toString();
            const auto found = conflicts.constFind(key);
            const bool both = found != conflicts.cend()
                    && QSet<QString> { (*found)[2].toString(), (*found)[3].toString() } == QSet<QString> { c.valueA, c.valueB }
                    && (value == c.valueA || value == c.valueB);
            const bool mergedBoth = c.longText && found == conflicts.cend() && value.contains(c.addedA)
                    && value.contains(c.addedB);
            if (both)
                ++conflictsKept;
            else if (mergedBoth)
                ++merged;
            else {
                ++lost;
                problem(u"laptop %1: contested %2.%3 is neither an open conflict of both values nor a merge of both"_s
                                .arg(l + 1)
                                .arg(c.entity, c.field));
            }
        }
        for (auto it = conflicts.cbegin(); it != conflicts.cend(); ++it) {
            if (!expected.contains(it.key())) {
                ++strayConflicts;
                problem(u"laptop %1: a conflict on %2, which only one laptop edited"_s.arg(l + 1).arg(it.key()));
            }
        }
    }
    // Uncontested edits: the value written is the value on its laptop and its sibling.
    int ownLost = 0;
    for (qsizetype i = 0; i < ownEdits.size(); ++i) {
        const auto &[laptop, edit] = ownEdits[i];
        for (int l : { laptop - laptop % 2, laptop - laptop % 2 + 1 }) {
            if (reports[size_t(l)].value(u"values"_s).toArray().at(contested.size() + i).toString() != edit.value) {
                ++ownLost;
                problem(u"laptop %1: %2.%3 is not what laptop %4 wrote"_s.arg(l + 1).arg(edit.entity, edit.field).arg(laptop + 1));
            }
        }
    }

    const QByteArray serverLog = server.log();
    const bool clean = server.terminate();
    QStringList notes;
    const int serverWarnings = countComplaints(serverLog, notes, u"server log: "_s);
    if (!clean)
        notes << u"the server did not exit cleanly on SIGTERM"_s;
    if (!peakPerPhase)
        notes << u"VmHWM could not be started anew per phase: the peaks are those since each process started"_s;
    notes << problems;

    const qsizetype expectedContested = qsizetype(fleetMunicipalities) * qRound(options.edits * 0.1);
    QList<Figure> rows;
    auto row = [&rows](const QString &key, const QString &label, double value, int decimals, const QString &unit,
                       const QString &target = {}, int ok = -1) {
        rows.append({ key, label, value, decimals, unit, target, ok });
    };
    const double mb = 1'000'000;
    row(u"seeded_changes_count"_s, u"setup: changes in all plans (pushed by their owners)"_s, double(seededChanges), 0,
        u"changes"_s);
    row(u"first_sync_s"_s, u"first syncs: wall time, %1 laptops at once"_s.arg(options.laptops), firstWallS, 1, u"s"_s);
    row(u"first_sync_laptop_p50_s"_s, u"first syncs: one laptop's, median"_s, median(firstMs) / 1000, 1, u"s"_s);
    row(u"first_sync_laptop_max_s"_s, u"first syncs: the slowest laptop's"_s, maxOf(firstMs) / 1000, 1, u"s"_s);
    row(u"first_sync_entities_count"_s, u"first syncs: entities bootstrapped, all laptops"_s, double(firstBootstrapped), 0,
        u"entities"_s);
    row(u"first_sync_from_server_mb"_s, u"first syncs: bytes from the server, all laptops"_s, double(firstBytes.fromServer) / mb,
        1, u"MB"_s);
    row(u"first_sync_to_server_mb"_s, u"first syncs: bytes to the server, all laptops"_s, double(firstBytes.toServer) / mb, 2,
        u"MB"_s);
    row(u"first_sync_laptop_from_server_mb"_s, u"first syncs: one laptop's bytes from the server, median"_s,
        median(laptopDown) / mb, 2, u"MB"_s);
    row(u"first_sync_laptop_to_server_kb"_s, u"first syncs: one laptop's bytes to the server, median"_s,
        median(laptopUp) / 1000, 1, u"kB"_s);
    row(u"first_sync_pages_cached_count"_s, u"first syncs: bootstrap pages served from the server's cache"_s,
        double(pagesAfter.cached - pagesBefore.cached), 0, u"pages"_s);
    row(u"first_sync_pages_built_count"_s, u"first syncs: bootstrap pages the server built"_s,
        double(pagesAfter.built - pagesBefore.built), 0, u"pages"_s);
    row(u"first_sync_server_cpu_s"_s, u"first syncs: server CPU (user + system)"_s, firstServerCpu, 1, u"s"_s);
    row(u"first_sync_laptops_cpu_s"_s, u"first syncs: laptops' CPU, all workers"_s, firstLaptopCpu, 1, u"s"_s);
    row(u"first_sync_server_vmhwm_mb"_s, u"first syncs: server peak memory (VmHWM)"_s, firstPeak, 1, u"MB"_s);
    row(u"first_sync_worker_vmhwm_mb"_s, u"first syncs: peak memory of a worker process, most"_s, firstWorkerPeak, 1,
        u"MB"_s);
    row(u"edits_count"_s, u"offline edits, all laptops"_s, double(options.laptops) * options.edits, 0, u"edits"_s);
    row(u"rounds_count"_s, u"rounds: until one moved nothing (counted)"_s, rounds, 0, u"rounds"_s);
    row(u"rounds_s"_s, u"rounds: wall time, all of them"_s, roundsWallS, 1, u"s"_s);
    row(u"rounds_pushed_count"_s, u"rounds: changes pushed"_s, double(roundPushed), 0, u"changes"_s);
    row(u"rounds_pulled_count"_s, u"rounds: changes pulled, all laptops"_s, double(roundPulled), 0, u"changes"_s);
    row(u"rounds_from_server_mb"_s, u"rounds: bytes from the server"_s, double(roundsBytes.fromServer) / mb, 2, u"MB"_s);
    row(u"rounds_to_server_mb"_s, u"rounds: bytes to the server"_s, double(roundsBytes.toServer) / mb, 2, u"MB"_s);
    row(u"rounds_server_cpu_s"_s, u"rounds: server CPU (user + system)"_s, roundsServerCpu, 1, u"s"_s);
    row(u"rounds_laptops_cpu_s"_s, u"rounds: laptops' CPU, all workers"_s, roundsLaptopCpu, 1, u"s"_s);
    row(u"rounds_server_vmhwm_mb"_s, u"rounds: server peak memory (VmHWM)"_s, roundsPeak, 1, u"MB"_s);
    row(u"rounds_worker_vmhwm_mb"_s, u"rounds: peak memory of a worker process, most"_s, roundsWorkerPeak, 1, u"MB"_s);
    row(u"check_s"_s, u"check: wall time (laptops' reports, the server's state per municipality)"_s, checkWallS, 1,
        u"s"_s);
    row(u"check_worker_vmhwm_mb"_s, u"check: peak memory of a worker process, most"_s, checkWorkerPeak, 1, u"MB"_s);
    row(u"state_digests_count"_s, u"check: distinct states over all laptops"_s, double(digests.size()), 0, u"states"_s,
        u"= 1"_s, digests.size() == 1 ? 1 : 0);
    row(u"server_mismatch_count"_s, u"check: laptops not holding the server's state for their account"_s, serverMismatches, 0,
        u"laptops"_s, u"= 0"_s, serverMismatches == 0 ? 1 : 0);
    row(u"sibling_mismatch_count"_s, u"check: municipalities whose two laptops differ"_s, siblingMismatches, 0,
        u"munis"_s, u"= 0"_s, siblingMismatches == 0 ? 1 : 0);
    row(u"contested_fields_count"_s, u"check: contested fields (both laptops wrote different values)"_s,
        double(contested.size()), 0, u"fields"_s, u"= %1"_s.arg(expectedContested), contested.size() == expectedContested);
    row(u"contested_conflicts_count"_s, u"check: ... open conflicts of both values, summed over laptops"_s, conflictsKept, 0,
        u"conflicts"_s);
    row(u"contested_merged_count"_s, u"check: ... descriptions merged with both edits, summed over laptops"_s, merged, 0,
        u"merges"_s);
    row(u"contested_lost_count"_s, u"check: ... neither (an edit lost), summed over laptops"_s, lost, 0, u"fields"_s, u"= 0"_s,
        lost == 0 ? 1 : 0);
    row(u"laptop_conflicts_max_count"_s, u"check: open conflicts on a laptop, most"_s, maxOf(conflictsPerLaptop), 0,
        u"conflicts"_s);
    row(u"server_conflicts_count"_s, u"check: open conflicts on the server (its bootstrap)"_s, serverConflicts, 0,
        u"conflicts"_s, u"= %1"_s.arg(maxOf(conflictsPerLaptop)), serverConflicts == int(maxOf(conflictsPerLaptop)) ? 1 : 0);
    row(u"stray_conflicts_count"_s, u"check: conflicts on fields only one laptop edited"_s, strayConflicts, 0, u"conflicts"_s,
        u"= 0"_s, strayConflicts == 0 ? 1 : 0);
    row(u"own_edits_lost_count"_s, u"check: uncontested edits not as written (own and sibling laptop)"_s, ownLost, 0,
        u"edits"_s, u"= 0"_s, ownLost == 0 ? 1 : 0);
    row(u"server_log_warnings_count"_s, u"server: warning/error lines in its log"_s, serverWarnings, 0, u"lines"_s);
    row(u"problems_count"_s, u"check: failed syncs, rejections, pending changes, failed edits"_s, problems.size(), 0,
        u"problems"_s, u"= 0"_s, problems.isEmpty() ? 1 : 0);

    QTextStream out(stdout);
    QTextStream &table = json ? progress() : out;
    table << "\n" << options.plans << " plans x " << options.measures << " measures, " << options.laptops << " laptops ("
          << options.workers << " worker processes), " << options.edits << " offline edits each; server on SQLite, loopback\n";
    const bool allOk = printTable(table, rows);
    printNotes(table, notes);
    table.flush();
    if (json) {
        QJsonObject figures { { u"plans_count"_s, options.plans }, { u"measures_count"_s, options.measures },
                              { u"laptops_count"_s, options.laptops }, { u"edits_per_laptop_count"_s, options.edits },
                              { u"workers_count"_s, options.workers } };
        insertJson(figures, rows);
        figures.insert(u"notes"_s, QJsonArray::fromStringList(notes));
        out << QString::fromUtf8(QJsonDocument(figures).toJson(QJsonDocument::Indented));
    }
    return allOk ? 0 : 1;
}
