// Prints the size of every JS chunk in dist/web and fails when the JavaScript a browser must load
// before the first screen (the entry chunk and its static imports) is over budget (gzipped).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 350;
const dist = process.env.PACER_WEB_DIST ?? 'dist/web';
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

const gzipKb = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!entryKey) throw new Error('dist/web/.vite/manifest.json has no entry chunk');

// The entry chunk and everything it imports statically: what the first screen downloads.
const initial = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || initial.has(chunk.file)) return;
  initial.add(chunk.file);
  for (const dep of chunk.imports ?? []) visit(dep);
};
visit(entryKey);

const rows = [...new Set(Object.values(manifest).map((c) => c.file))]
  .filter((f) => f.endsWith('.js'))
  .map((file) => ({ file, kb: gzipKb(file), isInitial: initial.has(file) }))
  .sort((a, b) => b.kb - a.kb);
for (const r of rows)
  console.log(`${r.isInitial ? 'initial' : 'lazy   '} ${r.kb.toFixed(1).padStart(8)} KB gzip  ${r.file}`);
const total = rows.filter((r) => r.isInitial).reduce((s, r) => s + r.kb, 0);
const lazy = rows.filter((r) => !r.isInitial).reduce((s, r) => s + r.kb, 0);
console.log(
  `\ninitial JS: ${total.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB); lazy chunks: ${lazy.toFixed(1)} KB gzip`,
);
if (total > BUDGET_KB) {
  console.error(`bundle budget exceeded: the initial JavaScript is ${total.toFixed(1)} KB gzip, over ${BUDGET_KB} KB`);
  process.exit(1);
}
