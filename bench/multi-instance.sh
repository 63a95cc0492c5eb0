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
if [[ $BUILD -eq 1 ]] && [[ ! -x target/debug/dias || -n "$(find crates -name '*.rs' -newer target/debug/dias -print -quit)" ]]; then
  echo "target/debug/dias is missing or older than the sources: cargo build -p dias"
  cargo build -p dias
fi
WORK=$(mktemp -d /tmp/dias-mi-XXXXXX)
cp target/debug/dias "$WORK/dias"

source .ci/pg.sh
cleanup() {
  local code=$?
  pg_stop || true
  if [[ $KEEP -eq 0 ]]; then rm -rf -- "$WORK"; else echo "kept $WORK (logs a.log, b.log)"; fi
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM
pg_start
psql "$PG_URL" -qAtX -v ON_ERROR_STOP=1 -c 'create database dias_mi'
DB_URL="postgres://dias@127.0.0.1:$PG_PORT/dias_mi"

node "$ROOT/bench/multi-instance.mjs" --binary "$WORK/dias" --database-url "$DB_URL" --work "$WORK" "$@"
