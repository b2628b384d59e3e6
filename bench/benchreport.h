// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the benchmarks share to time and report: progress on stderr, a table
// of figures with their targets, and the same figures as one JSON object.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace BenchReport {

using namespace Qt::Literals::StringLiterals;

inline QTextStream &progress()
{
    static QTextStream stream(stderr);
    return stream;
}

/** Says what went wrong (with the program's name) and exits with status 2. */
[[noreturn]] inline void fail(const QString &what)
{
    progress() << QCoreApplication::applicationName() << ": " << what << Qt::endl;
    std::exit(2);
}

inline double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank: the smallest value with at least p of the samples at or below it.
    const auto rank = qsizetype(std::ceil(p * double(values.size())));
    return values[size_t(std::clamp<qsizetype>(rank - 1, 0, qsizetype(values.size()) - 1))];
}

struct Figure
{
    QString key; ///< JSON name
    QString label;
    double value;
    int decimals;
    QString unit;
    QString target = {}; ///< e.g. "< 5", empty: none
    int ok = -1; ///< 1 met, 0 missed, -1 no target
};

/** Prints the figures as a table; true if every target is met. */
inline bool printTable(QTextStream &table, const QList<Figure> &figures)
{
    int labelWidth = 6;
    for (const Figure &figure : figures)
        labelWidth = std::max(labelWidth, int(figure.label.size()));
    table << u"figure"_s.leftJustified(labelWidth) << "  " << u"value"_s.rightJustified(12) << "  "
          << u"unit"_s.leftJustified(9) << "  " << u"target"_s.leftJustified(10) << "  ok?\n";
    table << QString(labelWidth + 2 + 12 + 2 + 9 + 2 + 10 + 5, u'-') << '\n';
    bool allOk = true;
    for (const Figure &figure : figures) {
        allOk = allOk && figure.ok != 0;
        const QString line = figure.label.leftJustified(labelWidth) + u"  "_s
                + QString::number(figure.value, 'f', figure.decimals).rightJustified(12) + u"  "_s
                + figure.unit.leftJustified(9) + u"  "_s + figure.target.leftJustified(10) + u"  "_s
                + (figure.ok < 0 ? QString() : (figure.ok ? u"yes"_s : u"NO"_s));
        table << QStringView(line).trimmed() << '\n';
    }
    return allOk;
}

/** Prints the notes under the table, if there are any. */
inline void printNotes(QTextStream &table, const QStringList &notes)
{
    if (notes.isEmpty())
        return;
    table << "\nNotes:\n";
    for (const QString &note : notes)
        table << "- " << note << '\n';
}

/** Counts the warning and error lines of a program's log; the first five go to notes, after prefix. */
inline int countComplaints(const QByteArray &log, QStringList &notes, const QString &prefix)
{
    int count = 0;
    for (const QByteArray &line : log.split('\n')) {
        const QByteArray lower = line.toLower();
        if (lower.contains("warning") || lower.contains("error") || lower.contains("critical") || lower.contains("fatal")) {
            if (count++ < 5)
                notes << prefix + QString::fromUtf8(line.left(300));
        }
    }
    return count;
}

/** Adds the figures to a JSON object, each rounded to its decimals, keys prefixed with prefix. */
inline void insertJson(QJsonObject &json, const QList<Figure> &figures, const QString &prefix = {})
{
    for (const Figure &figure : figures) {
        const double scale = std::pow(10.0, figure.decimals);
        json.insert(prefix + figure.key, std::round(figure.value * scale) / scale);
    }
}

} // namespace BenchReport
