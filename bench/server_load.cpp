// SPDX-License-Identifier: GPL-3.0-or-later
// Server load benchmark: starts the real werkstattplan-server on SQLite over
// loopback, gives it N simulated municipalities (one editor account and one
// plan each, plus the project office), and measures what they do to it:
// pushing every plan, pulling everyone's plans, pulls with nothing new,
// bootstrapping a fresh replica, and the server's peak memory.
//
//   server_load [--accounts 40,1000] [--measures 300] [--clients 3] [--bootstrap-runs 3] [--no-full-pulls] [--json]
//
// Progress goes to stderr; stdout carries only the table or the JSON object
// (with --json the table goes to stderr as well, for logs).

#include "benchreport.h"
#include "benchseed.h"
#include "common/allocator.h"
#include "plangenerator.h"
#include "procstats.h"
#include "helpers/serverprocess.h"
#include "helpers/signin.h"
#include "helpers/syncclient.h"
#include "localreplica.h"
#include "syncengine.h"

#include "storage/replicastore.h"
#include "sync/localeditor.h"
#include "model/orderkey.h"
#include "sync/protocol.h"
#include "sync/replicastate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QtConcurrent>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

using namespace BenchReport;
using namespace PlanGenerator;
using ProcStats::minorFaults;
using ProcStats::statusMb;

using BenchSeed::password;

const QStringList states { u"Sachsen"_s, u"Thüringen"_s, u"Brandenburg"_s, u"Bayern"_s, u"Hessen"_s,
                           u"Niedersachsen"_s, u"Mecklenburg-Vorpommern"_s, u"Rheinland-Pfalz"_s };

struct Account
{
    QString user;
    QString device;
    QString token;
    QString planId;
    QList<QByteArray> pushBodies; ///< the plan as push request bodies, serialised before the clock starts
    qsizetype changeCount = 0;
};

/** Runs work(worker, client) on count threads, each with its own connection, and waits for all. */
template<typename Work>
void runClients(const QUrl &baseUrl, int count, Work work)
{
    std::vector<std::unique_ptr<QThread>> threads;
    for (int w = 0; w < count; ++w) {
        threads.emplace_back(QThread::create([&baseUrl, &work, w] {
            // One SyncClient per thread: its network manager lives in the thread that made it.
            SyncClient client(baseUrl);
            work(w, client);
        }));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        thread->wait();
}

/** Collects the first few problems from every thread, for the report. */
class Problems
{
public:
    void add(const QString &what)
    {
        const QMutexLocker lock(&m_mutex);
        if (m_count++ < 10)
            m_first << what;
    }
    [[nodiscard]] int count() const { return m_count; }
    [[nodiscard]] QStringList first() const { return m_first; }

private:
    QMutex m_mutex;
    int m_count = 0;
    QStringList m_first;
};

/** Seconds the server spent in its store so far (werkstattplan_store_seconds_sum of /metrics). */
double storeSeconds(SyncClient &client)
{
    const HttpResponse metrics = client.request("GET", u"/metrics"_s, {}, {}, SyncClient::NoToken | SyncClient::NoProtocol);
    static const QRegularExpression sum(u"^werkstattplan_store_seconds_sum\\s+(\\S+)"_s, QRegularExpression::MultilineOption);
    const auto match = sum.match(QString::fromUtf8(metrics.body));
    return match.hasMatch() ? match.captured(1).toDouble() : -1;
}

struct RunOptions
{
    int accounts = 40;
    int measures = 300;
    int clients = 3;
    int batch = 1000;
    int fullPullers = 10; ///< when every account pulling everything is infeasible
    int emptyPullAccounts = 200;
    int emptyPulls = 20;
    int bootstrapRuns = 3;
    bool fullPulls = true; ///< false: skip the full pulls (quicker runs for the other figures)
};

struct BootstrapRun
{
    double ms = 0; ///< sign-in excluded: from the first request of the sync to the replica being complete
    qint64 entities = 0; ///< as the sync engine counted them
    qint64 replicaEntities = 0; ///< as the replica holds them afterwards
    qint64 pageFaults = 0; ///< of this process (the client) during the sync
};

/** The first sync of a fresh replica, as werkstattplan-cli sync runs it. */
BootstrapRun bootstrapOnce(const QUrl &baseUrl, const QString &user, Problems &problems)
{
    BootstrapRun run;
    QTemporaryDir folder;
    auto opened = LocalReplica::open(folder.path());
    if (!opened)
        fail(u"cannot open a client replica: %1"_s.arg(opened.errorMessage()));
    const std::unique_ptr<LocalReplica> replica = std::move(opened).value();
    SyncEngine engine(*replica);
    if (Status loggedIn = signInAndWait(engine, baseUrl, user, password); !loggedIn)
        fail(u"the office cannot sign in: %1"_s.arg(loggedIn.errorMessage()));
    const qint64 faultsBefore = minorFaults(u"self"_s);
    QElapsedTimer timer;
    timer.start();
    const auto synced = engine.syncOnce();
    run.ms = msSince(timer);
    run.pageFaults = minorFaults(u"self"_s) - faultsBefore;
    if (!synced) {
        problems.add(u"bootstrap: %1"_s.arg(synced.errorMessage()));
        return run;
    }
    run.entities = synced->bootstrapped;
    for (const EntitySpec &spec : Schema::instance().entities())
        run.replicaEntities += replica->store().entityIds(spec.name).size();
    return run;
}

/** One full run for one account count; returns its figures. */
QList<Figure> runLoad(const RunOptions &options, QStringList &notes)
{
    const int n = options.accounts;
    const bool everyonePulls = n <= 100;
    QList<Figure> rows;
    auto row = [&rows](const QString &key, const QString &label, double value, int decimals, const QString &unit,
                       const QString &target = {}, int ok = -1) {
        rows.append({ key, label, value, decimals, unit, target, ok });
    };
    Problems problems;

    // 1. Setup (not timed as a figure): accounts, server, logins, plans built and serialised.
    progress() << "== " << n << " accounts, " << options.measures << " measures each ==" << Qt::endl;
    QTemporaryDir dataDir;
    if (!dataDir.isValid())
        fail(u"cannot create a temporary directory"_s);
    ServerProcess server;
    if (!server.prepareStore(ServerProcess::Store::Folder, dataDir.path()))
        fail(u"cannot prepare the data folder"_s);

    std::vector<Account> accounts(size_t(n) + 1); // the last one is the office
    for (int i = 0; i < n; ++i) {
        accounts[size_t(i)].user = u"gemeinde-%1"_s.arg(i + 1, 4, 10, QLatin1Char('0'));
        accounts[size_t(i)].device = u"laptop-%1"_s.arg(i + 1, 4, 10, QLatin1Char('0'));
    }
    Account &office = accounts.back();
    office.user = u"geschaeftsstelle"_s;
    office.device = u"office-pc"_s;

    QElapsedTimer timer;
    timer.start();
    QList<BenchSeed::AccountLine> lines;
    for (int i = 0; i < n; ++i)
        lines.append({ accounts[size_t(i)].user, password, u"Gemeinde %1"_s.arg(i + 1, 4, 10, QLatin1Char('0')),
                       states[i % states.size()], u"Cluster %1"_s.arg(i % 8 + 1) });
    lines.append({ office.user, password, {}, {}, {} });
    BenchSeed::importAccounts(server, dataDir.path(), lines);
    const double importMs = msSince(timer);
    progress() << "imported " << n + 1 << " accounts in " << qRound(importMs / 1000) << " s" << Qt::endl;

    if (!server.start(ServerProcess::Store::Folder, dataDir.path()))
        fail(u"the server did not start"_s);
    const QUrl baseUrl = server.baseUrl();
    const qint64 pid = server.processId();
    if (pid <= 0)
        notes << u"%1 accounts: the server's process was not found; no memory figures"_s.arg(n);
    progress() << "server on " << baseUrl.toString() << ", pid " << pid << Qt::endl;

    timer.restart();
    std::atomic<int> nextLogin { 0 };
    // Two clients: logins are PBKDF2-bound on the server, more connections would only queue.
    runClients(baseUrl, 2, [&](int, SyncClient &client) {
        for (int i = nextLogin++; i <= n; i = nextLogin++) {
            Account &account = accounts[size_t(i)];
            const HttpResponse response = client.login(account.user, password, account.device);
            if (response.status != 200) {
                problems.add(u"login %1: %2"_s.arg(account.user, response.describe()));
                continue;
            }
            account.token = client.token();
            account.planId = client.account().value(u"plan"_s).toString();
        }
    });
    const double loginMs = msSince(timer);
    if (problems.count() > 0)
        fail(u"%1 logins failed, e.g. %2"_s.arg(problems.count()).arg(problems.first().join(u"; "_s)));
    progress() << "logged in " << n + 1 << " accounts in " << qRound(loginMs / 1000) << " s" << Qt::endl;

    timer.restart();
    // All plans exist before the clock starts, as request bodies, so the push phase times only the server.
    QtConcurrent::blockingMap(accounts.begin(), accounts.end() - 1, [&](Account &account) {
        const qsizetype index = &account - accounts.data();
        if (account.planId.isEmpty())
            fail(u"%1 has no plan"_s.arg(account.user));
        auto built = buildPlan(account.planId, account.user, account.device, options.measures, quint32(index + 1));
        if (!built)
            fail(built.errorMessage());
        const QList<Change> changes = std::move(built).value();
        account.changeCount = changes.size();
        for (qsizetype i = 0; i < changes.size(); i += options.batch) {
            const QJsonObject body { { u"changes"_s, Protocol::toJson(changes.mid(i, options.batch)) } };
            account.pushBodies << QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
    });
    qint64 totalChanges = 0;
    for (int i = 0; i < n; ++i)
        totalChanges += accounts[size_t(i)].changeCount;
    progress() << "built " << totalChanges << " changes in " << qRound(msSince(timer) / 1000) << " s" << Qt::endl;

    SyncClient probe(baseUrl);
    const double hwmAtStart = statusMb(pid, "VmHWM");

    // 2. Push: every account pushes its whole plan, batch after batch, from several connections at once.
    std::vector<std::vector<double>> pushLatency(size_t(options.clients));
    std::atomic<qint64> accepted { 0 };
    std::atomic<qint64> rejected { 0 };
    std::atomic<int> nextPusher { 0 };
    const double storeBeforePush = storeSeconds(probe);
    timer.restart();
    runClients(baseUrl, options.clients, [&](int worker, SyncClient &client) {
        for (int i = nextPusher++; i < n; i = nextPusher++) {
            const Account &account = accounts[size_t(i)];
            client.setToken(account.token);
            for (const QByteArray &body : account.pushBodies) {
                QElapsedTimer request;
                request.start();
                const PushResult result = SyncClient::pushResult(client.request("POST", u"/v1/push"_s, body));
                pushLatency[size_t(worker)].push_back(msSince(request));
                if (result.status() != 200) {
                    problems.add(u"push by %1: %2"_s.arg(account.user, result.response.describe()));
                    continue;
                }
                accepted += result.accepted.size();
                rejected += result.rejected.size();
                for (const Rejection &rejection : result.rejected.mid(0, 1))
                    problems.add(u"push by %1 rejected %2: %3 %4"_s.arg(account.user, rejection.id, rejection.error,
                                                                        rejection.message));
            }
        }
    });
    const double pushMs = msSince(timer);
    const double storePushS = storeSeconds(probe) - storeBeforePush;
    std::vector<double> pushAll;
    for (const auto &list : pushLatency)
        pushAll.insert(pushAll.end(), list.begin(), list.end());
    const double hwmAfterPush = statusMb(pid, "VmHWM");
    const double rssAfterPush = statusMb(pid, "VmRSS");
    progress() << "pushed " << accepted.load() << " changes (" << rejected.load() << " rejected) in " << qRound(pushMs / 1000)
               << " s" << Qt::endl;
    for (auto &account : accounts)
        account.pushBodies.clear();

    // 3. Pull: accounts pull everything they may read from cursor 0, in pages of 1000.
    const int pullers = !options.fullPulls ? 0 : everyonePulls ? n : std::min(n, options.fullPullers);
    std::vector<std::vector<double>> pageLatency(size_t(options.clients));
    std::atomic<qint64> pulled { 0 };
    std::atomic<int> nextPuller { 0 };
    qint64 pulledByFirst = -1;
    const double storeBeforePull = storeSeconds(probe);
    timer.restart();
    runClients(baseUrl, options.clients, [&](int worker, SyncClient &client) {
        for (int p = nextPuller++; p < pullers; p = nextPuller++) {
            // Spread over the accounts, so early and late plans' owners both pull.
            const Account &account = accounts[size_t(qint64(p) * n / pullers)];
            client.setToken(account.token);
            qint64 after = 0;
            qint64 count = 0;
            for (bool more = true; more;) {
                QElapsedTimer request;
                request.start();
                const HttpResponse response = client.request("GET", u"/v1/pull?after=%1&limit=1000"_s.arg(after));
                pageLatency[size_t(worker)].push_back(msSince(request));
                const qint64 next = response.json.value(u"next"_s).toInteger(-1);
                if (response.status != 200 || next < after) {
                    problems.add(u"pull by %1 after %2: %3"_s.arg(account.user).arg(after).arg(response.describe()));
                    break;
                }
                // Counted, not parsed into changes: the client's own work should not hide the server's.
                count += response.json.value(u"changes"_s).toArray().size();
                more = response.json.value(u"more"_s).toBool();
                after = next;
            }
            pulled += count;
            if (p == 0)
                pulledByFirst = count;
        }
    });
    const double pullMs = msSince(timer);
    const double storePullS = storeSeconds(probe) - storeBeforePull;
    const double hwmAfterPull = statusMb(pid, "VmHWM");
    std::vector<double> pagesAll;
    for (const auto &list : pageLatency)
        pagesAll.insert(pagesAll.end(), list.begin(), list.end());
    progress() << pullers << " accounts pulled " << pulled.load() << " changes in " << qRound(pullMs / 1000) << " s"
               << Qt::endl;

    // 4. Empty pulls: at the head cursor nothing is new; one connection, so no queueing in the figures.
    const qint64 head = probe.healthz().json.value(u"cursor"_s).toInteger(-1);
    const int emptyPullers = everyonePulls ? n : std::min(n, options.emptyPullAccounts);
    std::vector<double> emptyLatency;
    {
        SyncClient client(baseUrl);
        for (int p = 0; p < emptyPullers; ++p) {
            client.setToken(accounts[size_t(qint64(p) * n / emptyPullers)].token);
            for (int k = 0; k < options.emptyPulls; ++k) {
                QElapsedTimer request;
                request.start();
                const HttpResponse response = client.request("GET", u"/v1/pull?after=%1&limit=1000"_s.arg(head));
                emptyLatency.push_back(msSince(request));
                if (response.status != 200 || !response.json.value(u"changes"_s).toArray().isEmpty())
                    problems.add(u"empty pull at %1: %2"_s.arg(head).arg(response.describe()));
            }
        }
    }
    progress() << emptyLatency.size() << " empty pulls done" << Qt::endl;

    // 5. Bootstrap (small run only): the office's first sync into a fresh replica, by the real client
    //    (LocalReplica + SyncEngine, as werkstattplan-cli sync), several times: the median is the figure.
    const PlanShape shape = planShape(options.measures);
    // Every municipality and its plan come from import-accounts; the office reads them all. Each
    // replica writes its own device record at the end of its first sync (docs/protocol.md, "Devices"),
    // so run r is also sent the records of the r fresh replicas before it, and holds one more.
    const qint64 planEntities = qint64(n) * (shape.entities + 2);
    qint64 expectedEntities = planEntities; ///< sent to the last run
    qint64 expectedInReplica = planEntities + 1;
    std::vector<double> bootstrapMs;
    std::vector<double> bootstrapFaults;
    qint64 bootEntities = 0;
    qint64 replicaEntities = 0;
    double bootStoreMs = 0; ///< the server's time in its store for all pages, per bootstrap
    if (everyonePulls) {
        const double storeBeforeBoot = storeSeconds(probe);
        for (int run = 0; run < options.bootstrapRuns; ++run) {
            const BootstrapRun boot = bootstrapOnce(baseUrl, office.user, problems);
            bootstrapMs.push_back(boot.ms);
            bootstrapFaults.push_back(double(boot.pageFaults));
            bootEntities = boot.entities;
            replicaEntities = boot.replicaEntities;
            expectedEntities = planEntities + run;
            expectedInReplica = expectedEntities + 1;
            if (replicaEntities != expectedInReplica || bootEntities != expectedEntities)
                problems.add(u"bootstrap: %1 entities sent, %2 expected; %3 in the replica, %4 expected (with its "
                             "own device record)"_s.arg(bootEntities)
                                     .arg(expectedEntities)
                                     .arg(replicaEntities)
                                     .arg(expectedInReplica));
            progress() << "bootstrapped " << bootEntities << " entities in " << qRound(boot.ms) << " ms ("
                       << boot.pageFaults << " page faults)" << Qt::endl;
        }
        bootStoreMs = (storeSeconds(probe) - storeBeforeBoot) * 1000 / std::max(1, options.bootstrapRuns);
    }

    // 6. Server memory: the high-water mark over the whole run.
    const double hwm = statusMb(pid, "VmHWM");
    const double rss = statusMb(pid, "VmRSS");
    const QByteArray serverLog = server.log();
    const bool clean = server.terminate();

    // The server's own complaints, for the report.
    const int serverWarnings = countComplaints(serverLog, notes, u"%1 accounts: server log: "_s.arg(n));
    if (!clean)
        notes << u"%1 accounts: the server did not exit cleanly on SIGTERM"_s.arg(n);
    for (const QString &problem : problems.first())
        notes << u"%1 accounts: %2"_s.arg(n).arg(problem);

    const double pushRate = pushMs > 0 ? double(accepted) * 1000 / pushMs : 0;
    const double pullRate = pullMs > 0 ? double(pulled) * 1000 / pullMs : 0;
    const double emptyP99 = percentile(emptyLatency, 0.99);
    const QString pullWho = everyonePulls ? u"every account"_s
                                          : u"%1 of %2 accounts (all %2 pulling all is infeasible)"_s.arg(pullers).arg(n);
    row(u"changes_count"_s, u"setup: changes in all plans"_s, double(totalChanges), 0, u"changes"_s);
    row(u"setup_import_s"_s, u"setup: import-accounts (not timed as a figure)"_s, importMs / 1000, 1, u"s"_s);
    row(u"setup_login_s"_s, u"setup: log in every account, 2 clients"_s, loginMs / 1000, 1, u"s"_s);
    row(u"push_changes_per_s"_s, u"push: changes accepted/s, %1 clients, batches of %2"_s.arg(options.clients).arg(options.batch),
        pushRate, 0, u"changes/s"_s);
    row(u"push_s"_s, u"push: wall time"_s, pushMs / 1000, 1, u"s"_s);
    row(u"push_requests_count"_s, u"push: requests"_s, double(pushAll.size()), 0, u"requests"_s);
    row(u"push_p50_ms"_s, u"push: latency p50 (incl. queueing behind other clients)"_s, percentile(pushAll, 0.5), 1,
        u"ms"_s);
    row(u"push_p99_ms"_s, u"push: latency p99"_s, percentile(pushAll, 0.99), 1, u"ms"_s);
    row(u"push_server_store_ms_per_request"_s, u"push: server time in store per request (from /metrics)"_s,
        pushAll.empty() ? 0 : storePushS * 1000 / double(pushAll.size()), 1, u"ms"_s);
    row(u"push_rejected_count"_s, u"push: changes rejected"_s, double(rejected), 0, u"changes"_s, u"= 0"_s,
        rejected == 0 ? 1 : 0);
    row(u"pull_accounts_count"_s, u"pull: full pulls by %1"_s.arg(pullWho), pullers, 0, u"accounts"_s);
    row(u"pull_changes_per_s"_s, u"pull: changes pulled/s, %1 clients, pages of 1000"_s.arg(options.clients), pullRate, 0,
        u"changes/s"_s);
    row(u"pull_s"_s, u"pull: wall time"_s, pullMs / 1000, 1, u"s"_s);
    row(u"pull_changes_count"_s, u"pull: changes pulled in all"_s, double(pulled), 0, u"changes"_s);
    row(u"pull_per_account_changes_count"_s, u"pull: changes one account pulls (head cursor %1)"_s.arg(head),
        double(pulledByFirst), 0, u"changes"_s);
    row(u"pull_page_p50_ms"_s, u"pull: page latency p50"_s, percentile(pagesAll, 0.5), 1, u"ms"_s);
    row(u"pull_page_p99_ms"_s, u"pull: page latency p99"_s, percentile(pagesAll, 0.99), 1, u"ms"_s);
    row(u"pull_server_store_ms_per_page"_s, u"pull: server time in store per page (from /metrics)"_s,
        pagesAll.empty() ? 0 : storePullS * 1000 / double(pagesAll.size()), 1, u"ms"_s);
    row(u"empty_pull_count"_s, u"empty pull: requests (%1 accounts x %2, one client)"_s.arg(emptyPullers).arg(options.emptyPulls),
        double(emptyLatency.size()), 0, u"requests"_s);
    row(u"empty_pull_p50_ms"_s, u"empty pull: latency p50"_s, percentile(emptyLatency, 0.5), 2, u"ms"_s);
    row(u"empty_pull_p99_ms"_s, u"empty pull: latency p99"_s, emptyP99, 2, u"ms"_s, u"< 5"_s, emptyP99 < 5 ? 1 : 0);
    if (everyonePulls) {
        const bool matches = replicaEntities == expectedInReplica && bootEntities == expectedEntities;
        row(u"bootstrap_ms"_s, u"bootstrap: office's first sync into a fresh replica, median of %1"_s.arg(bootstrapMs.size()),
            percentile(bootstrapMs, 0.5), 0, u"ms"_s, u"< 2000"_s, percentile(bootstrapMs, 0.5) < 2000 ? 1 : 0);
        row(u"bootstrap_min_ms"_s, u"bootstrap: fastest of the runs"_s,
            bootstrapMs.empty() ? 0 : *std::min_element(bootstrapMs.begin(), bootstrapMs.end()), 0, u"ms"_s);
        // The first run in a process also grows its heap: memory touched for the first time,
        // one page fault per 4 KB, which some virtual machines make expensive.
        row(u"bootstrap_first_ms"_s, u"bootstrap: the first run (this process's heap still growing)"_s,
            bootstrapMs.empty() ? 0 : bootstrapMs.front(), 0, u"ms"_s);
        row(u"bootstrap_first_page_faults"_s, u"bootstrap: client's page faults, first run"_s,
            bootstrapFaults.empty() ? 0 : bootstrapFaults.front(), 0, u"faults"_s);
        const std::vector<double> laterFaults(bootstrapFaults.begin() + qMin<qsizetype>(1, bootstrapFaults.size()),
                                              bootstrapFaults.end());
        row(u"bootstrap_later_page_faults"_s, u"bootstrap: client's page faults, median of the later runs"_s,
            percentile(laterFaults, 0.5), 0, u"faults"_s);
        row(u"bootstrap_entities_count"_s, u"bootstrap: entities sent to the last run (replica has %1 with its device, expected %2)"_s.arg(replicaEntities).arg(expectedInReplica),
            double(bootEntities), 0, u"entities"_s, u"= %1"_s.arg(expectedEntities), matches ? 1 : 0);
        row(u"bootstrap_server_store_ms"_s, u"bootstrap: server time in store per bootstrap, incl. writing the JSON (from /metrics)"_s,
            bootStoreMs, 0, u"ms"_s);
    }
    row(u"server_vmhwm_start_mb"_s, u"server: VmHWM after logins, before pushing"_s, hwmAtStart, 1, u"MB"_s);
    row(u"server_vmhwm_after_push_mb"_s, u"server: VmHWM after the push phase"_s, hwmAfterPush, 1, u"MB"_s);
    row(u"server_vmrss_after_push_mb"_s, u"server: VmRSS after the push phase"_s, rssAfterPush, 1, u"MB"_s);
    row(u"server_vmhwm_after_pull_mb"_s, u"server: VmHWM after the pull phase"_s, hwmAfterPull, 1, u"MB"_s);
    row(u"server_vmhwm_mb"_s, u"server: peak memory (VmHWM) at the end"_s, hwm, 1, u"MB"_s, u"< 100"_s,
        hwm >= 0 && hwm < 100 ? 1 : 0);
    row(u"server_vmrss_end_mb"_s, u"server: VmRSS at the end"_s, rss, 1, u"MB"_s);
    row(u"server_log_warnings_count"_s, u"server: warning/error lines in its log"_s, serverWarnings, 0, u"lines"_s);
    row(u"problems_count"_s, u"bench: failed requests, rejections, mismatches"_s, problems.count(), 0, u"problems"_s,
        u"= 0"_s, problems.count() == 0 ? 1 : 0);
    return rows;
}

} // namespace

int main(int argc, char *argv[])
{
    keepLargeBuffersInHeap(); // as the client programs do: the office's first sync is measured as they run it
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"server_load"_s);
    // Migration notices of the client replica would only clutter the output.
    QLoggingCategory::setFilterRules(u"werkstattplan.*.info=false\nwerkstattplan.*.debug=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Load benchmark of werkstattplan-server (SQLite, loopback)."_s);
    parser.addHelpOption();
    const QCommandLineOption accountsOption(u"accounts"_s, u"Account counts to run, comma-separated (default 40,1000)."_s,
                                            u"LIST"_s, u"40,1000"_s);
    const QCommandLineOption measuresOption(u"measures"_s, u"Measures per plan (default 300)."_s, u"N"_s, u"300"_s);
    const QCommandLineOption clientsOption(u"clients"_s, u"Concurrent connections for push and pull (default 3)."_s,
                                           u"N"_s, u"3"_s);
    const QCommandLineOption pullersOption(u"full-pullers"_s,
                                           u"Accounts doing full pulls when there are more than 100 (default 10)."_s,
                                           u"N"_s, u"10"_s);
    const QCommandLineOption bootstrapRunsOption(
            u"bootstrap-runs"_s, u"Bootstraps of a fresh replica with 100 accounts or fewer; the median is the figure (default 3)."_s,
            u"N"_s, u"3"_s);
    const QCommandLineOption noFullPullsOption(u"no-full-pulls"_s,
                                               u"Skip the full pulls of the accounts (a quicker run for the other figures)."_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object of the figures instead of a table."_s);
    parser.addOptions(
            { accountsOption, measuresOption, clientsOption, pullersOption, bootstrapRunsOption, noFullPullsOption, jsonOption });
    parser.process(app);

    RunOptions base;
    bool ok = false;
    base.measures = parser.value(measuresOption).toInt(&ok);
    if (!ok || base.measures < 1)
        fail(u"--measures needs a positive number"_s);
    base.clients = parser.value(clientsOption).toInt(&ok);
    if (!ok || base.clients < 1 || base.clients > 16)
        fail(u"--clients needs a number from 1 to 16"_s);
    base.fullPullers = parser.value(pullersOption).toInt(&ok);
    if (!ok || base.fullPullers < 1)
        fail(u"--full-pullers needs a positive number"_s);
    base.bootstrapRuns = parser.value(bootstrapRunsOption).toInt(&ok);
    if (!ok || base.bootstrapRuns < 1 || base.bootstrapRuns > 20)
        fail(u"--bootstrap-runs needs a number from 1 to 20"_s);
    base.fullPulls = !parser.isSet(noFullPullsOption);
    QList<int> counts;
    for (const QString &part : parser.value(accountsOption).split(u',', Qt::SkipEmptyParts)) {
        const int count = part.trimmed().toInt(&ok);
        if (!ok || count < 1 || count > 9999)
            fail(u"--accounts needs numbers from 1 to 9999"_s);
        counts << count;
    }
    if (counts.isEmpty())
        fail(u"--accounts needs at least one number"_s);
    const bool json = parser.isSet(jsonOption);

    QStringList notes;
    QList<std::pair<int, QList<Figure>>> runs;
    for (int count : std::as_const(counts)) {
        RunOptions options = base;
        options.accounts = count;
        runs.append({ count, runLoad(options, notes) });
    }

    QTextStream out(stdout);
    bool allOk = true;
    // With --json the table still goes to stderr, for logs; stdout carries only the JSON object.
    QTextStream &table = json ? progress() : out;
    for (const auto &[count, rows] : runs) {
        table << "\n" << count << " accounts (+ office), " << base.measures << " measures per plan, server on SQLite, loopback\n";
        allOk = printTable(table, rows) && allOk;
    }
    printNotes(table, notes);
    table.flush();

    if (json) {
        QJsonObject figures;
        figures.insert(u"measures_count"_s, base.measures);
        figures.insert(u"clients_count"_s, base.clients);
        for (const auto &[count, rows] : runs)
            insertJson(figures, rows, u"a%1_"_s.arg(count));
        figures.insert(u"notes"_s, QJsonArray::fromStringList(notes));
        out << QString::fromUtf8(QJsonDocument(figures).toJson(QJsonDocument::Indented));
    }
    return allOk ? 0 : 1;
}
