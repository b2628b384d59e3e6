// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchindex.h"

#include "storage/sqlschema.h"
#include "storage/statementcache.h"
#include "storage/storerows.h"

using namespace Qt::Literals::StringLiterals;
using namespace StoreRows;
using Statement = StatementCache::Statement;

namespace {
/** Turns what a user types into an FTS5 query: every word must occur, as a word prefix. */
QString toFtsQuery(const QString &text)
{
    QStringList terms;
    for (QString word : text.split(u' ', Qt::SkipEmptyParts)) {
        word.replace(u'"', u"\"\""_s);
        terms << u"\"%1\"*"_s.arg(word);
    }
    return terms.join(u' ');
}
} // namespace

SearchIndex::SearchIndex(StatementCache &statements, std::optional<Error> &failure)
    : m_statements(statements),
      m_failure(failure)
{
}

QString SearchIndex::textOf(const EntityRecord &record)
{
    if (!record.isLive())
        return QString();
    QString text;
    for (qsizetype i = 0; i < record.spec->fields.size(); ++i) {
        const QString &value = record.fields[i].value;
        if (SqlSchema::isSearchable(record.spec->fields[i]) && !value.isEmpty()) {
            if (!text.isNull())
                text += u'\n';
            text += value;
        }
    }
    return text;
}

bool SearchIndex::write(CachedRecord &cached)
{
    const EntityRecord &record = cached.record;
    QString text = textOf(record);
    // Most edits touch no searchable field (status, dates, order): the index already holds the text.
    if (text == cached.indexedText && text.isNull() == cached.indexedText.isNull())
        return true;
    if (cached.key < 0) {
        QSqlQuery &key = m_statements.statement(Statement::EntityKey);
        bind(key, 0, record.id);
        if (!key.exec() || !key.next()) {
            m_failure = sqlError(u"cannot find %1"_s.arg(record.id), key.lastError());
            return false;
        }
        cached.key = key.value(0).toLongLong();
        key.finish();
    }
    // An entity that was not in the database has no row in the index yet; any other may have one.
    if (cached.maybeIndexed
        && m_statements.write(Statement::SearchDelete, [&](auto &remove) { bind(remove, 0, cached.key); }) < 0) {
        m_failure = sqlError(u"cannot index text"_s, m_statements.writeError());
        return false;
    }
    if (!text.isNull() && m_statements.write(Statement::SearchInsert, [&](auto &insert) {
            bind(insert, 0, cached.key);
            bind(insert, 1, text);
        }) < 0) {
        m_failure = sqlError(u"cannot index text"_s, m_statements.writeError());
        return false;
    }
    cached.maybeIndexed = !text.isNull();
    cached.indexedText = std::move(text);
    return true;
}

void SearchIndex::remove(qint64 key)
{
    QSqlQuery &q = m_statements.prepared(u"DELETE FROM search_index WHERE rowid = ?"_s);
    q.bindValue(0, key);
    q.exec();
}

Result<QStringList> SearchIndex::search(const QString &text, int limit)
{
    const QString query = toFtsQuery(text);
    if (query.isEmpty())
        return QStringList();
    QSqlQuery &q = m_statements.prepared(u"SELECT e.id FROM search_index s JOIN entities e ON e.key = s.rowid "
                                         "WHERE search_index MATCH ? ORDER BY rank LIMIT ?"_s);
    q.bindValue(0, query);
    q.bindValue(1, limit);
    if (!q.exec())
        return sqlError(u"search failed"_s, q.lastError());
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    q.finish();
    return ids;
}
