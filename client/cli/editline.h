// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"
#include "localreplica.h"

#include <QByteArray>
#include <QIODevice>

#include <optional>

/**
 * One line of werkstattplan-cli apply: an edit as a JSON object (docs/cli.md), read with a bound on its
 * length and parsed, with a clear code for each way a line can be wrong.
 */
struct EditLine
{
    /** The longest line read, in bytes without its line end: memory stays bounded whatever comes in. */
    static constexpr qint64 maxBytes = 1024 * 1024;

    enum class Op { Set, Add, Delete, Restore };
    Op op = Op::Set;
    QString id; ///< set, delete, restore
    QString type; ///< add: the type as add names it (field, goal, measure, milestone, comment)
    QString parent; ///< add
    LocalReplica::Fields values; ///< set, add: null is the empty value (a cleared field)

    /**
     * The next line without its line end ("\n" or "\r\n"); nullopt at the end of the input. A line over
     * maxBytes is skipped to its end and comes back as tooLong (its text is not kept).
     */
    struct Read
    {
        QByteArray text;
        bool tooLong = false;
    };
    static std::optional<Read> read(QIODevice &input);
    /**
     * The edit of a line. Codes: "line_too_long", "empty_line", "malformed_json" (not a JSON object),
     * "unknown_op", "missing_member", "unknown_member", "bad_request" (a member of the wrong JSON type),
     * "invalid_value" (a value that is neither text nor null).
     */
    static Result<EditLine> parse(const Read &line);
};
