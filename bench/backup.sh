#!/usr/bin/env bash
# `dias backup` while serving writes, restore as documented, check (bench/backup.mjs); on SQLite
# and, with --postgres auto (the default), on a throwaway PostgreSQL server (.ci/pg.sh).
#
#   bash bench/backup.sh [--postgres auto|none] [--no-build] [--keep]
#
# Ports 18320/18321 (SQLite) and 18330/18331 (PostgreSQL); work dirs /tmp/dias-bk-*, removed on
# exit with the PostgreSQL server (also on Ctrl-C) unless --keep. Exit code 1 when a check failed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=lib/common.sh
source bench/lib/common.sh
BUILD=1 KEEP=0 POSTGRES=auto
while [[ $# -gt 0 ]]; do
  case "$1" in
    --postgres) POSTGRES=${2:?--postgres auto|none}; shift ;;
    --postgres=*) POSTGRES=${1#*=} ;;
    --no-build) BUILD=0 ;;
    --keep) KEEP=1 ;;
    *) echo "usage: bash bench/backup.sh [--postgres auto|none] [--no-build] [--keep]" >&2; exit 2 ;;
  esac
  shift
done
[[ $POSTGRES == auto || $POSTGRES == none ]] || { echo "--postgres auto|none" >&2; exit 2; }

if [[ $BUILD -eq 1 ]]; then bench_build_if_stale; fi
bench_workdir dias-bk target/debug/dias
bench_trap_pg_cleanup

status=0
mkdir -p "$WORK/sqlite"
node "$ROOT/bench/backup.mjs" --backend sqlite --binary "$WORK/dias" --work "$WORK/sqlite" || status=1

if [[ $POSTGRES == auto ]]; then
  pg_start
  bench_pg_create dias_bk dias_bk_restored
  mkdir -p "$WORK/postgres"
  node "$ROOT/bench/backup.mjs" --backend postgres --binary "$WORK/dias" --work "$WORK/postgres" \
    --database-url "$(bench_pg_url dias_bk)" --restore-url "$(bench_pg_url dias_bk_restored)" || status=1
fi
echo
[[ $status -eq 0 ]] && echo "backup.sh: all checks passed" || echo "backup.sh: FAILED"
exit $status
