import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { routeTable, type RouteEntry } from './route-table.js';

export interface ContractViolation {
  route: string;
  status: number;
  problem: string;
}

/** What the check found since the process started (the test harness fails a file that leaves any). */
export const contractViolations: ContractViolation[] = [];

/** The message of the 500 that replaces an answer that breaks its contract. */
export const CONTRACT_BROKEN = 'Svaret følger ikke kontrakten sin (CONTRACT_CHECK=1)';

/**
 * With CONTRACT_CHECK=1 (the backend tests and the browser tests; refused in production) every
 * successful JSON answer is parsed with its route's response contract (`@Returns`) before it is sent.
 * An answer that does not parse, or a JSON answer from a route that declares no contract, is logged,
 * recorded in {@link contractViolations} and replaced by a 500, so the test that caused it fails.
 */
export function installContractCheck(app: NestFastifyApplication, logger: Logger): void {
  const fastify = app.getHttpAdapter().getInstance();
  let routes: Map<string, RouteEntry> | undefined;
  const entry = (method: string, url: string | undefined) => {
    routes ??= new Map(routeTable(app).map((r) => [`${r.method} ${r.path}`, r]));
    return url === undefined ? undefined : routes.get(`${method} ${url.replace(/\/$/, '') || '/'}`);
  };
  fastify.addHook('preSerialization', async (req, reply, payload: unknown) => {
    if (reply.statusCode < 200 || reply.statusCode >= 300) return payload;
    const url = req.routeOptions.url;
    // Only the API's own routes (not the job board, a third-party plugin).
    if (!url?.startsWith('/api') && !url?.startsWith('/health') && !url?.startsWith('/dev')) return payload;
    const route = entry(req.method, url);
    // A file (@ReturnsFile, a fixed content type) is described by its media type, not by a JSON contract.
    if (!route || route.file) return payload;
    const name = `${route.method} ${route.path}`;
    const problem = check(route.returns, payload);
    if (problem === undefined) return payload;
    const violation = { route: name, status: reply.statusCode, problem };
    contractViolations.push(violation);
    logger.error({ contractViolation: violation }, `${CONTRACT_BROKEN}: ${name}`);
    void reply.code(500);
    return { message: `${CONTRACT_BROKEN}: ${name}`, problem };
  });
}

function check(schema: z.ZodType | undefined, payload: unknown): string | undefined {
  if (!schema) return 'the route declares no response contract (@Returns)';
  const r = schema.safeParse(payload);
  if (r.success) return undefined;
  return r.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
