#!/usr/bin/env bash
# Runs rapidfire-bench through HAProxy in front of fresh rapidfire-servers: starts N servers on
# free loopback ports with node ids A, B, ..., starts HAProxy with the project's configuration
# (deploy/haproxy/rapidfire.cfg made to run on loopback by deploy/haproxy/loopback.awk: a plain
# listener, these servers in place of the example's, health checks every 500 ms), runs the bench with --url through the proxy and
# --server-pid of server A, then prints the CPU time each process used and stops everything.
#
# Usage: with_proxy.sh SERVER_BINARY BENCH_BINARY [--servers N] [SERVER_OPTION...] -- [BENCH_OPTION...]
# Each server runs with --data-dir "" unless SERVER_OPTIONs name a record (--database or
# --data-dir), and with --max-connections-per-ip 0 as behind the deployed proxy. HAProxy's connection limit is set from the open-file limit: it needs two
# descriptors a player.
set -uo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 SERVER_BINARY BENCH_BINARY [--servers N] [SERVER_OPTION...] -- [BENCH_OPTION...]" >&2
    exit 2
fi
server_binary=$(realpath "$1")
bench_binary=$(realpath "$2")
shift 2
count=1
if [[ ${1:-} == "--servers" ]]; then
    count=$2
    shift 2
fi
server_options=()
while [[ $# -gt 0 && $1 != "--" ]]; do
    server_options+=("$1")
    shift
done
[[ $# -gt 0 ]] && shift  # the "--"
if [[ ! " ${server_options[*]} " =~ " --database " && ! " ${server_options[*]} " =~ " --data-dir " ]]; then
    server_options+=(--data-dir "")
fi
# Every player arrives from the proxy's address; HAProxy keeps the per-address limit.
server_options+=(--max-connections-per-ip 0)

here=$(cd "$(dirname "$0")" && pwd)
deployed="$here/../deploy/haproxy/rapidfire.cfg"
work=$(mktemp -d)
pids=()
proxy_pid=""

cleanup() {
    for pid in "${pids[@]}" $proxy_pid; do
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    rm -rf "$work"
}
trap cleanup EXIT

nodes=(A B C D E F G H)
ports=()
for ((i = 0; i < count; i++)); do
    node=${nodes[$i]}
    (cd "$work" && exec "$server_binary" --port 0 --node-id "$node" "${server_options[@]}") \
        >"$work/$node.out" 2>"$work/$node.log" &
    pids+=($!)
    port=""
    for _ in $(seq 200); do
        line=$(grep -m1 '^listening on ' "$work/$node.out" 2>/dev/null || true)
        if [[ -n $line ]]; then
            port=${line##*:}
            break
        fi
        sleep 0.05
    done
    if [[ -z $port ]]; then
        echo "with_proxy: server $node did not start" >&2
        tail -n 20 "$work/$node.log" >&2
        exit 2
    fi
    ports+=("$port")
done

# The proxy's listener, and the servers in place of the example's (in both backends).
proxy_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
limit=$(ulimit -Hn)
maxconn=$(((limit - 100) / 2))
servers=""
for ((i = 0; i < count; i++)); do
    servers+="${servers:+,}${nodes[$i]}:${ports[$i]}"
done
awk -v port="$proxy_port" -v maxconn="$maxconn" -v inter=500ms -v servers="$servers" \
    -f "$here/../deploy/haproxy/loopback.awk" "$deployed" >"$work/haproxy.cfg" || exit 2
ulimit -n "$limit"
haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
proxy_pid=$!
for _ in $(seq 100); do
    curl -s -o /dev/null "http://127.0.0.1:$proxy_port/healthz" && break
    sleep 0.05
done

cpu_seconds() {  # utime + stime of a process, in seconds
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"
}

"$bench_binary" --url "ws://127.0.0.1:$proxy_port/ws" --server-pid "${pids[0]}" "$@"
status=$?
for ((i = 0; i < count; i++)); do
    echo "with_proxy: server ${nodes[$i]} used $(cpu_seconds "${pids[$i]}") s of CPU"
done
echo "with_proxy: haproxy used $(cpu_seconds "$proxy_pid") s of CPU, peak memory $(awk '/VmHWM/ { print $2, $3 }' "/proc/$proxy_pid/status") (maxconn $maxconn)"
[[ $status -eq 0 ]] || tail -n 20 "$work/haproxy.log" >&2
exit "$status"
