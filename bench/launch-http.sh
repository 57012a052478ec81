#!/usr/bin/env bash
# Full HTTP launch benchmark on loopback: starts target/calibrate.jar (demo LMS on, embedded H2,
# loopback-only defaults) in a scratch folder, drives demo launches through /lti/login and
# /lti/launch for a fixed time, prints launches/s and p50/p99, and stops the server.
# Usage: bench/launch-http.sh [threads] [seconds]      (run `mvn package` first)
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-4}
seconds=${2:-30}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cluster=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cp -r lti-config "$work/"
# The benchmark is one client address launching as fast as it can: the per-address limit would be all it measures.
PORT=$port CALIBRATE_CLUSTER_PORT=$cluster CALIBRATE_DATA_DIR="$work/data" CALIBRATE_LTI_CONFIG_DIR="$work/lti-config" \
  CALIBRATE_LTI_RATE_LIMIT=1000000/1000000 \
  java -jar target/calibrate.jar > "$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; cp "$work/server.log" target/bench-server.log 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  kill -0 $pid 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 1
done
mvn -q -Pbench test-compile exec:exec@load -Dbench.url="http://127.0.0.1:$port" -Dbench.threads="$threads" -Dbench.seconds="$seconds"
