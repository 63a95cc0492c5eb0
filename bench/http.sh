#!/usr/bin/env bash
# HTTP load benchmark of the release binary on the large demo data set, with oha.
#
#   bash bench/http.sh [--postgres URL|auto] [--duration 20s] [--connections 64]
#                      [--urls FILE] [--no-build] [--out FILE]
#
# Builds `dias` (release), generates `dias demo --scale large` into a temp data dir, serves it on
# a free 127.0.0.1 port and runs oha against every path in bench/urls.txt, one after the other.
# Prints a markdown table: requests/s, p50 and p99 latency, errors (transport errors + non-2xx),
# and the server's resident memory (highest VmRSS sampled during the run; VmHWM at the end).
#
# --postgres URL   also run everything against PostgreSQL (an EMPTY database; `--database-url`).
# --postgres auto  start a throwaway PostgreSQL for it (.ci/pg.sh) and delete it afterwards.
#
# All traffic goes to 127.0.0.1; every oha run is bounded by --duration. Note that the load
# generator shares the machine's cores with the server: oha gets one worker thread.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

DURATION=20s
CONNECTIONS=64
URLS_FILE="$ROOT/bench/urls.txt"
POSTGRES=""
BUILD=1
OUT=""
OHA_THREADS="${OHA_THREADS:-1}"

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --postgres) POSTGRES=${2:?--postgres needs a URL or auto}; shift 2 ;;
    --duration) DURATION=${2:?}; shift 2 ;;
    --connections | -c) CONNECTIONS=${2:?}; shift 2 ;;
    --urls) URLS_FILE=${2:?}; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --out) OUT=${2:?}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

[[ "$DURATION" =~ ^[0-9]+(s|m)$ ]] || { echo "--duration must look like 20s or 2m" >&2; exit 2; }
[[ "$CONNECTIONS" =~ ^[0-9]+$ ]] || { echo "--connections must be a number" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is required" >&2; exit 1; }

mapfile -t PATHS < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$URLS_FILE")
[[ ${#PATHS[@]} -gt 0 ]] || { echo "no paths in $URLS_FILE" >&2; exit 1; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/dias-bench.XXXXXX")
SERVER_PID=""
SAMPLER_PID=""

stop_server() {
  if [[ -n "$SAMPLER_PID" ]]; then kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""; fi
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  set +e
  stop_server
  if declare -F pg_stop >/dev/null; then pg_stop; fi
  rm -rf -- "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say() { printf '[bench] %s\n' "$*" >&2; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# --- tools ----------------------------------------------------------------------------------

if ! command -v oha >/dev/null; then
  if [[ -x "$HOME/.cargo/bin/oha" ]]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  else
    say "installing oha (cargo install oha --locked)"
    CARGO_TARGET_DIR="$TMP/oha-target" cargo install oha --locked
    rm -rf "$TMP/oha-target"
  fi
fi
say "$(oha --version)"

if [[ $BUILD -eq 1 ]]; then
  say "cargo build --release -p dias"
  cargo build --release --locked -p dias
fi
DIAS="${CARGO_TARGET_DIR:-$ROOT/target}/release/dias"
[[ -x "$DIAS" ]] || { echo "missing $DIAS (build it, or drop --no-build)" >&2; exit 1; }

# --- one backend ------------------------------------------------------------------------------

RESULTS="$TMP/results.tsv" # backend path rps p50 p99 errors rss_max_kb
: >"$RESULTS"
declare -A HWM_KB=()
declare -A DEMO_S=()

rss_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null || true; }

# run_backend NAME [extra args for demo and serve...]
run_backend() {
  local name=$1
  shift
  local data="$TMP/data-$name"
  mkdir -p "$data"

  say "$name: dias demo --scale large"
  local t0=$SECONDS
  "$DIAS" demo --scale large --data-dir "$data" "$@" </dev/null >"$TMP/demo-$name.log" 2>&1 \
    || { tail -n 30 "$TMP/demo-$name.log" >&2; return 1; }
  DEMO_S[$name]=$((SECONDS - t0))
  say "$name: demo data in ${DEMO_S[$name]}s"

  local port
  port=$(free_port)
  local base="http://127.0.0.1:$port"
  "$DIAS" serve --data-dir "$data" --listen "127.0.0.1:$port" "$@" </dev/null >"$TMP/serve-$name.log" 2>&1 &
  SERVER_PID=$!
  local deadline=$((SECONDS + 300))
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$base/healthz" || true)" == 200 ]]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null || ((SECONDS > deadline)); then
      say "$name: server did not come up"
      tail -n 30 "$TMP/serve-$name.log" >&2
      return 1
    fi
    sleep 0.5
  done
  say "$name: serving on $base (pid $SERVER_PID)"

  local path url json
  for path in "${PATHS[@]}"; do
    url="$base$path"
    # Warm-up (caches, connection pools), not measured.
    oha -c 8 -z 3s -w --no-tui --worker-threads "$OHA_THREADS" --output-format quiet "$url" >/dev/null 2>&1 || true

    # Highest VmRSS while the load runs.
    (
      max=0
      while kill -0 "$SERVER_PID" 2>/dev/null; do
        v=$(rss_kb "$SERVER_PID" VmRSS)
        [[ -n "$v" && "$v" -gt "$max" ]] && max=$v && echo "$max" >"$TMP/rss-max"
        sleep 0.25
      done
    ) &
    SAMPLER_PID=$!

    say "$name: oha -c $CONNECTIONS -z $DURATION $path"
    json="$TMP/oha-$name-$(echo "$path" | tr -c 'a-zA-Z0-9' '_').json"
    oha -c "$CONNECTIONS" -z "$DURATION" -w --no-tui --worker-threads "$OHA_THREADS" --output-format json "$url" >"$json"

    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
    local rss_max
    rss_max=$(cat "$TMP/rss-max" 2>/dev/null || echo 0)
    rm -f "$TMP/rss-max"

    python3 - "$json" "$name" "$path" "$rss_max" >>"$RESULTS" <<'PY'
import json, sys
f, backend, path, rss = sys.argv[1:5]
d = json.load(open(f))
s = d["summary"]
p = d["latencyPercentiles"]
status = d.get("statusCodeDistribution", {})
errors = sum(v for k, v in d.get("errorDistribution", {}).items() if k != "aborted due to deadline")
errors += sum(v for k, v in status.items() if not str(k).startswith("2"))
print("\t".join([backend, path, f"{s['requestsPerSec']:.0f}", f"{(p.get('p50') or 0) * 1000:.2f}",
                 f"{(p.get('p99') or 0) * 1000:.2f}", str(errors), rss]))
PY
  done

  HWM_KB[$name]=$(rss_kb "$SERVER_PID" VmHWM)
  stop_server
}

# --- run --------------------------------------------------------------------------------------

run_backend sqlite

if [[ -n "$POSTGRES" ]]; then
  PG_DB_URL=$POSTGRES
  if [[ "$POSTGRES" == auto ]]; then
    # shellcheck source=.ci/pg.sh
    source "$ROOT/.ci/pg.sh"
    pg_start
    "$PG_BIN/psql" "$PG_URL" -qAt -v ON_ERROR_STOP=1 -c 'create database dias_bench'
    PG_DB_URL="postgres://dias@127.0.0.1:$PG_PORT/dias_bench"
  fi
  # With PostgreSQL, dias needs a shared secret key (SQLite keeps one in the data dir).
  if [[ -z "${DIAS_SECRET_KEY:-}" ]]; then
    DIAS_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
    export DIAS_SECRET_KEY
  fi
  run_backend postgres --database-url "$PG_DB_URL"
fi

# --- report -----------------------------------------------------------------------------------

report() {
  echo "## HTTP load: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, oha -c $CONNECTIONS -z $DURATION (oha: $OHA_THREADS thread)"
  echo
  echo "| backend | path | req/s | p50 ms | p99 ms | errors | max RSS MB (during run) |"
  echo "|---|---|---:|---:|---:|---:|---:|"
  while IFS=$'\t' read -r backend path rps p50 p99 errors rss; do
    # shellcheck disable=SC2016  # literal backticks: markdown code
    printf '| %s | `%s` | %s | %s | %s | %s | %s |\n' "$backend" "$path" "$rps" "$p50" "$p99" "$errors" \
      "$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')"
  done <"$RESULTS"
  echo
  local b
  for b in "${!HWM_KB[@]}"; do
    printf -- '- %s: demo data generated in %ss; server peak RSS (VmHWM) %s MB\n' "$b" "${DEMO_S[$b]}" \
      "$(awk -v k="${HWM_KB[$b]:-0}" 'BEGIN { printf "%.0f", k / 1024 }')"
  done
}

report | tee "$TMP/report.md"
if [[ -z "$OUT" ]]; then
  mkdir -p "$ROOT/bench/out"
  OUT="$ROOT/bench/out/http-$(date -u +%Y%m%dT%H%M%SZ).md"
fi
cp "$TMP/report.md" "$OUT"
say "report saved to $OUT"
