// SPDX-License-Identifier: GPL-3.0-or-later
#include "planhints.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace FieldInput {

Parsed date(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    static const QRegularExpression german(u"^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2}|\\d{4})$"_s);
    static const QRegularExpression iso(u"^(\\d{4})-(\\d{2})-(\\d{2})$"_s);
    int day = 0;
    int month = 0;
    int year = 0;
    if (const auto m = german.match(trimmed); m.hasMatch()) {
        day = m.captured(1).toInt();
        month = m.captured(2).toInt();
        year = m.captured(3).toInt();
        if (m.captured(3).size() == 2)
            year += 2000; // "26" means 2026, not 1926
    } else if (const auto m = iso.match(trimmed); m.hasMatch()) {
        year = m.captured(1).toInt();
        month = m.captured(2).toInt();
        day = m.captured(3).toInt();
    } else {
        return { {}, Problem::DateFormat };
    }
    if (month < 1 || month > 12)
        return { {}, Problem::NoSuchMonth };
    const QDate parsed(year, month, day);
    if (!parsed.isValid())
        return { {}, Problem::NoSuchDay };
    return { parsed.toString(Qt::ISODate), Problem::None };
}

Parsed number(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    bool ok = false;
    double value = QLocale(QLocale::German).toDouble(trimmed, &ok);
    if (!ok)
        value = QLocale::c().toDouble(trimmed, &ok);
    if (!ok || !std::isfinite(value))
        return { {}, Problem::NotANumber };
    return { QString::number(value, 'g', 15), Problem::None };
}

int maxLength(const FieldSpec &field)
{
    if (field.maxLength > 0)
        return field.maxLength;
    if (field.type == FieldType::ShortText)
        return Schema::shortTextMax;
    if (field.type == FieldType::LongText)
        return Schema::longTextMax;
    return 0;
}

Parsed parse(const FieldSpec &field, const QString &text)
{
    switch (field.type) {
    case FieldType::Date:
        return date(text);
    case FieldType::Number:
        return number(text);
    case FieldType::ShortText:
    case FieldType::LongText:
        if (text.size() > maxLength(field))
            return { {}, Problem::TooLong };
        return { text.isEmpty() ? QString() : text, Problem::None };
    case FieldType::Enum:
        if (!text.isEmpty() && !field.choices.contains(text))
            return { {}, Problem::NotAChoice };
        return { text.isEmpty() ? QString() : text, Problem::None };
    default:
        return { text.isEmpty() ? QString() : text, Problem::None };
    }
}

QString code(Problem problem)
{
    switch (problem) {
    case Problem::None:
        return {};
    case Problem::DateFormat:
        return u"date_format"_s;
    case Problem::NoSuchDay:
        return u"no_such_day"_s;
    case Problem::NoSuchMonth:
        return u"no_such_month"_s;
    case Problem::NotANumber:
        return u"not_a_number"_s;
    case Problem::TooLong:
        return u"too_long"_s;
    case Problem::NotAChoice:
        return u"not_a_choice"_s;
    }
    return {};
}

} // namespace FieldInput

namespace PlanHints {

namespace {

QDate dateOf(const EntityRecord &record, const QString &field)
{
    return QDate::fromString(record.value(field), Qt::ISODate);
}

} // namespace

QList<Hint> of(const EntityRecord &record, const Lookup &lookup, const QDate &today)
{
    QList<Hint> hints;
    if (!record.spec || !record.isLive())
        return hints;
    if (record.spec->name == u"measure"_s) {
        const QDate start = dateOf(record, u"start_date"_s);
        const QDate end = dateOf(record, u"end_date"_s);
        if (start.isValid() && end.isValid() && end < start)
            hints.append({ Kind::EndBeforeStart, u"end_date"_s, start });
        if (record.value(u"status"_s) == u"done"_s && end.isValid() && end > today)
            hints.append({ Kind::DoneButEndsLater, u"end_date"_s, end });
    } else if (record.spec->name == u"milestone"_s) {
        const QDate due = dateOf(record, u"due_date"_s);
        const auto measure = due.isValid() ? lookup(record.value(u"measure"_s)) : std::nullopt;
        if (!measure || !measure->isLive())
            return hints;
        const QDate start = dateOf(*measure, u"start_date"_s);
        const QDate end = dateOf(*measure, u"end_date"_s);
        if (start.isValid() && due < start)
            hints.append({ Kind::MilestoneBeforeStart, u"due_date"_s, start });
        else if (end.isValid() && due > end)
            hints.append({ Kind::MilestoneAfterEnd, u"due_date"_s, end });
    }
    return hints;
}

QString code(Kind kind)
{
    switch (kind) {
    case Kind::MilestoneBeforeStart:
        return u"milestone_before_start"_s;
    case Kind::MilestoneAfterEnd:
        return u"milestone_after_end"_s;
    case Kind::DoneButEndsLater:
        return u"done_but_ends_later"_s;
    case Kind::EndBeforeStart:
        return u"end_before_start"_s;
    }
    return {};
}

} // namespace PlanHints
