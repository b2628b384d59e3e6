// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/schema.h"

#include <QVariant>

/**
 * Converts field values to and from their SQL form: one typed column per
 * field holding the resolved value, so that plain SQL reads it. The merge
 * state beside it is sync/recordmeta.h's blob.
 */
namespace RecordCodec {

/** The SQL column type of a field: TEXT, REAL (numbers) or INTEGER (booleans); PostgreSQL spelling if asked. */
QString columnType(FieldType type, bool postgres = false);
/** Canonical value → column value (null stays null). */
QVariant toColumn(FieldType type, const QString &value);
/** Column value → canonical value. */
QString fromColumn(FieldType type, const QVariant &column);

} // namespace RecordCodec
