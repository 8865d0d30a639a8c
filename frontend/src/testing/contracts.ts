import { HttpResponse } from 'msw';
import type { SetupServer } from 'msw/node';
import type { z } from 'zod';
import { responseContracts } from '@samrad/shared/contracts';

const operations = Object.entries(responseContracts as Record<string, z.ZodType>)
  .map(([operation, schema]) => {
    const [method, path] = operation.split(' ') as [string, string];
    return { operation, method, schema, params: path.split(':').length - 1, pattern: new RegExp(`^${path.replace(/:\w+/g, '[^/]+')}$`) };
  })
  // A literal segment wins over a parameter (`/api/me/tasks` before `/api/me/:id`).
  .sort((a, b) => a.params - b.params);

/** The API operation a request is answered for, with its response contract. */
export function contractFor(method: string, url: string): { operation: string; schema: z.ZodType } | undefined {
  const { pathname } = new URL(url, 'http://localhost');
  return operations.find((o) => o.method === method && o.pattern.test(pathname));
}

/** Fixtures that did not parse with their contract since the last check (setup.ts fails the test on any). */
export const fixtureViolations: string[] = [];

/**
 * Parses every JSON answer msw gives with the contract of the operation it answers, so a fixture that
 * drifts from what the API returns fails its test instead of passing against a shape the API never sends.
 */
export function checkFixtures(server: SetupServer): void {
  const pending = new Set<Promise<void>>();
  server.events.on('response:mocked', ({ request, response }) => {
    if (!response.ok || response.status === 204 || !response.headers.get('content-type')?.includes('json')) return;
    const contract = contractFor(request.method, request.url);
    if (!contract) return;
    const check = response
      .clone()
      .json()
      .then((body: unknown) => {
        const r = contract.schema.safeParse(body);
        if (!r.success)
          fixtureViolations.push(
            `${contract.operation}: ${r.error.issues
              .slice(0, 5)
              .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
              .join('; ')}`,
          );
      })
      .finally(() => pending.delete(check));
    pending.add(check);
  });
  checked = async () => {
    await Promise.all([...pending]);
    const broken = fixtureViolations.splice(0);
    if (broken.length) throw new Error(`msw fixtures that break their response contract:\n${broken.join('\n')}`);
  };
}
let checked = async () => {};
/** Throws when a fixture answered since the last call broke its contract (run after each test). */
export const assertFixturesKeptContracts = () => checked();

/**
 * A JSON answer for msw, parsed with its contract first: `json(caseDetailResponseSchema, CASE)` fails
 * where the fixture is written when it drifts from what the API returns.
 */
export function json<S extends z.ZodType>(schema: S, data: z.input<S>, init?: ResponseInit) {
  return HttpResponse.json(schema.parse(data) as never, init);
}
