# Shared set-up of the bench shell scripts (crash.sh, soak.sh, backup.sh, multi-instance.sh).
# Source it from the repository root after `set -euo pipefail`:
#
#   # shellcheck source=lib/common.sh
#   source bench/lib/common.sh
#
# It only defines functions; each script keeps its own options, usage text and report.

# bench_positive FLAG VALUE: exit 2 unless VALUE is a positive whole number.
bench_positive() {
  [[ "$2" =~ ^[1-9][0-9]*$ ]] || { echo "$1 must be a positive number" >&2; exit 2; }
}

# bench_build_if_stale: `cargo build -p dias` when target/debug/dias is missing or older than a
# source file. Others may rebuild it meanwhile, so the scripts run a copy (bench_workdir).
bench_build_if_stale() {
  if [[ ! -x target/debug/dias || -n "$(find crates -name '*.rs' -newer target/debug/dias -print -quit)" ]]; then
    echo "target/debug/dias is missing or older than the sources: cargo build -p dias"
    cargo build -p dias
  fi
}

# bench_workdir PREFIX BINARY: sets WORK to a new /tmp/PREFIX-XXXXXX holding a copy of BINARY as
# $WORK/dias, so that a rebuild during the run does not disturb it.
bench_workdir() {
  WORK=$(mktemp -d "/tmp/$1-XXXXXX")
  cp "$2" "$WORK/dias"
}

# bench_secret_key: exports a random DIAS_SECRET_KEY (PostgreSQL needs one secret shared by all
# commands and instances; any ≥ 32 characters do for a test).
bench_secret_key() {
  DIAS_SECRET_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')
  export DIAS_SECRET_KEY
}

# bench_pg_create NAME...: creates these databases on the server of .ci/pg.sh (after pg_start).
bench_pg_create() {
  local name
  for name in "$@"; do
    psql "$PG_URL" -X -q -v ON_ERROR_STOP=1 -c "create database $name" >/dev/null
  done
}

# bench_pg_url NAME: the URL of database NAME on the server of .ci/pg.sh.
bench_pg_url() {
  printf 'postgres://dias@127.0.0.1:%s/%s\n' "$PG_PORT" "$1"
}

# bench_pg_auto NAME: starts a throwaway PostgreSQL (.ci/pg.sh), creates database NAME in it and
# sets PG_DB_URL to it. The EXIT trap of bench_kill_cleanup stops the server.
bench_pg_auto() {
  # shellcheck source=../../.ci/pg.sh
  source .ci/pg.sh
  pg_start
  bench_pg_create "$1"
  PG_DB_URL=$(bench_pg_url "$1")
}

# For scripts whose servers are killed and restarted (crash.sh, soak.sh): on exit SIGKILL every
# server still running (pid in $WORK/*/server.pid), stop the PostgreSQL server if one was
# started, remove $WORK. Ctrl-C exits 130, SIGTERM 143.
# shellcheck disable=SC2317  # called by the EXIT trap
bench_kill_cleanup() {
  set +e
  local f pid
  for f in "$WORK"/*/server.pid; do
    [[ -f "$f" ]] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null; fi
  done
  if declare -F pg_stop >/dev/null; then pg_stop; fi
  rm -rf -- "$WORK"
}
bench_trap_kill_cleanup() {
  trap bench_kill_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

# For scripts with a --keep option (backup.sh, multi-instance.sh; KEEP=1 keeps $WORK): sources
# .ci/pg.sh; on exit stops its PostgreSQL server and removes $WORK unless KEEP is 1 (then prints
# "kept $WORK" and BENCH_KEPT_NOTE), keeping the exit code. Ctrl-C and SIGTERM exit 130.
bench_trap_pg_cleanup() {
  # shellcheck source=../../.ci/pg.sh
  source .ci/pg.sh
  trap bench_pg_cleanup EXIT
  trap 'exit 130' INT TERM
}
# shellcheck disable=SC2317  # called by the EXIT trap
bench_pg_cleanup() {
  local code=$?
  pg_stop || true
  if [[ $KEEP -eq 0 ]]; then rm -rf -- "$WORK"; else echo "kept $WORK${BENCH_KEPT_NOTE:-}"; fi
  exit $code
}
