// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The laptops of bench/fleet: a worker process (`fleet --worker`) holds
// several laptops, each a real replica (LocalReplica + SyncEngine, as
// werkstattplan-cli runs them) on a thread of its own with its own event
// loop, so all of them talk to the server at once. The coordinator sends one
// JSON command per line on stdin; the worker answers each with one JSON line
// on stdout, one entry per laptop, once every laptop is done.
//
// Commands: {"cmd": "open", "password": P, "laptops": [{"folder", "url", "user"}]}
// (open and sign in, one laptop after the other: sign-ins are bounded on the
// server), {"cmd": "sync"} (every laptop syncs as `werkstattplan-cli sync`
// does), {"cmd": "edit", "edits": [[[ENTITY, FIELD, VALUE], …] per laptop]},
// {"cmd": "report", "fields": [[ENTITY, FIELD], …], "reference": [BOOL per
// laptop]} (state digest, open conflicts and the values of those fields; with
// reference, also the server's state for that laptop's account, read by a
// compact bootstrap into a scratch store, one such laptop at a time), {"cmd": "quit"}.

int runFleetWorker();
