#!/usr/bin/env bash
# Benchmarks for issue #2: the Markdown briefing.
#
#   benches/markdown.sh              default dataset, then 1,000 / 10,000 / 100,000 events
#   SIZES="1000 50000" benches/markdown.sh
#
# Builds in release, writes synthetic datasets with benches/synth.rs, and
# reports wall time (best of RUNS) and peak resident memory (largest of RUNS,
# from /usr/bin/time) for the briefing with and without its chronology.
# Uses hyperfine for the default dataset when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-3}
sizes=${SIZES:-"1000 10000 100000"}
cargo build --release --quiet --bin azint-report --example synth
bin=target/release/azint-report
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== default dataset, 2024-2026, to Markdown"
default=("$bin" --period 2024-2026 --format md --as-of 2026-02-12 -q -o "$tmp/default.md")
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 5 --runs 100 "${default[*]}" | grep -E "Time|Range"
else
  start=$(date +%s%N)
  for _ in $(seq 100); do "${default[@]}"; done
  echo "  mean $(( ($(date +%s%N) - start) / 100000 )) µs over 100 runs (install hyperfine for more)"
fi

# measure LABEL ARGS...: best wall time and largest peak RSS over $runs runs.
measure() {
  local label=$1; shift
  local best=0 peak=0
  for _ in $(seq "$runs"); do
    local start end rss
    start=$(date +%s%N)
    /usr/bin/time -o "$tmp/rss" -f "%M" "$@" >/dev/null 2>&1
    rss=$(tail -n 1 "$tmp/rss")
    end=$(date +%s%N)
    local ms=$(( (end - start) / 1000000 ))
    if [ "$best" -eq 0 ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    if [ "$rss" -gt "$peak" ]; then peak=$rss; fi
  done
  printf "  %-28s %8d ms %8d MB\n" "$label" "$best" "$(( peak / 1024 ))"
}

echo "== synthetic events (best of $runs runs; peak RSS)"
for n in $sizes; do
  target/release/examples/synth "$n" "$tmp/syn$n"
  echo "N=$n ($(du -sh "$tmp/syn$n" | cut -f1) of TOML)"
  measure "check" "$bin" check --data "$tmp/syn$n"
  measure "markdown, no chronology" "$bin" --data "$tmp/syn$n" --format md --as-of 2026-02-12 -q --no-chronology -o "$tmp/out.md"
  measure "markdown, full" "$bin" --data "$tmp/syn$n" --format md --as-of 2026-02-12 -q -o "$tmp/out.md"
  rm -rf "$tmp/syn$n"
done
