# Sourced by the benchmark scripts: release build, a scratch folder, and
# `measure` (best wall time and largest peak RSS over $RUNS runs).
# PROFILE=debug measures the debug build instead (no release build; only
# the ratios between rows mean anything then). `$out` is the build's
# folder: `$out/azint-report`, `$out/examples/synth`.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-3}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
if [ "${PROFILE:-release}" = debug ]; then
  cargo build --quiet --bin azint-report --example synth
  out=$CARGO_TARGET_DIR/debug
else
  cargo build --release --quiet --bin azint-report --example synth
  out=$CARGO_TARGET_DIR/release
fi
bin=$out/azint-report
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# hyperfine_or_loop RUNS CMD...: mean time of a short command.
hyperfine_or_loop() {
  local n=$1; shift
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 5 --runs "$n" "$*" | grep -E "Time|Range"
  else
    local start
    start=$(date +%s%N)
    for _ in $(seq "$n"); do "$@"; done
    echo "  mean $(( ($(date +%s%N) - start) / n / 1000 )) µs over $n runs (install hyperfine for more)"
  fi
}

# run CMD...: milliseconds and peak KB of one run.
run() {
  local start ms
  start=$(date +%s%N)
  /usr/bin/time -o "$tmp/rss" -f "%M" "$@" >/dev/null 2>&1
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "$ms $(tail -n 1 "$tmp/rss")"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# measure CMD...: sets $best (ms) and $peak (KB) over $runs runs.
measure() {
  best=0 peak=0
  for _ in $(seq "$runs"); do
    local start ms rss
    start=$(date +%s%N)
    /usr/bin/time -o "$tmp/rss" -f "%M" "$@" >/dev/null 2>"$tmp/stderr" || { cat "$tmp/stderr" >&2; exit 1; }
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    rss=$(tail -n 1 "$tmp/rss")
    if [ "$best" -eq 0 ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    if [ "$rss" -gt "$peak" ]; then peak=$rss; fi
  done
}
