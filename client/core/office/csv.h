// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/** RFC 4180 CSV with a choosable separator (',' for measures, ';' for the synopsis, as German spreadsheets use). */
namespace Csv {

/** A field, quoted when it holds the separator, a quote or a line break. */
QString field(const QString &text, QChar separator = u',');
/** A record's fields joined, with CRLF. */
QString line(const QStringList &fields, QChar separator = u',');

struct Record
{
    int line = 0; ///< 1-based line number where the record starts
    QStringList fields;
};
/**
 * The records of a text; quoted fields may hold separators, quotes ("") and
 * line breaks. Empty lines are skipped. ok is false on an unterminated quote.
 */
QList<Record> parse(const QString &text, QChar separator, bool *ok = nullptr);

} // namespace Csv
