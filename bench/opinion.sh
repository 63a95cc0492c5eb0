#!/usr/bin/env bash
# Opinion-group analysis: `dias opinion analyze` against red-dwarf (PyPI), same input, same run.
#
#   bash bench/opinion.sh [--size small|medium|large|all|LIST] [--threads 1] [--repeat 3]
#                         [--seed 42] [--no-build] [--dias BIN] [--venv DIR] [--no-reddwarf]
#                         [--reddwarf-timeout 900] [--reddwarf-large] [--out FILE]
#
# Sizes (participants × statements, share of cells voted):
#   small   1,000 × 100 at 10 %      quick check
#   medium  10,000 × 1,000 at 10 %   the target of issue 4 (default)
#   large   100,000 × 10,000 at 1 %  dias only unless --reddwarf-large
# LIST is comma-separated, e.g. --size small,medium.
#
# Per size: bench/opinion/generate.py writes seeded synthetic votes with 4 planted groups as
# `participant,statement,vote`; `dias opinion analyze` runs --repeat times under
# /usr/bin/time -v (wall time, max RSS; analysis time = `timings_ms.total` of the JSON, median);
# bench/opinion/reddwarf_run.py runs red-dwarf's Polis pipeline once on the same file (analysis
# time measured inside Python, CSV parsing excluded; bounded by `timeout`); compare.py reports
# both k and the adjusted Rand index of the memberships, also against the planted groups.
#
# --threads N      threads for both tools (RAYON_NUM_THREADS; OMP/OPENBLAS/MKL_NUM_THREADS).
#                  Default 1: the spec's target is "on one core".
# --venv DIR       virtualenv for red-dwarf (default $HOME/.cache/dias-bench-venv, created and
#                  filled with `pip install red-dwarf==$REDDWARF_VERSION` when missing).
# --reddwarf-large also run red-dwarf on inputs whose dense matrix exceeds 1/6 of RAM (skipped by
#                  default: red-dwarf builds dense participants × statements float64 matrices,
#                  8 GB each at the large size), under `ulimit -v` of 3/4 of RAM.
#
# Everything is local; every red-dwarf run is bounded by --reddwarf-timeout seconds. Prints a
# markdown table and saves it to bench/out/opinion-<UTC time>.md (git-ignored).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
HERE="$ROOT/bench/opinion"

SIZES=medium
THREADS=1
REPEAT=3
SEED=42
BUILD=1
DIAS_BIN="$ROOT/target/release/dias"
VENV="${DIAS_BENCH_VENV:-${HOME:-/tmp}/.cache/dias-bench-venv}"
REDDWARF=1
RD_TIMEOUT=900
RD_LARGE=0
OUT=""
REDDWARF_VERSION="${REDDWARF_VERSION:-0.4.0}"

usage() { sed -n '2,30p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) SIZES=${2:?--size needs small, medium, large, all or a list}; shift 2 ;;
    --threads) THREADS=${2:?}; shift 2 ;;
    --repeat) REPEAT=${2:?}; shift 2 ;;
    --seed) SEED=${2:?}; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --dias) DIAS_BIN=${2:?}; BUILD=0; shift 2 ;;
    --venv) VENV=${2:?}; shift 2 ;;
    --no-reddwarf) REDDWARF=0; shift ;;
    --reddwarf-timeout) RD_TIMEOUT=${2:?}; shift 2 ;;
    --reddwarf-large) RD_LARGE=1; shift ;;
    --out) OUT=${2:?}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

[[ "$SIZES" == all ]] && SIZES=small,medium,large
IFS=, read -r -a SIZE_LIST <<<"$SIZES"
for s in "${SIZE_LIST[@]}"; do
  [[ "$s" =~ ^(small|medium|large)$ ]] || { echo "unknown size: $s" >&2; exit 2; }
done
for n in "$THREADS" "$REPEAT" "$SEED" "$RD_TIMEOUT"; do
  [[ "$n" =~ ^[0-9]+$ && "$n" -ge 1 ]] || { echo "--threads, --repeat, --seed, --reddwarf-timeout take a number >= 1" >&2; exit 2; }
done

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

TMP=$(mktemp -d "${TMPDIR:-/tmp}/dias-opinion-bench.XXXXXX")
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() { rm -rf -- "$TMP"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. The release binary.
if [[ $BUILD == 1 ]]; then
  say "cargo build --release --locked -p dias"
  cargo build --release --locked -p dias
  DIAS_BIN="$ROOT/target/release/dias"
fi
[[ -x "$DIAS_BIN" ]] || { echo "no dias binary at $DIAS_BIN (build it or drop --no-build)" >&2; exit 1; }

# 2. A virtualenv with red-dwarf (also gives the generator numpy and compare.py scikit-learn).
RD_UNAVAILABLE=""
PY="$VENV/bin/python"
venv_has() { [[ -x "$PY" ]] && "$PY" -c "$1" >/dev/null 2>&1; }
[[ -x "$PY" ]] || { say "creating $VENV"; python3 -m venv "$VENV"; }
if [[ $REDDWARF == 0 ]]; then
  RD_UNAVAILABLE="skipped (--no-reddwarf)"
elif ! venv_has "import importlib.metadata as m, sys; sys.exit(m.version('red-dwarf') != '$REDDWARF_VERSION')"; then
  say "installing red-dwarf==$REDDWARF_VERSION from PyPI into $VENV"
  if ! "$PY" -m pip install -q --disable-pip-version-check "red-dwarf==$REDDWARF_VERSION" >"$TMP/pip.log" 2>&1; then
    RD_UNAVAILABLE="pip install red-dwarf==$REDDWARF_VERSION failed: $(tail -n 3 "$TMP/pip.log" | tr '\n' ' ')"
    say "$RD_UNAVAILABLE"
  fi
fi
if [[ -z "$RD_UNAVAILABLE" ]] && ! venv_has "from reddwarf.implementations.polis import run_pipeline"; then
  RD_UNAVAILABLE="reddwarf.implementations.polis.run_pipeline cannot be imported from $VENV"
fi
if ! venv_has "import numpy, sklearn"; then
  say "installing numpy and scikit-learn into $VENV (generator, adjusted Rand index)"
  "$PY" -m pip install -q --disable-pip-version-check numpy scikit-learn \
    || { echo "cannot install numpy and scikit-learn into $VENV" >&2; exit 1; }
fi
RD_VERSION=$("$PY" -c "import importlib.metadata as m; print(m.version('red-dwarf'))" 2>/dev/null || echo none)

TOTAL_RAM_KB=$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)

# Seconds from `Elapsed (wall clock) time (h:mm:ss or m:ss): 1:02.03` of `time -v`.
elapsed_s() {
  awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$1"
}
max_rss_kb() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }

size_params() { # participants statements density
  case "$1" in
    small) echo "1000 100 0.10" ;;
    medium) echo "10000 1000 0.10" ;;
    large) echo "100000 10000 0.01" ;;
  esac
}

RESULTS="$TMP/results.jsonl"
: >"$RESULTS"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

for size in "${SIZE_LIST[@]}"; do
  read -r NP NS DENSITY < <(size_params "$size")
  dir="$TMP/$size"
  mkdir -p "$dir"

  # 3. The same synthetic votes for both tools.
  say "$size: generating $NP × $NS at $DENSITY (seed $SEED)"
  "$PY" "$HERE/generate.py" --participants "$NP" --statements "$NS" --density "$DENSITY" \
    --seed "$SEED" --out "$dir/votes.csv" --truth "$dir/truth.csv" 2>"$dir/gen.log"
  cat "$dir/gen.log" >&2
  votes=$(($(wc -l <"$dir/votes.csv") - 1))

  # 4a. dias, --repeat times.
  walls=() totals=() rss_max=0
  for i in $(seq 1 "$REPEAT"); do
    RAYON_NUM_THREADS=$THREADS /usr/bin/time -v -o "$dir/dias.time" \
      "$DIAS_BIN" opinion analyze --votes "$dir/votes.csv" --out "$dir/dias-$i.json" 2>"$dir/dias.log" \
      || { cat "$dir/dias.log" >&2; echo "dias opinion analyze failed" >&2; exit 1; }
    w=$(elapsed_s "$dir/dias.time")
    rss=$(max_rss_kb "$dir/dias.time")
    t=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["timings_ms"]["total"])' "$dir/dias-$i.json")
    walls+=("$w") totals+=("$t")
    if ((rss > rss_max)); then rss_max=$rss; fi
    say "$size: dias run $i: wall ${w} s, analysis ${t} ms, max RSS $((rss / 1024)) MB"
  done
  # The run with the median analysis time gives k and the phase timings.
  median_run=$("$PY" - "$dir" "$REPEAT" <<'PY'
import json, sys
d, n = sys.argv[1], int(sys.argv[2])
runs = sorted(range(1, n + 1), key=lambda i: json.load(open(f"{d}/dias-{i}.json"))["timings_ms"]["total"])
print(runs[(n - 1) // 2])
PY
)
  cp "$dir/dias-$median_run.json" "$dir/dias.json"

  # 4b. red-dwarf, once, bounded.
  rd_status="" rd_note=""
  dense_kb=$((NP * NS * 8 / 1024))
  if [[ -n "$RD_UNAVAILABLE" ]]; then
    rd_status="not run" rd_note="$RD_UNAVAILABLE"
  elif ((dense_kb * 6 > TOTAL_RAM_KB)) && [[ $RD_LARGE == 0 ]]; then
    rd_status="skipped"
    rd_note="red-dwarf builds dense $NP × $NS float64 matrices ($(awk -v k="$dense_kb" 'BEGIN {printf "%.1f", k / 1048576}') GiB each; the pivot, the moderation copy, imputation and PCA hold several at once) and computes silhouettes over all $NP participants; that does not fit $((TOTAL_RAM_KB / 1024 / 1024)) GB of RAM. Run with --reddwarf-large to try anyway (memory-capped, timeout ${RD_TIMEOUT} s)."
  else
    say "$size: red-dwarf $RD_VERSION (timeout ${RD_TIMEOUT} s)"
    set +e
    (
      [[ $RD_LARGE == 1 ]] && ulimit -v $((TOTAL_RAM_KB * 3 / 4))
      export OMP_NUM_THREADS=$THREADS OPENBLAS_NUM_THREADS=$THREADS MKL_NUM_THREADS=$THREADS
      export PYTHONWARNINGS=ignore
      exec timeout --kill-after=10 "$RD_TIMEOUT" /usr/bin/time -v -o "$dir/rd.time" \
        "$PY" "$HERE/reddwarf_run.py" --votes "$dir/votes.csv" --out "$dir/rd.json" --seed "$SEED"
    ) >"$dir/rd.out" 2>"$dir/rd.log"
    rc=$?
    set -e
    if [[ $rc == 0 ]]; then
      rd_status=ok
    elif [[ $rc == 124 || $rc == 137 ]]; then
      rd_status="timed out" rd_note="no result within ${RD_TIMEOUT} s (exit $rc)"
    else
      rd_status=failed rd_note="exit $rc: $(grep -v '^ *warnings.warn' "$dir/rd.log" | tail -n 2 | tr '\n' ' ')"
    fi
    say "$size: red-dwarf $rd_status $(cat "$dir/rd.out" 2>/dev/null) $rd_note"
  fi

  # 4c. k and membership agreement.
  cmp_args=(--dias "$dir/dias.json" --truth "$dir/truth.csv")
  [[ $rd_status == ok ]] && cmp_args+=(--reddwarf "$dir/rd.json")
  "$PY" "$HERE/compare.py" "${cmp_args[@]}" >"$dir/compare.json"

  rd_wall="" rd_rss=""
  if [[ $rd_status == ok ]]; then rd_wall=$(elapsed_s "$dir/rd.time"); rd_rss=$(max_rss_kb "$dir/rd.time"); fi
  "$PY" - "$size" "$NP" "$NS" "$votes" "$rss_max" "$dir" "$rd_status" "$rd_note" "$rd_wall" "$rd_rss" \
    "${walls[*]}" "${totals[*]}" >>"$RESULTS" <<'PY'
import json, sys
size, np_, ns, votes, rss, d, rd_status, rd_note, rd_wall, rd_rss, walls, totals = sys.argv[1:]
a = json.load(open(f"{d}/dias.json"))
rec = {
    "size": size, "participants": int(np_), "statements": int(ns), "votes": int(votes),
    "density": int(votes) / (int(np_) * int(ns)),
    "dias": {"wall_s": [float(x) for x in walls.split()], "total_ms": [float(x) for x in totals.split()],
             "max_rss_kb": int(rss), "k": a["k"], "timings_ms": a["timings_ms"]},
    "reddwarf": {"status": rd_status, "note": rd_note},
    "compare": json.load(open(f"{d}/compare.json")),
}
if rd_status == "ok":
    rec["reddwarf"].update(json.load(open(f"{d}/rd.out")))
    rec["reddwarf"].update({"wall_s": float(rd_wall), "max_rss_kb": int(rd_rss)})
print(json.dumps(rec))
PY
  rm -f "$dir/votes.csv" # the large one is ~130 MB
done

# 6. The report.
CPU=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- crates/dias-opinion crates/dias/src/opinion.rs 2>/dev/null || COMMIT="$COMMIT + uncommitted changes to dias-opinion"
REPORT="$TMP/report.md"
{
  echo "Opinion analysis benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores ($CPU), $((TOTAL_RAM_KB / 1024 / 1024)) GiB RAM; load average before: $LOAD_BEFORE."
  echo "dias $COMMIT (\`${DIAS_BIN#"$ROOT"/}\`), $THREADS thread(s), $REPEAT runs per size; red-dwarf $RD_VERSION, $THREADS thread(s), 1 run; seed $SEED."
  echo
  "$PY" "$HERE/report.py" "$RESULTS"
} >"$REPORT"

mkdir -p "$ROOT/bench/out"
SAVED="$ROOT/bench/out/opinion-$(date -u +%Y%m%dT%H%M%SZ).md"
cp "$REPORT" "$SAVED"
cp "$RESULTS" "${SAVED%.md}.jsonl"
[[ -n "$OUT" ]] && cp "$REPORT" "$OUT"
echo
cat "$REPORT"
say "saved to ${SAVED#"$ROOT"/}"
