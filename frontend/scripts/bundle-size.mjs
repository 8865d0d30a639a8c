// The JavaScript a first visit loads (the entry chunk and its static imports: log-in and the
// start page are in it; every other page is split out), gzip-compressed, from the build manifest.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = join(import.meta.dirname, '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const entry = Object.values(manifest).find((c) => c.isEntry);
const seen = new Set();
const visit = (key) => {
  const chunk = manifest[key] ?? Object.values(manifest).find((c) => c.file === key);
  if (!chunk || seen.has(chunk.file)) return;
  seen.add(chunk.file);
  for (const i of chunk.imports ?? []) visit(i);
};
visit(Object.keys(manifest).find((k) => manifest[k] === entry));
let total = 0;
for (const file of seen) {
  const size = gzipSync(readFileSync(join(dist, file))).length;
  total += size;
  console.log(`${file.padEnd(48)} ${(size / 1024).toFixed(1)} KB gzip`);
}
const lazy = Object.values(manifest)
  .filter((c) => c.isDynamicEntry)
  .map((c) => [c.file, gzipSync(readFileSync(join(dist, c.file))).length]);
console.log(`\nFirst load (log-in and start page): ${(total / 1024).toFixed(1)} KB gzip (budget 250 KB)`);
for (const [file, size] of lazy) console.log(`  lazy ${file.padEnd(44)} ${(size / 1024).toFixed(1)} KB gzip`);
if (total > 250 * 1024) process.exitCode = 1;
