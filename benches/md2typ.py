#!/usr/bin/env python3
"""A briefing's Markdown as a Typst document, for benches/typst.sh.

    md2typ.py BRIEFING.md > briefing.typ

Covers what the built-in templates write: headings, paragraphs, bold and
italic, links, footnotes, nested lists, pipe tables with their `Table:`
captions, block quotes and callouts, code blocks (Mermaid charts become
Typst raw blocks: Typst is not asked to draw them), HTML comments (dropped).
The document sets the same fonts, size, measure and justification as the
PDF, with an outline and page numbers, so that both typesetters set the
same text. Not a general converter: the benchmark's input only.
"""

import re
import sys

SPECIAL = set('\\*_`$#<>@[]~"\'=-+/')


def escape(text):
    return "".join("\\" + c if c in SPECIAL else c for c in text)


def inline(text, notes):
    """Markdown inline markup to Typst markup."""
    out = []
    i = 0
    pattern = re.compile(r"\*\*(.+?)\*\*|\[\^([^\]]+)\]|\[([^\]]*)\]\(([^)]*)\)|<!--.*?-->|\*(.+?)\*|\\(.)")
    for m in pattern.finditer(text):
        out.append(escape(text[i : m.start()]))
        if m.group(1) is not None:
            out.append("#strong[" + inline(m.group(1), notes) + "]")
        elif m.group(2) is not None:
            note = notes.get(m.group(2), "")
            out.append("#footnote[" + inline(note, notes) + "]")
        elif m.group(3) is not None:
            target = m.group(4)
            label = inline(m.group(3), notes)
            if target.startswith("#"):
                out.append(label)
            else:
                out.append('#link("' + target.replace("\\", "\\\\").replace('"', '\\"') + '")[' + label + "]")
        elif m.group(5) is not None:
            out.append("#emph[" + inline(m.group(5), notes) + "]")
        elif m.group(6) is not None:
            out.append(escape(m.group(6)))
        i = m.end()
    out.append(escape(text[i:]))
    return "".join(out)


def cells(row):
    row = row.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)]


def convert(lines):
    notes = {}
    body = []
    for line in lines:
        m = re.match(r"\[\^([^\]]+)\]: (.*)", line)
        if m:
            notes[m.group(1)] = m.group(2)
        else:
            body.append(line)
    out = []
    i = 0
    while i < len(body):
        line = body[i]
        stripped = line.strip()
        if stripped.startswith("```"):
            j = i + 1
            while j < len(body) and not body[j].strip().startswith("```"):
                j += 1
            code = "\n".join(body[i + 1 : j])
            out.append('#raw(block: true, "' + code.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '")')
            i = j + 1
            continue
        if stripped.startswith("<!--") or stripped.startswith("!["):
            i += 1
            continue
        m = re.match(r"(#{1,6}) (.*)", line)
        if m:
            out.append("=" * len(m.group(1)) + " " + inline(m.group(2), notes))
            i += 1
            continue
        if stripped.startswith("Table: "):
            out.append("#strong[" + inline(stripped[7:], notes) + "]")
            i += 1
            continue
        if stripped.startswith("|"):
            rows = []
            while i < len(body) and body[i].strip().startswith("|"):
                rows.append(cells(body[i]))
                i += 1
            head, rows = rows[0], [r for r in rows[2:]]
            columns = len(head)
            parts = ["[" + inline(c, notes) + "]" for c in head]
            for r in rows:
                r = (r + [""] * columns)[:columns]
                parts.extend("[" + inline(c, notes) + "]" for c in r)
            out.append("#table(columns: %d, stroke: none, table.header(%s), %s)" % (columns, ", ".join(parts[:columns]), ", ".join(parts[columns:])))
            continue
        if stripped.startswith(">"):
            quoted = []
            while i < len(body) and body[i].strip().startswith(">"):
                quoted.append(re.sub(r"^\s*> ?", "", body[i]))
                i += 1
            quoted = [q for q in quoted if not q.startswith("[!")]
            out.append("#quote(block: true)[\n" + convert(quoted) + "\n]")
            continue
        m = re.match(r"(\s*)(-|\d+\.) (.*)", line)
        if m:
            marker = "-" if m.group(2) == "-" else "+"
            out.append(m.group(1) + marker + " " + inline(m.group(3), notes))
            i += 1
            continue
        out.append(inline(line, notes) if stripped else "")
        i += 1
    return "\n".join(out)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        lines = f.read().split("\n")
    print('#set document(title: "Briefing")')
    print('#set page(paper: "a4", margin: (x: 64pt, y: 72pt), numbering: "1 of 1", header: context [Briefing #h(1fr) #counter(page).display()])')
    print('#set text(font: "Noto Serif", size: 10pt, lang: "en")')
    print('#show heading: set text(font: "Noto Sans")')
    print('#show table: set text(font: "Noto Sans", size: 8.5pt)')
    print("#set par(justify: true)")
    print("#outline()")
    print(convert(lines))


if __name__ == "__main__":
    main()
