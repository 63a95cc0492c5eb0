#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests: initdb into a temp dir, start on a free loopback
# port with trust auth for the superuser `dias`, stop and delete everything afterwards.
#
# Sourced by .ci/run (functions pg_start / pg_stop, variables PG_PORT, PG_URL, PG_TMP).
# Run alone as a self-test: `bash .ci/pg.sh selftest` (starts, queries, stops).
#
# As root, postgres refuses to run: every server command runs as the `postgres` system user
# (created by Debian's postgresql package) through runuser. As a normal user it runs as that user.

PG_TMP="${PG_TMP:-}"
PG_PORT="${PG_PORT:-}"
PG_URL="${PG_URL:-}"
PG_BIN="${PG_BIN:-}"

pg_log() { printf '[pg] %s\n' "$*" >&2; }

# The newest installed server's bin dir (/usr/lib/postgresql/<version>/bin).
pg_find_bin() {
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1) || true
  if [[ -z "$dir" || ! -x "$dir/initdb" || ! -x "$dir/pg_ctl" ]]; then
    pg_log "no PostgreSQL server found under /usr/lib/postgresql/*/bin (apt-get install postgresql)"
    return 1
  fi
  printf '%s\n' "$dir"
}

# A free TCP port on 127.0.0.1 (the kernel picks one; tiny race until postgres binds it).
pg_free_port() {
  python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

# Runs a server command as the data dir's owner, from inside the temp dir (postgres must be able
# to read its working directory, which /root or a private checkout may not allow).
pg_as_owner() {
  (
    cd "$PG_TMP" || exit 1
    if [[ $EUID -eq 0 ]]; then
      exec runuser -u postgres -- "$@"
    else
      exec "$@"
    fi
  )
}

# Starts the server; sets PG_TMP, PG_PORT, PG_URL. Every step is checked explicitly, so this is
# safe to call where `set -e` is not in force (e.g. in `if pg_start; then`).
pg_start() {
  PG_BIN=$(pg_find_bin) || return 1
  PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/dias-pg.XXXXXX") || return 1
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || { pg_log "system user postgres is missing"; return 1; }
    chown postgres:postgres "$PG_TMP" || return 1
  fi
  chmod 700 "$PG_TMP" || return 1

  pg_log "initdb ($PG_BIN) in $PG_TMP/data"
  pg_as_owner "$PG_BIN/initdb" -D "$PG_TMP/data" -U dias -A trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$PG_TMP/initdb.log" 2>&1 || { cat "$PG_TMP/initdb.log" >&2; return 1; }

  local attempt
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(pg_free_port) || return 1
    # Throwaway data: durability settings off for speed; loopback only; socket in the temp dir.
    if pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >"$PG_TMP/pg_ctl.log" 2>&1; then
      break
    fi
    pg_log "start on port $PG_PORT failed (attempt $attempt):"
    tail -n 5 "$PG_TMP/server.log" >&2 2>/dev/null || true
    PG_PORT=""
  done
  [[ -n "$PG_PORT" ]] || return 1

  for _ in $(seq 1 60); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U dias -d postgres; then
      PG_URL="postgres://dias@127.0.0.1:$PG_PORT/postgres"
      pg_log "ready: $PG_URL"
      return 0
    fi
    sleep 0.5
  done
  pg_log "server did not become ready:"
  tail -n 20 "$PG_TMP/server.log" >&2 2>/dev/null || true
  return 1
}

# Stops the server (if running) and deletes its temp dir. Idempotent.
pg_stop() {
  if [[ -n "$PG_TMP" && -d "$PG_TMP" ]]; then
    if [[ -f "$PG_TMP/data/postmaster.pid" && -n "$PG_BIN" ]]; then
      pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
        || pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
        || pg_log "could not stop the server in $PG_TMP"
    fi
    rm -rf -- "$PG_TMP"
    pg_log "stopped and removed $PG_TMP"
  fi
  PG_TMP=""
  PG_PORT=""
  PG_URL=""
}

# Self-test when run directly.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  case "${1:-selftest}" in
    selftest)
      trap pg_stop EXIT
      pg_start
      "$PG_BIN/psql" "$PG_URL" -v ON_ERROR_STOP=1 -qAt \
        -c "select 'server ' || current_setting('server_version') || ', user ' || current_user || ', port ' || current_setting('port')" \
        -c "create database dias_selftest" -c "drop database dias_selftest"
      echo "[pg] selftest ok"
      ;;
    *)
      echo "usage: bash .ci/pg.sh [selftest]" >&2
      exit 2
      ;;
  esac
fi
