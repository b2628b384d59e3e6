// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

/**
 * Word-level three-way merge of plain text, used to combine two concurrent
 * edits of the same text field.
 *
 * The texts are split into tokens: maximal runs of whitespace and maximal
 * runs of non-whitespace (line breaks count as whitespace). A surrogate pair
 * is always kept inside one run. Each side is diffed against the base
 * (Myers, after trimming the common prefix and suffix) and every diff is
 * turned into hunks: a base token range [start, end) and its replacement.
 *
 * Conflict rules, for a hunk A of one side and a hunk B of the other side:
 * - identical hunks (same range, same replacement) are applied once;
 * - two non-empty ranges conflict when they overlap; ranges that merely
 *   touch (A.end == B.start) do not;
 * - a pure insertion (empty range at position p) conflicts with a non-empty
 *   range [s, e) when s <= p <= e, because the order of the two results
 *   would be a guess;
 * - two pure insertions conflict when they are at the same position and
 *   insert different text.
 * All other hunks are applied in base order.
 *
 * The result does not depend on which edit is passed as "ours": swapping
 * the two edits yields the same merged text, or a conflict in both cases.
 */
class TextMerge
{
public:
    /**
     * Three-way merge of two edits of @p base. Returns the merged text when
     * the edits touch different parts, std::nullopt when they overlap (a
     * conflict). If both edits are equal, or one of them equals the base, the
     * other edit is returned unchanged.
     */
    [[nodiscard]] static std::optional<QString> merge3(const QString &base, const QString &ours,
                                                       const QString &theirs);
};
