// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

/**
 * How the command line client prints: aligned tables for people, indented
 * JSON for scripts, RFC 4180 CSV for spreadsheets.
 */
namespace Output {

/** Standard output and standard error as UTF-8 text streams. */
QTextStream &out();
QTextStream &err();

/** A table with a header row; columns are padded to their widest cell, the last one is not. */
class Table
{
public:
    explicit Table(QStringList headers);
    void addRow(QStringList cells);
    [[nodiscard]] bool isEmpty() const { return m_rows.isEmpty(); }
    void print(QTextStream &stream) const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

/** One line for a table cell: line breaks become spaces and long text is cut with an ellipsis. */
QString cell(const QString &text, int maxLength = 60);
/** A CSV field, quoted when it holds a separator, a quote or a line break. */
QString csvField(const QString &text);
void printJson(QTextStream &stream, const QJsonValue &value);

} // namespace Output
