#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset, clang) and runs each for a bounded time on a
# scratch copy of its committed seed corpus. Usage: tests/fuzz/run.sh [SECONDS per target]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for target in decoder engine; do
  binary="build/fuzz/bin/${target}_fuzz"
  if [ ! -x "$binary" ]; then
    echo "fuzz: $binary was not built" >&2
    exit 1
  fi
  mkdir -p "$scratch/$target"
  echo "fuzz: $target for ${seconds}s"
  "$binary" -max_total_time="$seconds" -max_len=4096 \
    -dict=tests/fuzz/protocol.dict -print_final_stats=1 \
    -artifact_prefix="$scratch/" "$scratch/$target" "tests/fuzz/corpus/$target" 2>&1 |
    grep -E '^(#[0-9]+ +DONE|==[0-9]+==ERROR|SUMMARY|stat::number_of_executed_units)' |
    tee "$scratch/$target.log" || true
  # A run that executed nothing is a failure too.
  if ! grep -q '^stat::number_of_executed_units: [1-9]' "$scratch/$target.log"; then
    echo "fuzz: $target executed no input" >&2
    exit 1
  fi
  # libFuzzer leaves a crash-* / timeout-* / leak-* file behind on any failure.
  if compgen -G "$scratch/crash-*" >/dev/null || compgen -G "$scratch/leak-*" >/dev/null ||
     compgen -G "$scratch/timeout-*" >/dev/null; then
    echo "fuzz: $target FAILED; the input that broke it:" >&2
    ls "$scratch"/crash-* "$scratch"/leak-* "$scratch"/timeout-* 2>/dev/null >&2
    exit 1
  fi
done
echo "fuzz: all targets passed"
