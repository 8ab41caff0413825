#!/usr/bin/env bash
# Build, start and stop a throwaway Mailpit (SMTP server with an HTTP API) for CI: the tests
# send the newsroom's notification emails to it and read them back.
#
#   .ci/mailpit.sh build                    build .cache/bin/mailpit if missing or broken
#   .ci/mailpit.sh start [SMTP_PORT] [HTTP_PORT]
#                                           build if needed, start SMTP on 127.0.0.1:SMTP_PORT
#                                           (default 1025) and the API on 127.0.0.1:HTTP_PORT
#                                           (default 8025), wait until both listen
#   .ci/mailpit.sh stop                     stop it and remove its data directory
#
# Chaos is on: a test makes the SMTP server refuse mail (PUT /api/v1/chaos) to show that a
# failing mail server never fails the write that sent the email.
#
# Files (relative to the repo root): .cache/bin/mailpit, .cache/mailpit.pid,
# .cache/mailpit.datadir, .cache/mailpit.log. Messages: http://127.0.0.1:HTTP_PORT/api/v1/messages.
#
# Built from its Go module like FerretDB (no Debian package; `go install` would work here, but
# the shared helper keeps one way of building and caching the test servers).
set -euo pipefail

MAILPIT_VERSION="v1.33.1"
MAILPIT_MODULE="github.com/axllent/mailpit"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="$ROOT/.cache"
BIN_DIR="$CACHE/bin"
BIN="$BIN_DIR/mailpit"
PID_FILE="$CACHE/mailpit.pid"
DATADIR_FILE="$CACHE/mailpit.datadir"
LOG_FILE="$CACHE/mailpit.log"

NAME="mailpit.sh"
# shellcheck source=lib.sh
. "$ROOT/.ci/lib.sh"

binary_ok() {
  [ -x "$BIN" ] && "$BIN" version --no-release-check >/dev/null 2>&1
}

build() {
  go_build_module "$MAILPIT_MODULE" "$MAILPIT_VERSION" . 'this takes a minute or two'
}

start() {
  local smtp="${1:-1025}" http="${2:-8025}"
  ready_to_start "$smtp"
  ready_to_start "$http"

  build

  local datadir
  datadir="$(mktemp -d "${TMPDIR:-/tmp}/mailpit-data.XXXXXX")"
  echo "$datadir" >"$DATADIR_FILE"

  "$BIN" \
    --smtp "127.0.0.1:$smtp" \
    --listen "127.0.0.1:$http" \
    --database "$datadir/mailpit.db" \
    --smtp-auth-allow-insecure \
    --enable-chaos \
    --disable-version-check \
    --quiet \
    </dev/null >"$LOG_FILE" 2>&1 &
  local pid=$!
  echo "$pid" >"$PID_FILE"

  local deadline=$((SECONDS + 30))
  until port_open "$smtp" && curl -sf -o /dev/null "http://127.0.0.1:$http/api/v1/messages"; do
    if ! pid_alive "$pid"; then
      log "Mailpit exited during startup; log follows:"
      cat "$LOG_FILE" >&2 || true
      stop
      return 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      log "Mailpit did not listen on 127.0.0.1:$smtp and :$http within 30s; log follows:"
      cat "$LOG_FILE" >&2 || true
      stop
      return 1
    fi
    sleep 0.2
  done
  log "Mailpit $MAILPIT_VERSION: SMTP on 127.0.0.1:$smtp, API on 127.0.0.1:$http (pid $pid, data $datadir)"
}

stop() {
  stop_server mailpit 50 mailpit-data
}

case "${1:-}" in
  build) build ;;
  start) start "${2:-1025}" "${3:-8025}" ;;
  stop) stop ;;
  *)
    echo "usage: $0 {build|start [SMTP_PORT] [HTTP_PORT]|stop}" >&2
    exit 2
    ;;
esac
