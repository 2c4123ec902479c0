#!/usr/bin/env bash
# Two builds side by side, for a change that names a cost target (issue 11:
# tagging adds at most 15% to the default briefing's time and size, and to a
# 10,000-event briefing's time and peak memory).
#
#   benches/compare.sh REV              this tree against commit REV
#   RUNS=9 N=10000 benches/compare.sh HEAD~3
#
# Builds REV in a scratch worktree (release, its own target folder beside
# this one's, so the dependencies are compiled once), then runs both
# binaries alternately: the default briefing to PDF (median of RUNS), and N
# synthetic events to PDF (best time, largest peak memory). Prints a table
# with the ratios.
rev=${1:?usage: benches/compare.sh REV}
. "$(dirname "$0")/common.sh"
runs=${RUNS:-15}
n=${N:-10000}
new=$(mktemp -d)
cp "$bin" "$new/azint-report"
worktree="$tmp/old"
trap 'git worktree remove --force "$worktree" 2>/dev/null; rm -rf "$tmp" "$new"' EXIT
git worktree add --quiet --detach "$worktree" "$rev"
(cd "$worktree" && cargo build --release --quiet --bin azint-report)
old="$CARGO_TARGET_DIR/release/azint-report.old"
cp "$CARGO_TARGET_DIR/release/azint-report" "$old"
# The worktree's build replaced the binary: build this tree's again.
cargo build --release --quiet --bin azint-report
"$CARGO_TARGET_DIR/release/examples/synth" "$n" "$tmp/syn" >/dev/null

for which in old new; do : > "$tmp/$which.default"; : > "$tmp/$which.big"; done
for _ in $(seq "$runs"); do
  for which in old new; do
    bin=$old; [ "$which" = new ] && bin=$new/azint-report
    run "$bin" --period 2024-2026 --format pdf --as-of 2026-02-12 -q -o "$tmp/$which.pdf" >> "$tmp/$which.default"
  done
done
for _ in 1 2 3; do
  for which in old new; do
    bin=$old; [ "$which" = new ] && bin=$new/azint-report
    run "$bin" --data "$tmp/syn" --period 2000-2040 --format pdf --as-of 2026-02-12 -q -o "$tmp/$which-big.pdf" >> "$tmp/$which.big"
  done
done
row() { # label old new unit
  awk -v l="$1" -v o="$2" -v n="$3" -v u="$4" 'BEGIN { printf "  %-34s %10s %10s %s  x%.2f\n", l, o, n, u, (o > 0 ? n / o : 0) }'
}
echo "== $rev (old) against this tree (new)"
printf "  %-34s %10s %10s\n" "" old new
row "default PDF, median ms" "$(cut -d' ' -f1 "$tmp/old.default" | median)" "$(cut -d' ' -f1 "$tmp/new.default" | median)" ms
row "default PDF, peak KB (median)" "$(cut -d' ' -f2 "$tmp/old.default" | median)" "$(cut -d' ' -f2 "$tmp/new.default" | median)" KB
row "default PDF, bytes" "$(stat -c %s "$tmp/old.pdf")" "$(stat -c %s "$tmp/new.pdf")" B
row "$n events PDF, best ms" "$(cut -d' ' -f1 "$tmp/old.big" | sort -n | head -1)" "$(cut -d' ' -f1 "$tmp/new.big" | sort -n | head -1)" ms
row "$n events PDF, peak KB" "$(cut -d' ' -f2 "$tmp/old.big" | sort -n | tail -1)" "$(cut -d' ' -f2 "$tmp/new.big" | sort -n | tail -1)" KB
row "$n events PDF, bytes" "$(stat -c %s "$tmp/old-big.pdf")" "$(stat -c %s "$tmp/new-big.pdf")" B
rm -f "$old"
