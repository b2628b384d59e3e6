// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <QVariant>

class ReplicaStore;
struct EntitySpec;

/**
 * The read queries that code outside storage runs on a replica's tables:
 * lists across many entities, where loading every record one by one would
 * dominate. The only place besides storage that knows the SQL layout; every
 * function says so when the query fails ("storage_error"), never with an
 * empty list.
 */
class PlanQueries
{
public:
    explicit PlanQueries(ReplicaStore &store);

    // Lists of plan content

    /** An entity as a list shows it: a few field values, without its merge state. */
    struct ListItem
    {
        QString id;
        QStringList values; ///< in the order of the fields asked for; empty where the type has no such field
    };
    /** A live child with its parent and list position, in no particular order. */
    struct ChildRow
    {
        QString parentId;
        QString position; ///< empty for types without one
        ListItem item;
    };
    /** The live children of each of parentIds, with only the named fields, read straight from the entity
     * table. */
    Result<QList<ChildRow>> liveChildren(
        const EntitySpec &spec, const QStringList &parentIds, const QStringList &fields);
    /** Ids of the entities of a type that are deleted. */
    Result<QStringList> deletedIds(const EntitySpec &spec);

    /** A municipality with its plan, as the list of peers shows it. */
    struct MunicipalityOverview
    {
        QString id;
        QString name;
        QString state;
        QString cluster;
        QString kind;
        QString planId; ///< empty while the replica holds no plan of it (not shared with this account)
        QString planTitle;
        QString reviewStatus;
        bool shared = false;
        int measures = 0; ///< live measures of the plan (with the theme, if one was given)
    };
    /**
     * Every live municipality with each of its live plans, by cluster, name and plan id;
     * measures counted (with the theme, if one is given) in one query for all plans.
     */
    Result<QList<MunicipalityOverview>> municipalitiesWithPlans(const QString &theme = {});
    /** Ids of the live measures that carry a theme (a key of Schema::themeKeys()); all live ones for none. */
    Result<QStringList> measuresWithTheme(const QString &theme);

    /** A live measure with where it stands: for lists and charts across all plans. */
    struct MeasureFacts
    {
        QString id;
        QString title;
        QString status;
        QString themes; ///< as stored: a JSON array of theme keys
        QString fieldOfAction; ///< the title of its field of action
        QString planId;
        QString municipality;
        QString cluster;
    };
    /** Every live measure of every live plan, by municipality name and title. */
    Result<QList<MeasureFacts>> liveMeasures();

    // The project office's reads

    /** A live submitted version of a plan, with the author and stamp of its create change. */
    struct VersionRow
    {
        QString id;
        QString planId;
        QString label;
        QString submittedAt;
        QString author;
    };
    /** A plan's live versions that carry a snapshot, by submission time, create stamp and id. */
    Result<QList<VersionRow>> planVersions(const QString &planId);

    /** A live comment with the author and stamp (HLC text) of its create change. */
    struct CommentRow
    {
        QString id;
        QString planId;
        QString kind;
        QString target;
        QString replyTo;
        QString body;
        bool resolved = false;
        QString author;
        QString createdHlc;
    };
    /** A plan's review notes and every reply to one (of any kind), by create stamp and id. */
    Result<QList<CommentRow>> reviewThreads(const QString &planId);

    /** A live synopsis figure; year and value as stored (numbers or null). */
    struct FigureRow
    {
        QString id;
        QString municipalityId;
        QString municipalityName; ///< empty from liveFigures()
        QString key;
        QVariant year;
        QVariant value;
        QString unit;
    };
    /** Every live synopsis figure. */
    Result<QList<FigureRow>> liveFigures();
    /** The live figures of live municipalities, with the municipality's name. */
    Result<QList<FigureRow>> liveFiguresWithNames();
    /** Live municipalities: (id, name). */
    Result<QList<QPair<QString, QString>>> liveMunicipalityNames();

    // Dashboard counts, each keyed by plan id

    struct MunicipalityRow
    {
        QString id;
        QString name;
        QString state;
        QString cluster;
    };
    Result<QList<MunicipalityRow>> liveMunicipalities();
    struct PlanRow
    {
        QString id;
        QString municipalityId;
        QString reviewStatus;
    };
    /** Live plans by id. */
    Result<QList<PlanRow>> livePlans();
    struct StatusCount
    {
        QString planId;
        QString status; ///< empty for measures without one
        int measures = 0;
        int complete = 0; ///< with a start or end date and someone responsible
    };
    /** Live measures counted per plan and status. */
    Result<QList<StatusCount>> measureStatusCounts();
    /** Unresolved live review notes (not replies) per plan. */
    Result<QHash<QString, int>> openReviewNotes();
    /** The newest submission time (ISO 8601 text) of a live version per plan. */
    Result<QHash<QString, QString>> lastSubmissions();
    /**
     * The newest change stamp (HLC text) per plan: of its content (fields of action, goals, measures,
     * milestones, versions; deleted ones too) and, apart, of the plan itself but its review status.
     */
    Result<QList<QPair<QString, QString>>> newestContentChanges();
    Result<QList<QPair<QString, QString>>> newestPlanChanges();

private:
    ReplicaStore &m_store;
};
