#!/usr/bin/env bash
# Plays 4 rooms x 50 players, 3 questions, against a fresh rapidfire-server and checks that all
# 200 players finished with no error of any kind. The server is always stopped.
# Usage: smoke.sh WITH_SERVER_SCRIPT SERVER_BINARY BENCH_BINARY
set -uo pipefail

with_server=$1
server_binary=$2
bench_binary=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bash "$with_server" "$server_binary" "$bench_binary" -- \
    --rooms 4 --players 50 --questions 3 --seconds 5 --reveal-seconds 1 --think-ms 500 \
    --timeout 90 --json "$work/result.json"
status=$?

fail() {
    echo "bench_smoke: $*" >&2
    exit 1
}
[[ $status -eq 0 ]] || fail "rapidfire-bench (or the server) failed with status $status"
grep -q '"players_finished":200' "$work/result.json" || fail "not every player finished"
grep -q '"errors":0,' "$work/result.json" || fail "the bench counted errors"
grep -q '"cpu_us_per_message_play":' "$work/result.json" || fail "no server CPU per message"
grep -q '"messages_per_player":' "$work/result.json" || fail "no messages per player"
echo "bench_smoke: 200 players finished, no errors"
