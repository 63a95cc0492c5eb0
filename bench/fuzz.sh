#!/usr/bin/env bash
# Runs the cargo-fuzz targets of fuzz/ one after another (one core) and
# prints a summary table, saved under bench/out/.
#
#   bench/fuzz.sh [--minutes N] [TARGET...]
#
# N (default 10, fractions allowed: --minutes 0.5) is the time per target;
# without targets, all of `cargo fuzz list` run. Exits non-zero if any
# target crashed (panic, failed property, timeout > 10 s, > 2 GB memory);
# the crashing input is then in fuzz/artifacts/<target>/ and the log in
# bench/out/fuzz-<stamp>/<target>.log. Replay a crash with
#   cd fuzz && cargo +nightly fuzz run -s none -a <target> artifacts/<target>/<file>
# (add `--no-default-features` for the MEV and vote targets, see below).
# See docs/OPERATIONS.md, "Fuzzing".
set -euo pipefail

minutes=10
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --minutes=*) minutes="${1#--minutes=}"; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
seconds=$(awk -v m="$minutes" 'BEGIN { s = int(m * 60 + 0.5); if (s < 1) s = 1; print s }')

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"

if ! rustup toolchain list | grep -q '^nightly'; then
  echo "the nightly toolchain is needed: rustup toolchain install nightly" >&2
  exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

# No sanitizer: the fuzzed crates forbid unsafe code, so what is looked for
# are panics, failed properties, hangs and memory blow-ups, and without
# AddressSanitizer the targets run about twice as fast. Debug assertions
# (-a) turn on overflow checks.
flags=(-s none -a)

if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cargo +nightly fuzz list)
fi

# Each target is built with only the features it needs: the MEV and vote
# targets do without the web stack that dias-core, dias-funding and
# dias-participation bring (fuzz/Cargo.toml).
features_of() {
  case "$1" in
    markdown_render) echo "--no-default-features --features core" ;;
    funding_import) echo "--no-default-features --features funding" ;;
    text_import) echo "--no-default-features --features participation" ;;
    *) echo "--no-default-features" ;;
  esac
}
# All builds first, then the runs, which start the binaries directly: no
# cargo (and no build lock) while the fuzzers run. FUZZ_TARGET_DIR chooses
# another target directory (default fuzz/target), e.g. to run light targets
# while a build of the heavy ones holds fuzz/target.
target_dir="${FUZZ_TARGET_DIR:-$root/fuzz/target}"
for t in "${targets[@]}"; do
  # shellcheck disable=SC2046
  cargo +nightly fuzz build --target-dir "$target_dir" "${flags[@]}" $(features_of "$t") "$t"
done
triple=$(rustc +nightly -vV | sed -n 's/^host: //p')
bin_dir="$target_dir/$triple/release"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$root/bench/out/fuzz-$stamp"
mkdir -p "$out"
summary="$out/summary.md"
{
  echo "# Fuzzing $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $minutes min per target"
  echo
  echo "| target | minutes | executions | exec/s | corpus | new units | peak RSS MB | result |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
} > "$summary"

failed=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  if [ -d "seeds/$t" ]; then
    cp -n seeds/"$t"/* "corpus/$t/" 2>/dev/null || true
  fi
  log="$out/$t.log"
  echo "== $t: $minutes min, log $log"
  start=$(date +%s)
  set +e
  # One rayon thread: one core per fuzzer (the MEV reader and evaluation
  # are parallel).
  mkdir -p "artifacts/$t"
  RAYON_NUM_THREADS=1 "$bin_dir/$t" -artifact_prefix="artifacts/$t/" \
    -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=8192 \
    -print_final_stats=1 "corpus/$t" > "$log" 2>&1
  rc=$?
  set -e
  elapsed=$(( $(date +%s) - start ))
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  units=$(grep -o 'stat::new_units_added: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  if [ -z "$execs" ]; then
    # A crash ends the run before the final stats: take the last status line.
    execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
    rate=$(grep -o 'exec/s: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  fi
  corpus=$(find "corpus/$t" -type f | wc -l)
  if [ $rc -eq 0 ]; then
    result="ok"
  else
    failed=1
    artifact=$(grep -o 'Test unit written to [^ ]*' "$log" | tail -1 | sed 's/Test unit written to //' || true)
    kind=$(grep -o -m1 'ERROR: libFuzzer: [a-z-]*\|panicked at [^ ]*' "$log" | head -1 || true)
    result="CRASH (exit $rc) ${kind:-} ${artifact:-}"
  fi
  mins=$(awk -v s="$elapsed" 'BEGIN { printf "%.1f", s / 60 }')
  echo "| $t | $mins | ${execs:-?} | ${rate:-?} | $corpus | ${units:-?} | ${rss:-?} | $result |" >> "$summary"
  echo "   $result: ${execs:-?} executions, ${rate:-?}/s"
done

echo
cat "$summary"
echo
echo "saved: $summary"
exit $failed
