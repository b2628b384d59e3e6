// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "storage/planqueries.h"
#include "sync/mergeengine.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

class ReplicaStore;

/**
 * How the clients present a replica's entities: which plan and
 * municipality each belongs to, a label, and the JSON forms of entities and
 * conflicts. The JSON depends only on the changes the replica holds, so two
 * replicas that synced the same changes print the same text.
 */
class ReplicaView
{
public:
    explicit ReplicaView(ReplicaStore &store);

    /** The plan an entity belongs to (its own id for a plan); empty outside plans or while a parent is
     * missing. */
    [[nodiscard]] QString planOf(const EntityRecord &record);
    [[nodiscard]] QString municipalityName(const QString &planId);
    /** The plans of the municipality with this name (case-insensitive); "not_found" if there is none. */
    [[nodiscard]] Result<QStringList> plansOfMunicipality(const QString &name);
    /** Live children of an entity in list order (by position, then id). */
    [[nodiscard]] QList<EntityRecord> orderedChildren(const EntitySpec &spec, const QString &parentId);

    /** An entity as a list shows it: a few field values, without its merge state. */
    using ListItem = PlanQueries::ListItem;
    /**
     * The live children of each of parentIds (by parent id, each in list order),
     * with only the named fields, read straight from the entity table: for
     * lists of many entities, where loading every record would dominate.
     */
    [[nodiscard]] QHash<QString, QList<ListItem>> listChildren(const EntitySpec &spec, const QStringList &parentIds,
                                                               const QStringList &fields);
    /** A municipality with its plan, as the list of peers shows it. */
    using MunicipalityOverview = PlanQueries::MunicipalityOverview;
    /** Every live municipality, by cluster and name; measures counted in one query for all plans. */
    [[nodiscard]] QList<MunicipalityOverview> municipalities(const QString &theme = {});
    /** Ids of the live measures that carry a theme (a key of Schema::themeKeys()). */
    [[nodiscard]] QStringList measuresWithTheme(const QString &theme);

    /** A live measure with where it stands: for lists and charts across all plans. */
    using MeasureFacts = PlanQueries::MeasureFacts;
    /** Every live measure of every live plan the replica holds, in one query. */
    [[nodiscard]] QList<MeasureFacts> liveMeasures();

    /** Title, name, body or key: whichever the entity type has. */
    [[nodiscard]] static QString label(const EntityRecord &record);

    [[nodiscard]] QJsonObject entityJson(const EntityRecord &record);
    [[nodiscard]] static QJsonObject conflictJson(const Conflict &conflict);
    /** UTC time of a stamp's physical part, ISO 8601 to the second. */
    [[nodiscard]] static QString timeOf(const Hlc &hlc);

private:
    ReplicaStore &m_store;
    PlanQueries m_queries;
    QHash<QString, QString> m_planCache; ///< entity id → plan id, for one invocation
};
