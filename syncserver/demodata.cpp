// SPDX-License-Identifier: GPL-3.0-or-later
#include "demodata.h"

#include "common/logging.h"
#include "democatalogue.h"
#include "model/plansnapshot.h"
#include "sync/localeditor.h"
#include "model/orderkey.h"
#include "sync/replicastate.h"

#include <QDate>
#include <QRandomGenerator>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {

// Milestones due before this day count as reached; fixed so the demo looks the same every time.
const QDate demoToday(2026, 10, 31);
// Fixed seed: the same statuses, dates and budgets on every call.
constexpr quint32 demoSeed = 20220705;

const DemoCatalogue &catalogue()
{
    return DemoCatalogue::compiledIn();
}

QString council(const QString &kind)
{
    if (kind == u"community"_s)
        return u"Gemeinderat"_s;
    if (kind == u"initiative"_s)
        return u"Vorstand"_s;
    return u"Stadtrat"_s;
}

QString fill(QString text, const DemoPlace &place)
{
    return text.replace(u"{ort}"_s, place.shortName)
        .replace(u"{in}"_s, place.inPlace)
        .replace(u"{rat}"_s, council(place.municipality.kind));
}

/** The budget of a measure in this place: larger towns spend more; rounded to 500 EUR. */
QString budget(int baseEur, const DemoPlace &place, QRandomGenerator &rng)
{
    if (baseEur <= 0)
        return {};
    const double scale = place.population < 5000 ? 0.8
        : place.population < 20000               ? 1.0
        : place.population < 50000               ? 1.3
        : place.population < 100000              ? 1.6
                                                 : 2.5;
    const double jitter = 0.8 + rng.bounded(41) / 100.0;
    const qint64 eur = std::max<qint64>(500, std::llround(baseEur * scale * jitter / 500.0) * 500);
    return QString::number(eur);
}

struct Schedule
{
    QString status;
    QDate start; ///< invalid: not scheduled yet
    QDate end;
};

QDate monthStart(int year, int month, int addMonths)
{
    return QDate(year, month, 1).addMonths(addMonths);
}

/** A status and a plausible run for it: done in the past, planned in the future. */
Schedule schedule(QRandomGenerator &rng)
{
    const int roll = int(rng.bounded(100));
    Schedule s;
    if (roll < 15) {
        s.status = u"idea"_s;
        if (rng.bounded(100) < 40) {
            s.start = monthStart(2027, 3, int(rng.bounded(7)));
            s.end = QDate(2027, 12, 31);
        }
        return s;
    }
    if (roll < 40) {
        s.status = u"planned"_s;
        s.start = monthStart(2027, 1, int(rng.bounded(6)));
        s.end = std::min(s.start.addMonths(6 + int(rng.bounded(7))).addDays(-1), QDate(2027, 12, 31));
    } else if (roll < 75) {
        s.status = u"in_progress"_s;
        s.start = monthStart(2025, 6, int(rng.bounded(16)));
        s.end = monthStart(2027, 1, int(rng.bounded(12))).addMonths(1).addDays(-1);
    } else if (roll < 90) {
        s.status = u"done"_s;
        s.start = monthStart(2025, 1, int(rng.bounded(12)));
        s.end = s.start.addMonths(3 + int(rng.bounded(10))).addDays(-1);
    } else {
        s.status = u"paused"_s;
        s.start = monthStart(2025, 3, int(rng.bounded(13)));
        s.end = monthStart(2026, 12, int(rng.bounded(12))).addMonths(1).addDays(-1);
    }
    return s;
}

QString priority(QRandomGenerator &rng)
{
    const int roll = int(rng.bounded(100));
    return roll < 30 ? u"high"_s : (roll < 80 ? u"medium"_s : u"low"_s);
}

/** Makes the changes and keeps a replica of them, so every edit is based on what came before. */
class Builder
{
public:
    explicit Builder(LocalEditor &editor)
        : m_editor(editor)
    { }

    QString create(const QString &type, QString id, const QList<std::pair<QString, QString>> &fields)
    {
        if (id.isEmpty())
            id = LocalEditor::newId();
        add(m_editor.create(type, id));
        for (const auto &[field, value] : fields) {
            // An unset field needs no change.
            if (!value.isEmpty())
                add(m_editor.set(*m_state.entity(id), field, value));
        }
        return id;
    }

    void set(const QString &id, const QString &field, const QString &value)
    {
        add(m_editor.set(*m_state.entity(id), field, value));
    }

    [[nodiscard]] const EntityRecord *record(const QString &id) const { return m_state.entity(id); }

    /** Live entities of one type whose parent field names parentId. */
    [[nodiscard]] QList<EntityRecord> children(const EntitySpec &spec, const QString &parentId) const
    {
        QList<EntityRecord> list;
        for (const EntityRecord *record : m_state.entities()) {
            if (record->spec == &spec && record->isLive() && record->value(spec.parentField) == parentId)
                list << *record;
        }
        return list;
    }

    /** A submitted version of the plan as it stands in the changes so far. */
    QString submitVersion(const QString &planId, const QString &label, const QString &submittedAt)
    {
        const PlanSnapshot snapshot = PlanSnapshot::build(
                *m_state.entity(planId), [this](const EntitySpec &spec, const QString &parent) { return children(spec, parent); });
        return create(u"plan_version"_s, {},
                      { { u"plan"_s, planId }, { u"label"_s, label }, { u"submitted_at"_s, submittedAt },
                        { u"snapshot"_s, snapshot.encode() } });
    }

    QList<Change> takeChanges() { return std::move(m_changes); }

private:
    void add(const Change &change)
    {
        // Keep only valid, canonical changes: a failure is a mistake in the tables above.
        Result<Change> valid = validateChange(change);
        if (!valid) {
            qCWarning(lcServer) << "demo data: invalid change" << change.entityType << change.field
                              << change.value << valid.errorMessage();
            Q_ASSERT_X(false, "DemoData", "invalid demo change");
            return;
        }
        const Result<ApplyOutcome> applied = m_state.applyValidated(valid.value());
        if (!applied) {
            qCWarning(lcServer) << "demo data: change not applied" << change.entityType << change.field
                              << applied.errorMessage();
            Q_ASSERT_X(false, "DemoData", "demo change not applied");
            return;
        }
        m_changes << std::move(valid).value();
    }

    LocalEditor &m_editor;
    ReplicaState m_state;
    QList<Change> m_changes;
};

void addMunicipality(Builder &b, const DemoPlace &place)
{
    const DemoMunicipality &m = place.municipality;
    b.create(u"municipality"_s, m.id,
        { { u"name"_s, m.name }, { u"state"_s, m.state }, { u"cluster"_s, m.cluster },
            { u"kind"_s, m.kind } });

    struct Figure
    {
        QString key;
        double value;
        QString unit;
    };
    const QList<Figure> figures = {
        { u"population"_s, double(place.population), u"Einwohner"_s },
        { u"share_65_plus"_s, place.share65, u"%"_s },
        { u"area_km2"_s, place.areaKm2, u"km²"_s },
    };
    for (const Figure &f : figures) {
        b.create(u"synopsis_figure"_s, {},
            { { u"municipality"_s, m.id }, { u"key"_s, f.key },
                { u"value"_s, QString::number(f.value, 'g', 15) }, { u"unit"_s, f.unit },
                { u"year"_s, u"2022"_s } });
    }
}

void addMilestones(
    Builder &b, const QString &measureId, const Schedule &s, const DemoPlace &place, QRandomGenerator &rng)
{
    const int count = s.status == u"idea"_s ? int(rng.bounded(2)) : int(rng.bounded(4));
    if (count == 0)
        return;
    // Distinct titles, kept in project order.
    QList<int> picks;
    while (picks.size() < count) {
        const int i = s.status == u"idea"_s ? 0 : int(rng.bounded(int(catalogue().milestoneTitles.size())));
        if (!picks.contains(i))
            picks << i;
    }
    std::sort(picks.begin(), picks.end());

    const QDate from = s.start.isValid() ? s.start : QDate(2027, 1, 1);
    const QDate to = s.end.isValid() ? s.end : QDate(2027, 12, 31);
    const qint64 span = from.daysTo(to);
    const QStringList keys = OrderKey::spread(count);
    for (int i = 0; i < count; ++i) {
        const QDate due = from.addDays(span * (i + 1) / (count + 1));
        const bool reached = s.status == u"done"_s
            || ((s.status == u"in_progress"_s || s.status == u"paused"_s) && due < demoToday);
        b.create(u"milestone"_s, {},
            { { u"measure"_s, measureId }, { u"title"_s, fill(catalogue().milestoneTitles[picks[i]], place) },
                { u"due_date"_s, due.toString(Qt::ISODate) }, { u"done"_s, reached ? u"true"_s : u"false"_s },
                { u"position"_s, keys[i] } });
    }
}

QString addMeasure(Builder &b, const QString &goalId, const DemoMeasureText &text, const QString &position,
    const DemoPlace &place, QRandomGenerator &rng)
{
    const Schedule s = schedule(rng);
    const bool initiative = place.municipality.kind == u"initiative"_s;
    const QString id = b.create(u"measure"_s, {},
        { { u"goal"_s, goalId }, { u"title"_s, fill(text.title, place) },
            { u"description"_s, fill(text.description, place) }, { u"status"_s, s.status },
            { u"start_date"_s, s.start.isValid() ? s.start.toString(Qt::ISODate) : QString() },
            { u"end_date"_s, s.end.isValid() ? s.end.toString(Qt::ISODate) : QString() },
            // An initiative has no offices: its regional management carries every measure.
            { u"responsible"_s, initiative ? u"Regionalmanagement"_s : text.responsible },
            { u"partners"_s, text.partners }, { u"budget"_s, budget(text.budgetEur, place, rng) },
            { u"themes"_s, text.themes }, { u"priority"_s, priority(rng) }, { u"position"_s, position } });
    addMilestones(b, id, s, place, rng);
    return id;
}

/** The plan of one place; returns the ids of measures to link to the meeting. */
QStringList addPlan(Builder &b, const DemoPlace &place, int placeIndex, QRandomGenerator &rng)
{
    const DemoMunicipality &m = place.municipality;
    b.create(u"plan"_s, m.planId,
        { { u"municipality"_s, m.id }, { u"title"_s, u"Werkstattplan "_s + m.name },
            { u"vision"_s, place.vision }, { u"review_status"_s, place.reviewStatus },
            { u"shared"_s, place.shared ? u"true"_s : u"false"_s } });

    QStringList linked;
    const QStringList fieldKeys = OrderKey::spread(int(place.fields.size()));
    for (int f = 0; f < place.fields.size(); ++f) {
        const int fieldIndex = place.fields[f];
        const DemoFieldText &field = catalogue().fieldsOfAction[fieldIndex];
        const QString fieldId = b.create(u"field_of_action"_s, {},
            { { u"plan"_s, m.planId }, { u"title"_s, field.title },
                { u"description"_s, fill(field.description, place) }, { u"position"_s, fieldKeys[f] } });

        // The place's own projects first, then the catalogue, rotated so that plans differ.
        QList<const DemoLocalMeasure *> pool;
        for (const DemoLocalMeasure &local : catalogue().localMeasures) {
            if (local.municipalityId == m.id && local.field == fieldIndex)
                pool << &local;
        }
        const int rotation = (placeIndex * 3 + f) % int(field.measures.size());
        int next = 0;
        auto takeMeasure = [&]() -> std::pair<const DemoMeasureText *, bool> {
            const int i = next++;
            if (i < pool.size())
                return { &pool[i]->text, pool[i]->linkedToMeeting };
            return { &field.measures[(rotation + i - int(pool.size())) % field.measures.size()], false };
        };

        const int goalCount = int(rng.bounded(100)) < 85 ? 2 : 1;
        const QStringList goalKeys = OrderKey::spread(goalCount);
        for (int g = 0; g < goalCount; ++g) {
            const DemoGoalText &goal = field.goals[(placeIndex + f + g) % field.goals.size()];
            const QString goalId = b.create(u"goal"_s, {},
                { { u"field_of_action"_s, fieldId }, { u"title"_s, goal.title },
                    { u"description"_s, goal.description }, { u"indicator"_s, goal.indicator },
                    { u"target_value"_s, goal.targetValue }, { u"position"_s, goalKeys[g] } });
            static const int measureCounts[] = { 2, 3, 4, 4, 4, 4 };
            const int count = measureCounts[rng.bounded(6)];
            const QStringList measureKeys = OrderKey::spread(count);
            for (int k = 0; k < count; ++k) {
                const auto [text, link] = takeMeasure();
                const QString measureId = addMeasure(b, goalId, *text, measureKeys[k], place, rng);
                if (link)
                    linked << measureId;
            }
        }
    }
    return linked;
}

/** Measures of a plan in outline order. */
QStringList measuresOf(const Builder &b, const QString &planId)
{
    const Schema &schema = Schema::instance();
    QStringList ids;
    for (const EntityRecord &field : b.children(*schema.entity(u"field_of_action"_s), planId)) {
        for (const EntityRecord &goal : b.children(*schema.entity(u"goal"_s), field.id)) {
            for (const EntityRecord &measure : b.children(*schema.entity(u"measure"_s), goal.id))
                ids << measure.id;
        }
    }
    return ids;
}

/**
 * The review so far of the plans submitted in the demo: Riesa submitted
 * twice, with work in between (so the office's diff shows something), and
 * has edited since; Zwickau submitted once and got a review note it answered.
 */
void addReviews(Builder &b)
{
    const DemoReviewText &review = catalogue().review;
    const QString &riesa = review.riesaPlan;
    b.submitVersion(riesa, review.riesaFirstLabel, review.riesaFirstSubmittedAt);
    const QStringList riesaMeasures = measuresOf(b, riesa);
    b.set(riesaMeasures.value(0), u"status"_s, u"in_progress"_s);
    b.set(riesaMeasures.value(1), u"end_date"_s, u"2027-06-30"_s);
    b.set(riesaMeasures.value(2), u"responsible"_s, review.riesaResponsible);
    b.submitVersion(riesa, review.riesaSecondLabel, review.riesaSecondSubmittedAt);
    b.set(riesaMeasures.value(3), u"budget"_s, u"8000"_s);

    const QString &zwickau = review.zwickauPlan;
    b.submitVersion(zwickau, review.zwickauLabel, review.zwickauSubmittedAt);
    const QString target = measuresOf(b, zwickau).value(0);
    const QString note = b.create(u"comment"_s, {},
            { { u"plan"_s, zwickau }, { u"target"_s, target }, { u"kind"_s, u"review"_s },
              { u"body"_s, review.zwickauNote }, { u"resolved"_s, u"false"_s } });
    b.create(u"comment"_s, {},
             { { u"plan"_s, zwickau }, { u"reply_to"_s, note }, { u"kind"_s, u"peer"_s },
               { u"body"_s, review.zwickauAnswer } });
}

/** A meeting with its texts; participants has {guests} replaced. */
void addMeetingEntity(Builder &b, const DemoMeetingText &meeting, const QString &guests)
{
    b.create(u"meeting"_s, meeting.id,
             { { u"title"_s, meeting.title }, { u"cluster"_s, meeting.cluster }, { u"date"_s, meeting.date },
               { u"host"_s, meeting.host }, { u"place"_s, meeting.place },
               { u"participants"_s, QString(meeting.participants).replace(u"{guests}"_s, guests) },
               { u"agenda"_s, meeting.agenda }, { u"notes"_s, meeting.notes } });
}

void linkToMeeting(Builder &b, const QString &measureId, const QString &meetingId)
{
    b.create(u"meeting_link"_s, {}, { { u"measure"_s, measureId }, { u"meeting"_s, meetingId } });
}

/** The cluster Nord's meeting: smaller, online, the first measure of each of its plans linked. */
void addNorthMeeting(Builder &b)
{
    const DemoMeetingText &meeting = catalogue().northMeeting;
    addMeetingEntity(b, meeting, {});
    for (const QString &plan : meeting.linkedPlans) {
        const QString measure = measuresOf(b, plan).value(0);
        if (!measure.isEmpty())
            linkToMeeting(b, measure, meeting.id);
    }
}

/** The cluster Süd's meeting of the report, hosted by Zwickau, with the measures the report names. */
void addSouthMeeting(Builder &b, const QStringList &linkedMeasures)
{
    const DemoMeetingText &meeting = catalogue().southMeeting;
    QStringList guests;
    for (const DemoPlace &place : catalogue().places) {
        if (place.municipality.cluster == meeting.cluster && place.municipality.id != meeting.host)
            guests << place.municipality.name;
    }
    addMeetingEntity(b, meeting, guests.join(u", "_s));
    for (const QString &measureId : linkedMeasures)
        linkToMeeting(b, measureId, meeting.id);
}

} // namespace

QList<DemoMunicipality> DemoData::municipalities()
{
    QList<DemoMunicipality> list;
    for (const DemoPlace &place : catalogue().places)
        list << place.municipality;
    return list;
}

QList<Change> DemoData::changes(LocalEditor &editor)
{
    Builder builder(editor);
    QRandomGenerator rng(demoSeed);
    for (const DemoPlace &place : catalogue().places)
        addMunicipality(builder, place);
    QStringList linked;
    for (int i = 0; i < catalogue().places.size(); ++i)
        linked << addPlan(builder, catalogue().places[i], i, rng);
    addSouthMeeting(builder, linked);
    addNorthMeeting(builder);
    addReviews(builder);
    return builder.takeChanges();
}
