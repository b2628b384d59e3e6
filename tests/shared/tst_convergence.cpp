// SPDX-License-Identifier: GPL-3.0-or-later
// Property test: replicas that received the same set of changes hold the same
// state, whatever the order, duplication or loss-and-redelivery on the way,
// and no edit is lost.
//
// WERKSTATTPLAN_SEEDS=N runs N schedules (default 2000);
// WERKSTATTPLAN_SEED=S replays schedule S alone (it is printed on failure).

#include "storage/replicastore.h"
#include "sync/localeditor.h"
#include "sync/partialhistory.h"
#include "model/orderkey.h"
#include "sync/replicastate.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

const QStringList titles { u"Dorfladen"_s, u"Ehrenamtsbörse"_s, u"Bürgerbus"_s, u"Fachkräfte-Messe"_s };
const QStringList words { u"Maßnahme"_s, u"für"_s, u"Ältere"_s, u"Jugend"_s, u"Rathaus"_s, u"Markt"_s,
                          u"Verein"_s, u"🚲"_s, u"Quartier"_s, u"Pflege"_s };

bool sameIds(QStringList a, QStringList b)
{
    a.sort();
    b.sort();
    return a == b;
}

/** One simulated laptop: its replica, its clock (with its own skew) and its editor. */
struct Replica
{
    Replica(int index, qint64 *globalTime, qint64 skewMs)
        : clock(u"dev%1"_s.arg(index), HlcClock::defaultMaxDriftMs,
                [globalTime, skewMs] { return *globalTime + skewMs; }),
          editor(clock, u"user%1"_s.arg(index), [this, index] { return u"r%1-%2"_s.arg(index).arg(++nextId); })
    {
    }
    ReplicaState state;
    HlcClock clock;
    LocalEditor editor;
    int nextId = 0;
    // Joined by a compact bootstrap: what it holds without history, and where it fetches histories.
    Replica *source = nullptr;
    QSet<QString> partial; ///< entities held without their history
    QSet<QString> headsOnly; ///< changes in the log made from a record's heads, not received
    QHash<QString, qint64> historyLengths; ///< of the entities held without history, as their source held them

    [[nodiscard]] bool compact() const { return source != nullptr; }
};

class Schedule
{
public:
    explicit Schedule(quint32 seed) : m_rng(seed)
    {
        const int count = 3 + int(m_rng.bounded(4)); // 3 to 6 replicas
        for (int i = 0; i < count; ++i) {
            const qint64 skew = qint64(m_rng.bounded(40'000)) - 20'000; // within the drift bound
            m_replicas.push_back(std::make_unique<Replica>(i, &m_time, skew));
        }
    }

    void run()
    {
        Replica &first = *m_replicas.front();
        for (int i = 0; i < 2; ++i)
            createMeasure(first);
        deliverAll();
        const int steps = 20 + int(m_rng.bounded(40));
        for (int step = 0; step < steps; ++step) {
            m_time += m_rng.bounded(5000);
            Replica &r = pick();
            const int roll = int(m_rng.bounded(100));
            if (roll < 50)
                edit(r);
            else if (roll < 56)
                createMeasure(r);
            else if (roll < 62)
                deleteSomething(r);
            else if (roll < 66)
                restoreSomething(r);
            else if (roll < 74)
                resolveSomething(r);
            else if (roll < 77)
                joinCompactly(r);
            else
                deliver(pick(), r);
        }
        deliverAll();
    }

    [[nodiscard]] const std::vector<std::unique_ptr<Replica>> &replicas() const { return m_replicas; }
    [[nodiscard]] const QList<Change> &made() const { return m_made; }

    /** Every change any replica made, in a random order with some twice. */
    QList<Change> shuffledUnion()
    {
        QList<Change> all = m_made;
        for (int i = 0; i < all.size() / 5; ++i)
            all.append(all.at(int(m_rng.bounded(quint32(all.size())))));
        shuffle(all);
        return all;
    }

    quint32 bounded(quint32 n) { return m_rng.bounded(n); }
    /** Histories a compact replica fetched because an arriving change needed them. */
    [[nodiscard]] int completedOnArrival() const { return m_completedOnArrival; }
    [[nodiscard]] int mergedWithoutHistory() const { return m_mergedWithoutHistory; }
    [[nodiscard]] int textMergedWithoutHistory() const { return m_textMergedWithoutHistory; }

private:
    Replica &pick() { return *m_replicas[m_rng.bounded(quint32(m_replicas.size()))]; }

    template<typename T>
    void shuffle(QList<T> &list)
    {
        for (qsizetype i = list.size() - 1; i > 0; --i)
            list.swapItemsAt(i, qsizetype(m_rng.bounded(quint32(i + 1))));
    }

    void commit(Replica &r, const Change &change)
    {
        const auto applied = r.state.apply(change);
        QVERIFY2(applied, qPrintable(applied.errorMessage()));
        m_made.append(change);
    }

    QList<const EntityRecord *> records(Replica &r, bool live)
    {
        QList<const EntityRecord *> out;
        for (const EntityRecord *record : r.state.entities()) {
            if (record->exists() && record->isLive() == live)
                out << record;
        }
        return out;
    }

    void createMeasure(Replica &r)
    {
        const QString id = u"m-%1"_s.arg(++m_entities);
        commit(r, r.editor.create(u"measure"_s, id));
        const EntityRecord *record = r.state.entity(id);
        commit(r, r.editor.set(*record, u"title"_s, titles[m_rng.bounded(quint32(titles.size()))]));
        commit(r, r.editor.set(*record, u"description"_s, u"Maßnahme für Ältere im Quartier mit Verein"_s));
        commit(r, r.editor.set(*record, u"position"_s, OrderKey::spread(m_entities + 1).last()));
    }

    QString editedText(const QString &text)
    {
        QStringList parts = text.split(u' ', Qt::SkipEmptyParts);
        const QString word = words[m_rng.bounded(quint32(words.size()))];
        const int at = int(m_rng.bounded(quint32(parts.size() + 1)));
        switch (m_rng.bounded(3)) {
        case 0:
            parts.insert(at, word);
            break;
        case 1:
            if (!parts.isEmpty())
                parts.removeAt(qMin(at, int(parts.size()) - 1));
            break;
        default:
            if (!parts.isEmpty())
                parts[qMin(at, int(parts.size()) - 1)] = word;
            break;
        }
        return parts.join(u' ');
    }

    void edit(Replica &r)
    {
        const auto live = records(r, true);
        if (live.isEmpty())
            return;
        const EntityRecord &record = *live[m_rng.bounded(quint32(live.size()))];
        switch (m_rng.bounded(5)) {
        case 0:
            commit(r, r.editor.set(record, u"title"_s, titles[m_rng.bounded(quint32(titles.size()))]));
            break;
        case 1:
        case 2:
            commit(r, r.editor.set(record, u"description"_s, editedText(record.value(u"description"_s))));
            break;
        case 3: {
            static const QStringList statuses { u"idea"_s, u"planned"_s, u"in_progress"_s, u"done"_s };
            commit(r, r.editor.set(record, u"status"_s, statuses[m_rng.bounded(quint32(statuses.size()))]));
            break;
        }
        default: {
            // Move next to another entity: between its key and the next one.
            const EntityRecord &other = *live[m_rng.bounded(quint32(live.size()))];
            const QString key = OrderKey::between(other.value(u"position"_s), QString());
            if (!key.isEmpty())
                commit(r, r.editor.set(record, u"position"_s, key));
            break;
        }
        }
    }

    void deleteSomething(Replica &r)
    {
        const auto live = records(r, true);
        if (!live.isEmpty())
            commit(r, r.editor.remove(*live[m_rng.bounded(quint32(live.size()))]));
    }

    void restoreSomething(Replica &r)
    {
        const auto deleted = records(r, false);
        if (!deleted.isEmpty())
            commit(r, r.editor.restore(*deleted[m_rng.bounded(quint32(deleted.size()))]));
    }

    void resolveSomething(Replica &r)
    {
        const QList<Conflict> open = r.state.conflicts();
        if (open.isEmpty())
            return;
        const Conflict &conflict = open[m_rng.bounded(quint32(open.size()))];
        const EntityRecord &record = *r.state.entity(conflict.entityId);
        QString value;
        switch (m_rng.bounded(3)) {
        case 0:
            value = conflict.kept.value;
            break;
        case 1:
            value = conflict.other.value;
            break;
        default:
            if (conflict.kind == Conflict::Kind::EditVsDelete)
                value = Change::deleted;
            else if (conflict.field == u"title"_s || conflict.field == u"description"_s)
                value = conflict.kept.value + u" (geprüft)"_s; // an edited merge of both
            else
                value = conflict.kept.value;
            break;
        }
        if (conflict.kind == Conflict::Kind::EditVsDelete && m_rng.bounded(2))
            value = Change::live;
        commit(r, r.editor.resolve(record, conflict, value));
    }

    /**
     * A new replica joins with a compact first sync from r: every record with
     * its heads as changes without base, no history (docs/storage.md).
     */
    void joinCompactly(Replica &r)
    {
        // Joins from a replica with every history, as from the server (which holds all it sends).
        if (m_replicas.size() >= 9 || r.compact())
            return;
        const qint64 skew = qint64(m_rng.bounded(40'000)) - 20'000;
        auto joined = std::make_unique<Replica>(int(m_replicas.size()), &m_time, skew);
        joined->source = &r;
        for (const EntityRecord *record : r.state.entities()) {
            const QList<Change> heads = PartialHistory::headChanges(*record);
            joined->state.putEntity(*record, heads);
            joined->partial.insert(record->id);
            // As a server tells it, or not (an older server): either way the replica must end alike.
            if (m_rng.bounded(4) != 0)
                joined->historyLengths.insert(record->id, r.state.history(record->id).size());
            for (const Change &head : heads) {
                joined->headsOnly.insert(head.id);
                joined->clock.observe(head.hlc);
            }
        }
        m_replicas.push_back(std::move(joined));
    }

    /** Fetches an entity's whole history from where the replica joined, as a client asks the server. */
    static void completeHistory(Replica &to, const QString &entityId)
    {
        const QList<Change> all = PartialHistory::completed(to.state.history(entityId),
                                                            to.source->state.history(entityId));
        const auto record = PartialHistory::rebuild(all);
        QVERIFY2(record, qPrintable(record.errorMessage()));
        to.state.putEntity(record.value(), all);
        to.partial.remove(entityId);
        for (const Change &change : all)
            to.headsOnly.remove(change.id);
    }

public:
    /** Completes every history of a compact replica (as its history view would one by one). */
    static void completeAll(Replica &r)
    {
        const QSet<QString> partial = r.partial;
        for (const QString &id : partial)
            completeHistory(r, id);
    }

private:
    /** Sends part of one replica's log to another: shuffled, some lost, some twice. */
    void deliver(Replica &from, Replica &to)
    {
        QList<Change> batch;
        for (const Change &change : from.state.log()) {
            if (from.headsOnly.contains(change.id))
                continue; // made from a record, not received: never sent on (a client pushes its own edits only)
            const quint32 roll = m_rng.bounded(10);
            if (roll < 3)
                continue; // lost on the way; sent again later
            batch << change;
            if (roll == 9)
                batch << change;
        }
        shuffle(batch);
        receive(to, batch);
    }

    void deliverAll()
    {
        for (auto &replica : m_replicas)
            receive(*replica, shuffledUnion());
    }

    void receive(Replica &to, const QList<Change> &changes)
    {
        for (const Change &change : changes) {
            if (to.partial.contains(change.entityId)) {
                PartialHistory::PartialEntity entity { *to.state.entity(change.entityId), {},
                                                       to.historyLengths.value(change.entityId, -1) };
                for (const Change &held : to.state.history(change.entityId))
                    entity.held.insert(held.id, PartialHistory::heldChange(held, to.headsOnly.contains(held.id)));
                if (!PartialHistory::toComplete({ change }, { { change.entityId, entity } }).isEmpty()) {
                    completeHistory(to, change.entityId);
                    ++m_completedOnArrival;
                } else if (const FieldState *field = entity.record.state(change.field);
                           field && !entity.held.contains(change.id) && !sameIds(change.base, field->headIds())) {
                    ++m_mergedWithoutHistory; // concurrent with a head, merged from what the replica holds
                    if (change.field == u"description"_s)
                        ++m_textMergedWithoutHistory; // three-way, against a common base found among what it holds
                }
            }
            const auto applied = to.state.apply(change);
            QVERIFY2(applied, qPrintable(applied.errorMessage()));
            to.clock.observe(change.hlc);
        }
    }

    QRandomGenerator m_rng;
    qint64 m_time = 1'764'000'000'000;
    std::vector<std::unique_ptr<Replica>> m_replicas;
    QList<Change> m_made;
    int m_entities = 0;
    int m_completedOnArrival = 0;
    int m_mergedWithoutHistory = 0;
    int m_textMergedWithoutHistory = 0;
};

/** Empty if every edit made is accounted for in the replica; else what is missing. */
QString unaccounted(const ReplicaState &state, const QList<Change> &made)
{
    for (const Change &change : made) {
        if (!state.hasChange(change.id))
            return u"change %1 missing from the history"_s.arg(change.id);
    }
    const QList<Conflict> conflicts = state.conflicts();
    for (const EntityRecord *record : state.entities()) {
        for (qsizetype i = 0; i < record->fields.size(); ++i) {
            const FieldState &field = record->fields[i];
            const FieldSpec &spec = record->spec->fields[i];
            for (const FieldVersion &head : field.heads) {
                if (record->isDeleted()) {
                    // Kept in the tombstone: seen by a delete, or an edit-vs-delete conflict.
                    const bool seen = std::any_of(record->lifecycle.heads.cbegin(), record->lifecycle.heads.cend(),
                                                  [&](const FieldVersion &d) { return d.seen.contains(head.changeId); });
                    const bool inConflict = std::any_of(conflicts.cbegin(), conflicts.cend(), [&](const Conflict &c) {
                        return c.kind == Conflict::Kind::EditVsDelete && c.other.changeId == head.changeId;
                    });
                    if (!seen && !inConflict)
                        return u"%1.%2: write %3 lost by a delete"_s.arg(record->id, spec.name, head.changeId);
                    continue;
                }
                const bool current = head.value == field.value || field.merged;
                const bool inConflict = std::any_of(conflicts.cbegin(), conflicts.cend(), [&](const Conflict &c) {
                    return c.entityId == record->id && c.field == spec.name && c.other.changeId == head.changeId;
                });
                if (!current && !inConflict && spec.conflictPolicy() == ConflictPolicy::KeepBoth)
                    return u"%1.%2: write %3 is neither the value nor a conflict"_s.arg(record->id, spec.name,
                                                                                    head.changeId);
            }
        }
    }
    return {};
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

} // namespace

class TestConvergence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replicasConverge();
    void sqliteStoreMatchesMemory();
    void mergeCostIsBounded();

private:
    static QList<quint32> seeds(int defaultCount);
};

QList<quint32> TestConvergence::seeds(int defaultCount)
{
    if (qEnvironmentVariableIsSet("WERKSTATTPLAN_SEED"))
        return { quint32(envInt("WERKSTATTPLAN_SEED", 0)) };
    QList<quint32> all;
    const int count = envInt("WERKSTATTPLAN_SEEDS", defaultCount);
    for (int i = 1; i <= count; ++i)
        all << quint32(i);
    return all;
}

void TestConvergence::replicasConverge()
{
    int conflictsSeen = 0;
    int mergesSeen = 0;
    int compactJoins = 0;
    int historiesFetched = 0;
    int mergedWithoutHistory = 0;
    int textMergedWithoutHistory = 0;
    for (quint32 seed : seeds(2000)) {
        Schedule schedule(seed);
        schedule.run();
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(u"seed %1 failed while running; replay with WERKSTATTPLAN_SEED=%1"_s.arg(seed)));
        const auto &replicas = schedule.replicas();
        const QByteArray expected = replicas.front()->state.stateDigest();
        const QByteArray expectedRecords = replicas.front()->state.stateDigest(DigestOf::Records);
        for (const auto &replica : replicas) {
            if (replica->compact()) {
                // Joined compactly: the same records with some histories missing, then the same once complete.
                ++compactJoins;
                if (replica->state.stateDigest(DigestOf::Records) != expectedRecords)
                    QFAIL(qPrintable(u"seed %1: %2 (joined compactly) diverged; replay with WERKSTATTPLAN_SEED=%1"_s
                                             .arg(seed)
                                             .arg(replica->clock.device())));
                Schedule::completeAll(*replica);
                if (QTest::currentTestFailed())
                    QFAIL(qPrintable(u"seed %1: completing a history failed"_s.arg(seed)));
            }
            if (replica->state.stateDigest() != expected)
                QFAIL(qPrintable(u"seed %1: %2 diverged; replay with WERKSTATTPLAN_SEED=%1"_s.arg(seed).arg(
                        replica->clock.device())));
            const QString missing = unaccounted(replica->state, schedule.made());
            if (!missing.isEmpty())
                QFAIL(qPrintable(u"seed %1: %2; replay with WERKSTATTPLAN_SEED=%1"_s.arg(seed).arg(missing)));
        }
        historiesFetched += schedule.completedOnArrival();
        mergedWithoutHistory += schedule.mergedWithoutHistory();
        textMergedWithoutHistory += schedule.textMergedWithoutHistory();
        conflictsSeen += int(replicas.front()->state.conflicts().size());
        for (const EntityRecord *record : replicas.front()->state.entities())
            mergesSeen += std::count_if(record->fields.cbegin(), record->fields.cend(),
                                        [](const FieldState &f) { return f.merged; });
    }
    // The schedules must exercise the interesting paths, or the property says little.
    if (!qEnvironmentVariableIsSet("WERKSTATTPLAN_SEED")) {
        QVERIFY(conflictsSeen > 0);
        QVERIFY(mergesSeen > 0);
        QVERIFY(compactJoins > 0);
        QVERIFY(historiesFetched > 0);
        QVERIFY(mergedWithoutHistory > 0);
        QVERIFY(textMergedWithoutHistory > 0);
    }
}

void TestConvergence::sqliteStoreMatchesMemory()
{
    // The SQLite store applies through the same applier; delivered in random
    // batches it must reach the same digest as the in-memory replica.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (quint32 seed : seeds(60)) {
        Schedule schedule(seed);
        schedule.run();
        auto store = ReplicaStore::open(dir.filePath(u"seed-%1.sqlite"_s.arg(seed)));
        QVERIFY2(store, qPrintable(store.errorMessage()));
        QList<Change> all = schedule.shuffledUnion();
        while (!all.isEmpty()) {
            const qsizetype size = qMin(all.size(), qsizetype(1 + schedule.bounded(40)));
            const auto outcome = store.value()->applyBatch(all.mid(0, size));
            QVERIFY2(outcome, qPrintable(outcome.errorMessage()));
            QCOMPARE(outcome->rejected, 0);
            all.remove(0, size);
        }
        if (store.value()->stateDigest() != schedule.replicas().front()->state.stateDigest())
            QFAIL(qPrintable(u"seed %1: SQLite store differs; replay with WERKSTATTPLAN_SEED=%1"_s.arg(seed)));
    }
}

void TestConvergence::mergeCostIsBounded()
{
    // The cost of one change stays bounded (docs/merge.md): past MergeEngine::maxMergedHeads concurrent
    // heads, and past MergeEngine::maxAncestorVisits versions searched for a common base, edits of a text
    // are a plain conflict instead of a three-way merge. Replicas still converge, whatever the order, and
    // nothing is lost; below the bounds the same edits merge.
    qint64 time = 1'764'000'000'000;
    Replica author(0, &time, 0);
    QList<Change> made;
    auto commit = [&](const Change &change) {
        const auto applied = author.state.apply(change);
        QVERIFY2(applied, qPrintable(applied.errorMessage()));
        made << change;
    };
    QStringList lines;
    for (int i = 0; i < 40; ++i)
        lines << u"Zeile %1 über den Dorfladen"_s.arg(i);
    const QString text = lines.join(u'\n');
    const QString field = u"description"_s;
    auto measure = [&](const QString &id) {
        commit(author.editor.create(u"measure"_s, id));
        commit(author.editor.set(*author.state.entity(id), field, text));
    };
    // Concurrent edits on the version the author has now, each of another line: they would all merge.
    int nextEditor = 1;
    auto concurrentEdits = [&](const QString &id, int count) {
        const EntityRecord base = *author.state.entity(id);
        QList<Change> edits;
        for (int i = 0; i < count; ++i) {
            time += 1000;
            Replica editor(nextEditor++, &time, 0);
            QStringList changed = lines;
            changed[i] = u"Zeile %1 geändert von Gerät %2"_s.arg(i).arg(editor.clock.device());
            edits << editor.editor.set(base, field, changed.join(u'\n'));
        }
        made << edits;
    };

    measure(u"few"_s);
    concurrentEdits(u"few"_s, MergeEngine::maxMergedHeads);
    measure(u"many"_s);
    concurrentEdits(u"many"_s, MergeEngine::maxMergedHeads + 4);
    // A base further back than the search goes: a long history of one text, then two concurrent edits.
    measure(u"short"_s);
    measure(u"long"_s);
    const int chain = MergeEngine::maxAncestorVisits / 2 + 10;
    for (int i = 0; i < chain; ++i) {
        time += 10;
        QStringList changed = lines;
        changed[39] = u"Fassung %1"_s.arg(i);
        commit(author.editor.set(*author.state.entity(u"long"_s), field, changed.join(u'\n')));
        if (i < 10)
            commit(author.editor.set(*author.state.entity(u"short"_s), field, changed.join(u'\n')));
    }
    lines[39] = author.state.entity(u"long"_s)->value(field).split(u'\n').last();
    concurrentEdits(u"long"_s, 2);
    lines[39] = author.state.entity(u"short"_s)->value(field).split(u'\n').last();
    concurrentEdits(u"short"_s, 2);

    QByteArray digest;
    QRandomGenerator rng(13);
    for (int order = 0; order < 3; ++order) {
        QList<Change> delivery = made;
        for (qsizetype i = delivery.size() - 1; i > 0 && order > 0; --i)
            delivery.swapItemsAt(i, qsizetype(rng.bounded(quint32(i + 1))));
        ReplicaState replica;
        for (const Change &change : std::as_const(delivery)) {
            const auto applied = replica.apply(change);
            QVERIFY2(applied, qPrintable(applied.errorMessage()));
        }
        QVERIFY2(unaccounted(replica, made).isEmpty(), qPrintable(unaccounted(replica, made)));
        if (order == 0)
            digest = replica.stateDigest();
        QVERIFY2(replica.stateDigest() == digest, "replicas diverged under the merge bounds");

        auto state = [&](const QString &id) { return *replica.entity(id)->state(field); };
        auto conflictsOf = [&](const QString &id) {
            const QList<Conflict> all = replica.conflicts();
            return std::count_if(all.cbegin(), all.cend(), [&](const Conflict &c) { return c.entityId == id; });
        };
        QVERIFY2(state(u"few"_s).merged, "edits of different lines merge up to the bound");
        QCOMPARE(conflictsOf(u"few"_s), 0);
        QCOMPARE(state(u"many"_s).heads.size(), MergeEngine::maxMergedHeads + 4);
        QVERIFY2(!state(u"many"_s).merged, "past the bound of heads the text is not merged three-way");
        QCOMPARE(state(u"many"_s).value, MergeEngine::winner(state(u"many"_s).heads).value);
        QCOMPARE(conflictsOf(u"many"_s), MergeEngine::maxMergedHeads + 3);
        QVERIFY2(state(u"short"_s).merged, "a base found within the search merges");
        QVERIFY2(!state(u"long"_s).merged, "a base past the search is a plain conflict");
        QCOMPARE(conflictsOf(u"long"_s), 1);
    }
}

QTEST_GUILESS_MAIN(TestConvergence)
#include "tst_convergence.moc"
