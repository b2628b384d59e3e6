// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storage/replicastore.h"

#include <QSqlDatabase>

/**
 * The raw connection of a replica store, for the few that keep tables of their own beside the
 * replica's in the same database: the server's store classes (accounts, tokens, store identity)
 * and tests that inspect raw tables. Everyone else reads through PlanQueries; the architecture
 * test (tests/architecture) names who may include this header.
 */
class StoreAccess
{
public:
    [[nodiscard]] static QSqlDatabase database(const ReplicaStore &store) { return store.database(); }
};
