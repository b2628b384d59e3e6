// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "demodata.h"

#include <QList>
#include <QString>
#include <QStringList>

// Text placeholders, so one catalogue entry reads naturally in every plan:
// {ort} short name ("Adorf"), {in} "in Adorf" / "im Rodachtal", {rat} the council.

struct DemoPlace
{
    DemoMunicipality municipality;
    QString shortName;
    QString inPlace;
    int population = 0;
    double share65 = 0; ///< percent of inhabitants aged 65 or more
    double areaKm2 = 0;
    QString vision;
    QList<int> fields; ///< indices into DemoCatalogue::fieldsOfAction, in plan order
    QString reviewStatus;
    bool shared = true;
};

struct DemoGoalText
{
    QString title;
    QString description;
    QString indicator;
    QString targetValue;
};

struct DemoMeasureText
{
    QString title;
    QString description;
    QString themes; ///< comma-separated theme keys
    QString responsible;
    QString partners;
    int budgetEur = 0; ///< for a town of 5,000 to 20,000 inhabitants; 0: no budget of its own
};

struct DemoFieldText
{
    QString title;
    QString description;
    QList<DemoGoalText> goals; ///< a plan takes one or two of them
    QList<DemoMeasureText> measures; ///< a plan takes up to eight of them, without repeats
};

/** A measure of one municipality's own, from the report; it comes first in that field of action. */
struct DemoLocalMeasure
{
    QString municipalityId;
    int field = 0;
    DemoMeasureText text;
    bool linkedToMeeting = false;
};

struct DemoMeetingText
{
    QString id;
    QString title;
    QString cluster;
    QString date;
    QString host; ///< municipality id
    QString place;
    QString participants; ///< {guests}: the names of the other municipalities of the cluster
    QString agenda;
    QString notes;
    QStringList linkedPlans; ///< plans whose first measure is linked to the meeting
};

/** The review so far: Riesa submitted twice, Zwickau once with a review note and its answer. */
struct DemoReviewText
{
    QString riesaPlan;
    QString riesaFirstLabel;
    QString riesaFirstSubmittedAt;
    QString riesaSecondLabel;
    QString riesaSecondSubmittedAt;
    QString riesaResponsible; ///< the office a measure is handed to between the two versions
    QString zwickauPlan;
    QString zwickauLabel;
    QString zwickauSubmittedAt;
    QString zwickauNote;
    QString zwickauAnswer;
};

/**
 * The texts and figures of the demo data set, read from the JSON resource
 * :/demodata/demodata.json that is compiled into the server. DemoData turns
 * them into changes; keeping them out of the code lets them be edited as text.
 */
struct DemoCatalogue
{
    QList<DemoPlace> places;
    QList<DemoFieldText> fieldsOfAction;
    QList<DemoLocalMeasure> localMeasures;
    QStringList milestoneTitles; ///< in the order a project passes them
    DemoMeetingText southMeeting;
    DemoMeetingText northMeeting;
    DemoReviewText review;

    /** Reads the catalogue from JSON; an error names the first member that is missing or out of range. */
    [[nodiscard]] static Result<DemoCatalogue> fromJson(const QByteArray &json);
    /** The compiled-in catalogue, read once; an empty one (and a logged error) if the resource is broken. */
    [[nodiscard]] static const DemoCatalogue &compiledIn();
};
