// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

class LocalReplica;

/**
 * Imports synopsis figures from CSV, in the form Exports::synopsisCsv()
 * writes: a header municipality;key;value;unit;year (any column order),
 * then one figure per line; lines starting with '#' are comments. The
 * municipality is given by name. A figure that exists (same municipality,
 * key and year) is updated, others are created: importing an export again
 * changes nothing. All or nothing: any error, and nothing is written.
 */
class SynopsisImport
{
public:
    struct Summary
    {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
    };

    /** Error code "invalid_csv" with one "line N: …" per problem (at most 20), or "forbidden" for non-office accounts. */
    static Result<Summary> run(LocalReplica &replica, const QString &csvText);
};
