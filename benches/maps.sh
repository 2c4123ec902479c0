#!/usr/bin/env bash
# Benchmark for issue 26: what the maps cost.
#
#   benches/maps.sh                     10,000 events, 200-partner registry,
#                                       50 places and 50 routes (PLACES=50)
#   N=2000 RUNS=5 benches/maps.sh
#   PROFILE=debug RUNS=1 benches/maps.sh
#
# The PDF and the Markdown with its map files, on N synthetic events naming
# partners of a 200-partner registry, two ways:
#   maps     the built-in templates: the partner map (and the route map
#            when the data have routes) drawn in the PDF, written as SVG
#            and GeoJSON beside the Markdown
#   no-maps  the same templates with the maps' partials emptied: nothing
#            drawn, no map file written
# Wall time is the best of RUNS, memory the largest peak RSS of RUNS; the
# last column is the ratio of the two times. Done when "maps" takes at most
# 5% longer than "no-maps".
. "$(dirname "$0")/common.sh"

n=${N:-10000}

"$out/examples/synth" "$n" "$tmp/data" 200 "${PLACES:-50}"
cp -r templates "$tmp/no-maps"
: > "$tmp/no-maps/map-partners.md.hbs"
: > "$tmp/no-maps/map-routes.md.hbs"
echo "N=$n events; registry of $(grep -c '^\[\[partner\]\]' "$tmp/data/partners.toml") partners; $(grep -c '^\[\[place\]\]' "$tmp/data/places.toml") places, $(grep -c '^\[\[route\]\]' "$tmp/data/places.toml") routes"
printf "  %-8s %-8s %8s %8s %8s\n" format row ms MB ratio
for format in pdf both; do
  base=0
  for row in no-maps maps; do
    templates=()
    if [ "$row" = no-maps ]; then templates=(--templates "$tmp/no-maps"); fi
    rm -rf "$tmp/out" && mkdir "$tmp/out"
    measure "$bin" --data "$tmp/data" "${templates[@]}" --format "$format" --as-of 2026-02-12 --no-changes -q --out-dir "$tmp/out"
    if [ "$row" = no-maps ]; then base=$best; fi
    ratio=$(awk -v a="$best" -v b="$base" 'BEGIN { printf "%.3f", a / b }')
    printf "  %-8s %-8s %8d %8d %8s\n" "$format" "$row" "$best" $((peak / 1024)) "$ratio"
  done
  ls "$tmp/out" | sed 's/^/    /'
done
