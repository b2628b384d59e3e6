// SPDX-License-Identifier: GPL-3.0-or-later
#include "statementcache.h"

#include "common/logging.h"
#include "storage/sqlschema.h"
#include "storage/storerows.h"

using namespace Qt::Literals::StringLiterals;

const QList<QString> &placeholderNames()
{
    static const QList<QString> names = [] {
        QList<QString> list;
        for (int i = 0; i < 256; ++i)
            list << u":p%1"_s.arg(i);
        return list;
    }();
    return names;
}

QString withNamedPlaceholders(const QString &sql)
{
    QString named;
    int count = 0;
    for (QChar c : sql) {
        if (c == u'?')
            named += placeholderNames().at(count++);
        else
            named += c;
    }
    return named;
}

namespace {
QString statementSql(StatementCache::Statement which)
{
    using S = StatementCache::Statement;
    const auto columns = QLatin1String(StoreRows::changeColumns);
    switch (which) {
    case S::AppendChange:
        return u"INSERT INTO changes (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(change_id) DO NOTHING"_s.arg(
                columns);
    case S::AppendImportedChange: // without the index on change ids there is no conflict to name
        return u"INSERT INTO changes (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s.arg(columns);
    case S::FindChange:
        return u"SELECT %1 FROM changes WHERE change_id = ?"_s.arg(columns);
    case S::IndexEntity:
        return u"INSERT INTO entities (id, type) VALUES (?, ?) ON CONFLICT(id) DO NOTHING"_s;
    case S::IndexEntityScoped:
        return u"INSERT INTO entities (id, type, scope) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET scope = excluded.scope"_s;
    case S::EntityKey:
        return u"SELECT key FROM entities WHERE id = ?"_s;
    case S::ClearConflicts:
        return u"DELETE FROM conflicts WHERE entity_id = ?"_s;
    case S::InsertConflict:
        return u"INSERT INTO conflicts (id, kind, entity_type, entity_id, field, kept_change, kept_value, "
               "other_change, other_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    case S::SearchDelete:
        return u"DELETE FROM search_index WHERE rowid = ?"_s;
    case S::SearchInsert:
        return u"INSERT INTO search_index (rowid, text) VALUES (?, ?)"_s;
    case S::MarkPartial:
        return u"INSERT INTO partial_entities (entity_id, due, history_length) VALUES (?, ?, ?) "
               "ON CONFLICT(entity_id) DO UPDATE SET due = max(due, excluded.due)"_s;
    case S::MarkHead:
        return u"INSERT INTO head_changes (change_id, entity_id) VALUES (?, ?) ON CONFLICT(change_id) DO NOTHING"_s;
    case S::BeginImmediate:
        return u"BEGIN IMMEDIATE"_s;
    case S::DataVersion:
        return u"PRAGMA data_version"_s;
    case S::Count:
        break;
    }
    return {};
}
} // namespace

StatementCache::StatementCache(QSqlDatabase &db)
    : m_db(db),
      m_postgres(SqlSchema::dialectOf(db) == SqlSchema::Dialect::Postgres)
{
    reattach();
}

StatementCache::~StatementCache()
{
    clear();
}

void StatementCache::clear()
{
    m_statements.clear();
    for (auto &query : m_fixed)
        query.reset();
    for (auto &direct : m_direct)
        direct.reset();
    m_directQueries.clear();
}

void StatementCache::reattach()
{
    if (!m_postgres)
        m_sqlite = SqliteStatement::handle(m_db);
}

QSqlQuery StatementCache::prepare(const QString &sql)
{
    QSqlQuery query(m_db);
    // Results are only stepped through: without this, Qt sets up a 128-row cache on every exec.
    // Not on PostgreSQL: there a forward-only query uses single-row mode, and a result not read
    // to its end keeps the connection busy, so LISTEN notifications stop arriving.
    query.setForwardOnly(!m_postgres);
    if (!query.prepare(sql))
        qCCritical(lcStorage) << "cannot prepare" << sql << query.lastError().text();
    return query;
}

QSqlQuery &StatementCache::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end())
        it = m_statements.emplace(sql, prepare(sql)).first;
    return it->second;
}

QSqlQuery &StatementCache::statement(Statement which)
{
    std::optional<QSqlQuery> &query = m_fixed[size_t(which)];
    if (!query)
        query.emplace(prepare(withNamedPlaceholders(statementSql(which))));
    return *query;
}

namespace {
/** A statement on SQLite's own API, made anew if it is missing or failed to prepare (sql() gives its text). */
template <typename Sql>
SqliteStatement &directOf(std::unique_ptr<SqliteStatement> &direct, sqlite3 *db, Sql &&sql)
{
    if (!direct || !direct->isValid()) {
        direct = std::make_unique<SqliteStatement>(db, sql());
        if (!direct->isValid())
            qCCritical(lcStorage) << "cannot prepare" << sql() << direct->lastError().text();
    }
    return *direct;
}
} // namespace

SqliteStatement *StatementCache::directStatement(Statement which)
{
    if (!m_sqlite)
        return nullptr;
    return &directOf(m_direct[size_t(which)], m_sqlite, [which] { return statementSql(which); });
}

SqliteStatement &StatementCache::directQuery(const QString &sql)
{
    return directOf(m_directQueries[sql], m_sqlite, [&sql]() -> const QString & { return sql; });
}
