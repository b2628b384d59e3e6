// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <span>

/**
 * The German words for the model's keys: entity types, field names, choices
 * and synopsis figures. German is the plans' language and the client's source
 * language, so this one table serves both: the PDF export prints the words as
 * they stand, the desktop client translates them (in the context "Vocabulary").
 */
namespace Terms {

enum class Table {
    Type, ///< entity types ("measure")
    Field, ///< field names ("start_date")
    Choice, ///< choices of enum and themes fields, keyed "field.choice" ("status.in_progress")
    Synopsis, ///< synopsis figures ("population"), in their usual order
};

struct Term
{
    const char *key;
    const char *text; ///< German, UTF-8; marked for translation in the "Vocabulary" context
};

/** The context the client's translation files hold these words in. */
inline constexpr char context[] = "Vocabulary";

/** Every term of a table, in table order. */
[[nodiscard]] std::span<const Term> table(Table table);
/** The German word for key, or nullptr if the table has none. */
[[nodiscard]] const char *find(Table table, QStringView key);
/** The German word for key; key itself if the table has none. */
[[nodiscard]] QString german(Table table, const QString &key);

} // namespace Terms
