#!/usr/bin/env bash
# Two dias instances on one throwaway PostgreSQL database, checked by bench/multi-instance.mjs:
# sessions and CSRF tokens across instances, writes visible on the other instance's pages and
# search, cached menus, background jobs exactly once. See bench/README.md.
#
#   bash bench/multi-instance.sh [--no-build] [--keep] [-- extra args for multi-instance.mjs]
#
# Ports 18310/18311; work dir /tmp/dias-mi-*; the PostgreSQL server comes from .ci/pg.sh and is
# removed on exit (also on Ctrl-C), like the instances and the work dir (unless --keep).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=lib/common.sh
source bench/lib/common.sh
BUILD=1 KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --keep) KEEP=1 ;;
    --) shift; break ;;
    *) echo "usage: bash bench/multi-instance.sh [--no-build] [--keep] [-- args for multi-instance.mjs]" >&2; exit 2 ;;
  esac
  shift
done

# The binary must be newer than every source file; others may rebuild it, so use a copy.
if [[ $BUILD -eq 1 ]]; then bench_build_if_stale; fi
bench_workdir dias-mi target/debug/dias
BENCH_KEPT_NOTE=" (logs a.log, b.log)"
bench_trap_pg_cleanup
pg_start
bench_pg_create dias_mi
DB_URL=$(bench_pg_url dias_mi)

node "$ROOT/bench/multi-instance.mjs" --binary "$WORK/dias" --database-url "$DB_URL" --work "$WORK" "$@"
