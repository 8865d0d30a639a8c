import { z } from 'zod';
import { isoDate, line } from './common.js';

/**
 * Integration tokens (#21): a system (the archive, the municipality's web site) reads Samråd with a bearer token
 * `samrad_…` an administrator made for it. What a scope opens:
 * - `read_public`: the public API of the token's own municipality (`GET /api/public/<its slug>/…`);
 * - `read_municipality`: a fixed list of GET routes read as an internal reader without roles or bodies (public cases
 *   in full, exempt ones by their screened title only; no personal data of others): see `READ_MUNICIPALITY_ROUTES`;
 * - `export_archive`: the NOARK 5 arkivuttrekk of a case (`GET /api/cases/:id/arkivuttrekk`).
 * Never a write, never another municipality.
 */
export const INTEGRATION_SCOPES = ['read_public', 'read_municipality', 'export_archive'] as const;
export type IntegrationScope = (typeof INTEGRATION_SCOPES)[number];

/** The prefix every integration token starts with (so a leaked one is recognisable, and the guard knows it). */
export const INTEGRATION_TOKEN_PREFIX = 'samrad_';

/** The GET routes (as the router names them) the `read_municipality` scope opens. */
export const READ_MUNICIPALITY_ROUTES = ['/api/cases', '/api/cases/:id', '/api/decisions', '/api/meetings'] as const;

export const createIntegrationTokenSchema = z.object({
  name: line('Navnet', 200),
  system: line('Systemet', 200),
  scopes: z
    .array(z.enum(INTEGRATION_SCOPES, { error: 'Ukjent tilgang' }), { error: 'Velg minst én tilgang' })
    .min(1, { error: 'Velg minst én tilgang' })
    .max(INTEGRATION_SCOPES.length, { error: 'Velg minst én tilgang' }),
  expiresOn: isoDate,
});
export type CreateIntegrationToken = z.infer<typeof createIntegrationTokenSchema>;

const integrationToken = z.object({
  id: z.string(),
  name: z.string(),
  system: z.string(),
  scopes: z.array(z.enum(INTEGRATION_SCOPES)),
  prefix: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  uses: z.number(),
});
export const integrationTokenListResponseSchema = z.object({ tokens: z.array(integrationToken) });
/** The token itself is in this answer only: it is stored as its SHA-256. */
export const integrationTokenCreatedResponseSchema = z.object({ token: integrationToken, secret: z.string() });
export const integrationTokenResponseSchema = integrationToken;

/** What Samråd holds about the person asking (`GET /api/me/personal-data`, GDPR art. 15). */
const row = z.record(z.string(), z.unknown());
export const personalDataResponseSchema = z.object({
  generatedAt: z.string(),
  profile: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    title: z.string(),
    status: z.string(),
    isAdmin: z.boolean(),
    isCaseOfficer: z.boolean(),
    language: z.string().nullable(),
    municipality: z.string(),
    createdAt: z.string(),
  }),
  settings: row,
  memberships: z.array(row),
  submissions: z.array(row.and(z.object({ versions: z.array(row), dispositions: z.array(row) }))),
  roundInvitations: z.array(row),
  comments: z.array(row),
  analysisComments: z.array(row),
  protocolStatements: z.array(row),
  registrations: z.array(row),
  attendance: z.array(row),
  notifications: z.array(row),
  sessions: z.array(row),
  logins: z.array(row),
  calendarTokens: z.array(row),
  integrationTokensCreated: z.array(row),
  auditAboutMe: z.array(row),
  auditByMe: z.array(row),
});
export type PersonalData = z.infer<typeof personalDataResponseSchema>;
