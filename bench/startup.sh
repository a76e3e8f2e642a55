#!/usr/bin/env bash
# Start-up benchmark of the packaged application (in-memory mode unless env says otherwise):
# time from `java -jar` to the first 200 on /q/health/ready, CPU used until then, and RSS 2 s after ready.
#   ./mvnw -B package -DskipTests && bench/startup.sh [runs] [extra java options...]
#   FDL_NATIVE=1 bench/startup.sh [runs]     # the native executable target/*-runner (package -Dnative)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}; shift || true
PORT=${PORT:-3999}
if [ "${FDL_NATIVE:-0}" = 1 ]; then
  BIN=$(ls target/*-runner 2>/dev/null | head -1)
  [ -x "$BIN" ] || { echo "build first: ./mvnw -B package -Dnative -DskipTests" >&2; exit 1; }
  CMD=("$BIN" "$@")
  echo "native executable: $BIN, $(du -m "$BIN" | cut -f1) MB"
else
  JAR=target/quarkus-app/quarkus-run.jar
  [ -f "$JAR" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
  CMD=(java "$@" -jar "$JAR")
  echo "app size: $(du -sh target/quarkus-app | cut -f1) (lib: $(du -sh target/quarkus-app/lib | cut -f1), $(find target/quarkus-app/lib -name '*.jar' | wc -l) jars)"
fi
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  FDL_PORT=$PORT "${CMD[@]}" > /tmp/fdl-startup-$i.log 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 $pid 2>/dev/null || { echo "run $i: process died"; cat /tmp/fdl-startup-$i.log; exit 1; }
    sleep 0.01
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  # CPU seconds used until ready: far less sensitive to a busy machine than the wall clock
  cpu_s=$(awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / t}' /proc/$pid/stat)
  sleep 2
  rss_kb=$(awk '/VmRSS/{print $2}' /proc/$pid/status)
  quarkus=$(grep -o 'started in [0-9.]*s' /tmp/fdl-startup-$i.log || true)
  echo "run $i: ready after ${ready_ms} ms, ${cpu_s} s CPU (Quarkus: ${quarkus}); RSS $(( rss_kb / 1024 )) MiB; load $(cut -d' ' -f1 /proc/loadavg)"
  kill $pid; wait $pid 2>/dev/null || true
done
