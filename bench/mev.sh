#!/usr/bin/env bash
# Market-survey evaluation (MEV): `dias broadband evaluate` against DuckDB (PyPI), same CSV
# files, same run, same per-municipality table.
#
#   bash bench/mev.sh [--addresses 5000000] [--seed 42] [--survey-start 2026-01-15]
#                     [--horizon-years 3] [--rule-set gigabit-2.0] [--threads N]
#                     [--no-build] [--dias BIN] [--venv DIR] [--keep DIR] [--out FILE]
#
# 1. builds the generator (`cargo build --release -p dias-mev --example mev-generate`)
#    and writes N synthetic addresses with 1–4 responses each (seeded, see
#    crates/dias-mev/src/synthetic.rs) as addresses.csv and responses.csv;
# 2. runs bench/mev/duckdb_eval.py (DuckDB $DUCKDB_VERSION from PyPI, in a virtualenv) on
#    them under /usr/bin/time -v: wall time and peak RSS of the whole process — once with
#    the engine's row validation mirrored (duckdb_eval.sql, the comparison of issue 7) and
#    once without (duckdb_bare.sql, DuckDB's lower bound, correct on clean input only);
#    every timed run starts after `sync`, so none pays for the writeback of earlier files;
# 3. if target/release/dias (or --dias BIN) knows `broadband evaluate`, runs it the same way
#    and compares its municipalities.csv with DuckDB's, byte for byte and, if that differs,
#    after sorting both, and does the same on bench/mev/bad-rows (one row of every kind the
#    engine rejects) to check the validation mirror; otherwise says the engine CLI is missing.
# Prints a markdown table (addresses/s of both, ratio, peak memory, identical results) and
# writes it to --out FILE if given, and to bench/out/mev-<UTC time>.md (git-ignored).
#
# --threads N   threads for both (RAYON_NUM_THREADS, DuckDB `SET threads`); default: all cores.
# --no-build    do not build the generator (must exist in target/release/examples).
# --dias BIN    the dias binary (default target/release/dias; never built by this script:
#               `cargo build --release -p dias` first).
# --venv DIR    virtualenv for DuckDB (default $HOME/.cache/dias-bench-mev-venv).
# --keep DIR    write the generated files and both results to DIR and keep them.
#
# Everything is local; the temporary directory (about 190 MB per million addresses) is
# removed on exit unless --keep is given.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
HERE="$ROOT/bench/mev"

ADDRESSES=5000000
SEED=42
SURVEY_START=2026-01-15
HORIZON=3
RULE_SET=gigabit-2.0
THREADS=""
BUILD=1
DIAS_BIN="$ROOT/target/release/dias"
VENV="${DIAS_BENCH_MEV_VENV:-${HOME:-/tmp}/.cache/dias-bench-mev-venv}"
KEEP=""
OUT=""
DUCKDB_VERSION="${DUCKDB_VERSION:-2.0.1}"

usage() { sed -n '2,32p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --addresses) ADDRESSES=${2:?}; shift 2 ;;
    --seed) SEED=${2:?}; shift 2 ;;
    --survey-start) SURVEY_START=${2:?}; shift 2 ;;
    --horizon-years) HORIZON=${2:?}; shift 2 ;;
    --rule-set) RULE_SET=${2:?}; shift 2 ;;
    --threads) THREADS=${2:?}; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --dias) DIAS_BIN=${2:?}; shift 2 ;;
    --venv) VENV=${2:?}; shift 2 ;;
    --keep) KEEP=${2:?}; shift 2 ;;
    --out) OUT=${2:?}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

ADDRESSES=${ADDRESSES//_/}
for n in "$ADDRESSES" "$SEED" "$HORIZON" ${THREADS:+"$THREADS"}; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "--addresses, --seed, --horizon-years, --threads take a number" >&2; exit 2; }
done
[[ "$SURVEY_START" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "--survey-start takes YYYY-MM-DD" >&2; exit 2; }
RULE_FILE="$ROOT/crates/dias-mev/rules/$RULE_SET.json"
[[ -f "$RULE_FILE" ]] || { echo "unknown rule set $RULE_SET (no $RULE_FILE)" >&2; exit 2; }

say() { printf '[bench] %s\n' "$*" >&2; }

command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }
if [[ ! -x /usr/bin/time ]]; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    say "installing GNU time (apt package time)"
    apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
  else
    echo "GNU time is required at /usr/bin/time (Debian/Ubuntu: apt-get install time)" >&2; exit 1
  fi
fi

if [[ -n "$KEEP" ]]; then
  mkdir -p "$KEEP"
  WORK=$(cd "$KEEP" && pwd)
  cleanup() { :; }
else
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/dias-mev-bench.XXXXXX")
  # shellcheck disable=SC2317  # called by the EXIT trap
  cleanup() { rm -rf -- "$WORK"; }
fi
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. The generator.
GEN="$ROOT/target/release/examples/mev-generate"
if [[ $BUILD == 1 ]]; then
  say "cargo build --release --locked -p dias-mev --example mev-generate"
  cargo build --release --locked -q -p dias-mev --example mev-generate
fi
[[ -x "$GEN" ]] || { echo "no generator at $GEN (build it or drop --no-build)" >&2; exit 1; }

# 2. DuckDB in a virtualenv.
PY="$VENV/bin/python"
[[ -x "$PY" ]] || { say "creating $VENV"; python3 -m venv "$VENV"; }
if ! "$PY" -c "import importlib.metadata as m, sys; sys.exit(m.version('duckdb') != '$DUCKDB_VERSION')" >/dev/null 2>&1; then
  say "installing duckdb==$DUCKDB_VERSION from PyPI into $VENV"
  "$PY" -m pip install -q --disable-pip-version-check "duckdb==$DUCKDB_VERSION" \
    || { echo "pip install duckdb==$DUCKDB_VERSION failed" >&2; exit 1; }
fi

# Seconds from `Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.03` of `time -v`.
elapsed_s() {
  awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$1"
}
max_rss_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }

# 3. The same synthetic input for both.
say "generating $ADDRESSES addresses (seed $SEED, survey start $SURVEY_START)"
"$GEN" --addresses "$ADDRESSES" --seed "$SEED" --survey-start "$SURVEY_START" \
  --horizon-years "$HORIZON" --out "$WORK" >"$WORK/generate.json"
cat "$WORK/generate.json" >&2
RESPONSES=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["responses"])' "$WORK/generate.json")
# Warm the page cache equally for both (the files were just written; this makes it explicit).
cat "$WORK/addresses.csv" "$WORK/responses.csv" >/dev/null
# The freshly written input (about 190 MB per million addresses) is still dirty in the page
# cache: without `sync` its writeback would run during the first timed runs and slow whichever
# tool writes files then. Each timed run below starts after a `sync` (not timed), so no tool
# pays for the files of the generator or of an earlier run.
settle() { sync; }
settle

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# 4a. DuckDB.
say "DuckDB $DUCKDB_VERSION"
settle
duck_args=(--addresses "$WORK/addresses.csv" --responses "$WORK/responses.csv" --rule-set "$RULE_FILE"
  --survey-start "$SURVEY_START" --horizon-years "$HORIZON" --out "$WORK/duckdb-municipalities.csv")
[[ -n "$THREADS" ]] && duck_args+=(--threads "$THREADS")
/usr/bin/time -v -o "$WORK/duckdb.time" "$PY" "$HERE/duckdb_eval.py" "${duck_args[@]}" >"$WORK/duckdb.json" \
  || { cat "$WORK/duckdb.time" >&2; echo "DuckDB failed" >&2; exit 1; }
DUCK_WALL=$(elapsed_s "$WORK/duckdb.time")
DUCK_RSS=$(max_rss_kb "$WORK/duckdb.time")
DUCK_QUERY=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["query_s"])' "$WORK/duckdb.json")
DUCK_THREADS=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["threads"])' "$WORK/duckdb.json")
say "DuckDB: wall ${DUCK_WALL} s (query ${DUCK_QUERY} s), max RSS $((DUCK_RSS / 1024)) MB, $DUCK_THREADS threads"

# 4a'. DuckDB's lower bound: the classification without row validation (clean input only).
say "DuckDB $DUCKDB_VERSION, no row validation (duckdb_bare.sql)"
bare_args=("${duck_args[@]}")
bare_args[${#bare_args[@]} - 1]="$WORK/duckdb-bare-municipalities.csv"
settle
/usr/bin/time -v -o "$WORK/duckdb-bare.time" "$PY" "$HERE/duckdb_eval.py" --sql "$HERE/duckdb_bare.sql" "${bare_args[@]}" \
  >"$WORK/duckdb-bare.json" || { cat "$WORK/duckdb-bare.time" >&2; echo "DuckDB (bare) failed" >&2; exit 1; }
BARE_WALL=$(elapsed_s "$WORK/duckdb-bare.time")
BARE_RSS=$(max_rss_kb "$WORK/duckdb-bare.time")
BARE_QUERY=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["query_s"])' "$WORK/duckdb-bare.json")
if cmp -s "$WORK/duckdb-bare-municipalities.csv" "$WORK/duckdb-municipalities.csv"; then BARE_SAME=identical; else BARE_SAME=DIFFERENT; fi
say "DuckDB bare: wall ${BARE_WALL} s (query ${BARE_QUERY} s), max RSS $((BARE_RSS / 1024)) MB; result vs. validating query: $BARE_SAME"

# 4b. dias, if its CLI has the command.
ENGINE=missing
if [[ -x "$DIAS_BIN" ]] && "$DIAS_BIN" broadband evaluate --help >/dev/null 2>&1; then
  ENGINE=ok
  say "dias broadband evaluate"
  mkdir -p "$WORK/dias"
  settle
  (
    [[ -n "$THREADS" ]] && export RAYON_NUM_THREADS=$THREADS
    exec /usr/bin/time -v -o "$WORK/dias.time" "$DIAS_BIN" broadband evaluate \
      --addresses "$WORK/addresses.csv" --responses "$WORK/responses.csv" --rule-set "$RULE_SET" \
      --survey-start "$SURVEY_START" --horizon-years "$HORIZON" --out "$WORK/dias"
  ) 2>"$WORK/dias.log" || { cat "$WORK/dias.log" "$WORK/dias.time" >&2; echo "dias broadband evaluate failed" >&2; exit 1; }
  DIAS_WALL=$(elapsed_s "$WORK/dias.time")
  DIAS_RSS=$(max_rss_kb "$WORK/dias.time")
  say "dias: wall ${DIAS_WALL} s, max RSS $((DIAS_RSS / 1024)) MB"
  if cmp -s "$WORK/dias/municipalities.csv" "$WORK/duckdb-municipalities.csv"; then
    SAME="identical (byte for byte)"
  elif cmp -s <(sort "$WORK/dias/municipalities.csv") <(sort "$WORK/duckdb-municipalities.csv"); then
    SAME="identical after sorting (row order differs)"
  else
    SAME="DIFFERENT"
    say "results differ:"
    diff <(sort "$WORK/duckdb-municipalities.csv") <(sort "$WORK/dias/municipalities.csv") | head -n 20 >&2 || true
  fi
  # The validation mirror on a small file with one row of every rejected kind.
  mkdir -p "$WORK/bad-rows"
  "$PY" "$HERE/duckdb_eval.py" --addresses "$HERE/bad-rows/addresses.csv" --responses "$HERE/bad-rows/responses.csv" \
    --rule-set "$RULE_FILE" --survey-start 2026-01-15 --horizon-years 3 --out "$WORK/bad-rows/duckdb.csv" >/dev/null
  "$DIAS_BIN" broadband evaluate --addresses "$HERE/bad-rows/addresses.csv" --responses "$HERE/bad-rows/responses.csv" \
    --rule-set "$RULE_SET" --survey-start 2026-01-15 --horizon-years 3 --out "$WORK/bad-rows" >/dev/null 2>&1 \
    || { echo "dias broadband evaluate failed on bench/mev/bad-rows" >&2; exit 1; }
  if cmp -s "$WORK/bad-rows/municipalities.csv" "$WORK/bad-rows/duckdb.csv"; then
    BAD_ROWS="identical"
  else
    BAD_ROWS="DIFFERENT"
    diff "$WORK/bad-rows/duckdb.csv" "$WORK/bad-rows/municipalities.csv" >&2 || true
  fi
  say "bad-rows fixture: $BAD_ROWS"
else
  say "the engine CLI is missing: $DIAS_BIN has no \`broadband evaluate\` (build it with cargo build --release -p dias); DuckDB figures only"
fi

# 5. The report.
group() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; } # 1234567 -> 1,234,567
rate() { group "$(awk -v n="$ADDRESSES" -v s="$1" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print 0 }')"; }
mb() { group "$((${1} / 1024))"; }
CPU=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
TOTAL_RAM_KB=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- crates/dias-mev bench/mev 2>/dev/null || COMMIT="$COMMIT + uncommitted changes"
REPORT="$WORK/report.md"
{
  echo "MEV evaluation benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores ($CPU), $((TOTAL_RAM_KB / 1024 / 1024)) GiB RAM; load average before: $LOAD_BEFORE."
  echo "Input: $(group "$ADDRESSES") synthetic addresses, $(group "$RESPONSES") responses (seed $SEED), rule set $RULE_SET, survey start $SURVEY_START, horizon $HORIZON years; dias $COMMIT; DuckDB $DUCKDB_VERSION ($DUCK_THREADS threads)."
  echo "Times are wall clock of the whole process (CSV in → municipalities.csv out) under \`/usr/bin/time -v\`; memory is its peak RSS."
  echo
  echo "| tool | wall s | addresses/s | peak RSS MB | note |"
  echo "|---|---:|---:|---:|---|"
  if [[ $ENGINE == ok ]]; then
    echo "| dias broadband evaluate | $DIAS_WALL | $(rate "$DIAS_WALL") | $(mb "$DIAS_RSS") | |"
  fi
  echo "| DuckDB, same validation (duckdb_eval.sql) | $DUCK_WALL | $(rate "$DUCK_WALL") | $(mb "$DUCK_RSS") | query alone ${DUCK_QUERY} s |"
  echo "| DuckDB, no row validation (duckdb_bare.sql) | $BARE_WALL | $(rate "$BARE_WALL") | $(mb "$BARE_RSS") | query alone ${BARE_QUERY} s; clean input only; result $BARE_SAME |"
  echo
  if [[ $ENGINE == ok ]]; then
    ratio() { awk -v d="$1" -v e="$DIAS_WALL" 'BEGIN { if (e > 0) printf "%.2f", d / e; else print "–" }'; }
    echo "Ratio (DuckDB wall / dias wall): $(ratio "$DUCK_WALL")× against the validating query, $(ratio "$BARE_WALL")× against the bare one. Results: $SAME. Validation mirror (bench/mev/bad-rows): $BAD_ROWS."
    echo
    echo "dias also wrote addresses.csv, protocol.csv and rejected_rows.csv ($(du -sm "$WORK/dias" | cut -f1) MB in all; DuckDB writes only the table). Its phases (stderr, seconds since start):"
    echo
    echo '```'
    grep '^\[' "$WORK/dias.log" || true
    echo '```'
    echo
    echo "CPU: dias user $(awk -F': ' '/User time/ {print $2}' "$WORK/dias.time") s + system $(awk -F': ' '/System time/ {print $2}' "$WORK/dias.time") s; DuckDB validating user $(awk -F': ' '/User time/ {print $2}' "$WORK/duckdb.time") s + system $(awk -F': ' '/System time/ {print $2}' "$WORK/duckdb.time") s; DuckDB bare user $(awk -F': ' '/User time/ {print $2}' "$WORK/duckdb-bare.time") s + system $(awk -F': ' '/System time/ {print $2}' "$WORK/duckdb-bare.time") s. Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
  else
    echo "dias: not run — \`${DIAS_BIN#"$ROOT"/}\` has no \`broadband evaluate\` command yet."
  fi
} >"$REPORT"

mkdir -p "$ROOT/bench/out"
SAVED="$ROOT/bench/out/mev-$(date -u +%Y%m%dT%H%M%SZ).md"
cp "$REPORT" "$SAVED"
[[ -n "$OUT" ]] && cp "$REPORT" "$OUT"
echo
cat "$REPORT"
say "saved to ${SAVED#"$ROOT"/}"
if [[ $ENGINE == ok && ($SAME == DIFFERENT || $BAD_ROWS == DIFFERENT) ]]; then exit 1; fi
