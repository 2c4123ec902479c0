#!/usr/bin/env bash
# Against the yardstick of issue 23: the Typst briefing a user would write
# over the same TOML (../shared/peers/: typst/briefing.typ, run-typst.sh and
# the generator gen.py), side by side, alternating, whole processes.
#
#   benches/peers.sh            N=10000 RUNS=5 by default
#
# Prints each side's median wall time and peak memory with the spread
# (min-max) of the runs, and the ratios the issue sets goals for (8x
# faster, 1/8 of the memory). Ours runs as a user runs it, the previous JSON
# summary beside the PDF included (its second run onward reads it).
# Needs Python 3; run-typst.sh installs `typst` from PyPI into a scratch
# virtual environment the first time.
. "$(dirname "$0")/common.sh"
n=${N:-10000}
k=${RUNS:-5}
peers=${PEERS:-$PWD/../shared/peers}
[ -x "$peers/run-typst.sh" ] || { echo "no yardstick at $peers (set PEERS)" >&2; exit 1; }

python3 "$peers/gen.py" "$n" --seed 1 -o "$tmp/synth.toml"
# The first runs of each (the venv's creation, cold caches) are not counted.
"$peers/run-typst.sh" "$tmp/synth.toml" "$tmp/typst.pdf" >/dev/null 2>&1
"$bin" --data "$tmp/synth.toml" --period 2024-2026 --as-of 2026-02-12 --format pdf -q -o "$tmp/ours.pdf"

: > "$tmp/ours"; : > "$tmp/typst"
for _ in $(seq "$k"); do
  run "$bin" --data "$tmp/synth.toml" --period 2024-2026 --as-of 2026-02-12 --format pdf -q -o "$tmp/ours.pdf" >> "$tmp/ours"
  run "$peers/run-typst.sh" "$tmp/synth.toml" "$tmp/typst.pdf" >> "$tmp/typst"
done

stats() { # file column -> "median (min-max)"
  local col=$2
  cut -d' ' -f"$col" "$1" | sort -n | awk '{a[NR]=$1} END {printf "%d (%d-%d)", a[int((NR+1)/2)], a[1], a[NR]}'
}
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages/ {print $2}'; }
echo "$n events, --period 2024-2026, medians of $k alternating runs (min-max)"
printf "  %-13s %-22s %-26s %s pages\n" azint-report "$(stats "$tmp/ours" 1) ms" "$(( $(cut -d' ' -f2 "$tmp/ours" | median) / 1024 )) MiB ($(stats "$tmp/ours" 2) KB)" "$(pages "$tmp/ours.pdf")"
printf "  %-13s %-22s %-26s %s pages\n" Typst "$(stats "$tmp/typst" 1) ms" "$(( $(cut -d' ' -f2 "$tmp/typst" | median) / 1024 )) MiB ($(stats "$tmp/typst" 2) KB)" "$(pages "$tmp/typst.pdf")"
awk -v a="$(cut -d' ' -f1 "$tmp/ours" | median)" -v b="$(cut -d' ' -f1 "$tmp/typst" | median)" \
    -v c="$(cut -d' ' -f2 "$tmp/ours" | median)" -v d="$(cut -d' ' -f2 "$tmp/typst" | median)" \
  'BEGIN { printf "  azint-report: %.1fx faster (goal 8x), %.3f of the memory (goal 0.125)\n", b / a, c / d }'
