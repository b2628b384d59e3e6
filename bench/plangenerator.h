// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One municipality's workshop plan as its laptop would write it, for the
// benchmarks: 4 fields of action, 3 goals each, and N measures of 12 fields
// with German text from PlanVocabulary.

#include "planvocabulary.h"

#include "common/result.h"
#include "model/schema.h"
#include "model/change.h"
#include "model/hlc.h"
#include "sync/localeditor.h"
#include "model/orderkey.h"
#include "sync/replicastate.h"

#include <QDate>
#include <QList>
#include <QRandomGenerator>

#include <optional>

namespace PlanGenerator {

using namespace Qt::Literals::StringLiterals;

inline const QStringList federalStates { u"Baden-Württemberg"_s, u"Bayern"_s, u"Brandenburg"_s, u"Hessen"_s,
                                          u"Mecklenburg-Vorpommern"_s, u"Niedersachsen"_s, u"Nordrhein-Westfalen"_s,
                                          u"Rheinland-Pfalz"_s, u"Saarland"_s, u"Sachsen"_s, u"Sachsen-Anhalt"_s,
                                          u"Schleswig-Holstein"_s, u"Thüringen"_s };
inline const QStringList foaTitles { u"Fachkräfte und Wirtschaft"_s, u"Daseinsvorsorge und Mobilität"_s,
                                     u"Ehrenamt und Zusammenhalt"_s, u"Wohnen und Ortskern"_s };
constexpr int goalsPerField = 3;

/** Entities and changes of one generated plan. */
struct PlanShape
{
    int entities = 0;
    int changes = 0;
};

inline PlanShape planShape(int measures)
{
    const int goals = int(foaTitles.size()) * goalsPerField;
    // Every entity is a create plus one change per field set: fields of action 4, goals 6, measures 12.
    return { int(foaTitles.size()) + goals + measures, int(foaTitles.size()) * 5 + goals * 7 + measures * 13 };
}

/**
 * Builds the plan planId of user (on device) as its laptop would: each
 * change made by LocalEditor on the record as the local replica holds it,
 * so its base is what the user saw, then validated as a client does before
 * sending. The same seed gives the same texts, dates and statuses.
 */
inline Result<QList<Change>> buildPlan(const QString &planId, const QString &user, const QString &device, int measures,
                                       quint32 seed)
{
    using namespace PlanVocabulary;
    QRandomGenerator rng(seed);
    auto pick = [&rng](const QStringList &list) { return list.at(int(rng.bounded(int(list.size())))); };
    HlcClock clock(device);
    LocalEditor editor(clock, user);
    ReplicaState state;
    QList<Change> changes;
    std::optional<Error> failure;
    auto emitChange = [&](const Change &change) {
        if (failure)
            return;
        auto valid = validateChange(change);
        if (!valid)
            failure = Error { u"invalid"_s, u"generated an invalid change: %1"_s.arg(valid.errorMessage()) };
        else if (!state.applyValidated(valid.value()))
            failure = Error { u"invalid"_s, u"a generated change does not apply: %1"_s.arg(change.id) };
        else
            changes.append(std::move(valid).value());
    };
    auto create = [&](const QString &type, const QList<std::pair<QString, QString>> &fields) {
        const QString id = LocalEditor::newId();
        emitChange(editor.create(type, id));
        for (const auto &[field, value] : fields) {
            if (failure)
                break;
            emitChange(editor.set(*state.entity(id), field, value));
        }
        return id;
    };
    auto description = [&] {
        QStringList parts;
        const int count = 3 + int(rng.bounded(4)); // 3 to 6 sentences: about 250 to 500 characters
        for (int i = 0; i < count; ++i)
            parts << pick(sentences);
        return parts.join(u' ');
    };

    QStringList goals;
    QString foaPosition;
    for (const QString &foaTitle : foaTitles) {
        foaPosition = OrderKey::between(foaPosition, {});
        const QString foa = create(u"field_of_action"_s, { { u"plan"_s, planId },
                                                           { u"title"_s, foaTitle },
                                                           { u"description"_s, description() },
                                                           { u"position"_s, foaPosition } });
        QString goalPosition;
        for (int g = 0; g < goalsPerField; ++g) {
            goalPosition = OrderKey::between(goalPosition, {});
            goals << create(u"goal"_s, { { u"field_of_action"_s, foa },
                                         { u"title"_s, u"Ziel %1.%2"_s.arg(goals.size() / goalsPerField + 1).arg(g + 1) },
                                         { u"description"_s, description() },
                                         { u"indicator"_s, u"Anzahl der Beteiligten"_s },
                                         { u"target_value"_s, u"+%1 %"_s.arg(5 + rng.bounded(20)) },
                                         { u"position"_s, goalPosition } });
        }
    }
    QList<QString> lastPosition(goals.size());
    for (int m = 0; m < measures && !failure; ++m) {
        const int goal = m % int(goals.size());
        lastPosition[goal] = OrderKey::between(lastPosition[goal], {});
        const QDate start = QDate(2025, 1, 1).addDays(int(rng.bounded(900)));
        QStringList themes;
        for (int t = 1 + int(rng.bounded(3)); t > 0; --t)
            themes << pick(Schema::themeKeys());
        create(u"measure"_s, { { u"goal"_s, goals[goal] },
                               { u"title"_s, pick(titleHeads) + u' ' + pick(titleTails) },
                               { u"description"_s, description() },
                               { u"status"_s, pick(statuses) },
                               { u"start_date"_s, start.toString(Qt::ISODate) },
                               { u"end_date"_s, start.addDays(30 + int(rng.bounded(900))).toString(Qt::ISODate) },
                               { u"responsible"_s, pick(people) },
                               { u"partners"_s, pick(organisations) + u", "_s + pick(organisations) },
                               { u"budget"_s, QString::number(500 + 100 * rng.bounded(2500)) },
                               { u"themes"_s, themes.join(u',') },
                               { u"priority"_s, pick(priorities) },
                               { u"position"_s, lastPosition[goal] } });
    }
    if (failure)
        return *failure;
    return changes;
}

/**
 * The changes that make a municipality (its federal state and cluster by index) with its plan of measures
 * and, for every tenth, the review so far (a submitted version and a review note), as an office replica
 * holds them.
 */
inline Result<QList<Change>> municipalityWithPlan(int index, int measures)
{
    HlcClock clock(u"office-bench"_s);
    LocalEditor editor(clock, u"office"_s);
    ReplicaState state;
    QList<Change> changes;
    std::optional<Error> failure;
    auto add = [&](const Change &change) {
        if (!state.apply(change) && !failure)
            failure = Error { u"generator"_s, u"a generated change does not apply"_s };
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
           { { u"name"_s, u"Gemeinde %1"_s.arg(index) }, { u"state"_s, federalStates[index % federalStates.size()] },
             { u"cluster"_s, u"Cluster %1"_s.arg(index % 8 + 1) } });
    create(u"plan"_s, plan, { { u"municipality"_s, muni }, { u"title"_s, u"Werkstattplan %1"_s.arg(index) },
                              { u"review_status"_s, u"draft"_s } });
    auto content = PlanGenerator::buildPlan(plan, u"user-%1"_s.arg(index), u"dev-%1"_s.arg(index), measures,
                                            quint32(index));
    if (!content)
        return content.error();
    changes << content.value();
    if (index % 10 == 0) {
        create(u"plan_version"_s, LocalEditor::newId(),
               { { u"plan"_s, plan }, { u"submitted_at"_s, u"2026-10-01T10:00:00Z"_s }, { u"snapshot"_s, u"eJw="_s } });
        create(u"comment"_s, LocalEditor::newId(),
               { { u"plan"_s, plan }, { u"kind"_s, u"review"_s }, { u"body"_s, u"Bitte ergänzen."_s } });
    }
    if (failure)
        return *failure;
    return changes;
}

} // namespace PlanGenerator
