#!/usr/bin/env bash
# Benchmarks for issue #2: the Markdown briefing.
#
#   benches/markdown.sh              default dataset, then 1,000 / 10,000 / 100,000 events
#   SIZES="1000 50000" RUNS=5 benches/markdown.sh
#
# Writes synthetic datasets with benches/synth.rs and reports wall time (best
# of RUNS) and peak resident memory (largest of RUNS) for `check` and for the
# briefing with and without its chronology.
source "$(dirname "$0")/common.sh"
sizes=${SIZES:-"1000 10000 100000"}

echo "== default dataset, 2024-2026, to Markdown"
hyperfine_or_loop 100 "$bin" --period 2024-2026 --format md --as-of 2026-02-12 -q -o "$tmp/default.md"

echo "== synthetic events (best of $runs runs; peak RSS)"
for n in $sizes; do
  "$CARGO_TARGET_DIR/release/examples/synth" "$n" "$tmp/syn$n"
  echo "N=$n ($(du -sh "$tmp/syn$n" | cut -f1) of TOML)"
  for mode in check no-chronology full; do
    case $mode in
      check) measure "$bin" check --data "$tmp/syn$n" ;;
      no-chronology) measure "$bin" --data "$tmp/syn$n" --format md --as-of 2026-02-12 -q --no-chronology -o "$tmp/out.md" ;;
      full) measure "$bin" --data "$tmp/syn$n" --format md --as-of 2026-02-12 -q -o "$tmp/out.md" ;;
    esac
    printf "  %-16s %8d ms %8d MB\n" "$mode" "$best" "$(( peak / 1024 ))"
  done
  rm -rf "$tmp/syn$n"
done
