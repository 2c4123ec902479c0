#!/usr/bin/env bash
# Side by side with Typst (issue 12): the same briefing typeset by
# azint-report and by Typst's Python binding, alternately, in one run.
#
#   benches/typst.sh            RUNS=21 N=10000 N_RUNS=5 by default
#
# Typst sets the briefing's own Markdown, turned into a Typst document by
# benches/md2typ.py (same fonts, size, measure and justification; the charts
# as raw text: Typst is not asked to draw them). Each run is a whole
# process, as a user starts it: azint-report to PDF, and `python3 -c
# "import typst; typst.compile(…)"` (the interpreter's start included, as
# in the owner's measurement; Typst's own compile time is printed too).
# Needs `typst` from PyPI: installed into a virtual environment under the
# scratch folder when `python3 -c "import typst"` fails.
. "$(dirname "$0")/common.sh"
runs=${RUNS:-21}
n=${N:-10000}
n_runs=${N_RUNS:-5}

python=python3
if ! "$python" -c "import typst" 2>/dev/null; then
  python3 -m venv "$tmp/venv" >/dev/null
  "$tmp/venv/bin/pip" install --quiet typst
  python="$tmp/venv/bin/python"
fi
echo "Typst $("$python" -c "import importlib.metadata as m; print(m.version('typst'))") (Python binding) against azint-report $("$bin" --version | cut -d' ' -f2)"
fonts=$PWD/fonts

"$CARGO_TARGET_DIR/release/examples/synth" "$n" "$tmp/syn" >/dev/null

compare() { # label runs azint-report-args...
  local label=$1 k=$2; shift 2
  "$bin" "$@" --format md --as-of 2026-02-12 -q -o "$tmp/$label.md"
  python3 "$(dirname "$0")/md2typ.py" "$tmp/$label.md" > "$tmp/$label.typ"
  : > "$tmp/$label.ours"; : > "$tmp/$label.typst"; : > "$tmp/$label.inner"
  for _ in $(seq "$k"); do
    run "$bin" "$@" --format pdf --as-of 2026-02-12 --no-changes -q -o "$tmp/$label.pdf" >> "$tmp/$label.ours"
    run "$python" -c "import typst, time, sys
t = time.perf_counter()
typst.compile('$tmp/$label.typ', output='$tmp/$label-typst.pdf', font_paths=['$fonts'])
print(round((time.perf_counter() - t) * 1000), file=open('$tmp/$label.inner', 'a'))" >> "$tmp/$label.typst"
  done
  local ours_ms ours_kb typst_ms typst_kb inner
  ours_ms=$(cut -d' ' -f1 "$tmp/$label.ours" | median)
  ours_kb=$(cut -d' ' -f2 "$tmp/$label.ours" | median)
  typst_ms=$(cut -d' ' -f1 "$tmp/$label.typst" | median)
  typst_kb=$(cut -d' ' -f2 "$tmp/$label.typst" | median)
  inner=$(median < "$tmp/$label.inner")
  echo "$label (medians of $k)"
  printf "  %-14s %7d ms %7d MB  %s pages, %s bytes\n" azint-report "$ours_ms" $((ours_kb / 1024)) \
    "$(pdfinfo "$tmp/$label.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')" "$(stat -c %s "$tmp/$label.pdf")"
  printf "  %-14s %7d ms %7d MB  %s pages, %s bytes (compile alone %d ms)\n" Typst "$typst_ms" $((typst_kb / 1024)) \
    "$(pdfinfo "$tmp/$label-typst.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')" "$(stat -c %s "$tmp/$label-typst.pdf")" "$inner"
  awk -v a="$ours_ms" -v b="$typst_ms" -v c="$ours_kb" -v d="$typst_kb" \
    'BEGIN { printf "  azint-report: %.1fx faster, %.2f of the memory\n", b / a, c / d }'
}
compare default "$runs" --period 2024-2026
compare "n$n" "$n_runs" --data "$tmp/syn" --period 2000-2040
