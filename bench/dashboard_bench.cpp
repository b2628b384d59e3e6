// SPDX-License-Identifier: GPL-3.0-or-later
// The project office's overview (Dashboard::compute) on a replica with many municipalities.
//
//   dashboard_bench [--municipalities 1000] [--measures 30] [--runs 5] [--replica FILE] [--json]
//
// Writes the replica once (every plan as its laptop would make it, a submitted version and a review note
// per tenth plan) into a temporary folder, or into FILE, which later runs then reuse; then times the
// overview over all of it.

#include "benchreport.h"
#include "plangenerator.h"

#include "office/dashboard.h"
#include "storage/replicastore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;
using namespace BenchReport;

namespace {

/** The changes that make a municipality, its plan and, for some, the review so far. */
QList<Change> municipality(int index, int measures)
{
    HlcClock clock(u"office-bench"_s);
    LocalEditor editor(clock, u"office"_s);
    ReplicaState state;
    QList<Change> changes;
    auto add = [&](const Change &change) {
        if (!state.apply(change))
            fail(u"a generated change does not apply"_s);
        changes << change;
    };
    auto create = [&](const QString &type, const QString &id, const QList<std::pair<QString, QString>> &fields) {
        add(editor.create(type, id));
        for (const auto &[field, value] : fields)
            add(editor.set(*state.entity(id), field, value));
    };
    const QString muni = u"muni-%1"_s.arg(index);
    const QString plan = u"plan-%1"_s.arg(index);
    create(u"municipality"_s, muni,
           { { u"name"_s, u"Gemeinde %1"_s.arg(index) }, { u"state"_s, u"Sachsen"_s },
             { u"cluster"_s, index % 2 ? u"Nord"_s : u"Süd"_s } });
    create(u"plan"_s, plan, { { u"municipality"_s, muni }, { u"title"_s, u"Werkstattplan %1"_s.arg(index) },
                              { u"review_status"_s, u"draft"_s } });
    auto content = PlanGenerator::buildPlan(plan, u"user-%1"_s.arg(index), u"dev-%1"_s.arg(index), measures,
                                            quint32(index));
    if (!content)
        fail(content.errorMessage());
    changes << content.value();
    if (index % 10 == 0) {
        create(u"plan_version"_s, LocalEditor::newId(),
               { { u"plan"_s, plan }, { u"submitted_at"_s, u"2026-10-01T10:00:00Z"_s }, { u"snapshot"_s, u"eJw="_s } });
        create(u"comment"_s, LocalEditor::newId(),
               { { u"plan"_s, plan }, { u"kind"_s, u"review"_s }, { u"body"_s, u"Bitte ergänzen."_s } });
    }
    return changes;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Benchmark of the project office's overview of all municipalities."_s);
    parser.addHelpOption();
    const QCommandLineOption municipalitiesOption(u"municipalities"_s, u"Municipalities (default 1000)."_s, u"N"_s,
                                                  u"1000"_s);
    const QCommandLineOption measuresOption(u"measures"_s, u"Measures per plan (default 30)."_s, u"N"_s, u"30"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Timed runs (default 5)."_s, u"N"_s, u"5"_s);
    const QCommandLineOption replicaOption(u"replica"_s, u"Keep the replica in FILE; reuse it if it exists."_s,
                                           u"FILE"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object."_s);
    parser.addOptions({ municipalitiesOption, measuresOption, runsOption, replicaOption, jsonOption });
    parser.process(app);
    const int count = std::max(1, parser.value(municipalitiesOption).toInt());
    const int measures = std::max(1, parser.value(measuresOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir dir;
    ReplicaStore::Options options; // a client's replica, but not synced to disk: it is thrown away
    options.durable = false;
    const QString path = parser.isSet(replicaOption) ? parser.value(replicaOption)
                                                     : QDir(dir.path()).filePath(u"replica.sqlite"_s);
    const bool reuse = QFile::exists(path);
    auto opened = ReplicaStore::open(path, options);
    if (!opened)
        fail(opened.errorMessage());
    ReplicaStore &store = *opened.value();
    QElapsedTimer timer;
    timer.start();
    qint64 changes = 0;
    for (int i = 0; i < count && !reuse; ++i) {
        const QList<Change> batch = municipality(i, measures);
        changes += batch.size();
        if (!store.applyBatch(batch))
            fail(u"cannot write the replica"_s);
        if (i % 100 == 99)
            progress() << "written " << (i + 1) << " municipalities" << Qt::endl;
    }
    const double writeMs = msSince(timer);
    if (reuse)
        changes = store.changeCount();

    std::vector<double> times;
    qsizetype rows = 0;
    for (int run = 0; run < runs; ++run) {
        timer.restart();
        const auto computed = Dashboard::compute(store);
        times.push_back(msSince(timer));
        if (!computed)
            fail(computed.errorMessage());
        rows = computed->size();
    }
    if (rows != count && !reuse)
        fail(u"%1 rows for %2 municipalities"_s.arg(rows).arg(count));

    const double median = percentile(times, 0.5);
    const QList<Figure> figures {
        { u"municipalities"_s, u"municipalities"_s, double(count), 0, {} },
        { u"changes"_s, u"changes in the replica"_s, double(changes), 0, {} },
        { u"write_ms"_s, u"writing the replica (once)"_s, writeMs, 0, u"ms"_s },
        { u"dashboard_first_ms"_s, u"Dashboard::compute, first run"_s, times.front(), 1, u"ms"_s },
        { u"dashboard_median_ms"_s, u"Dashboard::compute, median"_s, median, 1, u"ms"_s, u"< 500"_s, median < 500 },
    };
    QTextStream out(stdout);
    if (parser.isSet(jsonOption)) {
        QJsonObject json;
        insertJson(json, figures);
        out << QJsonDocument(json).toJson(QJsonDocument::Indented);
        return 0;
    }
    return printTable(out, figures) ? 0 : 1;
}
