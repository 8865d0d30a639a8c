import { z } from 'zod';
import { conflictResponseSchema, errorResponseSchema } from '@samrad/shared/contracts';
import type { RouteEntry } from '../../platform/http/route-table.js';

const ACCESS_TEXT: Record<string, string> = {
  public: 'alle',
  authenticated: 'innloggede brukere i kommunen',
  member: 'medlemmer av et organ',
  case_officer: 'saksbehandlere',
  admin: 'kommunens administratorer',
};

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

/** The successful answer of a route: its JSON contract, a file by its media type, or nothing (204). */
export function successResponse(r: RouteEntry): { description: string; content?: Record<string, { schema: unknown }> } {
  if (r.status === 204) return { description: 'Utført (uten innhold)' };
  if (r.file) return { description: 'OK', content: { [r.file]: { schema: { type: 'string', format: 'binary' } } } };
  if (r.returns)
    return {
      description: 'OK',
      content: { 'application/json': { schema: z.toJSONSchema(r.returns, { io: 'output', unrepresentable: 'any' }) } },
    };
  return { description: 'OK' };
}

/** OpenAPI 3.1 built from the route table and the shared zod contracts. */
export function buildOpenApi(routes: RouteEntry[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const params = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const who = (r.rules ?? []).map((x) => ACCESS_TEXT[x] ?? x).join(', ');
    const op: Record<string, unknown> = {
      operationId: r.summary,
      summary: r.summary,
      description: `Tilgang: ${who || 'ingen'}.`,
      'x-access': r.rules ?? [],
      parameters: params,
      responses: {
        [String(r.status)]: successResponse(r),
        '400': {
          description: 'Ugyldig forespørsel: én melding per felt',
          content: { 'application/json': { schema: jsonSchema(errorResponseSchema) } },
        },
        '401': { description: 'Ikke innlogget' },
        '403': { description: 'Ingen tilgang' },
        '404': { description: 'Finnes ikke (eller tilhører en annen kommune)' },
        ...(r.method === 'PATCH'
          ? {
              '409': {
                description: 'Endret av noen andre',
                content: { 'application/json': { schema: jsonSchema(conflictResponseSchema) } },
              },
            }
          : {}),
      },
    };
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(r.body) } } };
    (paths[path] ??= {})[r.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Samråd API', version: '0.1.0', description: 'API-et bak Samråd. Feilmeldinger er på norsk bokmål.' },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'samrad_session' } } },
    security: [{ session: [] }],
    paths,
  };
}

/** A plain, accessible page listing the endpoints (no scripts, so the strict CSP holds). */
export function renderApiPage(doc: ReturnType<typeof buildOpenApi>): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = Object.entries(doc.paths)
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => {
        const o = op as { description: string; requestBody?: { content: { 'application/json': { schema: unknown } } } };
        const body = o.requestBody
          ? `<details><summary>Forespørsel</summary><pre>${esc(JSON.stringify(o.requestBody.content['application/json'].schema, null, 2))}</pre></details>`
          : '';
        return `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${esc(path)}</code></td><td>${esc(o.description)}${body}</td></tr>`;
      }),
    )
    .join('');
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Samråd API</title></head><body><main><h1>Samråd API</h1><p>Maskinlesbar beskrivelse: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p><table><caption>Endepunkter</caption><thead><tr><th scope="col">Metode</th><th scope="col">Sti</th><th scope="col">Tilgang og innhold</th></tr></thead><tbody>${rows}</tbody></table></main></body></html>`;
}
