// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/messages.h"

/**
 * The table form of a pull page (docs/protocol.md, "Pull"): each change one
 * row of values in fixed places, its device and author an index into the
 * page's tables, sequence number and stamp counted from the row before. What
 * compression cannot take out of the object form (member names, the same
 * device three times a change) is not sent.
 */
namespace Protocol::PullTable {

/** Places of a row; a row has exactly rowSize values. */
enum Place { SeqStep, Id, Op, Type, Entity, Field, Value, WallStep, Counter, HlcDevice, Device, Author, Base, Seen,
             Seal, rowSize };

/** Writes changes into answer as its "devices", "authors" and "rows". */
void write(const QList<PulledChange> &changes, QJsonObject &answer);
/** Reads them from answer; an error names the first row that is not a change. */
[[nodiscard]] Result<QList<PulledChange>> read(const QJsonObject &answer);

} // namespace Protocol::PullTable
