# Peer for ../shared/bench/run-peer.sh: FDL Runtime as the native executable, in-memory store.
# Install into a copy of the shared runner (shared/ is read-only):
#   cp -r ../shared/bench /tmp/peer-bench-native && cp -r bench/peers/fdl-native* /tmp/peer-bench-native/peers/
#   /tmp/peer-bench-native/run-peer.sh node-red fdl fdl-native      # fdl-native-pg: PostgreSQL mode
# FDL_NATIVE (default: target/*-runner under the current directory) selects the binary. Flows, setup,
# workload routes and counters are the fdl peer's; only the process differs.
FDL_NATIVE=${FDL_NATIVE:-$(ls "$PWD"/target/*-runner 2>/dev/null | head -1)}
FDL_BENCH_PORT=${FDL_NATIVE_BENCH_PORT:-8093}
PEER_DIR="$(cd "$PEER_DIR/../fdl" && pwd)"
# shellcheck disable=SC1091
source "$PEER_DIR/peer.sh"
# shellcheck disable=SC1091
source "$PEER_DIR/../fdl-native/native.sh"
