#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The unit's sandbox lets the server do its work: the server runs as its unit sets it up (the unit's
# Environment=), under strace, over TLS, through a sign-in, syncs, a certificate reload (SIGHUP) and a
# stop; every system call it makes must be one SystemCallFilter=@system-service allows and none of
# @privileged (else EPERM), and no memory may be mapped writable and executable (MemoryDenyWriteExecute).
# Usage: check-server-sandbox.sh UNIT_FILE SERVER_BINARY CLI_BINARY (KEEP_TRACE=FILE keeps strace's output)
set -euo pipefail
unit=$(realpath "$1") server=$(realpath "$2") cli=$(realpath "$3")
dir=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2> /dev/null || true
    rm -rf "$dir"
}
trap cleanup EXIT
[ -n "${KEEP_TRACE:-}" ] && trap 'cp "$dir/trace" "$KEEP_TRACE"; cleanup' EXIT
cd "$dir"

# The unit's environment, as systemd gives it to ExecStart.
while IFS= read -r assignment; do
    eval "export ${assignment#Environment=}"
done < <(grep '^Environment=' "$unit")

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
    -keyout key.pem -out cert.pem 2> /dev/null
"$server" seed-demo --data data > accounts
read -r _ user password _ < <(grep '^account ' accounts | head -1)
printf '%s\n' "$password" > password

# As the unit's own (dynamic) user, not root: SQLite, for one, hands its files to their owner when root.
as_service=()
if [ "$(id -u)" -eq 0 ]; then
    chown -R nobody:nogroup "$dir"
    as_service=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
"${as_service[@]}" strace -f -qq -o trace "$server" serve --data data --listen 127.0.0.1:0 --tls-cert cert.pem --tls-key key.pem \
    > out 2> err &
tracer=$!
for _ in $(seq 100); do
    grep -q '^listening on ' out && break
    sleep 0.1
done
address=$(sed -n 's/^listening on //p' out)
[ -n "$address" ] || { cat err; echo "the server did not listen" >&2; exit 1; }
server_pid=$(pgrep -P "$tracer")
"$cli" --replica cli connect "https://$address" --user "$user" --password-file password --ca-file cert.pem
"$cli" --replica cli sync
kill -HUP "$server_pid"
sleep 0.5
"$cli" --replica cli sync
kill -TERM "$server_pid"
wait "$tracer"
server_pid=""
grep -q 'TLS reloaded' err || { cat err; echo "the server did not reload its certificate" >&2; exit 1; }

# A set of systemd's, with the sets it names expanded.
expand() {
    systemd-analyze syscall-filter "$1" | sed -e 's/#.*//' -e 's/^ *//' -e '/^$/d' | tail -n +2 | while read -r name; do
        case $name in @*) expand "$name" ;; *) echo "$name" ;; esac
    done
}
expand @system-service | sort -u > allowed
expand @privileged | sort -u > privileged
sed -nE 's/^[0-9]+ +([a-z_0-9]+)\(.*/\1/p' trace | sort -u > used
[ -s used ] || { echo "strace saw no system calls" >&2; exit 1; }
failed=0
if comm -23 used allowed | grep -q .; then
    echo "system calls outside @system-service: $(comm -23 used allowed | tr '\n' ' ')" >&2
    failed=1
fi
if comm -12 used privileged | grep -q .; then
    echo "system calls of @privileged: $(comm -12 used privileged | tr '\n' ' ')" >&2
    failed=1
fi
if grep -E '(mmap|mprotect)\(.*PROT_WRITE\|PROT_EXEC' trace; then
    echo "memory mapped writable and executable (MemoryDenyWriteExecute refuses it)" >&2
    failed=1
fi
[ $failed -eq 0 ] && echo "$(wc -l < used) distinct system calls, all allowed by the unit's filter"
exit $failed
