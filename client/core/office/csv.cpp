// SPDX-License-Identifier: GPL-3.0-or-later
#include "csv.h"

using namespace Qt::Literals::StringLiterals;

namespace Csv {

QString field(const QString &text, QChar separator)
{
    if (!text.contains(separator) && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString line(const QStringList &fields, QChar separator)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &text : fields)
        quoted << field(text, separator);
    return quoted.join(separator) + u"\r\n"_s;
}

QList<Record> parse(const QString &text, QChar separator, bool *ok)
{
    QList<Record> records;
    Record current { 1, {} };
    QString value;
    bool quoted = false;
    bool fieldStarted = false; // the record has content (an empty line is no record)
    int lineNumber = 1;
    auto endRecord = [&] {
        if (fieldStarted || !current.fields.isEmpty()) {
            current.fields << value;
            records << current;
        }
        current = { lineNumber, {} };
        value.clear();
        fieldStarted = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                value += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                if (c == u'\n')
                    ++lineNumber;
                value += c;
            }
        } else if (c == u'"') {
            quoted = true;
            fieldStarted = true;
        } else if (c == separator) {
            current.fields << value;
            value.clear();
            fieldStarted = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n')
                ++i;
            ++lineNumber;
            endRecord();
        } else {
            value += c;
            fieldStarted = true;
        }
    }
    endRecord();
    if (ok)
        *ok = !quoted;
    return records;
}

} // namespace Csv
