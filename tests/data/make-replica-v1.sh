#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# How replica-v1.sqlite was made (kept for the record; the fixture is frozen):
# SamplePlan (tests/helpers/sampleplan.h) applied by ReplicaStore into a new
# file, then turned back into the schema-1 layout. Version 2 only added the
# full-text index, so schema 1 is that file without it.
set -euo pipefail
file=${1:?usage: make-replica-v1.sh FILE-WRITTEN-WITH-SAMPLEPLAN}
sqlite3 "$file" "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; DROP TABLE search_index; PRAGMA user_version=1; VACUUM;"
