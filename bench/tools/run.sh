#!/usr/bin/env bash
# Load test of api:// tool calls: POST /api/execute/run with a flow of two parallel api:// calls to
# a local HTTP backend plus a merge node, 16 connections, in-memory storage.
# Usage (from the repository root): bench/tools/run.sh
# Needs: wrk, a built app (./mvnw -B -q package -DskipTests), JDK 17 (runs Backend.java from source).
set -euo pipefail
PORT=${BENCH_PORT:-3093}
BACKEND_PORT=${BENCH_BACKEND_PORT:-3094}
CONNS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
WARMUP=${BENCH_WARMUP:-15s}
DURATION=${BENCH_DURATION:-30s}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
BASE="http://127.0.0.1:$PORT"
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests)

java "$HERE/Backend.java" "$BACKEND_PORT" >/tmp/fdl-bench-backend.log 2>&1 &
backend=$!
FDL_USE_DATABASE=false FDL_PORT=$PORT FDL_LOG_LEVEL=WARN QUARKUS_LOG_LEVEL=WARN java -jar "$JAR" >/tmp/fdl-bench-tools.log 2>&1 &
pid=$!
trap "kill $pid $backend 2>/dev/null || true" EXIT
for _ in $(seq 1 120); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 0.5; done

TOKEN=$(curl -sf -X POST "$BASE/api/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench"}' | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')
curl -sf -X POST "$BASE/api/tools/services" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"shop\",\"base_url\":\"http://127.0.0.1:$BACKEND_PORT\",\"timeout_ms\":5000}" >/dev/null

FLOW_YAML='flow:
    name: bench tools
    args:
        in:
            sku: string
    node:
        item:
            exec: api://shop/items/{sku}?method=GET
            args: sku = sku
            next: merged

        price:
            exec: api://shop/prices/{sku}?method=GET
            args: sku = sku
            next: merged

        merged:
            with: name = item.name, stock = item.stock, price = price.price
'
BODY=$(FLOW_YAML="$FLOW_YAML" python3 -c 'import json,os; print(json.dumps({"fdl": os.environ["FLOW_YAML"], "inputs": {"sku": "S-42"}}))')
echo "one execution:"
curl -sf -X POST "$BASE/api/execute/run" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$BODY"
echo
export BENCH_TOKEN=$TOKEN BENCH_BODY=$BODY

echo "warm-up $WARMUP"
wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -s "$HERE/run.lua" "$BASE/api/execute/run" >/dev/null
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks $pid); b0=$(ticks $backend); s0=$(date +%s.%N)
echo "measured $DURATION, $CONNS connections, $THREADS wrk threads"
wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" -s "$HERE/run.lua" "$BASE/api/execute/run"
t1=$(ticks $pid); b1=$(ticks $backend); s1=$(date +%s.%N)
python3 - "$t0" "$t1" "$b0" "$b1" "$s0" "$s1" "$hz" <<'PY'
import sys
t0, t1, b0, b1, s0, s1, hz = map(float, sys.argv[1:])
wall = s1 - s0
print(f"server CPU: {(t1 - t0) / hz / wall:.2f} cores, backend CPU: {(b1 - b0) / hz / wall:.2f} cores (of {__import__('os').cpu_count()})")
PY
curl -s "$BASE/q/metrics" | grep '^fdl_tool_calls_total' || true
