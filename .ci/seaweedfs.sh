#!/usr/bin/env bash
# Build, start and stop a throwaway SeaweedFS (an S3-compatible object store) for CI.
#
#   .ci/seaweedfs.sh build          build .cache/bin/weed if missing or broken
#   .ci/seaweedfs.sh start [PORT]   build if needed, start its S3 API on 127.0.0.1:PORT
#                                   (default 8333) and wait until it answers
#   .ci/seaweedfs.sh stop           stop it and remove its data directory
#
# Files (relative to the repo root): .cache/bin/weed, .cache/seaweedfs.pid,
# .cache/seaweedfs.datadir, .cache/seaweedfs.log.
#
# Why not `go install github.com/seaweedfs/seaweedfs/weed@...`: its go.mod has replace
# directives, which `go install pkg@version` refuses. So we copy the module source out of the
# module cache and `go build` from the copy (about 5 minutes on 2 cores; cache the binary).
# S3 is anonymous by default (no identities configured): fine for a loopback test server.
set -euo pipefail

SEAWEEDFS_VERSION="v0.0.0-20261109003541-7506e5f91cd6"
SEAWEEDFS_MODULE="github.com/seaweedfs/seaweedfs"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
BIN_DIR="$CACHE/bin"
BIN="$BIN_DIR/weed"
PID_FILE="$CACHE/seaweedfs.pid"
DATADIR_FILE="$CACHE/seaweedfs.datadir"
LOG_FILE="$CACHE/seaweedfs.log"

NAME="seaweedfs.sh"
# shellcheck source=lib.sh
. "$ROOT/.ci/lib.sh"

binary_ok() {
  [ -x "$BIN" ] && "$BIN" version >/dev/null 2>&1
}

build() {
  go_build_module "$SEAWEEDFS_MODULE" "$SEAWEEDFS_VERSION" ./weed 'about 5 minutes'
}

start() {
  local port="${1:-8333}"
  ready_to_start "$port"

  build

  local datadir
  datadir="$(mktemp -d "${TMPDIR:-/tmp}/seaweedfs-data.XXXXXX")"
  echo "$datadir" >"$DATADIR_FILE"

  # Master, volume and filer each listen on an HTTP port and on a gRPC port 10000 above it:
  # pick ones whose both ports are free, away from the usual defaults other servers may hold.
  local master volume filer
  master="$(free_port_from 19333)"
  volume="$(free_port_from $((master + 1)))"
  filer="$(free_port_from $((volume + 1)))"
  "$BIN" server \
    -dir="$datadir" \
    -ip=127.0.0.1 -ip.bind=127.0.0.1 \
    -master.port="$master" -master.port.grpc=$((master + 10000)) \
    -volume.port="$volume" -volume.port.grpc=$((volume + 10000)) \
    -filer.port="$filer" -filer.port.grpc=$((filer + 10000)) \
    -master.volumeSizeLimitMB=64 -volume.max=0 \
    -s3 -s3.port="$port" \
    </dev/null >"$LOG_FILE" 2>&1 &
  local pid=$!
  echo "$pid" >"$PID_FILE"

  # The S3 port opens before the filer behind it is ready: wait for an answer to a request.
  local deadline=$((SECONDS + 60))
  until curl -s -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && port_open "$filer"; do
    if ! pid_alive "$pid"; then
      log "SeaweedFS exited during startup; log follows:"
      tail -n 50 "$LOG_FILE" >&2 || true
      stop
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "SeaweedFS did not answer S3 on 127.0.0.1:$port within 60s; log follows:"
      tail -n 50 "$LOG_FILE" >&2 || true
      stop
      return 1
    fi
    sleep 0.5
  done
  log "SeaweedFS S3 on http://127.0.0.1:$port (pid $pid, data $datadir)"
}

stop() {
  # weed ignores SIGTERM for 15 s or more: ask, give it a moment, then SIGKILL.
  stop_server weed 10 seaweedfs-data
}

case "${1:-}" in
  build) build ;;
  start) start "${2:-8333}" ;;
  stop) stop ;;
  *)
    echo "usage: $0 {build|start [PORT]|stop}" >&2
    exit 2
    ;;
esac
