#!/usr/bin/env bash
# The floor's smoke run: a minimal sender writes 2 question frames to 200 loopback
# connections; checks that every connection opened and read both, with no error. No timings.
# Usage: floor_smoke.sh BENCH_BINARY
set -uo pipefail

bench_binary=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() {
    echo "bench_floor_smoke: $*" >&2
    exit 1
}
timeout 60 "$bench_binary" --floor --players 200 --questions 2 --timeout 30 \
    --json "$work/floor.json" || fail "rapidfire-bench --floor failed with status $?"
grep -q '"opened":200,' "$work/floor.json" || fail "not every connection opened"
grep -q '"rounds":2,' "$work/floor.json" || fail "not every round was sent"
grep -q '"fanout_latency":{"count":400,' "$work/floor.json" || fail "not every frame was read"
grep -q '"ok":true' "$work/floor.json" || fail "the floor counted errors"
echo "bench_floor_smoke: 200 connections read 2 frames each, no errors"
