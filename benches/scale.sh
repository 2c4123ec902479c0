#!/usr/bin/env bash
# Benchmarks for issue #6: scale.
#
#   benches/scale.sh       100,000 events to PDF with the full chronology, and
#                          `check` on 1,000,000 events
#
# Wall time (best of RUNS, default 1 here: these are long) and peak memory.
RUNS=${RUNS:-1}
source "$(dirname "$0")/common.sh"

for n in 10000 100000; do
  "$CARGO_TARGET_DIR/release/examples/synth" "$n" "$tmp/syn$n"
  measure "$bin" --data "$tmp/syn$n" --format pdf --as-of 2026-02-12 -o "$tmp/out.pdf"
  pages=$(grep -o '[0-9]* pages' "$tmp/stderr" | head -n 1)
  printf "  PDF, N=%-8s %7d ms %6d MB  %s, %s bytes\n" "$n" "$best" "$(( peak / 1024 ))" "$pages" "$(stat -c %s "$tmp/out.pdf")"
  rm -rf "$tmp/syn$n"
done
for n in 100000 1000000; do
  "$CARGO_TARGET_DIR/release/examples/synth" "$n" "$tmp/syn$n"
  measure "$bin" check --data "$tmp/syn$n"
  printf "  check, N=%-8s %5d ms %6d MB  (%s of TOML)\n" "$n" "$best" "$(( peak / 1024 ))" "$(du -sh "$tmp/syn$n" | cut -f1)"
  rm -rf "$tmp/syn$n"
done
