#!/usr/bin/env bash
# Manage a local in-memory dynalite (DynamoDB-compatible) server for tests.
#
# Usage: scripts/dynalite.sh start|stop|status|endpoint
#
#   start     Install dynalite@4.0.0 into <repo>/.tools/dynalite if needed, start it on
#             127.0.0.1 with a free port, and print its endpoint (the only stdout output).
#             If it is already running, print the existing endpoint.
#   stop      Stop the server (TERM, then KILL); no error if it is not running.
#   status    Print "running <endpoint> (pid N)" and exit 0, or "not running" and exit 1.
#   endpoint  Print the endpoint of the running server; exit 1 if not running.
#
# Environment:
#   DYNALITE_CREATE_TABLE_MS, DYNALITE_UPDATE_TABLE_MS, DYNALITE_DELETE_TABLE_MS
#       passed to dynalite as createTableMs/updateTableMs/deleteTableMs (default 500).
#   DYNALITE_START_TIMEOUT  seconds to wait for the server to become ready (default 30).
set -euo pipefail

DYNALITE_VERSION=4.0.0
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
DIR="$ROOT/.tools/dynalite"
LAUNCHER="$ROOT/scripts/dynalite-server.js"
PID_FILE="$DIR/pid"
ENDPOINT_FILE="$DIR/endpoint"
LOG_FILE="$DIR/server.log"

log() { printf 'dynalite.sh: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
  echo "usage: $0 start|stop|status|endpoint" >&2
  exit 2
}

require_node() {
  command -v node >/dev/null 2>&1 || die "'node' not found on PATH; Node.js >= 20 is required to run dynalite"
  command -v npm >/dev/null 2>&1 || die "'npm' not found on PATH; it is required to install dynalite"
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || true)"
  [[ "$major" =~ ^[0-9]+$ ]] || die "could not determine the Node.js version"
  (( major >= 20 )) || die "Node.js >= 20 is required by dynalite $DYNALITE_VERSION (found $(node -v))"
}

installed_version() {
  local pkg="$DIR/node_modules/dynalite/package.json"
  [[ -f "$pkg" ]] || return 0
  DYNALITE_PKG_JSON="$pkg" node -p 'require(process.env.DYNALITE_PKG_JSON).version' 2>/dev/null || true
}

ensure_installed() {
  local have
  have="$(installed_version)"
  if [[ "$have" == "$DYNALITE_VERSION" ]]; then
    return 0
  fi
  if [[ -n "$have" ]]; then
    log "found dynalite $have, installing $DYNALITE_VERSION into $DIR"
  else
    log "installing dynalite $DYNALITE_VERSION into $DIR"
  fi
  mkdir -p "$DIR"
  # npm's stdout goes to stderr: this script's stdout is reserved for the endpoint.
  npm install --prefix "$DIR" --no-save --no-package-lock --no-audit --no-fund \
    --ignore-scripts --loglevel=warn "dynalite@$DYNALITE_VERSION" 1>&2 \
    || die "npm install of dynalite@$DYNALITE_VERSION failed"
  have="$(installed_version)"
  [[ "$have" == "$DYNALITE_VERSION" ]] \
    || die "dynalite $DYNALITE_VERSION not found in $DIR/node_modules after install (found '${have:-nothing}')"
}

# Prints the PID of our running server, or nothing. Guards against stale pid files
# and PID reuse by checking the process command line mentions our launcher.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 0
  local pid
  pid="$(tr -dc '0-9' <"$PID_FILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  local args=""
  if [[ -r "/proc/$pid/cmdline" ]]; then
    args="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  elif command -v ps >/dev/null 2>&1; then
    args="$(ps -o args= -p "$pid" 2>/dev/null || true)"
  else
    args="dynalite-server.js"   # cannot verify; trust the pid file
  fi
  [[ "$args" == *dynalite-server.js* ]] || return 0
  printf '%s\n' "$pid"
}

is_alive() { kill -0 "$1" 2>/dev/null; }

kill_pid() {
  local pid="$1" i
  is_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do   # up to ~5 s
    is_alive "$pid" || return 0
    sleep 0.1
  done
  log "process $pid did not exit after SIGTERM, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 20; i++)); do
    is_alive "$pid" || return 0
    sleep 0.1
  done
  log "WARNING: process $pid still alive after SIGKILL"
}

cmd_start() {
  local pid endpoint
  pid="$(running_pid)"
  if [[ -n "$pid" && -s "$ENDPOINT_FILE" ]]; then
    endpoint="$(<"$ENDPOINT_FILE")"
    log "already running (pid $pid) at $endpoint"
    printf '%s\n' "$endpoint"
    return 0
  fi
  if [[ -n "$pid" ]]; then
    # Alive but no endpoint recorded: an interrupted start. Replace it.
    log "found server process $pid without an endpoint file; restarting it"
    kill_pid "$pid"
  fi
  rm -f "$PID_FILE" "$ENDPOINT_FILE"

  require_node
  ensure_installed
  [[ -f "$LAUNCHER" ]] || die "launcher not found: $LAUNCHER"

  local timeout="${DYNALITE_START_TIMEOUT:-30}"
  [[ "$timeout" =~ ^[0-9]+$ ]] || die "DYNALITE_START_TIMEOUT must be a whole number of seconds, got '$timeout'"

  : >"$LOG_FILE"
  nohup node "$LAUNCHER" "$DIR" </dev/null >>"$LOG_FILE" 2>&1 &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"

  local deadline=$((SECONDS + timeout))
  endpoint=""
  while :; do
    endpoint="$(grep -m1 -E '^http://127\.0\.0\.1:[0-9]+$' "$LOG_FILE" 2>/dev/null || true)"
    [[ -n "$endpoint" ]] && break
    if ! is_alive "$pid"; then
      rm -f "$PID_FILE"
      log "server exited before becoming ready; log ($LOG_FILE):"
      sed 's/^/  /' "$LOG_FILE" >&2 || true
      die "failed to start dynalite"
    fi
    if (( SECONDS >= deadline )); then
      log "server not ready after ${timeout}s; log ($LOG_FILE):"
      sed 's/^/  /' "$LOG_FILE" >&2 || true
      kill_pid "$pid"
      rm -f "$PID_FILE"
      die "timed out waiting for dynalite to start"
    fi
    sleep 0.1
  done

  printf '%s\n' "$endpoint" >"$ENDPOINT_FILE"
  log "started dynalite $DYNALITE_VERSION (pid $pid) at $endpoint"
  printf '%s\n' "$endpoint"
}

cmd_stop() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" ]]; then
    kill_pid "$pid"
    log "stopped dynalite (pid $pid)"
  else
    log "not running"
  fi
  rm -f "$PID_FILE" "$ENDPOINT_FILE"
}

cmd_status() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" && -s "$ENDPOINT_FILE" ]]; then
    printf 'running %s (pid %s)\n' "$(<"$ENDPOINT_FILE")" "$pid"
  else
    echo "not running"
    return 1
  fi
}

cmd_endpoint() {
  local pid
  pid="$(running_pid)"
  if [[ -n "$pid" && -s "$ENDPOINT_FILE" ]]; then
    cat "$ENDPOINT_FILE"
  else
    die "dynalite is not running (start it with: $0 start)"
  fi
}

[[ $# -eq 1 ]] || usage
case "$1" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  endpoint) cmd_endpoint ;;
  *) usage ;;
esac
