#!/usr/bin/env bash
# Soak test: N minutes of mixed read/write load with zero errors and memory growth < 10 %.
#
#   bash bench/soak.sh [--minutes 10] [--readers 16] [--postgres auto|URL|none] [--no-sqlite]
#                      [--scale small|large] [--no-build] [--binary PATH]
#
# Builds the release binary (`nice cargo build --release -p dias`; skip with --no-build), copies
# it into a temp dir (/tmp/dias-soak-*), loads `dias demo --scale large` and runs bench/soak.mjs
# against `dias serve`: anonymous and signed-in readers over bench/urls.txt and the search, and
# signed-in writers (news drafts and edits, published pages, opinion votes, comments, sign-in/out)
# at a steady rate, while the server's VmRSS is sampled every second. Prints a markdown table
# (requests by kind, errors, req/s, p50/p99, RSS baseline/end/max, growth) and saves it to
# bench/out/soak-<UTC time>-<db>.{md,json}.
#
# --postgres auto   also run on a throwaway PostgreSQL (.ci/pg.sh), deleted afterwards.
# --postgres URL    also run on this EMPTY database.
#
# Exit code 1 when a run has any error or its memory grew by 10 % or more.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=lib/common.sh
source bench/lib/common.sh

MINUTES=10
READERS=16
POSTGRES=none
SQLITE=1
SCALE=large
BUILD=1
BINARY=""

usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) MINUTES=${2:?}; shift 2 ;;
    --readers) READERS=${2:?}; shift 2 ;;
    --postgres) POSTGRES=${2:?--postgres needs auto, a URL or none}; shift 2 ;;
    --no-sqlite) SQLITE=0; shift ;;
    --scale) SCALE=${2:?}; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --binary) BINARY=${2:?}; BUILD=0; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
bench_positive --minutes "$MINUTES"
bench_positive --readers "$READERS"
[[ "$SCALE" == small || "$SCALE" == large ]] || { echo "--scale must be small or large" >&2; exit 2; }
command -v node >/dev/null || { echo "node (20+) is required" >&2; exit 1; }

say() { printf '[soak] %s\n' "$*" >&2; }

if [[ $BUILD -eq 1 ]]; then
  say "nice cargo build --release -p dias"
  nice cargo build --release --locked -p dias
fi
BINARY=${BINARY:-"${CARGO_TARGET_DIR:-$ROOT/target}/release/dias"}
[[ -x "$BINARY" ]] || { echo "missing $BINARY (build it, or drop --no-build)" >&2; exit 1; }

bench_workdir dias-soak "$BINARY"
bench_trap_kill_cleanup

mkdir -p bench/out
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
STATUS=0

# run_db NAME PORT [--database-url URL]
run_db() {
  local name=$1 port=$2
  shift 2
  local data="$WORK/$name"
  mkdir -p "$data"
  say "$name: dias demo --scale $SCALE"
  "$WORK/dias" demo --scale "$SCALE" --data-dir "$data" "$@" </dev/null >"$data/demo.log" 2>&1 \
    || { cat "$data/demo.log" >&2; return 1; }
  say "$name: $MINUTES minutes of load"
  if ! node bench/soak.mjs --binary "$WORK/dias" --work "$data" --port "$port" --label "$name" \
    --minutes "$MINUTES" --readers "$READERS" --out "bench/out/soak-$STAMP-$name" "$@"; then
    say "$name: FAILED"
    STATUS=1
  fi
  say "saved bench/out/soak-$STAMP-$name.md"
}

if [[ $SQLITE -eq 1 ]]; then
  run_db sqlite 18260
fi

if [[ "$POSTGRES" != none ]]; then
  bench_secret_key
  if [[ "$POSTGRES" == auto ]]; then
    command -v psql >/dev/null || { echo "psql is required for --postgres auto" >&2; exit 1; }
    bench_pg_auto dias_soak
  else
    PG_DB_URL=$POSTGRES
  fi
  run_db postgres 18261 --database-url "$PG_DB_URL"
fi

if [[ $STATUS -eq 0 ]]; then say "PASS"; else say "FAIL"; fi
exit $STATUS
