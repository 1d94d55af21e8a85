#!/usr/bin/env bash
# Runs rapidfire-bench against a fresh rapidfire-server: starts the server on a free loopback
# port (--port 0, read back from its "listening on HOST:PORT" line), runs the bench with --url
# and --server-pid filled in, stops the server and exits with the bench's status.
#
# Usage: with_server.sh SERVER_BINARY BENCH_BINARY [SERVER_OPTION...] -- [BENCH_OPTION...]
# The server runs in a scratch directory (removed at the end), so whatever it keeps under its
# working directory, such as its default --data-dir, goes away with it. Its log goes to
# $SERVER_LOG (default: a file in the scratch directory, shown on failure).
set -uo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 SERVER_BINARY BENCH_BINARY [SERVER_OPTION...] -- [BENCH_OPTION...]" >&2
    exit 2
fi
server_binary=$(realpath "$1")
bench_binary=$(realpath "$2")
shift 2
server_options=()
while [[ $# -gt 0 && $1 != "--" ]]; do
    server_options+=("$1")
    shift
done
[[ $# -gt 0 ]] && shift  # the "--"

work=$(mktemp -d)
server_log=$(realpath -m "${SERVER_LOG:-$work/server.log}")
server_pid=""

cleanup() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT

show_log() {
    echo "--- server log (tail) ---" >&2
    tail -n 20 "$server_log" >&2
}

(cd "$work" && exec "$server_binary" --port 0 "${server_options[@]}") \
    >"$work/server.out" 2>"$server_log" &
server_pid=$!

port=""
for _ in $(seq 200); do
    line=$(grep -m1 '^listening on ' "$work/server.out" 2>/dev/null || true)
    if [[ -n $line ]]; then
        port=${line##*:}
        break
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "with_server: the server exited before listening" >&2
        show_log
        exit 2
    fi
    sleep 0.05
done
if [[ -z $port ]]; then
    echo "with_server: no 'listening on' line from the server within 10 s" >&2
    show_log
    exit 2
fi

"$bench_binary" --url "ws://127.0.0.1:$port/ws" --server-pid "$server_pid" "$@"
status=$?
if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "with_server: the server died during the run" >&2
    show_log
    exit 1
fi
[[ $status -eq 0 ]] || show_log
exit "$status"
