// Parses every ```mermaid block of the Markdown files given with the real
// Mermaid parser, in Node, no browser: a jsdom window stands in for the DOM.
// Run by .ci/run: node .ci/mermaid-check.mjs FILE.md... [--expect NAMES FILE.md]
//
// Every block must also carry an accessible title and description
// (accTitle, accDescr), and the parser must have read them.
//
// With --expect, the gantt tasks and sections and the pie slices Mermaid
// parsed from FILE.md must be exactly the lines of NAMES (`task NAME`,
// `section NAME`, `slice NAME`), and no block may carry a directive other
// than the templates' own `init` theme: data text must not be read as a
// directive or a keyword (issue 10, class 10).
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

// Mermaid keeps its entity codes (#58;) as placeholders until it draws.
const decode = (s) => String(s)
  .replace(/ﬂ°°(\d+)¶ß/g, (_, n) => String.fromCodePoint(Number(n)))
  .replace(/ﬂ°(\w+)¶ß/g, (_, n) => ({ quot: '"', lt: '<', gt: '>', amp: '&' })[n] ?? `#${n};`)
  .trim();

let blocks = 0, failed = 0;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  let expected = null;
  if (args[i] === '--expect') {
    expected = readFileSync(args[i + 1], 'utf8').split('\n').filter((l) => l.trim() !== '');
    i += 2;
  }
  const file = args[i];
  const text = readFileSync(file, 'utf8');
  const found = [];
  for (const m of text.matchAll(/```mermaid\n([\s\S]*?)```/g)) {
    blocks++;
    try {
      await mermaid.parse(m[1]);
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(m[1]);
      const title = diagram.db.getAccTitle?.() ?? '';
      const description = diagram.db.getAccDescription?.() ?? '';
      if (!title.trim() || description.trim().length < 20) {
        throw new Error(`${diagram.type}: no accessible title and description (accTitle ${JSON.stringify(title)}, accDescr ${JSON.stringify(description)})`);
      }
      if (expected) {
        // Parsing the text the way mermaid.render does: entity codes
        // encoded first, then the diagram and its database.
        const encoded = m[1].replace(/#\w+;/g, (s) => {
          const inner = s.slice(1, -1);
          return /^\+?\d+$/.test(inner) ? `ﬂ°°${inner}¶ß` : `ﬂ°${inner}¶ß`;
        });
        const diagram = await mermaid.mermaidAPI.getDiagramFromText(encoded);
        const db = diagram.db;
        const directives = [...m[1].matchAll(/%%\{/g)].length;
        if (directives > 1 || (directives === 1 && !m[1].startsWith('%%{init: {"theme": "base"'))) {
          throw new Error('a directive other than the templates\' theme');
        }
        if (diagram.type === 'gantt') {
          for (const s of db.getSections()) found.push(`section ${decode(s)}`);
          for (const t of db.getTasks()) found.push(`task ${decode(t.task)}`);
        } else if (diagram.type === 'pie') {
          for (const [label] of db.getSections()) found.push(`slice ${decode(label)}`);
        }
      }
    } catch (e) {
      failed++;
      console.error(`${file}: mermaid block ${blocks}: ${String(e.message || e).split('\n').slice(0, 3).join(' ')}`);
    }
  }
  if (expected) {
    const want = [...expected].sort(), got = [...found].sort();
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      failed++;
      console.error(`${file}: Mermaid read other names than the data's:`);
      for (const w of want) if (!got.includes(w)) console.error(`  missing: ${w}`);
      for (const g of got) if (!want.includes(g)) console.error(`  unexpected: ${g}`);
    } else {
      console.log(`${file}: Mermaid read every task, lane and slice as in the data (${got.length})`);
    }
  }
}
console.log(`mermaid: ${blocks - failed} of ${blocks} blocks parse, each with its accessible title and description`);
process.exit(failed ? 1 : 0);
