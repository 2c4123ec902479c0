#!/usr/bin/env bash
# Peak memory of comparing with an issued JSON summary (issue 24, item 3):
# a synthetic dataset of $EVENTS events (100,000 by default: a summary of
# about 100 MB) is issued once as a JSON summary, then rendered again as a
# JSON summary with the comparison and with `--no-changes`. The difference
# of the two peaks is what reading and comparing the issued summary costs;
# it is printed beside the summary's size, as a ratio.
#
#   benches/previous-memory.sh                 # release build
#   PROFILE=debug EVENTS=20000 benches/previous-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."

profile=${PROFILE:-release}
events=${EVENTS:-100000}
flag=()
if [ "$profile" = release ]; then flag=(--release); fi
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}
cargo build "${flag[@]}" --quiet --bin azint-report --example synth
bin=$CARGO_TARGET_DIR/$profile/azint-report
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$CARGO_TARGET_DIR/$profile/examples/synth" "$events" "$tmp/data" >/dev/null
render() { "$bin" --data "$tmp/data" --period 2000-2030 --format json --out-dir "$tmp/reports" -q "$@"; }
render --as-of 2026-01-12 --issue
issued=$(ls "$tmp"/reports/issued/*.json)
bytes=$(stat -c %s "$issued")

# peak DATA ARGS...: the largest resident set of one render, in KB.
peak() {
  local data=$1; shift
  /usr/bin/time -o "$tmp/rss" -f "%M" "$bin" --data "$data" --period 2000-2030 --format json --out-dir "$tmp/reports" -q --as-of 2026-02-12 "$@" >/dev/null 2>&1
  tail -n 1 "$tmp/rss"
}
# ratio EXTRA_KB: EXTRA_KB as a multiple of the summary's size.
ratio() { awk -v k="$1" -v b="$bytes" 'BEGIN { printf "%.2f", k * 1024 / b }'; }
echo "$events events ($profile): issued summary $((bytes / 1000000)) MB"
without=$(peak "$tmp/data" --no-changes)
with=$(peak "$tmp/data")
echo "  the run's peak: $((without / 1024)) MB with --no-changes, $((with / 1024)) MB comparing: +$(((with - without) / 1024)) MB, $(ratio $((with - without)))x the summary"
# The read alone, apart from the run's own peak (writing its summary): the
# 30-event data of the repository against the same issued summary. It is
# parsed whole, then found to be of another dataset (no diff is made).
mkdir -p "$tmp/small/data"
cp -r data/. "$tmp/small/data/"
small_without=$(peak "$tmp/small/data" --no-changes)
small_with=$(peak "$tmp/small/data")
echo "  reading it alone: $((small_without / 1024)) MB with --no-changes, $((small_with / 1024)) MB reading: +$(((small_with - small_without) / 1024)) MB, $(ratio $((small_with - small_without)))x the summary"
