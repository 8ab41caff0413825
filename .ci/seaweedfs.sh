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

if [ -d /usr/local/go/bin ]; then
  export PATH="/usr/local/go/bin:$PATH"
fi

log() { echo "seaweedfs.sh: $*" >&2; }

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pid_alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null
}

binary_ok() {
  [ -x "$BIN" ] && "$BIN" version >/dev/null 2>&1
}

# A loopback port nothing listens on, starting from $1.
free_port_from() {
  local port="$1"
  while port_open "$port"; do port=$((port + 1)); done
  echo "$port"
}

build() {
  if binary_ok; then
    return 0
  fi
  if ! command -v go >/dev/null 2>&1; then
    log "go not found in PATH; cannot build SeaweedFS"
    return 1
  fi
  mkdir -p "$BIN_DIR"
  local tmp start dir
  tmp="$(mktemp -d)"
  start=$SECONDS
  log "building SeaweedFS $SEAWEEDFS_VERSION (about 5 minutes)..."
  dir="$(cd "$tmp" && go mod download -json "$SEAWEEDFS_MODULE@$SEAWEEDFS_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then
    log "go mod download did not give a source directory"
    rm -rf "$tmp"
    return 1
  fi
  cp -R "$dir" "$tmp/src"
  chmod -R u+w "$tmp/src"
  if ! (cd "$tmp/src" && CGO_ENABLED=0 GOFLAGS=-buildvcs=false \
    go build -trimpath -o "$BIN.tmp" ./weed); then
    log "go build failed"
    rm -rf "$tmp" "$BIN.tmp"
    return 1
  fi
  mv -f "$BIN.tmp" "$BIN"
  rm -rf "$tmp"
  if ! binary_ok; then
    log "built binary does not run: $("$BIN" version 2>&1 | head -n 3)"
    return 1
  fi
  log "built $BIN in $((SECONDS - start))s"
}

start() {
  local port="${1:-8333}"
  case "$port" in
    '' | *[!0-9]*)
      log "invalid port: $port"
      return 1
      ;;
  esac

  if [ -f "$PID_FILE" ]; then
    local old
    old="$(cat "$PID_FILE")"
    if pid_alive "$old"; then
      log "already running (pid $old); run '$0 stop' first"
      return 1
    fi
    log "removing stale pid file (pid $old is gone)"
    stop
  fi

  if port_open "$port"; then
    log "port 127.0.0.1:$port is already in use"
    return 1
  fi

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
  if [ -f "$PID_FILE" ]; then
    local pid
    pid="$(cat "$PID_FILE")"
    if pid_alive "$pid" && grep -q weed "/proc/$pid/cmdline" 2>/dev/null; then
      # weed ignores SIGTERM for 15 s or more: ask, give it a moment, then SIGKILL.
      kill "$pid" 2>/dev/null || true
      local i
      for i in $(seq 1 10); do
        pid_alive "$pid" || break
        sleep 0.2
      done
      if pid_alive "$pid"; then
        kill -9 "$pid" 2>/dev/null || true
      fi
      log "stopped SeaweedFS (pid $pid)"
    fi
    rm -f "$PID_FILE"
  fi
  if [ -f "$DATADIR_FILE" ]; then
    local datadir
    datadir="$(cat "$DATADIR_FILE")"
    case "$datadir" in
      */seaweedfs-data.*) rm -rf "$datadir" ;;
    esac
    rm -f "$DATADIR_FILE"
  fi
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
