import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nb } from './nb.js';

// Run from the repository (npm test) or from the frontend folder.
const root = existsSync(join(process.cwd(), 'frontend', 'src')) ? join(process.cwd(), 'frontend', 'src') : join(process.cwd(), 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !f.endsWith('.spec.tsx') ? [p] : [];
  });
}

function has(key: string): boolean {
  let node: unknown = nb;
  for (const part of key.split('.')) {
    if (node && typeof node === 'object' && part in node) node = (node as Record<string, unknown>)[part];
    else return false;
  }
  return typeof node === 'string' || (node !== null && typeof node === 'object');
}

describe('i18n', () => {
  it('every literal key used with t() exists in Norwegian bokmål', () => {
    const missing: string[] = [];
    for (const file of files(root)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z_.]+)'/g)) {
        const key = m[1]!;
        // Plural keys resolve to key_one / key_other.
        if (!has(key) && !has(`${key}_one`)) missing.push(`${file.replace(root, '')}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
