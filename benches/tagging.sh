#!/usr/bin/env bash
# What tagging costs (issue 11: at most 15% of the default briefing's time
# and size, and of a 10,000-event briefing's time and peak memory).
#
#   benches/tagging.sh            RUNS=15 N=10000 by default
#
# One build, so nothing but the structure differs: the same Markdown is
# typeset to PDF with and without its structure tree (the example
# `tagging`), alternately. The whole run of the binary (which always tags)
# is measured too, and the ratio is given against the whole run without
# the structure: (run − tagged typesetting + untagged typesetting).
. "$(dirname "$0")/common.sh"
runs=${RUNS:-15}
n=${N:-10000}
cargo build --release --quiet --example tagging
tagging=$CARGO_TARGET_DIR/release/examples/tagging
"$CARGO_TARGET_DIR/release/examples/synth" "$n" "$tmp/syn" >/dev/null

best() { sort -n | head -1; }
largest() { sort -n | tail -1; }

case_() { # label runs markdown-args...
  local label=$1 k=$2; shift 2
  "$bin" "$@" --format md --as-of 2026-02-12 -q -o "$tmp/$label.md"
  : > "$tmp/$label.run"; : > "$tmp/$label.tagged"; : > "$tmp/$label.untagged"
  for _ in $(seq "$k"); do
    run "$bin" "$@" --format pdf --as-of 2026-02-12 -q -o "$tmp/$label.pdf" >> "$tmp/$label.run"
    run "$tagging" "$tmp/$label.md" tagged "$tmp/$label-t.pdf" >> "$tmp/$label.tagged"
    run "$tagging" "$tmp/$label.md" untagged "$tmp/$label-u.pdf" >> "$tmp/$label.untagged"
  done
}
case_ default "$runs" --period 2024-2026
case_ big 3 --data "$tmp/syn" --period 2000-2040

report() { # label pick-time
  local label=$1 pick=$2 r t u rp tp up
  r=$(cut -d' ' -f1 "$tmp/$label.run" | $pick)
  t=$(cut -d' ' -f1 "$tmp/$label.tagged" | $pick)
  u=$(cut -d' ' -f1 "$tmp/$label.untagged" | $pick)
  rp=$(cut -d' ' -f2 "$tmp/$label.run" | largest)
  tp=$(cut -d' ' -f2 "$tmp/$label.tagged" | largest)
  up=$(cut -d' ' -f2 "$tmp/$label.untagged" | largest)
  awk -v l="$label" -v r="$r" -v t="$t" -v u="$u" -v rp="$rp" -v tp="$tp" -v up="$up" \
      -v ts="$(stat -c %s "$tmp/$label-t.pdf")" -v us="$(stat -c %s "$tmp/$label-u.pdf")" 'BEGIN {
    base = r - t + u
    printf "%s briefing\n", l
    printf "  typesetting, ms       untagged %6d  tagged %6d  x%.2f\n", u, t, t / u
    printf "  whole run, ms         untagged %6d  tagged %6d  x%.2f\n", base, r, r / base
    printf "  peak memory, KB       untagged %6d  tagged %6d  x%.2f  (whole run %d)\n", up, tp, tp / up, rp
    printf "  size, bytes           untagged %6d  tagged %6d  x%.2f\n", us, ts, ts / us
  }'
}
report default median
report big best
