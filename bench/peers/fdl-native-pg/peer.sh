# The fdl-native peer in PostgreSQL mode: fdl-pg's throw-away database, the native executable.
# Install and run as described in ../fdl-native/peer.sh (FDL_NATIVE selects the binary).
FDL_NATIVE=${FDL_NATIVE:-$(ls "$PWD"/target/*-runner 2>/dev/null | head -1)}
FDL_PG_BENCH_PORT=${FDL_NATIVE_PG_BENCH_PORT:-8094}
PEER_DIR="$(cd "$PEER_DIR/../fdl-pg" && pwd)"
# shellcheck disable=SC1091
source "$PEER_DIR/peer.sh"
# shellcheck disable=SC1091
source "$PEER_DIR/../fdl-native/native.sh"
