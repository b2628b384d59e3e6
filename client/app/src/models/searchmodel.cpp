// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchmodel.h"

#include "session/session.h"
#include "session/vocabulary.h"

#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

/** The line of text that holds the first word of the query, shortened around it. */
QString snippetOf(const EntityRecord &record, const QString &query)
{
    const QString word = query.split(u' ', Qt::SkipEmptyParts).value(0);
    for (const FieldSpec &field : record.spec->fields) {
        if (field.type != FieldType::LongText && field.type != FieldType::ShortText)
            continue;
        const QString value = record.value(field.name);
        const qsizetype at = value.indexOf(word, 0, Qt::CaseInsensitive);
        if (at < 0 || value == ReplicaView::label(record))
            continue;
        constexpr qsizetype around = 60;
        const qsizetype from = qMax<qsizetype>(0, at - around);
        QString text = value.mid(from, word.size() + 2 * around).simplified();
        if (from > 0)
            text.prepend(u"… "_s);
        if (from + word.size() + 2 * around < value.size())
            text.append(u" …"_s);
        return text;
    }
    return {};
}

/** The theme keys whose label (in the language shown) contains the query. */
QStringList themesNamed(const QString &query)
{
    QStringList keys;
    const QString wanted = query.trimmed();
    if (wanted.size() < 3)
        return keys;
    for (const QString &key : Schema::themeKeys()) {
        if (Vocabulary::choiceLabel(u"themes"_s, key).contains(wanted, Qt::CaseInsensitive))
            keys << key;
    }
    return keys;
}

} // namespace

SearchModel::SearchModel(QObject *parent)
    : RowListModel({ "entityId", "openId", "entityType", "title", "municipality", "planId", "snippet", "theme" },
                   parent)
{ }

void SearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    scheduleRefresh();
}

QList<RowListModel::Row> SearchModel::readRows()
{
    QList<Row> rows;
    if (m_query.trimmed().isEmpty())
        return rows;
    Session &s = *session();
    ReplicaStore &store = s.replica()->store();
    ReplicaView &view = *s.view();
    QSet<QString> listed;
    const auto add = [&](const QString &id, const QString &theme) {
        if (rows.size() >= maxResults || listed.contains(id))
            return;
        const auto record = store.record(id);
        if (!record || !record->isLive())
            return;
        listed.insert(id);
        const QString plan = view.planOf(*record);
        const bool comment = record->spec->name == u"comment"_s;
        rows.append(Row { id, comment ? record->value(u"target"_s) : id, Vocabulary::typeLabel(record->spec->name),
                          ReplicaView::label(*record), view.municipalityName(plan), plan,
                          theme.isEmpty() ? snippetOf(*record, m_query) : QString(), theme });
    };
    for (const QString &theme : themesNamed(m_query)) {
        const QString label = Vocabulary::choiceLabel(u"themes"_s, theme);
        for (const QString &id : view.measuresWithTheme(theme))
            add(id, label);
    }
    if (const auto hits = s.replica()->search(m_query, maxResults)) {
        for (const QString &id : *hits)
            add(id, {});
    }
    // "Who else works on this?": other municipalities' entries first, the own plan's after them.
    const int planRole = role("planId") - Qt::UserRole;
    std::stable_partition(rows.begin(), rows.end(),
                          [&](const Row &row) { return row[planRole].toString() != s.planId(); });
    return rows;
}
