#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# systemd-analyze verify of the server's unit, on a copy that starts the built binary (verify wants
# ExecStart's binary to exist). Any remark it makes about the unit fails the test.
# Usage: check-systemd-unit.sh UNIT_FILE SERVER_BINARY
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
unit="$dir/$(basename "$1")"
sed "s|/usr/bin/werkstattplan-server|$2|g" "$1" > "$unit"
grep -q "^ExecStart=$2 " "$unit"
systemd-analyze verify --man=no "$unit" > "$dir/out" 2>&1 || { cat "$dir/out"; exit 1; }
cat "$dir/out"
# verify exits 0 on some warnings (unknown settings, bad values it ignores): those fail here.
if grep -v "^$" "$dir/out" | grep -q .; then
    echo "systemd-analyze verify remarked on $(basename "$1")" >&2
    exit 1
fi
# The hardening holds: the offline security review rates the unit's exposure low.
systemd-analyze security --offline=true --threshold=20 --no-pager "$unit" | tail -1
