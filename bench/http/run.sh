#!/usr/bin/env bash
# Load test of POST /api/execute/{flowId} (sync) for a stored 3-node mapping flow, 16 connections.
# Usage: bench/http/run.sh [memory|postgres|both]   (from the repository root)
# Needs: wrk (apt-get install wrk), a built app (./mvnw -B -q package -DskipTests), and for the
# PostgreSQL mode a throw-away database $BENCH_DB (default fdl_bench_api) owned by fdl/fdl.
set -euo pipefail
MODE=${1:-both}
PORT=${BENCH_PORT:-3091}
DB=${BENCH_DB:-fdl_bench_api}
CONNS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
WARMUP=${BENCH_WARMUP:-15s}
DURATION=${BENCH_DURATION:-30s}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR="$ROOT/target/quarkus-app/quarkus-run.jar"
BASE="http://127.0.0.1:$PORT"
[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests)

FLOW_YAML='flow:
    name: bench greet
    args:
        in:
            name: string
            times: int = 2
    node:
        a:
            with: greeting = '"'"'Hello '"'"' + name
            next: b

        b:
            with: text = a.greeting + '"'"'!'"'"', n = times
            next: c

        c:
            with: message = b.text, count = b.n
'

psql_db() { PGPASSWORD=fdl psql -h 127.0.0.1 -U fdl -d "$DB" -Atq "$@"; }

pg_counters() {  # inserts updates index+seq scans commits over the app's tables
  psql_db -c "SELECT coalesce(sum(n_tup_ins),0), coalesce(sum(n_tup_upd),0),
                     coalesce(sum(coalesce(idx_scan,0) + coalesce(seq_scan,0)),0),
                     (SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())
              FROM pg_stat_user_tables" | tr '|' ' '
}

run_mode() {
  local mode=$1 pid
  echo "=== $mode mode: $CONNS connections, $THREADS wrk threads, warm-up $WARMUP, measured $DURATION"
  if [ "$mode" = postgres ]; then
    psql_db -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null
    export FDL_USE_DATABASE=true DATABASE_URL="postgres://fdl:fdl@127.0.0.1:5432/$DB"
  else
    export FDL_USE_DATABASE=false; unset DATABASE_URL || true
  fi
  FDL_PORT=$PORT FDL_LOG_LEVEL=WARN QUARKUS_LOG_LEVEL=WARN java -jar "$JAR" >"/tmp/fdl-bench-$mode.log" 2>&1 &
  pid=$!
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 1 1200); do curl -sf "$BASE/q/health/ready" >/dev/null && break; sleep 0.5; done  # up to 10 min on a loaded box
  TOKEN=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"bench","password":"bench"}' \
    "$BASE/api/auth/login" | python3 -c 'import sys,json; print(json.load(sys.stdin)["access_token"])')
  export TOKEN
  FLOW_ID=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"bench"}' "$BASE/api/flows" | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
  export FLOW_ID
  python3 -c 'import json,sys; print(json.dumps({"fdl": sys.argv[1]}))' "$FLOW_YAML" | curl -sf \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d @- "$BASE/api/flows/$FLOW_ID/versions" >/dev/null
  curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"inputs":{"name":"check"}}' "$BASE/api/execute/$FLOW_ID" | grep -q '"status":"completed"' \
    || { echo "smoke execution did not complete"; exit 1; }

  wrk -t"$THREADS" -c"$CONNS" -d"$WARMUP" -s "$HERE/execute.lua" "$BASE" >/dev/null
  local before after n0 n1
  if [ "$mode" = postgres ]; then
    sleep 11  # PostgreSQL flushes backend statistics at most every 10 s when idle
    before=$(pg_counters); n0=$(psql_db -c "SELECT count(*) FROM execution_history")
  fi
  wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency -s "$HERE/execute.lua" "$BASE" | tail -1
  if [ "$mode" = postgres ]; then
    sleep 11
    after=$(pg_counters); n1=$(psql_db -c "SELECT count(*) FROM execution_history")
    python3 - "$before" "$after" "$n0" "$n1" <<'PY'
import sys
b = list(map(int, sys.argv[1].split())); a = list(map(int, sys.argv[2].split()))
n = int(sys.argv[4]) - int(sys.argv[3])
d = [x - y for x, y in zip(a, b)]
print(f"executions={n} per execution: rows_inserted={d[0]/n:.2f} rows_updated={d[1]/n:.2f} "
      f"table_scans(select/update lookups)={d[2]/n:.2f} commits={d[3]/n:.2f}")
PY
  fi
  kill $pid; wait $pid 2>/dev/null || true
  trap - EXIT
}

case "$MODE" in
  memory) run_mode memory ;;
  postgres) run_mode postgres ;;
  both) run_mode memory; run_mode postgres ;;
esac
