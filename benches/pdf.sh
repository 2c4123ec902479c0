#!/usr/bin/env bash
# Benchmarks for issue #3: the typeset PDF.
#
#   benches/pdf.sh                   default briefing, then 1,000 and 10,000 events
#   SIZES="10000 30000" benches/pdf.sh
#
# Wall time (best of RUNS), peak resident memory (largest of RUNS), pages and
# size of the PDF.
source "$(dirname "$0")/common.sh"
sizes=${SIZES:-"1000 10000"}

echo "== default briefing, 2024-2026, to PDF"
hyperfine_or_loop 60 "$bin" --period 2024-2026 --format pdf --as-of 2026-02-12 -q -o "$tmp/default.pdf"
measure "$bin" --period 2024-2026 --format pdf --as-of 2026-02-12 -q -o "$tmp/default.pdf"
echo "  $(stat -c %s "$tmp/default.pdf") bytes, peak $(( peak / 1024 )) MB"

echo "== synthetic events, full briefing with chronology (best of $runs runs)"
for n in $sizes; do
  "$CARGO_TARGET_DIR/release/examples/synth" "$n" "$tmp/syn$n"
  measure "$bin" --data "$tmp/syn$n" --format pdf --as-of 2026-02-12 -o "$tmp/out.pdf"
  pages=$(grep -o '[0-9]* pages' "$tmp/stderr" | head -n 1)
  printf "  N=%-7s %6d ms %6d MB  %s, %s bytes\n" "$n" "$best" "$(( peak / 1024 ))" "$pages" "$(stat -c %s "$tmp/out.pdf")"
  rm -rf "$tmp/syn$n"
done
