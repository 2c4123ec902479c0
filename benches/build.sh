#!/usr/bin/env bash
# What a first release build costs (issue 12: half the compile time of the
# tree the issue was filed against): a fresh `cargo build --release
# --timings` into a scratch target folder, then its wall time, its
# unit-seconds (the sum of every crate's compile time), the crates on the
# critical path (lopdf → printpdf → azint-report) and the binary's size.
#
#   benches/build.sh            the working tree
#   benches/build.sh REV        also commit REV, built first, the same way
#
# Run on an idle machine: on two cores a build takes about two minutes, and
# Cargo starts as many compilers as there are cores. Dependencies must have
# been downloaded once (`cargo fetch`).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/tree" 2>/dev/null || true; rm -rf "$tmp"' EXIT

# build LABEL DIR: a fresh release build of the tree in DIR, summarised.
build() {
  local label=$1 dir=$2 start ms
  start=$(date +%s%N)
  (cd "$dir" && CARGO_TARGET_DIR="$tmp/$label" cargo build --release --timings --quiet --bin azint-report)
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  local html
  html=$(ls "$tmp/$label"/cargo-timings/cargo-timing-*.html | head -n 1)
  printf '%s: %d.%d s wall, ' "$label" $((ms / 1000)) $((ms % 1000 / 100))
  # The report's unit table: one JSON object per compiled unit.
  python3 - "$html" "$tmp/$label/release/azint-report" <<'PY'
import json, os, re, sys
html, binary = sys.argv[1], sys.argv[2]
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", open(html).read(), re.S).group(1))
total = sum(u["duration"] for u in units)
print(f"{total:.0f} unit-seconds, binary {os.path.getsize(binary) / 1e6:.1f} MB")
for name in ("lopdf", "printpdf", "azint-report"):
    for u in units:
        if u["name"] == name and not u.get("target", "").strip():
            print(f"  {name:13} {u['start']:6.1f} → {u['start'] + u['duration']:6.1f} s ({u['duration']:.1f} s)")
heavy = sorted(units, key=lambda u: -u["duration"])[:8]
print("  heaviest: " + ", ".join(f"{u['name']} {u['duration']:.1f}" for u in heavy))
PY
}

if [ $# -ge 1 ]; then
  git worktree add --quiet --detach "$tmp/tree" "$1"
  build "$1" "$tmp/tree"
fi
build tree "$PWD"
