// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/schema.h"
#include "sync/mergeengine.h"

#include <QDate>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

/**
 * What a person types into a field, read into the model's form, or the reason it cannot be: the
 * editors of both clients say what is wrong instead of only colouring the field.
 */
namespace FieldInput {

/** Why a typed value is refused; the client words it (Vocabulary::inputProblemText). */
enum class Problem {
    None,
    DateFormat, ///< not of the form 31.03.2026 (or 2026-03-31)
    NoSuchDay, ///< the form fits but the day does not exist (31.02.2027)
    NoSuchMonth, ///< month 0 or above 12
    NotANumber,
    TooLong, ///< longer than the field's cap (see maxLength)
    NotAChoice, ///< not one of the field's choices
};

struct Parsed
{
    QString value; ///< the model's form ("2026-03-31", "1500.5"); null for an empty input
    Problem problem = Problem::None;
    [[nodiscard]] bool ok() const { return problem == Problem::None; }
};

/** "31.3.2026", "31.03.26" (20xx) or "2026-03-31". */
Parsed date(const QString &text);
/** "1.500,50" (German) or "1500.50". */
Parsed number(const QString &text);
/** Any input for a field, by its type (dates and numbers as above, texts by their cap). */
Parsed parse(const FieldSpec &field, const QString &text);
/** A field's cap in UTF-16 code units (0: none). */
int maxLength(const FieldSpec &field);
/** The stable code of a problem ("no_such_day", …), as tests and the CLI name it. */
QString code(Problem problem);

} // namespace FieldInput

/**
 * Hints about a plan that is valid but probably not meant so: a milestone due outside its measure's
 * period, a measure "abgeschlossen" that ends in the future, or ends before it starts. They never
 * refuse an edit; the editors show them next to the field.
 */
namespace PlanHints {

enum class Kind {
    MilestoneBeforeStart, ///< field due_date; the measure's start is the detail
    MilestoneAfterEnd, ///< field due_date; the measure's end is the detail
    DoneButEndsLater, ///< field end_date (measure done, its end after today)
    EndBeforeStart, ///< field end_date
};

struct Hint
{
    Kind kind;
    QString field; ///< the field it is shown at
    QDate date; ///< the date it is about: the measure's start (before start), else its end
};

using Lookup = std::function<std::optional<EntityRecord>(const QString &entityId)>;

/** The hints of one measure or milestone (others have none); lookup finds a milestone's measure. */
QList<Hint> of(const EntityRecord &record, const Lookup &lookup, const QDate &today);
/** The stable code of a kind ("milestone_after_end", …). */
QString code(Kind kind);

} // namespace PlanHints
