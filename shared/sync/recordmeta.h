// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/entityrecord.h"

#include <QByteArray>

/**
 * An entity's merge state (heads, pending bases) as one binary blob: what a
 * store keeps beside each row and what a bootstrap carries as "meta". A head's
 * value is kept in the blob only when the field has several heads; a single
 * head's value is the resolved value the record holds anyway.
 */
namespace RecordMeta {

/**
 * The blob in format 1 (QDataStream): the form of protocol version 1, whose
 * snapshots carry it to clients that only read format 1.
 */
QByteArray encode(const EntityRecord &record);
/** The blob in format 2: compact varints and raw text, several times cheaper to write and read; what stores keep. */
QByteArray encodeCompact(const EntityRecord &record);
/**
 * Fills record (spec, id and resolved values already set) from a blob of
 * either format; false if the blob is damaged.
 */
bool decode(const QByteArray &blob, EntityRecord &record);

} // namespace RecordMeta
