// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/localeditor.h"
#include "sync/replicastate.h"

#include <QList>

using namespace Qt::Literals::StringLiterals;

/**
 * A small plan of a fictitious municipality, made by two laptops, with one
 * concurrent edit (a conflict), one merged description and one deleted
 * measure: the same content for every store test and for the v1 fixture.
 */
struct SamplePlan
{
    static constexpr qint64 startMs = 1'764'000'000'000;

    qint64 time = startMs;
    HlcClock clockA { u"laptop-a"_s, HlcClock::defaultMaxDriftMs, [this] { return time; } };
    HlcClock clockB { u"laptop-b"_s, HlcClock::defaultMaxDriftMs, [this] { return time; } };
    int nextId = 0;
    LocalEditor a { clockA, u"kommune.adorf.1"_s, [this] { return u"a-%1"_s.arg(++nextId); } };
    LocalEditor b { clockB, u"kommune.adorf.2"_s, [this] { return u"b-%1"_s.arg(++nextId); } };
    ReplicaState state;
    QList<Change> changes;

    void add(const Change &change)
    {
        time += 1000;
        changes << change;
        Q_UNUSED(state.apply(change));
    }
    const EntityRecord &record(const QString &id) { return *state.entity(id); }
    void create(LocalEditor &editor, const QString &type, const QString &id,
                const QList<QPair<QString, QString>> &fields)
    {
        add(editor.create(type, id));
        for (const auto &[field, value] : fields)
            add(editor.set(record(id), field, value));
    }

    SamplePlan()
    {
        create(a, u"municipality"_s, u"muni-adorf"_s,
               { { u"name"_s, u"Adorf/Vogtl."_s }, { u"state"_s, u"Sachsen"_s }, { u"cluster"_s, u"Süd"_s },
                 { u"kind"_s, u"city"_s } });
        create(a, u"plan"_s, u"plan-adorf"_s,
               { { u"municipality"_s, u"muni-adorf"_s }, { u"title"_s, u"Werkstattplan Adorf"_s },
                 { u"vision"_s, u"Adorf bleibt lebenswert für alle Generationen."_s },
                 { u"review_status"_s, u"draft"_s }, { u"shared"_s, u"true"_s } });
        create(a, u"field_of_action"_s, u"foa-1"_s,
               { { u"plan"_s, u"plan-adorf"_s }, { u"title"_s, u"Fachkräftemangel"_s }, { u"position"_s, u"V"_s } });
        create(a, u"goal"_s, u"goal-1"_s,
               { { u"field_of_action"_s, u"foa-1"_s }, { u"title"_s, u"Junge Fachkräfte halten"_s },
                 { u"indicator"_s, u"Zuzüge 18–30 Jahre"_s }, { u"target_value"_s, u"+10 %"_s } });
        create(a, u"measure"_s, u"measure-1"_s,
               { { u"goal"_s, u"goal-1"_s }, { u"title"_s, u"Ausbildungsmesse im Rathaus"_s },
                 { u"description"_s, u"Betriebe stellen sich vor. Schulen bringen ihre Klassen mit."_s },
                 { u"status"_s, u"planned"_s }, { u"start_date"_s, u"2026-03-01"_s },
                 { u"end_date"_s, u"2026-04-30"_s }, { u"responsible"_s, u"Amt für Wirtschaft"_s },
                 { u"budget"_s, u"12500"_s }, { u"themes"_s, u"skilled_workers,youth"_s },
                 { u"priority"_s, u"high"_s }, { u"position"_s, u"V"_s } });
        create(a, u"measure"_s, u"measure-2"_s,
               { { u"goal"_s, u"goal-1"_s }, { u"title"_s, u"Wohnen für Azubis"_s }, { u"position"_s, u"k"_s } });
        // Both laptops offline: the same title edited twice (conflict), two parts of the description (merged).
        const EntityRecord m1 = record(u"measure-1"_s);
        const Change titleA = a.set(m1, u"title"_s, u"Ausbildungsmesse 2026"_s);
        const Change titleB = b.set(m1, u"title"_s, u"Azubi-Messe im Rathaus"_s);
        const Change textA = a.set(m1, u"description"_s, u"Betriebe der Region stellen sich vor. Schulen bringen ihre Klassen mit."_s);
        const Change textB = b.set(m1, u"description"_s, u"Betriebe stellen sich vor. Schulen bringen ihre Abschlussklassen mit."_s);
        for (const Change &change : { titleA, titleB, textA, textB })
            add(change);
        add(a.remove(record(u"measure-2"_s)));
    }
};
