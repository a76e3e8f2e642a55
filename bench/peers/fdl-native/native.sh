# Shared by fdl-native and fdl-native-pg (sourced after the JVM peer they adapt): start the binary, not the jar.
fdl_prepare_mem() {   # the jar check of the fdl peer, for the binary; fdl-pg's peer_prepare calls this name
  [ -x "$FDL_NATIVE" ] || { echo "FDL_NATIVE not found: ${FDL_NATIVE:-target/*-runner} (./mvnw -B package -Dnative -DskipTests)" >&2; return 1; }
  local w
  for w in w0 w1 w2 w3 w4; do compgen -G "$FDL_FLOWS/$w-*.yaml" > /dev/null || { echo "no $FDL_FLOWS/$w-*.yaml" >&2; return 1; }; done
}
declare -f fdl_psql >/dev/null || peer_prepare() { fdl_prepare_mem; }
peer_start() {
  ( fdl_env; exec "$FDL_NATIVE" ) >"$PEER_LOG" 2>&1 &
  PEER_PID=$!
}
PEER_DESC="FDL Runtime native executable $(basename "${FDL_NATIVE:-none}") ($(du -m "${FDL_NATIVE:-/dev/null}" 2>/dev/null | cut -f1) MB, GraalVM CE 25, Serial GC), $FDL_STORE_DESC, dev-mode JWT; POST /api/execute/{flowId} {inputs} (sync)"
