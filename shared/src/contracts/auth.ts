import { z } from 'zod';
import { LANGUAGE_FORMS, LANGUAGES } from '../i18n/languages.js';
import { patchSchema, text } from './common.js';

const email = z.email({ error: 'Skriv inn en gyldig e-postadresse' }).max(320);
const password = text('Passord må fylles ut')
  .min(12, { error: 'Passordet må ha minst 12 tegn' })
  .max(200, { error: 'Passordet kan ha høyst 200 tegn' });

export const loginRequestSchema = z.object({
  email,
  password: text('Passord må fylles ut').min(1, { error: 'Passord må fylles ut' }).max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const acceptInviteRequestSchema = z.object({ token: text().min(10, { error: 'Lenken er ugyldig' }), password });
export const requestResetSchema = z.object({ email });
export const resetPasswordSchema = z.object({ token: text().min(10, { error: 'Lenken er ugyldig' }), password });
/** A logged-in person changes their password: the one they have, and the new one. */
export const changePasswordSchema = z.object({
  currentPassword: text('Skriv inn passordet du har nå').min(1, { error: 'Skriv inn passordet du har nå' }).max(200),
  password,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordSchema>;

export const ROLES = ['admin', 'case_officer', 'member', 'public'] as const;
export type AppRole = (typeof ROLES)[number];

export const meResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  title: z.string(),
  /** The person's own choice of language; null follows the municipality's målform. */
  language: z.enum(LANGUAGES).nullable(),
  /** The version of the person's record, for `PATCH /api/auth/me`. */
  version: z.number().int(),
  municipality: z.object({ id: z.string(), name: z.string(), languageForm: z.enum(LANGUAGE_FORMS) }),
  roles: z.array(z.enum(ROLES)),
  memberships: z.array(z.object({ bodyId: z.string(), bodyName: z.string(), role: z.string(), capacity: z.string() })),
  csrfToken: z.string(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/** A person's notification settings: e-mail for each notice (receipts always go), and the daily digest. */
export const notificationSettingsSchema = z.strictObject({
  emailNotifications: z.boolean({ error: 'Velg om du vil ha e-post for hvert varsel' }),
  digest: z.enum(['off', 'daily'], { error: 'Velg om du vil ha daglig oppsummering' }),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** A plain confirmation with a message (the same answer whether or not an address is known). */
export const messageResponseSchema = z.object({ message: z.string() });

/** `PATCH /api/auth/me`: the person's own settings, each changed only when sent (the language; null follows the målform). */
export const updateMeSchema = patchSchema({
  language: z.enum(LANGUAGES, { error: 'Velg bokmål, nynorsk eller English' }).nullable(),
});
export type UpdateMe = z.infer<typeof updateMeSchema>;

/** The municipality's official written form (målform), chosen by its administrators. */
export const languageFormSchema = z.strictObject({
  languageForm: z.enum(LANGUAGE_FORMS, { error: 'Velg bokmål eller nynorsk' }),
});
export type LanguageFormRequest = z.infer<typeof languageFormSchema>;

/** The caller's municipality as its people read it: its name and målform (the default language, also of documents and innsyn). */
export const municipalityResponseSchema = z.object({ id: z.string(), name: z.string(), languageForm: z.enum(LANGUAGE_FORMS) });
export type MunicipalityResponse = z.infer<typeof municipalityResponseSchema>;
