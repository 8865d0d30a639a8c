import { z } from 'zod';
import { line, patchSchema, text } from './common.js';

/**
 * OpenID Connect log-in (#21): a municipality's providers (Entra ID for its staff, Feide for schools,
 * ID-porten for parents and citizens, or any standard provider) and the log-in options the log-in page shows.
 */
export const OIDC_KINDS = ['entra', 'idporten', 'feide', 'generic'] as const;
export type OidcKind = (typeof OIDC_KINDS)[number];

/**
 * Who may log in with a provider: administrators, case officers, members of a body, and participants (a person
 * with none of those roles: a parent, a citizen). A person may use a provider only when each of their roles is allowed.
 */
export const OIDC_ROLES = ['admin', 'case_officer', 'member', 'participant'] as const;
export type OidcRole = (typeof OIDC_ROLES)[number];

/** The role an account created at a first log-in gets (never administrator). */
export const OIDC_DEFAULT_ROLES = ['participant', 'case_officer'] as const;

/** The claim that identifies a person by default: the e-mail address, or ID-porten's national identity number. */
export const defaultOidcClaim = (kind: OidcKind) => (kind === 'idporten' ? 'pid' : 'email');

const ISSUER_ERROR = 'Utstederen må være en https-adresse, f.eks. https://login.microsoftonline.com/<tenant>/v2.0';
/** https, or http on this machine (a test or demo provider). */
const issuer = z
  .url({ error: ISSUER_ERROR })
  .max(500, { error: 'Utstederen kan ha høyst 500 tegn' })
  .refine((v) => /^https:\/\//.test(v) || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(v), { error: ISSUER_ERROR });

const oidcProviderFields = {
  name: line('Navnet', 80),
  kind: z.enum(OIDC_KINDS, { error: 'Velg hvilken type innlogging dette er' }),
  issuer,
  clientId: line('Klient-id', 300),
  /** Write-only: stored encrypted, never returned; empty for a public client (PKCE without a secret). */
  clientSecret: text().max(1000, { error: 'Hemmeligheten kan ha høyst 1000 tegn' }).optional(),
  scopes: line('Omfanget (scopes)', 500).refine((v) => v.split(/\s+/).includes('openid'), {
    error: 'Omfanget (scopes) må ta med openid',
  }),
  claim: line('Kravet (claim)', 100).refine((v) => /^[A-Za-z0-9_.:-]+$/.test(v), {
    error: 'Kravet (claim) kan bare ha bokstaver, tall og _ . : -',
  }),
  allowedRoles: z
    .array(z.enum(OIDC_ROLES, { error: 'Ukjent rolle' }), { error: 'Velg minst én rolle som kan bruke innloggingen' })
    .min(1, { error: 'Velg minst én rolle som kan bruke innloggingen' }),
  autoCreate: z.boolean({ error: 'Ugyldig verdi' }).default(false),
  defaultRole: z.enum(OIDC_DEFAULT_ROLES, { error: 'Velg en standardrolle for nye kontoer' }).nullable().default(null),
  enabled: z.boolean({ error: 'Ugyldig verdi' }).default(true),
};

const AUTO_CREATE_ROLE = 'Velg en standardrolle for nye kontoer';
export const createOidcProviderSchema = z
  .object(oidcProviderFields)
  .refine((p) => !p.autoCreate || p.defaultRole !== null, { path: ['defaultRole'], error: AUTO_CREATE_ROLE });
export type CreateOidcProvider = z.infer<typeof createOidcProviderSchema>;

export const updateOidcProviderSchema = patchSchema(oidcProviderFields);
export type UpdateOidcProvider = z.infer<typeof updateOidcProviderSchema>;

export const oidcProviderResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(OIDC_KINDS),
  issuer: z.string(),
  clientId: z.string(),
  /** Whether a secret is stored (the secret itself is never sent back). */
  hasSecret: z.boolean(),
  scopes: z.string(),
  claim: z.string(),
  allowedRoles: z.array(z.enum(OIDC_ROLES)),
  autoCreate: z.boolean(),
  defaultRole: z.enum(OIDC_DEFAULT_ROLES).nullable(),
  enabled: z.boolean(),
  version: z.number().int(),
});
export type OidcProviderResponse = z.infer<typeof oidcProviderResponseSchema>;

export const oidcSettingsResponseSchema = z.object({
  providers: z.array(oidcProviderResponseSchema),
  /** Whether the municipality's people may log in with a password. */
  passwordLogin: z.boolean(),
  /** The address to register at each provider as the redirect URI. */
  redirectUri: z.string(),
});
export type OidcSettingsResponse = z.infer<typeof oidcSettingsResponseSchema>;

export const passwordLoginSchema = z.object({ passwordLogin: z.boolean({ error: 'Ugyldig verdi' }) });
export type PasswordLoginRequest = z.infer<typeof passwordLoginSchema>;

/** An administrator links a person to their national identity number (ID-porten); only its keyed hash is stored. */
export const nationalIdSchema = z.object({
  nationalId: text('Fødselsnummeret må ha 11 siffer').regex(/^\d{11}$/, { error: 'Fødselsnummeret må ha 11 siffer' }),
});
export type NationalIdRequest = z.infer<typeof nationalIdSchema>;

/** What the log-in page offers: per municipality with providers, its buttons and whether passwords work there. */
export const loginOptionsResponseSchema = z.object({
  municipalities: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      passwordLogin: z.boolean(),
      providers: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(OIDC_KINDS) })),
    }),
  ),
});
export type LoginOptionsResponse = z.infer<typeof loginOptionsResponseSchema>;

/** The answer to log-out: where to go next when the provider ends its own session too (RP-initiated log-out). */
export const logoutResponseSchema = z.object({ ok: z.literal(true), redirect: z.string().optional() });

/** An OpenID provider's back-channel log-out (a form post with its signed logout token). */
export const backchannelLogoutSchema = z.object({
  logout_token: text('Utloggingsbeviset (logout_token) mangler').min(1, { error: 'Utloggingsbeviset (logout_token) mangler' }).max(20000),
});
