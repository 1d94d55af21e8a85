#!/usr/bin/env bash
# Installs every Debian package that rapidfire's build, tests and tools need.
# Idempotent: when everything is present it installs nothing and touches no package list.
set -euo pipefail

packages=(
  # build
  g++ cmake ninja-build pkg-config
  # Boost 1.81 (Asio and Beast are header-only in libboost1.81-dev). Never the unversioned
  # libboost-dev: it pulls 1.74 and conflicts.
  libboost1.81-dev libboost-json1.81-dev libboost-program-options1.81-dev
  libspdlog-dev libfmt-dev
  libsqlite3-dev libssl-dev
  # tests
  libgtest-dev libgmock-dev
  # tools: formatting, fuzzing (clang + libFuzzer runtime), terminal tests, TLS test
  # certificates, and the deployment tests (nginx in front of the server, systemd-analyze)
  clang clang-format libclang-rt-14-dev tmux openssl nginx-light systemd
  # the QR code of a room's join link
  libqrencode-dev
  # the browser tests: a real Chromium, driven by playwright-core from npm (tests/web), and
  # zbarimg to read the QR code back
  chromium zbar-tools nodejs
  # several servers: PostgreSQL as the shared record (libpq for the server, the server package
  # for the tests, which run their own cluster in a temporary folder) and HAProxy in front
  libpq-dev postgresql haproxy
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

# The browser tests' npm packages, exactly as tests/web/package-lock.json pins them (no browser
# is downloaded: the tests drive Debian's chromium). Skipped when already in place.
install_web_test_packages() {
  local web
  web="$(cd "$(dirname "$0")/.." && pwd)/tests/web"
  if ! cmp -s "$web/package-lock.json" "$web/node_modules/.package-lock-installed" 2>/dev/null; then
    echo "setup: npm ci in tests/web"
    (cd "$web" && npm ci --no-audit --no-fund --ignore-scripts)
    cp "$web/package-lock.json" "$web/node_modules/.package-lock-installed"
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  install_web_test_packages
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
# nginx, PostgreSQL and HAProxy are only for the tests, which start their own on loopback: keep
# their packages from starting system-wide ones (policy-rc.d exit 101 = "do not start services").
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee "$policy" >/dev/null
  "${sudo_cmd[@]}" chmod 755 "$policy"
  trap '"${sudo_cmd[@]}" rm -f "$policy"' EXIT
fi
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
install_web_test_packages
