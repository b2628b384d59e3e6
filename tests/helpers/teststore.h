// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "helpers/serverprocess.h"

#include <QDebug>
#include <QTest>

/**
 * For initTestCase() of a test that runs once per store: its "-postgresql" CTest entry
 * (WERKSTATTPLAN_TEST_STORE=postgresql) must not quietly test SQLite again. Without a PostgreSQL URL
 * it fails where scripts/test promised one (WERKSTATTPLAN_REQUIRE_PG), else it skips.
 */
#define WERKSTATTPLAN_CHECK_TEST_STORE()                                                                              \
    do {                                                                                                              \
        if (qEnvironmentVariable("WERKSTATTPLAN_TEST_STORE") == QLatin1String("postgresql")                          \
            && !ServerProcess::usesPostgres()) {                                                                      \
            if (qEnvironmentVariableIsSet("WERKSTATTPLAN_REQUIRE_PG"))                                                \
                QFAIL("WERKSTATTPLAN_TEST_PG_URL is not set (scripts/test starts a PostgreSQL cluster and sets it)"); \
            QSKIP("no PostgreSQL: set WERKSTATTPLAN_TEST_PG_URL (see scripts/pg-test-cluster)");                      \
        }                                                                                                             \
        qInfo() << "store:" << (ServerProcess::usesPostgres() ? "PostgreSQL" : "SQLite");                            \
    } while (false)
