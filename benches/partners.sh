#!/usr/bin/env bash
# Benchmarks for issue 13: the partner registry.
#
#   benches/partners.sh                 100,000 events
#   N=20000 RUNS=5 benches/partners.sh
#   PROFILE=debug RUNS=1 benches/partners.sh
#
# `check` and the Markdown briefing on N synthetic events, three ways:
#   today     the synthetic data as before issue 13 (25 free-text partners)
#   free-text the same events naming 5,000 partners by name, alias or id,
#             without a registry (check warns about likely duplicates)
#   registry  the same events with the 5,000-partner registry
# Wall time is the best of RUNS, memory the largest peak RSS of RUNS.
# One release build, serialised with the other worktrees' builds.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${N:-100000}
runs=${RUNS:-3}
# PROFILE=debug measures the debug build instead (no release build; only
# the ratios between the rows mean anything then).
if [ "${PROFILE:-release}" = debug ]; then
  cargo build --quiet --bin azint-report --example synth
  out=target/debug
else
  flock /tmp/release.lock cargo build --release --quiet --bin azint-report --example synth
  out=target/release
fi
bin=$out/azint-report
# BASELINE=path/to/azint-report (a build of the commit before issue 13)
# adds rows "before:…": that binary on the "today" and "free-text" data
# (it cannot read a registry).
baseline=${BASELINE:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# measure CMD...: sets $best (ms) and $peak (KB) over $runs runs.
measure() {
  best=0 peak=0
  for _ in $(seq "$runs"); do
    local start ms rss
    start=$(date +%s%N)
    /usr/bin/time -o "$tmp/rss" -f "%M" "$@" >/dev/null 2>"$tmp/stderr" || true
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    rss=$(tail -n 1 "$tmp/rss")
    if [ "$best" -eq 0 ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    if [ "$rss" -gt "$peak" ]; then peak=$rss; fi
  done
}

"$out/examples/synth" "$n" "$tmp/today"
"$out/examples/synth" "$n" "$tmp/registry" 5000
mkdir "$tmp/free-text"
cp -r "$tmp/registry/events" "$tmp/registry/pillars.toml" "$tmp/free-text/"
echo "N=$n events; registry of $(grep -c '^\[\[partner\]\]' "$tmp/registry/partners.toml") partners ($(du -h "$tmp/registry/partners.toml" | cut -f1))"
printf "  %-18s %-9s %8s %8s  %s\n" data step ms MB "md bytes"
rows="today free-text registry"
if [ -n "$baseline" ]; then rows="before:today before:free-text $rows"; fi
for row in $rows; do
  data=${row#before:} exe=$bin
  if [ "$data" != "$row" ]; then exe=$baseline; fi
  for step in check markdown; do
    case $step in
      check) measure "$exe" check --data "$tmp/$data"; size=- ;;
      # To standard output: no JSON summary beside it, so no run compares
      # itself with the previous row's (another dataset: every event edited).
      markdown) measure "$exe" --data "$tmp/$data" --format md --as-of 2026-02-12 -q -o -
        size=$("$exe" --data "$tmp/$data" --format md --as-of 2026-02-12 -q -o - | wc -c) ;;
    esac
    printf "  %-18s %-9s %8d %8d  %s\n" "$row" "$step" "$best" "$(( peak / 1024 ))" "$size"
  done
  if [ "$row" = free-text ]; then
    echo "  ($("$bin" check --data "$tmp/$data" 2>&1 | grep -c ': warning: ') likely-duplicate warnings)"
  fi
done
