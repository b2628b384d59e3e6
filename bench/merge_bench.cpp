// SPDX-License-Identifier: GPL-3.0-or-later
// Merge engine benchmark: applies a plan-like workload of measure edits in
// memory (ReplicaState) and on SQLite (ReplicaStore, server and client
// options), and compares the store with a plain INSERT of the same rows,
// which is the practical limit of the SQLite driver on this machine.
//
//   merge_bench [--changes N] [--batch N] [--seed S] [--json]

#include "benchreport.h"
#include "planvocabulary.h"
#include "storage/replicastore.h"
#include "sync/localeditor.h"
#include "model/orderkey.h"
#include "sync/replicastate.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

using namespace BenchReport;
using namespace PlanVocabulary;

const QStringList words { u"Ortskern"_s, u"Ehrenamt"_s, u"Landkreis"_s, u"Förderung"_s, u"Verein"_s,
                          u"Quartier"_s, u"Pflege"_s, u"Jugend"_s, u"Markt"_s, u"Schule"_s, u"Bahnhof"_s,
                          u"Genossenschaft"_s, u"Rathaus"_s, u"Nachbarschaft"_s };

/** The generated changes and what they amount to. */
struct Workload
{
    QList<Change> changes; ///< validated, in delivery order
    int measures = 0;
    int edits = 0;
    int resolves = 0;
    int concurrentPairs = 0;
    int mergedTexts = 0; ///< fields whose value is a three-way merge at the end
    int openConflicts = 0;
    QByteArray digest; ///< of the generating replica, to check every timed run against
};

/**
 * Plays a plan being written: device A creates measures field by field and
 * revisits earlier ones; now and then device B, synced up to that moment,
 * edits the same field as A without seeing A's edit. All randomness comes
 * from one seed and time is fake, so the changes are the same on every run.
 */
class Generator
{
public:
    Generator(quint32 seed, int target)
        : m_rng(seed),
          m_target(target),
          m_skewB(qint64(m_rng.bounded(10'000)) - 5'000),
          m_clockA(u"laptop-a"_s, HlcClock::defaultMaxDriftMs, [this] { return m_now; }),
          m_clockB(u"laptop-b"_s, HlcClock::defaultMaxDriftMs, [this] { return m_now + m_skewB; }),
          m_editorA(m_clockA, u"anna"_s, [this] { return u"laptop-a:%1"_s.arg(++m_sequenceA); }),
          m_editorB(m_clockB, u"bernd"_s, [this] { return u"laptop-b:%1"_s.arg(++m_sequenceB); })
    {
        m_out.changes.reserve(target);
    }
    Q_DISABLE_COPY_MOVE(Generator)

    Workload run()
    {
        // Per action: a create yields ~12 changes, an edit 1, a concurrent pair 2. These weights
        // make about 88 % of the changes creates, 10 % edits and 2 % concurrent edits.
        while (!full()) {
            const int roll = int(m_rng.bounded(1000));
            if (m_measureIds.size() < 10 || roll < 420)
                createMeasure();
            else if (roll < 980)
                editMeasure();
            else
                concurrentEdit();
            m_now += m_rng.bounded(60'000) + 1'000; // pause between actions
        }
        m_out.measures = int(m_measureIds.size());
        for (const EntityRecord *record : m_state.entities()) {
            for (const FieldState &field : record->fields)
                m_out.mergedTexts += field.merged ? 1 : 0;
        }
        m_out.openConflicts = int(m_state.conflicts().size());
        m_out.digest = m_state.stateDigest();
        return std::move(m_out);
    }

private:
    [[nodiscard]] bool full() const { return m_out.changes.size() >= m_target; }

    QString pick(const QStringList &list) { return list.at(int(m_rng.bounded(int(list.size())))); }

    /** A 128-bit hex id like LocalEditor::newId(), but from the seeded generator. */
    QString randomId()
    {
        const quint64 high = m_rng.generate64();
        const quint64 low = m_rng.generate64();
        return u"%1%2"_s.arg(high, 16, 16, QLatin1Char('0')).arg(low, 16, 16, QLatin1Char('0'));
    }

    QString title() { return pick(titleHeads) + u' ' + pick(titleTails); }

    QString description()
    {
        QStringList parts;
        const int count = 3 + int(m_rng.bounded(4)); // 3 to 6 sentences: 250 to 550 characters
        for (int i = 0; i < count; ++i)
            parts << pick(sentences);
        return parts.join(u' ');
    }

    QString date(int fromDay, int spanDays)
    {
        return QDate(2025, 1, 1).addDays(fromDay + int(m_rng.bounded(spanDays))).toString(Qt::ISODate);
    }

    QString themes()
    {
        QStringList keys;
        const int count = 1 + int(m_rng.bounded(3));
        for (int i = 0; i < count; ++i)
            keys << pick(Schema::themeKeys());
        return keys.join(u','); // validateChange() turns it into the canonical sorted JSON array
    }

    QString partners()
    {
        QStringList names;
        const int count = 1 + int(m_rng.bounded(3));
        for (int i = 0; i < count; ++i)
            names << pick(organisations);
        return names.join(u", "_s);
    }

    /** Replaces one word, in the first half of the text if asked (where the other device does not touch). */
    QString replaceWord(const QString &text, bool firstHalf, int *at = nullptr)
    {
        QStringList tokens = text.split(u' ');
        const int range = std::max(1, int(tokens.size()) / (firstHalf ? 2 : 1));
        const int index = at && *at >= 0 ? *at : int(m_rng.bounded(range));
        if (at)
            *at = index;
        tokens[index] = pick(words);
        return tokens.join(u' ');
    }

    QString appendSentence(const QString &text)
    {
        return text.isEmpty() ? pick(sentences) : text + u' ' + pick(sentences);
    }

    /** A new value for an edit of an existing field, derived from the current one where people would. */
    QString editedValue(const EntityRecord &record, const QString &field)
    {
        const QString current = record.value(field);
        if (field == u"title"_s)
            return title();
        if (field == u"description"_s)
            return m_rng.bounded(2) ? appendSentence(current) : replaceWord(current, false);
        if (field == u"status"_s)
            return pick(statuses);
        if (field == u"end_date"_s)
            return date(400, 1500);
        if (field == u"responsible"_s)
            return pick(people);
        if (field == u"priority"_s)
            return pick(priorities);
        if (field == u"themes"_s)
            return themes();
        if (field == u"partners"_s)
            return partners();
        if (field == u"position"_s)
            return m_rng.bounded(2) ? OrderKey::between(QString(), current) : OrderKey::between(current, QString());
        return current;
    }

    /** Validates the change as a client would before sending it, and applies it to the generating replica. */
    void emitChange(const Change &change)
    {
        auto valid = validateChange(change);
        if (!valid)
            fail(u"generated an invalid change: %1"_s.arg(valid.errorMessage()));
        auto applied = m_state.applyValidated(valid.value());
        if (!applied || applied.value() != ApplyOutcome::Applied)
            fail(u"generated change %1 was not applied"_s.arg(change.id));
        m_out.changes.append(std::move(valid).value());
        m_now += m_rng.bounded(20'000) + 2'000; // typing the next field
    }

    void createMeasure()
    {
        if (m_goal.isEmpty() || m_rng.bounded(6) == 0) {
            m_goal = u"goal-"_s + randomId();
            m_lastPosition.clear();
        }
        const QString id = randomId();
        emitChange(m_editorA.create(u"measure"_s, id));
        m_measureIds << id;
        const EntityRecord *record = m_state.entity(id);
        const QString start = date(0, 900);
        const QString end = QDate::fromString(start, Qt::ISODate)
                                    .addDays(30 + int(m_rng.bounded(900)))
                                    .toString(Qt::ISODate);
        m_lastPosition = OrderKey::between(m_lastPosition, QString());
        const QList<std::pair<QString, QString>> fields {
            { u"goal"_s, m_goal },
            { u"title"_s, title() },
            { u"description"_s, description() },
            { u"status"_s, pick(statuses) },
            { u"start_date"_s, start },
            { u"end_date"_s, end },
            { u"responsible"_s, pick(people) },
            { u"partners"_s, m_rng.bounded(10) < 6 ? partners() : QString() },
            { u"budget"_s, m_rng.bounded(10) < 7 ? QString::number(500 + 100 * m_rng.bounded(2500)) : QString() },
            { u"themes"_s, themes() },
            { u"priority"_s, pick(priorities) },
            { u"position"_s, m_lastPosition },
        };
        for (const auto &[field, value] : fields) {
            if (full())
                return;
            if (!value.isEmpty())
                emitChange(m_editorA.set(*record, field, value));
        }
    }

    QString editableField()
    {
        // Status and description change most often; goal and start date practically never.
        const int roll = int(m_rng.bounded(100));
        if (roll < 25)
            return u"status"_s;
        if (roll < 45)
            return u"description"_s;
        if (roll < 55)
            return u"title"_s;
        if (roll < 65)
            return u"end_date"_s;
        if (roll < 75)
            return u"responsible"_s;
        if (roll < 85)
            return u"priority"_s;
        if (roll < 90)
            return u"themes"_s;
        if (roll < 95)
            return u"position"_s;
        return u"partners"_s;
    }

    /** Half the edits revisit recent measures, the rest any measure of the plan. */
    const EntityRecord *someMeasure()
    {
        const int n = int(m_measureIds.size());
        const int index = m_rng.bounded(2) ? n - 1 - int(m_rng.bounded(std::min(n, 500))) : int(m_rng.bounded(n));
        return m_state.entity(m_measureIds.at(index));
    }

    void editMeasure()
    {
        const EntityRecord *record = someMeasure();
        const QString field = editableField();
        const QString value = editedValue(*record, field);
        const FieldState *state = record->state(field);
        if (state->heads.size() > 1 && !state->merged) {
            // An open conflict: the user settles it half of the time, otherwise just edits the winner.
            if (m_rng.bounded(2)) {
                for (const Conflict &conflict : MergeEngine::conflicts(*record)) {
                    if (conflict.field == field) {
                        emitChange(m_editorA.resolve(*record, conflict, value));
                        ++m_out.resolves;
                        ++m_out.edits;
                        return;
                    }
                }
            }
        }
        emitChange(m_editorA.set(*record, field, value));
        ++m_out.edits;
    }

    void concurrentEdit()
    {
        if (m_out.changes.size() + 2 > m_target) {
            editMeasure();
            return;
        }
        const EntityRecord *record = someMeasure();
        const int roll = int(m_rng.bounded(100));
        const QString field = roll < 60 ? u"description"_s
                : roll < 75             ? u"title"_s
                : roll < 90             ? u"status"_s
                                        : u"end_date"_s;
        QString valueA;
        QString valueB;
        if (field == u"description"_s) {
            // Mostly different parts of the text (merged), sometimes the same word (a conflict).
            const QString current = record->value(field);
            int at = -1;
            valueA = replaceWord(current, true, &at);
            valueB = m_rng.bounded(100) < 85 ? appendSentence(current) : replaceWord(current, true, &at);
        } else {
            valueA = editedValue(*record, field);
            valueB = editedValue(*record, field);
        }
        // B has synced up to now, then both edit the same version before the next sync.
        m_clockB.observe(m_clockA.last());
        const bool aFirst = m_rng.bounded(2);
        Change first = aFirst ? m_editorA.set(*record, field, valueA) : m_editorB.set(*record, field, valueB);
        m_now += m_rng.bounded(5'000);
        Change second = aFirst ? m_editorB.set(*record, field, valueB) : m_editorA.set(*record, field, valueA);
        emitChange(first);
        emitChange(second);
        ++m_out.concurrentPairs;
    }

    QRandomGenerator m_rng;
    int m_target;
    qint64 m_now = 1'740'787'200'000; // 2025-03-01, a fixed fake clock
    qint64 m_skewB;
    int m_sequenceA = 0;
    int m_sequenceB = 0;
    HlcClock m_clockA;
    HlcClock m_clockB;
    LocalEditor m_editorA;
    LocalEditor m_editorB;
    ReplicaState m_state;
    QStringList m_measureIds;
    QString m_goal;
    QString m_lastPosition;
    Workload m_out;
};

struct InMemoryRun
{
    qint64 ns = 0; ///< best of the repeats
    QByteArray digest;
};

InMemoryRun runInMemory(const QList<Change> &changes, int repeats)
{
    InMemoryRun run;
    run.ns = std::numeric_limits<qint64>::max();
    for (int r = 0; r < repeats; ++r) {
        auto state = std::make_unique<ReplicaState>();
        int failed = 0;
        QElapsedTimer timer;
        timer.start();
        for (const Change &change : changes) {
            const auto applied = state->applyValidated(change);
            if (!applied || applied.value() != ApplyOutcome::Applied)
                ++failed;
        }
        run.ns = std::min(run.ns, timer.nsecsElapsed());
        if (failed)
            fail(u"in memory: %1 changes not applied"_s.arg(failed));
        if (r == repeats - 1)
            run.digest = state->stateDigest(); // untimed, as is freeing the state
    }
    return run;
}

struct StoreRun
{
    qint64 ns = 0;
    QByteArray digest;
};

StoreRun runStore(const QString &path, ReplicaStore::Options options, const QList<QList<Change>> &batches)
{
    auto opened = ReplicaStore::open(path, options);
    if (!opened)
        fail(u"cannot open %1: %2"_s.arg(path, opened.errorMessage()));
    const std::unique_ptr<ReplicaStore> store = std::move(opened).value();
    StoreRun run;
    QElapsedTimer timer;
    timer.start();
    for (const QList<Change> &batch : batches) {
        const auto outcome = store->applyBatch(batch);
        if (!outcome)
            fail(u"batch failed: %1"_s.arg(outcome.errorMessage()));
        if (outcome->applied != batch.size())
            fail(u"batch: %1 of %2 applied"_s.arg(outcome->applied).arg(batch.size()));
    }
    run.ns = timer.nsecsElapsed();
    run.digest = store->stateDigest();
    return run;
}

/** One transaction of prepared INSERTs into a table shaped like the change log: what SQLite can do at best. */
qint64 runPlainInsert(const QString &path, const QList<Change> &changes)
{
    const QString connection = u"plain-insert"_s;
    qint64 ns = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        if (!db.open())
            fail(u"cannot open %1: %2"_s.arg(path, db.lastError().text()));
        const QStringList setup {
            u"PRAGMA journal_mode = WAL"_s,
            u"PRAGMA synchronous = NORMAL"_s,
            u"CREATE TABLE plain (seq INTEGER PRIMARY KEY, change_id TEXT NOT NULL UNIQUE, op TEXT NOT NULL,"
            "entity_type TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT,"
            "hlc TEXT NOT NULL, device TEXT NOT NULL, author TEXT NOT NULL, base TEXT NOT NULL, seen TEXT NOT NULL)"_s,
            u"CREATE INDEX plain_by_entity ON plain(entity_id)"_s,
        };
        for (const QString &sql : setup) {
            QSqlQuery query(db);
            if (!query.exec(sql))
                fail(u"%1: %2"_s.arg(sql, query.lastError().text()));
        }
        QSqlQuery insert(db);
        if (!insert.prepare(u"INSERT INTO plain (change_id, op, entity_type, entity_id, field, value, hlc, device, "
                            "author, base, seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s))
            fail(insert.lastError().text());
        QElapsedTimer timer;
        timer.start();
        db.transaction();
        // The same conversions as ReplicaStore::appendChange(), so only the merge work differs.
        for (const Change &change : changes) {
            insert.bindValue(0, change.id);
            insert.bindValue(1, Change::opName(change.op));
            insert.bindValue(2, change.entityType);
            insert.bindValue(3, change.entityId);
            insert.bindValue(4, change.field);
            insert.bindValue(5, change.value.isNull() ? QVariant(QMetaType::fromType<QString>())
                                                      : QVariant(change.value));
            insert.bindValue(6, change.hlc.toString());
            insert.bindValue(7, change.device);
            insert.bindValue(8, change.author);
            insert.bindValue(9, change.base.isEmpty() ? u""_s : change.base.join(u','));
            insert.bindValue(10, change.seen.isEmpty() ? u""_s : change.seen.join(u','));
            if (!insert.exec())
                fail(u"plain insert: %1"_s.arg(insert.lastError().text()));
        }
        if (!db.commit())
            fail(u"plain insert commit: %1"_s.arg(db.lastError().text()));
        ns = timer.nsecsElapsed();
        insert.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return ns;
}

double peakRssMb()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

double perSecond(qsizetype count, qint64 ns)
{
    return ns > 0 ? double(count) * 1e9 / double(ns) : 0;
}

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"merge_bench"_s);
    // Migration notices of the stores would only clutter the output.
    QLoggingCategory::setFilterRules(u"werkstattplan.*.info=false"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Benchmark of the merge engine, in memory and on SQLite."_s);
    parser.addHelpOption();
    const QCommandLineOption changesOption(u"changes"_s, u"Number of changes (default 200000)."_s, u"N"_s, u"200000"_s);
    const QCommandLineOption batchOption(u"batch"_s, u"Changes per ReplicaStore batch (default 1000)."_s, u"N"_s,
                                         u"1000"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Seed of the workload (default 1)."_s, u"S"_s, u"1"_s);
    const QCommandLineOption jsonOption(u"json"_s, u"Print one JSON object of the figures instead of a table."_s);
    parser.addOptions({ changesOption, batchOption, seedOption, jsonOption });
    parser.process(app);

    bool ok = false;
    const int count = parser.value(changesOption).toInt(&ok);
    if (!ok || count < 100)
        fail(u"--changes needs a number of at least 100"_s);
    const int batchSize = parser.value(batchOption).toInt(&ok);
    if (!ok || batchSize < 1)
        fail(u"--batch needs a positive number"_s);
    const quint32 seed = parser.value(seedOption).toUInt(&ok);
    if (!ok)
        fail(u"--seed needs a number"_s);
    const bool json = parser.isSet(jsonOption);

    // Not timed: the changes exist before any replica receives them.
    QElapsedTimer generation;
    generation.start();
    const Workload workload = Generator(seed, count).run();
    const qint64 generationNs = generation.nsecsElapsed();
    const QList<Change> &changes = workload.changes;

    QList<QList<Change>> batches;
    for (qsizetype i = 0; i < changes.size(); i += batchSize)
        batches << changes.mid(i, batchSize);

    QTemporaryDir dir;
    if (!dir.isValid())
        fail(u"cannot create a temporary directory"_s);

    const InMemoryRun inMemory = runInMemory(changes, 3);
    const qint64 plainNs = runPlainInsert(dir.filePath(u"plain.sqlite"_s), changes);
    ReplicaStore::Options bulkOptions; // what the server uses, and any bulk import
    bulkOptions.searchIndex = false;
    bulkOptions.durable = false;
    const StoreRun bulk = runStore(dir.filePath(u"server.sqlite"_s), bulkOptions, batches);
    const StoreRun client = runStore(dir.filePath(u"client.sqlite"_s), ReplicaStore::Options {}, batches);
    const bool statesMatch = inMemory.digest == workload.digest && bulk.digest == workload.digest
            && client.digest == workload.digest;

    const double persistedRate = perSecond(changes.size(), bulk.ns);
    const double plainRate = perSecond(changes.size(), plainNs);
    const double inMemoryRate = perSecond(changes.size(), inMemory.ns);
    const double ratio = plainRate > 0 ? persistedRate / plainRate : 0;
    const QList<Figure> rows {
        { u"in_memory_changes_per_s"_s, u"in memory: ReplicaState::applyValidated (best of 3)"_s, inMemoryRate, 0,
          u"changes/s"_s, u">= 1000000"_s, inMemoryRate >= 1'000'000 ? 1 : 0 },
        { u"in_memory_ms"_s, u"in memory: wall time"_s, ms(inMemory.ns), 1, u"ms"_s },
        { u"persisted_changes_per_s"_s, u"persisted: applyBatch, server/bulk options (no search index, synchronous=NORMAL)"_s,
          persistedRate, 0, u"changes/s"_s },
        { u"persisted_ms"_s, u"persisted: wall time (server/bulk)"_s, ms(bulk.ns), 1, u"ms"_s },
        { u"persisted_client_changes_per_s"_s, u"persisted: applyBatch, client defaults (search index, synchronous=FULL)"_s,
          perSecond(changes.size(), client.ns), 0, u"changes/s"_s },
        { u"persisted_client_ms"_s, u"persisted: wall time (client)"_s, ms(client.ns), 1, u"ms"_s },
        { u"plain_insert_rows_per_s"_s, u"plain INSERT, one transaction, WAL, synchronous=NORMAL (practical limit)"_s,
          plainRate, 0, u"rows/s"_s },
        { u"plain_insert_ms"_s, u"plain INSERT: wall time"_s, ms(plainNs), 1, u"ms"_s },
        { u"persisted_ratio"_s, u"persisted (server/bulk) / plain INSERT"_s, ratio, 3, u"ratio"_s, u">= 0.330"_s,
          ratio >= 0.33 ? 1 : 0 },
        { u"peak_rss_mb"_s, u"peak RSS (VmHWM, whole run incl. generation)"_s, peakRssMb(), 1, u"MB"_s },
    };

    QTextStream out(stdout);
    if (json) {
        QJsonObject figures;
        insertJson(figures, rows);
        figures.insert(u"changes_count"_s, double(changes.size()));
        figures.insert(u"batch_changes"_s, batchSize);
        out << QString::fromUtf8(QJsonDocument(figures).toJson(QJsonDocument::Indented));
        return statesMatch ? 0 : 1;
    }

    out << "Workload (seed " << seed << ", generated in " << qRound64(ms(generationNs)) << " ms, not timed): "
        << changes.size() << " changes: " << workload.measures << " measures created field by field, "
        << workload.edits << " later edits (" << workload.resolves << " settling a conflict), "
        << workload.concurrentPairs << " concurrent pairs from a second device.\n"
        << "End state: " << workload.mergedTexts << " fields three-way merged, " << workload.openConflicts
        << " open conflicts. Batches of " << batchSize << " changes; SQLite files in " << dir.path() << ".\n"
        << "Final state of in-memory run, server store and client store equals the generator's: "
        << (statesMatch ? "yes" : "NO") << "\n\n";

    printTable(out, rows);
    return statesMatch ? 0 : 1;
}
