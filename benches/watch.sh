#!/usr/bin/env bash
# Benchmark for issue #5: from a saved edit to the new PDF on disk, under
# --watch, on the default dataset.
#
#   benches/watch.sh            10 saves
#   SAVES=30 benches/watch.sh
#
# Each save rewrites a data file (temporary file renamed over it, as editors
# do) with a changed title; the time runs until the PDF's modification time
# changes. Prints each latency and the median and worst.
source "$(dirname "$0")/common.sh"
saves=${SAVES:-10}

cp -r data "$tmp/data"
"$bin" --watch --data "$tmp/data" --format pdf --period 2024-2026 --as-of 2026-02-12 -q --out-dir "$tmp/out" &
watcher=$!
trap 'kill -INT $watcher 2>/dev/null; wait $watcher 2>/dev/null; rm -rf "$tmp"' EXIT
pdf="$tmp/out/azint-briefing-2024-2026.pdf"
for _ in $(seq 500); do [ -f "$pdf" ] && break; sleep 0.01; done
sleep 0.3

file="$tmp/data/events/2025.toml"
latencies=()
for i in $(seq "$saves"); do
  before=$(stat -c %.9Y "$pdf")
  sed "s/long-term gas contracts\"/long-term gas contracts, save $i\"/" data/events/2025.toml > "$file.tmp"
  start=$(date +%s%N)
  mv "$file.tmp" "$file"
  until [ "$(stat -c %.9Y "$pdf")" != "$before" ]; do sleep 0.001; done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  latencies+=("$ms")
  echo "  save $i: ${ms} ms"
  sleep 0.2
done
sorted=$(printf '%s\n' "${latencies[@]}" | sort -n)
echo "median $(echo "$sorted" | sed -n "$(( (saves + 1) / 2 ))p") ms, worst $(echo "$sorted" | tail -n 1) ms over $saves saves"
