// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop client benchmark: a client replica with every plan of a project
// (40 plans × 300 measures of 12 fields by default), written through the real
// code paths once per run — a real werkstattplan-server on SQLite over
// loopback takes each plan by the sync protocol, then the client's Session
// signs in and bootstraps them all — and on it:
//   - start to the first frame of "my plan" with its outline filled, in this
//     process (Session + AppSetup::load as main() does) and as a process
//     (`werkstattplan --data DIR --screenshot F --screenshot-delay 0`);
//   - full-text search across all plans, as the search page runs it
//     (SearchModel: the hits with their titles, plans, municipalities and
//     snippets, and the measures of a theme the query names).
//
//   - the project office's overview on a second replica of many municipalities
//     (1,000 by default, with plans of 30 measures, written straight into the
//     replica): opening the dashboard page to its first frame with rows, and
//     filtering it by cluster or federal state.
//
//   client_bench [--plans 40] [--measures 300] [--runs 5]
//                [--dashboard-municipalities 1000] [--dashboard-measures 20] [--json]
//
// Runs headless (QT_QPA_PLATFORM=offscreen unless set). Progress goes to
// stderr; stdout carries only the table or the JSON object (with --json the
// table goes to stderr as well, for logs).

#include "benchreport.h"
#include "benchseed.h"

#include "appsetup.h"
#include "dashboardmodel.h"
#include "office/dashboard.h"
#include "planoutlinemodel.h"
#include "searchmodel.h"
#include "session.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <memory>
#include <vector>

Q_IMPORT_QML_PLUGIN(WerkstattplanPlugin)

using namespace Qt::Literals::StringLiterals;

namespace {

using namespace BenchReport;

using BenchSeed::me;
using BenchSeed::password;
const QStringList searchQueries { u"Fachkräfte"_s, u"Ehrenamt"_s, u"Mobilität"_s, u"Bürgerbus"_s,
                                  u"Ortskern"_s, u"Förderung Landkreis"_s, u"Jugend"_s, u"Stadtwerke"_s };

struct Replica
{
    QString clientDir; ///< the client's --data folder
    qint64 changes = 0;
    double bootstrapMs = 0;
};

/**
 * The client data folder of `me` with every plan: accounts imported, plans
 * pushed by their owners, then a Session signs in and bootstraps them; the
 * folder is left to work offline, so the measurements do not wait for the
 * network.
 */
Replica buildReplica(const QString &folder, int plans, int measures)
{
    Replica replica;
    QElapsedTimer timer;
    ServerProcess server;
    replica.changes = BenchSeed::start(server, folder, plans, measures);

    // The client signs in as the app does and takes in every plan.
    replica.clientDir = QDir(folder).filePath(u"client"_s);
    timer.restart();
    {
        Session session(replica.clientDir);
        QEventLoop loop;
        QString error = u"timeout"_s;
        QObject::connect(&session, &Session::signInFinished, &loop, [&](const QString &message) {
            error = message;
            loop.quit();
        });
        QTimer::singleShot(600'000, &loop, &QEventLoop::quit);
        session.signIn(server.baseUrl().toString(), me, password);
        loop.exec();
        if (!error.isEmpty())
            fail(u"the client could not sign in: %1"_s.arg(error));
        if (session.planId().isEmpty())
            fail(u"the client has no plan after signing in"_s);
        session.setWorkOffline(true);
    }
    replica.bootstrapMs = msSince(timer);
    progress() << "client signed in and bootstrapped in " << qRound(replica.bootstrapMs) << " ms" << Qt::endl;
    server.terminate();
    return replica;
}

struct Startup
{
    double loadMs = -1; ///< Session opened and Main.qml loaded
    double firstFrameMs = -1; ///< any first frame
    double planFrameMs = -1; ///< first frame with "my plan" shown and its outline filled
    int outlineRows = 0;
};

/** Start to the first frame of "my plan", in this process, as main() starts the app. */
Startup measureStartup(const QString &clientDir)
{
    Startup result;
    QElapsedTimer timer;
    timer.start();
    auto session = std::make_unique<Session>(clientDir);
    if (!session->openLast())
        fail(u"the client data folder does not open"_s);
    auto engine = std::make_unique<QQmlApplicationEngine>();
    if (!AppSetup::load(*engine, *session))
        fail(u"Main.qml did not load"_s);
    result.loadMs = msSince(timer);
    auto *window = qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
    auto *page = window ? window->findChild<QQuickItem *>(u"myPlanPage"_s) : nullptr;
    auto *outline = window ? window->findChild<QQuickItem *>(u"planOutline"_s) : nullptr;
    if (!page || !outline)
        fail(u"the main window has no myPlanPage with a planOutline"_s);
    QEventLoop loop;
    // The basic render loop (set in main) swaps on this thread, so the outline read here is the one drawn.
    QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&] {
        if (result.firstFrameMs < 0)
            result.firstFrameMs = msSince(timer);
        const int rows = outline->property("count").toInt();
        if (page->isVisible() && rows > 0) {
            result.planFrameMs = msSince(timer);
            result.outlineRows = rows;
            loop.quit();
        }
    });
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();
    if (result.planFrameMs < 0)
        fail(u"no frame showed my plan within 30 s"_s);
    engine.reset();
    session.reset();
    return result;
}

/** Wall time of the client program from start to exit, with a screenshot right after its start. */
double measureProcess(const QString &clientDir, const QString &shot)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QFile::remove(shot);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(WERKSTATTPLAN_CLIENT_BIN),
                  { u"--data"_s, clientDir, u"--screenshot"_s, shot, u"--screenshot-delay"_s, u"0"_s });
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        fail(u"werkstattplan --screenshot failed (exit %1)"_s.arg(process.exitCode()));
    const double ms = msSince(timer);
    if (!QFile::exists(shot))
        fail(u"werkstattplan saved no screenshot"_s);
    return ms;
}

/** Reading "my plan" into the outline model once more, as after every edit or sync. */
std::vector<double> measureOutline(const QString &clientDir, int runs, int *rows)
{
    std::vector<double> ms;
    Session session(clientDir);
    if (!session.openLast())
        fail(u"the client data folder does not open"_s);
    PlanOutlineModel model;
    model.setSession(&session);
    model.setPlanId(session.planId());
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        model.refresh();
        ms.push_back(msSince(timer));
    }
    *rows = model.count();
    if (*rows == 0)
        fail(u"the outline of my plan is empty"_s);
    return ms;
}

struct SearchFigures
{
    std::vector<double> ms;
    qint64 hits = 0;
};

/** Each query as the search page runs it: SearchModel reads its rows (hits, titles, plans, municipalities, snippets). */
SearchFigures measureSearch(const QString &clientDir, int rounds)
{
    SearchFigures figures;
    Session session(clientDir);
    if (!session.openLast())
        fail(u"the client data folder does not open"_s);
    SearchModel model;
    model.setSession(&session);
    for (int round = 0; round < rounds; ++round) {
        for (const QString &query : searchQueries) {
            QElapsedTimer timer;
            timer.start();
            model.setQuery(query);
            model.refresh();
            figures.ms.push_back(msSince(timer));
            if (round == 0)
                figures.hits += model.count();
        }
    }
    if (figures.hits == 0)
        fail(u"no search found anything"_s);
    return figures;
}

/**
 * A client data folder whose replica holds many municipalities, each with a plan (and for every tenth a
 * submitted version and a review note), written straight into the replica: pushing them all through a
 * server would take far longer than what is measured. The folder's replica is local work, which reads as
 * every plan's replica does.
 */
void buildOfficeReplica(const QString &clientDir, int municipalities, int measures)
{
    QElapsedTimer timer;
    timer.start();
    Session session(clientDir);
    if (!session.startLocal(u"Geschäftsstelle"_s))
        fail(u"cannot start a replica in %1"_s.arg(clientDir));
    ReplicaStore &store = session.replica()->store();
    for (int i = 1; i <= municipalities; ++i) {
        const auto changes = PlanGenerator::municipalityWithPlan(i, measures);
        if (!changes)
            fail(changes.errorMessage());
        if (!store.applyBatch(*changes))
            fail(u"cannot write the replica"_s);
        if (i % 100 == 0)
            progress() << "\rwritten " << i << "/" << municipalities << " municipalities" << Qt::flush;
    }
    progress() << " in " << qRound(msSince(timer) / 1000) << " s" << Qt::endl;
}

struct DashboardFigures
{
    std::vector<double> openMs; ///< the page shown to its first frame with rows, in the running app
    std::vector<double> filterMs; ///< a cluster or federal state chosen: DashboardModel reads its rows again
    std::vector<double> completeMs; ///< the page opened until every column is known (each plan's newest change)
    std::vector<double> computeMs; ///< Dashboard::compute alone (the figures behind the rows)
    int rows = 0;
};

/**
 * The office's overview on a replica with many municipalities: the app is started as main() does; then
 * the dashboard page is opened (made, its rows computed, first frame) and filtered, runs times each.
 */
DashboardFigures measureDashboard(const QString &clientDir, int runs)
{
    DashboardFigures figures;
    for (int run = 0; run < runs; ++run) {
        auto session = std::make_unique<Session>(clientDir);
        if (!session->openLast())
            fail(u"the client data folder does not open"_s);
        auto engine = std::make_unique<QQmlApplicationEngine>();
        if (!AppSetup::load(*engine, *session))
            fail(u"Main.qml did not load"_s);
        auto *window = qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
        QEventLoop settle;
        QTimer::singleShot(200, &settle, &QEventLoop::quit); // my plan's first frames, not part of the figure
        settle.exec();

        QElapsedTimer timer;
        timer.start();
        window->setProperty("page", u"dashboard"_s);
        QQuickItem *table = nullptr;
        QEventLoop loop;
        QMetaObject::Connection frames;
        frames = QObject::connect(window, &QQuickWindow::frameSwapped, &loop, [&] {
            if (!table)
                table = window->findChild<QQuickItem *>(u"dashboardTable"_s);
            if (table && table->isVisible() && table->property("count").toInt() > 0) {
                figures.openMs.push_back(msSince(timer));
                figures.rows = table->property("count").toInt();
                QObject::disconnect(frames); // the first such frame only
                loop.quit();
            }
        });
        window->update();
        QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
        loop.exec();
        if (int(figures.openMs.size()) != run + 1)
            fail(u"the dashboard showed no rows within 30 s"_s);

        auto *model = qobject_cast<DashboardModel *>(table->property("model").value<QObject *>());
        if (!model)
            fail(u"the dashboard has no DashboardModel"_s);
        QElapsedTimer waited;
        waited.start();
        while (!model->isComplete() && waited.elapsed() < 30'000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!model->isComplete())
            fail(u"the dashboard did not complete within 30 s"_s);
        figures.completeMs.push_back(msSince(timer));
        const QStringList clusters = model->clusters();
        const QStringList states = model->federalStates();
        for (int i = 0; i < 4; ++i) {
            QElapsedTimer filter;
            filter.start();
            if (i % 2 == 0)
                model->setCluster(clusters.value(i % clusters.size()));
            else
                model->setFederalState(states.value(i % states.size()));
            model->refresh();
            figures.filterMs.push_back(msSince(filter));
        }
        QElapsedTimer compute;
        compute.start();
        if (!Dashboard::compute(session->replica()->store()))
            fail(u"Dashboard::compute failed"_s);
        figures.computeMs.push_back(msSince(compute));
        engine.reset();
        session.reset();
    }
    return figures;
}

} // namespace

int main(int argc, char *argv[])
{
    // Headless unless told otherwise; one render loop on this thread, so frames can be observed in order.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("QSG_RENDER_LOOP"))
        qputenv("QSG_RENDER_LOOP", "basic");
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(u"client_bench"_s);
    QQuickStyle::setStyle(u"Basic"_s);
    QLoggingCategory::setFilterRules(u"werkstattplan.*.info=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Benchmark of the desktop client on a replica with every plan."_s);
    parser.addHelpOption();
    const QCommandLineOption plansOption(u"plans"_s, u"Plans in the replica (default 40)."_s, u"N"_s, u"40"_s);
    const QCommandLineOption measuresOption(u"measures"_s, u"Measures per plan (default 300)."_s, u"N"_s, u"300"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Repetitions of each start-up figure (default 5)."_s, u"N"_s,
                                        u"5"_s);
    const QCommandLineOption municipalitiesOption(u"dashboard-municipalities"_s,
                                                  u"Municipalities in the replica of the dashboard figures."_s,
                                                  u"count"_s, u"1000"_s);
    const QCommandLineOption dashboardMeasuresOption(u"dashboard-measures"_s,
                                                     u"Measures per plan in the replica of the dashboard figures."_s,
                                                     u"count"_s, u"30"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object of the figures instead of a table."_s);
    parser.addOptions({ plansOption, measuresOption, runsOption, municipalitiesOption, dashboardMeasuresOption,
                        jsonOption });
    parser.process(app);
    bool ok = false;
    const int plans = parser.value(plansOption).toInt(&ok);
    if (!ok || plans < 1 || plans > 99)
        fail(u"--plans needs a number from 1 to 99"_s);
    const int measures = parser.value(measuresOption).toInt(&ok);
    if (!ok || measures < 1)
        fail(u"--measures needs a positive number"_s);
    const int runs = parser.value(runsOption).toInt(&ok);
    if (!ok || runs < 1)
        fail(u"--runs needs a positive number"_s);
    const int municipalities = parser.value(municipalitiesOption).toInt(&ok);
    if (!ok || municipalities < 1)
        fail(u"--dashboard-municipalities needs a positive number"_s);
    const int dashboardMeasures = parser.value(dashboardMeasuresOption).toInt(&ok);
    if (!ok || dashboardMeasures < 1)
        fail(u"--dashboard-measures needs a positive number"_s);
    const bool json = parser.isSet(jsonOption);

    QTemporaryDir work;
    if (!work.isValid())
        fail(u"cannot create a temporary directory"_s);
    progress() << "== " << plans << " plans, " << measures << " measures each ==" << Qt::endl;
    const Replica replica = buildReplica(work.path(), plans, measures);

    std::vector<double> load, firstFrame, planFrame;
    int outlineRows = 0;
    for (int run = 0; run < runs; ++run) {
        const Startup startup = measureStartup(replica.clientDir);
        load.push_back(startup.loadMs);
        firstFrame.push_back(startup.firstFrameMs);
        planFrame.push_back(startup.planFrameMs);
        outlineRows = startup.outlineRows;
    }
    progress() << "in-process start-up measured " << runs << " times" << Qt::endl;
    std::vector<double> processMs;
    const QString shot = work.filePath(u"shot.png"_s);
    for (int run = 0; run < runs; ++run)
        processMs.push_back(measureProcess(replica.clientDir, shot));
    progress() << "process start-up measured " << runs << " times" << Qt::endl;
    int modelRows = 0;
    const std::vector<double> outlineMs = measureOutline(replica.clientDir, runs, &modelRows);
    const SearchFigures search = measureSearch(replica.clientDir, 5);
    progress() << "searched " << search.ms.size() << " times" << Qt::endl;

    progress() << "== dashboard: " << municipalities << " municipalities, " << dashboardMeasures << " measures each =="
               << Qt::endl;
    QTemporaryDir dashboardWork;
    if (!dashboardWork.isValid())
        fail(u"cannot create a temporary directory"_s);
    buildOfficeReplica(dashboardWork.path(), municipalities, dashboardMeasures);
    const DashboardFigures dashboard = measureDashboard(dashboardWork.path(), runs);
    progress() << "dashboard opened and filtered " << runs << " times" << Qt::endl;

    QList<Figure> rows;
    auto row = [&rows](const QString &key, const QString &label, double value, int decimals, const QString &unit,
                       const QString &target = {}, int met = -1) {
        rows.append({ key, label, value, decimals, unit, target, met });
    };
    const double frameMedian = percentile(planFrame, 0.5);
    const double frameFirst = planFrame.front();
    const double processMedian = percentile(processMs, 0.5);
    const double searchMedian = percentile(search.ms, 0.5);
    const double searchP95 = percentile(search.ms, 0.95);
    row(u"setup_changes_count"_s, u"setup: changes in all plans"_s, double(replica.changes), 0, u"changes"_s);
    row(u"setup_bootstrap_ms"_s, u"setup: sign-in and bootstrap of all plans (not a figure)"_s, replica.bootstrapMs, 0,
        u"ms"_s);
    row(u"outline_rows_count"_s, u"my plan: rows in the outline"_s, outlineRows, 0, u"rows"_s);
    row(u"startup_load_ms"_s, u"start-up in process: Session + AppSetup::load, median"_s, percentile(load, 0.5), 0,
        u"ms"_s);
    row(u"startup_first_frame_ms"_s, u"start-up in process: first frame of any kind, median"_s,
        percentile(firstFrame, 0.5), 0, u"ms"_s);
    row(u"startup_plan_frame_first_ms"_s, u"start-up in process: first frame of my plan, first run"_s, frameFirst, 0,
        u"ms"_s, u"< 1000"_s, frameFirst < 1000 ? 1 : 0);
    row(u"startup_plan_frame_ms"_s, u"start-up in process: first frame of my plan, median of %1"_s.arg(runs),
        frameMedian, 0, u"ms"_s, u"< 1000"_s, frameMedian < 1000 ? 1 : 0);
    row(u"startup_process_ms"_s, u"start-up as a process: werkstattplan --screenshot-delay 0, median"_s,
        processMedian, 0, u"ms"_s, u"< 1000"_s, processMedian < 1000 ? 1 : 0);
    row(u"outline_refresh_ms"_s, u"my plan: PlanOutlineModel::refresh of %1 rows, median"_s.arg(modelRows),
        percentile(outlineMs, 0.5), 1, u"ms"_s);
    row(u"search_queries_count"_s, u"search: queries (%1 words x 5)"_s.arg(searchQueries.size()),
        double(search.ms.size()), 0, u"queries"_s);
    row(u"search_hits_count"_s, u"search: results shown for the %1 words (at most 200 each)"_s.arg(searchQueries.size()),
        double(search.hits), 0, u"hits"_s);
    row(u"search_p50_ms"_s, u"search: all plans, SearchModel rows, median"_s, searchMedian, 1,
        u"ms"_s, u"< 50"_s, searchMedian < 50 ? 1 : 0);
    row(u"search_p95_ms"_s, u"search: p95"_s, searchP95, 1, u"ms"_s, u"< 50"_s, searchP95 < 50 ? 1 : 0);
    const double openMedian = percentile(dashboard.openMs, 0.5);
    const double filterMedian = percentile(dashboard.filterMs, 0.5);
    row(u"dashboard_rows_count"_s, u"dashboard: municipalities listed (%1 measures each)"_s.arg(dashboardMeasures),
        dashboard.rows, 0, u"rows"_s);
    row(u"dashboard_compute_ms"_s, u"dashboard: Dashboard::compute alone (all columns), median"_s,
        percentile(dashboard.computeMs, 0.5), 0, u"ms"_s);
    row(u"dashboard_open_ms"_s, u"dashboard: page opened to its first frame with rows, median of %1"_s.arg(runs),
        openMedian, 0, u"ms"_s, u"< 300"_s, openMedian < 300 ? 1 : 0);
    row(u"dashboard_complete_ms"_s, u"dashboard: page opened until each plan's newest change is shown, median"_s,
        percentile(dashboard.completeMs, 0.5), 0, u"ms"_s);
    row(u"dashboard_filter_ms"_s, u"dashboard: filter by cluster or state, median"_s, filterMedian, 1, u"ms"_s,
        u"< 50"_s, filterMedian < 50 ? 1 : 0);

    QTextStream out(stdout);
    QTextStream &table = json ? progress() : out;
    table << "\n" << plans << " plans x " << measures << " measures in the client replica, offscreen\n";
    const bool allOk = printTable(table, rows);
    table.flush();
    if (json) {
        QJsonObject figures;
        figures.insert(u"plans_count"_s, plans);
        figures.insert(u"measures_count"_s, measures);
        insertJson(figures, rows);
        out << QString::fromUtf8(QJsonDocument(figures).toJson(QJsonDocument::Indented));
    }
    return allOk ? 0 : 1;
}
