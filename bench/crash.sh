#!/usr/bin/env bash
# Crash test: `kill -9` of the server under a write load loses no acknowledged write.
#
#   bash bench/crash.sh [--rounds 5] [--writers 8] [--postgres auto|URL|none] [--no-sqlite]
#                       [--binary PATH] [--build] [--tamper]
#
# Per database: `dias demo` into a temp dir (/tmp/dias-crash-*), then bench/crash.mjs: the
# server is started, 8 signed-in staff writers create news drafts, edit them and create
# published pages (each write with a unique marker), the server gets SIGKILL after a random
# 1–5 s, is restarted on the same data, and every acknowledged write (HTTP 303) is looked up in
# the database (sqlite3 / psql), in the audit log and — for pages — in the search. Several rounds
# on the same data. Prints a markdown table and saves it to bench/out/crash-<UTC time>.md.
#
# --postgres auto   also run on a throwaway PostgreSQL (.ci/pg.sh), deleted afterwards.
# --postgres URL    also run on this EMPTY database.
# --binary PATH     the dias binary (default target/debug/dias; --build builds it first). It is
#                   copied into the temp dir, so a rebuild meanwhile does not disturb the run.
# --tamper          self-test of the checker: deletes one acknowledged row; the run must fail.
#
# Exit code: 0 when every round of every database found all acknowledged writes, else 1.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/common.sh
source bench/lib/common.sh

ROUNDS=5
WRITERS=8
POSTGRES=none
SQLITE=1
BINARY="${CARGO_TARGET_DIR:-$ROOT/target}/debug/dias"
BUILD=0
TAMPER=()

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS=${2:?}; shift 2 ;;
    --writers) WRITERS=${2:?}; shift 2 ;;
    --postgres) POSTGRES=${2:?--postgres needs auto, a URL or none}; shift 2 ;;
    --no-sqlite) SQLITE=0; shift ;;
    --binary) BINARY=${2:?}; shift 2 ;;
    --build) BUILD=1; shift ;;
    --tamper) TAMPER=(--tamper); shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
bench_positive --rounds "$ROUNDS"
bench_positive --writers "$WRITERS"
command -v node >/dev/null || { echo "node (20+) is required" >&2; exit 1; }
if [[ $SQLITE -eq 1 ]] && ! command -v sqlite3 >/dev/null; then
  echo "sqlite3 is required (apt-get install sqlite3)" >&2
  exit 1
fi
if [[ "$POSTGRES" != none ]] && ! command -v psql >/dev/null; then
  echo "psql is required for --postgres (apt-get install postgresql-client)" >&2
  exit 1
fi

say() { printf '[crash] %s\n' "$*" >&2; }

if [[ $BUILD -eq 1 ]]; then
  say "cargo build -p dias"
  nice cargo build --locked -p dias
fi
[[ -x "$BINARY" ]] || { echo "missing $BINARY (build it with cargo build -p dias, or pass --build)" >&2; exit 1; }

bench_workdir dias-crash "$BINARY"
bench_trap_kill_cleanup

mkdir -p bench/out
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="bench/out/crash-$STAMP.md"
ROWS="$WORK/rows.md"
: >"$ROWS"
STATUS=0

# run_db NAME PORT [--database-url URL]
run_db() {
  local name=$1 port=$2
  shift 2
  local data="$WORK/$name"
  mkdir -p "$data"
  say "$name: dias demo"
  "$WORK/dias" demo --data-dir "$data" "$@" </dev/null >"$data/demo.log" 2>&1 \
    || { cat "$data/demo.log" >&2; return 1; }
  say "$name: $ROUNDS rounds, $WRITERS writers"
  if ! node bench/crash.mjs --binary "$WORK/dias" --work "$data" --port "$port" --label "$name" \
    --rounds "$ROUNDS" --writers "$WRITERS" --out "bench/out/crash-$STAMP-$name.json" "${TAMPER[@]}" "$@" >>"$ROWS"; then
    say "$name: FAILED"
    STATUS=1
  fi
}

if [[ $SQLITE -eq 1 ]]; then
  run_db sqlite 18210
fi

if [[ "$POSTGRES" != none ]]; then
  bench_secret_key
  if [[ "$POSTGRES" == auto ]]; then
    bench_pg_auto dias_crash
  else
    PG_DB_URL=$POSTGRES
  fi
  run_db postgres 18211 --database-url "$PG_DB_URL"
fi

{
  echo "# Crash test $STAMP"
  echo
  echo "$(nproc) cores, $(uname -sr); binary $BINARY; $WRITERS writers; kill -9 after a random 1–5 s per round."
  echo "Acknowledged writes are news drafts / news edits / published pages (303 answers)."
  echo
  echo "| DB | round | kill after | acknowledged (news/edits/pages) | found | missing | in flight (present) | pages in search | errors before kill | restart | sessions lost |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  cat "$ROWS"
} | tee "$OUT"
say "saved $OUT"
if [[ $STATUS -eq 0 ]]; then say "PASS: no acknowledged write lost"; else say "FAIL"; fi
exit $STATUS
