// SPDX-License-Identifier: GPL-3.0-or-later
#include "output.h"

#include "office/csv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace Output {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

Table::Table(QStringList headers)
    : m_headers(std::move(headers))
{ }

void Table::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells << QString();
    m_rows << cells;
}

void Table::print(QTextStream &stream) const
{
    QList<qsizetype> widths;
    for (const QString &header : m_headers)
        widths << header.size();
    for (const QStringList &row : m_rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    auto printRow = [&](const QStringList &row) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            // Padding the last column would only leave trailing spaces behind.
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i]) + u"  "_s : row[i];
        }
        stream << line << '\n';
    };
    printRow(m_headers);
    for (const QStringList &row : m_rows)
        printRow(row);
    stream.flush();
}

QString cell(const QString &text, int maxLength)
{
    QString line = text;
    line.replace(u'\n', u' ').replace(u'\r', u' ').replace(u'\t', u' ');
    if (line.size() > maxLength)
        line = line.left(maxLength - 1) + QChar(0x2026);
    return line;
}

QString csvField(const QString &text)
{
    return Csv::field(text);
}

void printJson(QTextStream &stream, const QJsonValue &value)
{
    QJsonDocument document;
    if (value.isArray())
        document.setArray(value.toArray());
    else
        document.setObject(value.toObject());
    stream << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    stream.flush();
}

} // namespace Output
