import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { nb } from './nb.js';
import { nn } from './nn.js';

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

  /** Every text of a language by its key path, e.g. `nav.tasks`. */
  const leaves = (node: unknown, prefix = ''): Map<string, unknown> =>
    new Map(
      Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => {
        const key = prefix ? `${prefix}.${k}` : k;
        return v !== null && typeof v === 'object' ? [...leaves(v, key)] : [[key, v]];
      }),
    );
  const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
  const bokmål = leaves(nb);

  it.each([
    ['nn', nn],
    ['en', en],
  ] as const)('%s has exactly the keys of bokmål, the same placeholders, and no empty text', (_, language) => {
    const texts = leaves(language);
    expect([...bokmål.keys()].filter((k) => !texts.has(k))).toEqual([]);
    expect([...texts.keys()].filter((k) => !bokmål.has(k))).toEqual([]);
    const wrong = [...bokmål].filter(([k, v]) => JSON.stringify(placeholders(texts.get(k))) !== JSON.stringify(placeholders(v)));
    expect(wrong.map(([k]) => k)).toEqual([]);
    expect([...texts].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('bokmål has no empty text', () => {
    expect([...bokmål].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k)).toEqual([]);
  });
});
