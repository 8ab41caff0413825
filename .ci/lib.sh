# Shared by .ci/ferretdb.sh and .ci/seaweedfs.sh: a Go server built from its module source and
# cached in .cache/bin, started on a loopback port, stopped with its data directory removed.
# The sourcing script sets NAME (for messages), BIN, PID_FILE, DATADIR_FILE and LOG_FILE, and
# defines binary_ok (does $BIN run?) and stop, before it calls anything here.

if [ -d /usr/local/go/bin ]; then
  export PATH="/usr/local/go/bin:$PATH"
fi

log() { echo "$NAME: $*" >&2; }

# Succeeds if something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pid_alive() {
  [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null
}

# A loopback port nothing listens on, starting from $1.
free_port_from() {
  local port="$1"
  while port_open "$port"; do port=$((port + 1)); done
  echo "$port"
}

# go_build_module MODULE VERSION PACKAGE HOW_LONG [PREPARE]
# Builds PACKAGE of MODULE@VERSION into $BIN unless $BIN already runs. The source is copied out
# of the module cache and built there (each script says why `go install pkg@version` will not
# do); PREPARE, a function, runs in the copy first.
go_build_module() {
  local module="$1" version="$2" package="$3" how_long="$4" prepare="${5:-}"
  if binary_ok; then
    return 0
  fi
  if ! command -v go >/dev/null 2>&1; then
    log "go not found in PATH; cannot build $module"
    return 1
  fi
  mkdir -p "$(dirname "$BIN")"
  local tmp start dir
  tmp="$(mktemp -d)"
  start=$SECONDS
  log "building $module $version ($how_long)..."
  dir="$(cd "$tmp" && go mod download -json "$module@$version" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')"
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then
    log "go mod download did not give a source directory"
    rm -rf "$tmp"
    return 1
  fi
  cp -R "$dir" "$tmp/src"
  chmod -R u+w "$tmp/src"
  if [ -n "$prepare" ]; then
    (cd "$tmp/src" && "$prepare")
  fi
  if ! (cd "$tmp/src" && CGO_ENABLED=0 GOFLAGS=-buildvcs=false \
    go build -trimpath -o "$BIN.tmp" "$package"); then
    log "go build failed"
    rm -rf "$tmp" "$BIN.tmp"
    return 1
  fi
  mv -f "$BIN.tmp" "$BIN"
  rm -rf "$tmp"
  if ! binary_ok; then
    log "built binary does not run"
    return 1
  fi
  log "built $BIN in $((SECONDS - start))s"
}

# ready_to_start PORT: fails on a bad port, a server of ours still running, or a taken port;
# clears what a server that died left behind.
ready_to_start() {
  local port="$1"
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
}

# stop_server COMMAND TRIES DATA_PREFIX: stops the pid in $PID_FILE if its command line names
# COMMAND (SIGTERM, then SIGKILL after TRIES x 0.2 s), then removes the data directory named in
# $DATADIR_FILE if it is one of ours (its name starts with DATA_PREFIX).
stop_server() {
  local command="$1" tries="$2" prefix="$3"
  if [ -f "$PID_FILE" ]; then
    local pid i
    pid="$(cat "$PID_FILE")"
    if pid_alive "$pid" && grep -q "$command" "/proc/$pid/cmdline" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for i in $(seq 1 "$tries"); do
        pid_alive "$pid" || break
        sleep 0.2
      done
      if pid_alive "$pid"; then
        log "pid $pid did not exit after SIGTERM; sending SIGKILL"
        kill -9 "$pid" 2>/dev/null || true
      fi
      log "stopped $command (pid $pid)"
    fi
    rm -f "$PID_FILE"
  fi
  if [ -f "$DATADIR_FILE" ]; then
    local datadir
    datadir="$(cat "$DATADIR_FILE")"
    case "$datadir" in
      */"$prefix".*) rm -rf "$datadir" ;;
    esac
    rm -f "$DATADIR_FILE"
  fi
}
