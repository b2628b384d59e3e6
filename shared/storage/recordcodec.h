// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/mergeengine.h"

#include <QByteArray>
#include <QVariant>

/**
 * Converts entity records to and from their SQL form: one typed column per
 * field holding the resolved value (plain SQL reads it), plus a compact
 * binary "_meta" blob with the merge state (heads, pending bases). A head's
 * value is kept in the blob only when the field has several heads; a single
 * head's value is the column's.
 */
namespace RecordCodec {

/** The SQL column type of a field: TEXT, REAL (numbers) or INTEGER (booleans); PostgreSQL spelling if asked. */
QString columnType(FieldType type, bool postgres = false);
/** Canonical value → column value (null stays null). */
QVariant toColumn(FieldType type, const QString &value);
/** Column value → canonical value. */
QString fromColumn(FieldType type, const QVariant &column);

/**
 * The blob in format 1 (QDataStream): the form of protocol version 1, whose
 * snapshots carry it to clients that only read format 1.
 */
QByteArray encodeMeta(const EntityRecord &record);
/** The blob in format 2: compact varints and raw text, several times cheaper to write and read; what stores keep. */
QByteArray encodeMetaCompact(const EntityRecord &record);
/**
 * Fills record (spec, id and resolved values already set) from a blob of
 * either format; false if the blob is damaged.
 */
bool decodeMeta(const QByteArray &blob, EntityRecord &record);

} // namespace RecordCodec
