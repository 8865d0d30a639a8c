import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable, type RouteEntry } from '../src/platform/http/route-table.js';
import { startTestApp, type TestApp } from './harness.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FRONTEND = join(ROOT, 'frontend', 'src');

/** The frontend's own source: pages, features, components — not its tests or test fixtures. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'testing' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(e.name) && !/\.spec\.tsx?$/.test(e.name) ? [path] : [];
  });
}

export interface ScreenCall {
  method: string;
  /** The path as written, `${…}` for what the screen fills in. */
  path: string;
  file: string;
}

/**
 * Every API path a screen writes in its source, with the method of the call it is written in: the
 * `method: '…'` of the same `api(…)` call (GET when none), or POST for an `uploadPath` handed to the
 * attachment list (which posts the file to it).
 */
export function screenCalls(files = sourceFiles(FRONTEND)): ScreenCall[] {
  const calls: ScreenCall[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/[`'"](\/api\/[^`'"?\s]*)/g)) {
      const path = m[1]!;
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      const after = text.slice(m.index + m[0].length);
      // The rest of this call: up to the next call of the API.
      const next = after.search(/\bapi\s*[<(]/);
      const window = after.slice(0, Math.min(next === -1 ? 400 : next, 400));
      const method = /uploadPath=\{[^}]*$/.test(before) ? 'POST' : (/method:\s*'(GET|POST|PUT|PATCH|DELETE)'/.exec(window)?.[1] ?? 'GET');
      calls.push({ method, path, file: file.slice(ROOT.length + 1) });
    }
  }
  return calls;
}

/**
 * Does a screen's call reach the route? Segment by segment: a route's `:param` takes any segment the
 * screen writes, and a `${…}` the screen fills in stands for any one segment.
 */
export function reaches(call: ScreenCall, route: { method: string; path: string }): boolean {
  if (call.method !== route.method) return false;
  const mine = call.path.replace(/\/$/, '').split('/');
  const theirs = route.path.split('/');
  return (
    mine.length === theirs.length &&
    mine.every((segment, i) => segment === theirs[i] || theirs[i]!.startsWith(':') || /^\$\{[^}]*\}$/.test(segment))
  );
}

/** `METHOD /path` lines of the «Operations without a screen» table in docs/architecture.md, with their reason. */
export function apiOnly(markdown = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8')): Map<string, string> {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('Operations without a screen'));
  const listed = new Map<string, string>();
  for (const m of (section ?? '').matchAll(/^\|\s*`(GET|POST|PUT|PATCH|DELETE) (\/[^`]+)`\s*\|\s*(.*?)\s*\|$/gm)) {
    listed.set(`${m[1]} ${m[2]}`, m[3]!);
  }
  return listed;
}

describe('every write operation has a screen', () => {
  let t: TestApp;
  let routes: RouteEntry[];
  beforeAll(async () => {
    t = await startTestApp({ TEST_CLOCK: '1' });
    routes = routeTable(t.app);
  });
  afterAll(() => t.close());

  const name = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

  it('the scan finds the calls a screen makes, with their method', () => {
    const calls = screenCalls([join(FRONTEND, 'features', 'cases', 'CaseLifecycle.tsx')]);
    expect(calls).toContainEqual(expect.objectContaining({ method: 'POST', path: '/api/cases/${kase.id}/moves' }));
    expect(
      reaches(
        calls.find((c) => c.path.endsWith('/moves'))!,
        { method: 'POST', path: '/api/cases/:id/moves' },
      ),
    ).toBe(true);
    expect(reaches({ method: 'POST', path: '/api/cases/${id}/moves', file: '' }, { method: 'POST', path: '/api/cases/:id/access' })).toBe(
      false,
    );
    expect(
      reaches({ method: 'PATCH', path: '/api/cases/${id}', file: '' }, { method: 'PATCH', path: '/api/cases/:id/sections/:sectionId' }),
    ).toBe(false);
  });

  it('every POST, PUT, PATCH and DELETE is called by a screen, or is listed as API-only in docs/architecture.md with a reason', () => {
    const calls = screenCalls();
    const listed = apiOnly();
    const writes = routes.filter((r) => r.method !== 'GET');
    const without = writes.filter((r) => !calls.some((c) => reaches(c, r)) && !listed.has(name(r))).map(name);
    expect(
      without,
      'write operations no screen calls (give them one, or list them under «Operations without a screen» with the reason)',
    ).toEqual([]);
    const reasonless = [...listed].filter(([, reason]) => reason.length < 10).map(([op]) => op);
    expect(reasonless, 'API-only operations listed without a reason').toEqual([]);
  });

  it('the API-only list names only operations that exist and that no screen calls', () => {
    const calls = screenCalls();
    const existing = new Map(routes.map((r) => [name(r), r]));
    const stale = [...apiOnly().keys()].filter((op) => !existing.has(op));
    expect(stale, 'listed as API-only but no such route').toEqual([]);
    const called = [...apiOnly().keys()].filter((op) => calls.some((c) => reaches(c, existing.get(op)!)));
    expect(called, 'listed as API-only but a screen calls it: remove it from the list').toEqual([]);
  });
});
