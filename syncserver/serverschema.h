// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/result.h"

class QSqlDatabase;

/**
 * The server's own tables beside the replica's (accounts, tokens, store identity): their layout,
 * one numbered step per version, kept in store_identity under "server_schema".
 */
namespace ServerSchema {

inline constexpr int version = 2;

/**
 * Brings the tables to version, one step at a time, one process at a time; refuses a newer
 * store ("store_too_new": downgrade refused). location names the store in messages.
 */
Status migrate(QSqlDatabase db, bool postgres, const QString &location);

} // namespace ServerSchema
