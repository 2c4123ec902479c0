// Parses every ```mermaid block of the Markdown files given with the real
// Mermaid parser, in Node, no browser: a jsdom window stands in for the DOM.
// Run by .ci/run: node .ci/mermaid-check.mjs FILE.md...
// Every block must also carry an accessible title and description
// (accTitle, accDescr), and the parser must have read them.
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });
let blocks = 0, failed = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
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
    } catch (e) {
      failed++;
      console.error(`${file}: mermaid block ${blocks}: ${String(e.message || e).split('\n').slice(0, 3).join(' ')}`);
    }
  }
}
console.log(`mermaid: ${blocks - failed} of ${blocks} blocks parse, each with its accessible title and description`);
process.exit(failed ? 1 : 0);
