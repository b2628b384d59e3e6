// SPDX-License-Identifier: GPL-3.0-or-later
#include "planqueries.h"

#include "model/schema.h"
#include "storage/recordcodec.h"
#include "storage/replicastore.h"
#include "storage/storerows.h"

#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {

QString table(const QString &type)
{
    return u"\"%1\""_s.arg(Schema::instance().entity(type)->table);
}

/** The SQL condition that a measures row (alias ms) carries a theme: themes are stored as a JSON array of
 * keys. */
QString themeCondition(const QString &theme)
{
    return theme.isEmpty() ? QString() : u" AND ms.themes LIKE ?"_s;
}

QVariantList themeBinding(const QString &theme)
{
    return theme.isEmpty() ? QVariantList() : QVariantList { u"%\"%1\"%"_s.arg(theme) };
}

/** Prepares and runs one read; the error names what was read. */
Status run(QSqlQuery &query, const QString &what, const QString &sql, const QVariantList &bindings = {})
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return StoreRows::sqlError(what, query.lastError());
    for (const QVariant &value : bindings)
        query.addBindValue(value);
    if (!query.exec())
        return StoreRows::sqlError(what, query.lastError());
    return Ok {};
}

/** Reads every row of a query into a list. */
template<typename Row, typename Read>
Result<QList<Row>> readRows(
    const QSqlDatabase &db, const QString &what, const QString &sql, const QVariantList &bindings, Read read)
{
    QSqlQuery query(db);
    if (Status ok = run(query, what, sql, bindings); !ok)
        return ok.error();
    QList<Row> rows;
    while (query.next())
        rows.append(read(query));
    if (const auto failed = StoreRows::endOfRows(query))
        return StoreRows::sqlError(what, *failed);
    return rows;
}

QPair<QString, QString> textPair(const QSqlQuery &q)
{
    return { q.value(0).toString(), q.value(1).toString() };
}

QString firstText(const QSqlQuery &q)
{
    return q.value(0).toString();
}

// The plan of every entity in a plan's content but the plan itself: measures reach it through goal and field.
const QString contentOfPlans
    = u"WITH content(id, plan) AS ("
      "SELECT id, plan FROM fields_of_action "
      "UNION ALL SELECT id, plan FROM plan_versions "
      "UNION ALL SELECT g.id, f.plan FROM goals g JOIN fields_of_action f ON f.id = g.field_of_action "
      "UNION ALL SELECT m.id, f.plan FROM measures m JOIN goals g ON g.id = m.goal "
      "JOIN fields_of_action f ON f.id = g.field_of_action "
      "UNION ALL SELECT s.id, f.plan FROM milestones s JOIN measures m ON m.id = s.measure "
      "JOIN goals g ON g.id = m.goal JOIN fields_of_action f ON f.id = g.field_of_action) "_s;

} // namespace

PlanQueries::PlanQueries(ReplicaStore &store)
    : m_store(store)
{ }

Result<QList<PlanQueries::ChildRow>> PlanQueries::liveChildren(
    const EntitySpec &spec, const QStringList &parentIds, const QStringList &fields)
{
    QList<ChildRow> children;
    if (spec.parentField.isEmpty() || parentIds.isEmpty())
        return children;
    // Columns: id, parent, position (for the order), then the fields the type has.
    const bool ordered = spec.fieldIndex(u"position"_s) >= 0;
    QStringList columns { u"id"_s, u"\"%1\""_s.arg(spec.parentField), ordered ? u"\"position\""_s : u"''"_s };
    QList<const FieldSpec *> read;
    for (const QString &name : fields) {
        read << spec.field(name);
        if (read.last())
            columns << u"\"%1\""_s.arg(name);
    }
    constexpr qsizetype chunk = 500; // well below SQLite's limit of bound variables
    for (qsizetype from = 0; from < parentIds.size(); from += chunk) {
        const QStringList part = parentIds.mid(from, chunk);
        const QString sql
            = u"SELECT %1 FROM \"%2\" WHERE _state = 'live' AND \"%3\" IN (%4)"_s.arg(columns.join(u", "_s),
                spec.table, spec.parentField, QString(u"?, "_s).repeated(part.size()).chopped(2));
        auto rows = readRows<ChildRow>(m_store.database(), u"children of type %1"_s.arg(spec.name), sql,
            QVariantList(part.cbegin(), part.cend()), [&read](const QSqlQuery &row) {
                ChildRow child { row.value(1).toString(), row.value(2).toString(),
                    { row.value(0).toString(), {} } };
                int column = 3;
                for (const FieldSpec *field : read)
                    child.item.values
                        << (field ? RecordCodec::fromColumn(field->type, row.value(column++)) : QString());
                return child;
            });
        if (!rows)
            return rows.error();
        children += std::move(rows).value();
    }
    return children;
}

Result<QStringList> PlanQueries::deletedIds(const EntitySpec &spec)
{
    auto ids = readRows<QString>(m_store.database(), u"deleted entries of type %1"_s.arg(spec.name),
        u"SELECT id FROM \"%1\" WHERE _state = 'deleted'"_s.arg(spec.table), {}, firstText);
    if (!ids)
        return ids.error();
    return QStringList(std::move(ids).value());
}

Result<QList<PlanQueries::MunicipalityOverview>> PlanQueries::municipalitiesWithPlans(const QString &theme)
{
    // Measures per plan, through their live goals and fields of action.
    auto counts = readRows<QPair<QString, int>>(m_store.database(), u"measures per plan"_s,
        u"SELECT f.plan, count(*) FROM %1 ms JOIN %2 g ON g.id = ms.goal AND g._state = 'live' "
        "JOIN %3 f ON f.id = g.field_of_action AND f._state = 'live' WHERE ms._state = 'live'%4 GROUP BY f.plan"_s
            .arg(table(u"measure"_s), table(u"goal"_s), table(u"field_of_action"_s), themeCondition(theme)),
        themeBinding(theme),
        [](const QSqlQuery &row) { return qMakePair(row.value(0).toString(), row.value(1).toInt()); });
    if (!counts)
        return counts.error();
    QHash<QString, int> measuresByPlan;
    for (const auto &[plan, count] : counts.value())
        measuresByPlan.insert(plan, count);

    const FieldSpec &sharedSpec = *Schema::instance().entity(u"plan"_s)->field(u"shared"_s);
    return readRows<MunicipalityOverview>(m_store.database(), u"municipalities"_s,
        u"SELECT m.id, m.name, m.state, m.cluster, m.kind, p.id, p.title, p.review_status, p.shared "
        "FROM %1 m LEFT JOIN %2 p ON p.municipality = m.id AND p._state = 'live' "
        "WHERE m._state = 'live' ORDER BY m.cluster, m.name, p.id"_s.arg(
            table(u"municipality"_s), table(u"plan"_s)),
        {}, [&](const QSqlQuery &row) {
            MunicipalityOverview overview { row.value(0).toString(), row.value(1).toString(),
                row.value(2).toString(), row.value(3).toString(), row.value(4).toString(),
                row.value(5).toString(), row.value(6).toString(), row.value(7).toString(),
                RecordCodec::fromColumn(sharedSpec.type, row.value(8)) == u"true"_s, 0 };
            overview.measures = measuresByPlan.value(overview.planId);
            return overview;
        });
}

Result<QStringList> PlanQueries::measuresWithTheme(const QString &theme)
{
    auto ids = readRows<QString>(m_store.database(), u"measures with a theme"_s,
        u"SELECT ms.id FROM %1 ms WHERE ms._state = 'live'%2"_s.arg(
            table(u"measure"_s), themeCondition(theme)),
        themeBinding(theme), firstText);
    if (!ids)
        return ids.error();
    return QStringList(std::move(ids).value());
}

Result<QList<PlanQueries::MeasureFacts>> PlanQueries::liveMeasures()
{
    return readRows<MeasureFacts>(m_store.database(), u"live measures"_s,
        u"SELECT ms.id, ms.title, ms.status, ms.themes, f.title, p.id, m.name, m.cluster FROM %1 ms "
        "JOIN %2 g ON g.id = ms.goal AND g._state = 'live' "
        "JOIN %3 f ON f.id = g.field_of_action AND f._state = 'live' "
        "JOIN %4 p ON p.id = f.plan AND p._state = 'live' "
        "JOIN %5 m ON m.id = p.municipality AND m._state = 'live' "
        "WHERE ms._state = 'live' ORDER BY m.name, ms.title"_s.arg(table(u"measure"_s), table(u"goal"_s),
            table(u"field_of_action"_s), table(u"plan"_s), table(u"municipality"_s)),
        {}, [](const QSqlQuery &row) {
            return MeasureFacts { row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                row.value(3).toString(), row.value(4).toString(), row.value(5).toString(),
                row.value(6).toString(), row.value(7).toString() };
        });
}

Result<QList<PlanQueries::VersionRow>> PlanQueries::planVersions(const QString &planId)
{
    // The author is the one who created the version (its create change); the create's stamp orders
    // versions submitted within the same millisecond.
    return readRows<VersionRow>(m_store.database(), u"versions of plan %1"_s.arg(planId),
        u"SELECT v.id, v.plan, v.label, v.submitted_at, c.author FROM plan_versions v "
        "LEFT JOIN changes c ON c.entity_id = v.id AND c.op = 'create' "
        "WHERE v._state = 'live' AND v.plan = ? AND v.snapshot IS NOT NULL "
        "ORDER BY v.submitted_at, c.hlc, v.id"_s,
        { planId }, [](const QSqlQuery &row) {
            return VersionRow { row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                row.value(3).toString(), row.value(4).toString() };
        });
}

Result<QList<PlanQueries::CommentRow>> PlanQueries::reviewThreads(const QString &planId)
{
    // Replies are found by what they answer, so a peer-kind answer to a review note counts too.
    return readRows<CommentRow>(m_store.database(), u"review notes of plan %1"_s.arg(planId),
        u"SELECT c.id, c.plan, c.kind, c.target, c.reply_to, c.body, c.resolved, cr.author, cr.hlc "
        "FROM comments c LEFT JOIN changes cr ON cr.entity_id = c.id AND cr.op = 'create' "
        "WHERE c._state = 'live' AND c.plan = ? AND (c.kind = 'review' OR c.reply_to IN "
        "(SELECT id FROM comments WHERE kind = 'review' AND plan = ?)) ORDER BY cr.hlc, c.id"_s,
        { planId, planId }, [](const QSqlQuery &row) {
            return CommentRow { row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                row.value(3).toString(), row.value(4).toString(), row.value(5).toString(),
                row.value(6).toInt() == 1, row.value(7).toString(), row.value(8).toString() };
        });
}

Result<QList<PlanQueries::FigureRow>> PlanQueries::liveFigures()
{
    return readRows<FigureRow>(m_store.database(), u"synopsis figures"_s,
        u"SELECT id, municipality, key, year, value, unit FROM synopsis_figures WHERE _state = 'live'"_s, {},
        [](const QSqlQuery &row) {
            return FigureRow { row.value(0).toString(), row.value(1).toString(), {}, row.value(2).toString(),
                row.value(3), row.value(4), row.value(5).toString() };
        });
}

Result<QList<PlanQueries::FigureRow>> PlanQueries::liveFiguresWithNames()
{
    return readRows<FigureRow>(m_store.database(), u"synopsis figures"_s,
        u"SELECT f.id, m.id, m.name, f.key, f.year, f.value, f.unit FROM synopsis_figures f "
        "JOIN municipalities m ON m.id = f.municipality AND m._state = 'live' WHERE f._state = 'live'"_s,
        {}, [](const QSqlQuery &row) {
            return FigureRow { row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                row.value(3).toString(), row.value(4), row.value(5), row.value(6).toString() };
        });
}

Result<QList<QPair<QString, QString>>> PlanQueries::liveMunicipalityNames()
{
    return readRows<QPair<QString, QString>>(m_store.database(), u"municipality names"_s,
        u"SELECT id, name FROM municipalities WHERE _state = 'live'"_s, {}, textPair);
}

Result<QList<PlanQueries::MunicipalityRow>> PlanQueries::liveMunicipalities()
{
    return readRows<MunicipalityRow>(m_store.database(), u"municipalities"_s,
        u"SELECT id, name, state, cluster FROM municipalities WHERE _state = 'live'"_s, {},
        [](const QSqlQuery &row) {
            return MunicipalityRow { row.value(0).toString(), row.value(1).toString(),
                row.value(2).toString(), row.value(3).toString() };
        });
}

Result<QList<PlanQueries::PlanRow>> PlanQueries::livePlans()
{
    return readRows<PlanRow>(m_store.database(), u"plans"_s,
        u"SELECT id, municipality, review_status FROM plans WHERE _state = 'live' ORDER BY id"_s, {},
        [](const QSqlQuery &row) {
            return PlanRow { row.value(0).toString(), row.value(1).toString(), row.value(2).toString() };
        });
}

Result<QList<PlanQueries::StatusCount>> PlanQueries::measureStatusCounts()
{
    return readRows<StatusCount>(m_store.database(), u"measures by status"_s,
        u"SELECT f.plan, coalesce(m.status, ''), count(*), "
        "sum(CASE WHEN (m.start_date IS NOT NULL OR m.end_date IS NOT NULL) "
        "AND coalesce(m.responsible, '') <> '' THEN 1 ELSE 0 END) "
        "FROM measures m JOIN goals g ON g.id = m.goal JOIN fields_of_action f ON f.id = g.field_of_action "
        "WHERE m._state = 'live' GROUP BY f.plan, coalesce(m.status, '')"_s,
        {}, [](const QSqlQuery &row) {
            return StatusCount { row.value(0).toString(), row.value(1).toString(), row.value(2).toInt(),
                row.value(3).toInt() };
        });
}

Result<QHash<QString, int>> PlanQueries::openReviewNotes()
{
    auto counts = readRows<QPair<QString, int>>(m_store.database(), u"open review notes"_s,
        u"SELECT plan, count(*) FROM comments WHERE _state = 'live' AND kind = 'review' "
        "AND reply_to IS NULL AND coalesce(resolved, 0) = 0 GROUP BY plan"_s,
        {}, [](const QSqlQuery &row) { return qMakePair(row.value(0).toString(), row.value(1).toInt()); });
    if (!counts)
        return counts.error();
    QHash<QString, int> byPlan;
    for (const auto &[plan, count] : counts.value())
        byPlan.insert(plan, count);
    return byPlan;
}

Result<QHash<QString, QString>> PlanQueries::lastSubmissions()
{
    auto times = readRows<QPair<QString, QString>>(m_store.database(), u"last submissions"_s,
        u"SELECT plan, max(submitted_at) FROM plan_versions "
        "WHERE _state = 'live' AND snapshot IS NOT NULL GROUP BY plan"_s,
        {}, textPair);
    if (!times)
        return times.error();
    QHash<QString, QString> byPlan;
    for (const auto &[plan, time] : times.value())
        byPlan.insert(plan, time);
    return byPlan;
}

Result<QList<QPair<QString, QString>>> PlanQueries::newestContentChanges()
{
    // HLC text order is stamp order, so max() finds the newest stamp. One index seek per entity
    // (changes_by_entity_time holds entity and stamp).
    return readRows<QPair<QString, QString>>(m_store.database(), u"newest content changes"_s,
        contentOfPlans
            + u"SELECT plan, max(newest) FROM (SELECT content.plan AS plan, "
              "(SELECT max(c.hlc) FROM changes c WHERE c.entity_id = content.id) AS newest FROM content) "
              "GROUP BY plan"_s,
        {}, textPair);
}

Result<QList<QPair<QString, QString>>> PlanQueries::newestPlanChanges()
{
    return readRows<QPair<QString, QString>>(m_store.database(), u"newest plan changes"_s,
        u"SELECT p.id, (SELECT max(c.hlc) FROM changes c WHERE c.entity_id = p.id "
        "AND c.field <> 'review_status') FROM plans p"_s,
        {}, textPair);
}
