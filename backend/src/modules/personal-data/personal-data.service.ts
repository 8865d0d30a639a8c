import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PersonalData } from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { buildPdf, type PdfWriter } from '../../platform/pdf/pdf-document.js';
import { NotFound } from '../../platform/http/errors.js';

type Row = Record<string, unknown>;

/** What each part of the answer is called in the PDF (and in what order). */
const SECTIONS: [Exclude<keyof PersonalData, 'generatedAt' | 'profile' | 'settings' | 'submissions'>, string][] = [
  ['memberships', 'Medlemskap i organer'],
  ['roundInvitations', 'Invitasjoner til innspillsrunder'],
  ['comments', 'Kommentarer'],
  ['analysisComments', 'Kommentarer til analyser'],
  ['protocolStatements', 'Protokolltilførsler'],
  ['registrations', 'Påmeldinger'],
  ['attendance', 'Oppmøte'],
  ['notifications', 'Varsler'],
  ['sessions', 'Innlogginger som er aktive'],
  ['logins', 'Innloggingsforsøk'],
  ['calendarTokens', 'Kalenderadresser'],
  ['integrationTokensCreated', 'Integrasjonstokener du har laget'],
  ['auditAboutMe', 'Logg over endringer i brukeren din'],
  ['auditByMe', 'Logg over endringer du har gjort'],
];

/** The Norwegian name of each field the PDF shows (the JSON keeps the keys). */
const FIELD_LABELS: Record<string, string> = {
  id: 'Id',
  body: 'Organ',
  role: 'Rolle',
  capacity: 'Som',
  party: 'Parti',
  side: 'Side',
  union: 'Forbund',
  school: 'Skole',
  validFrom: 'Fra',
  validTo: 'Til',
  caseId: 'Sak (id)',
  roundId: 'Innspillsrunde (id)',
  bodyId: 'Organ (id)',
  toolId: 'Analyseverktøy (id)',
  meetingId: 'Møte (id)',
  currentVersion: 'Gjeldende versjon',
  late: 'For sent',
  publishConsent: 'Kan publiseres i innsyn',
  submittedAt: 'Sendt',
  updatedAt: 'Endret',
  status: 'Status',
  text: 'Tekst',
  createdAt: 'Laget',
  representing: 'Representerte',
  kind: 'Type',
  title: 'Tittel',
  link: 'Lenke',
  readAt: 'Lest',
  expiresAt: 'Utløper',
  current: 'Denne innloggingen',
  ip: 'IP-adresse',
  success: 'Vellykket',
  at: 'Tidspunkt',
  name: 'Navn',
  system: 'System',
  revokedAt: 'Trukket tilbake',
  action: 'Handling',
  changes: 'Endringer',
  byYou: 'Gjort av deg',
  entityType: 'Gjelder',
  entityId: 'Gjelder (id)',
  emailNotifications: 'E-post for hvert varsel',
  digest: 'Daglig oppsummering',
  language: 'Språk',
};

const value = (v: unknown): string =>
  v === null || v === undefined
    ? '–'
    : v === true
      ? 'ja'
      : v === false
        ? 'nei'
        : v instanceof Date
          ? v.toISOString()
          : typeof v === 'object'
            ? JSON.stringify(v)
            : String(v);

/**
 * What Samråd holds about the person asking (innsyn etter personvernforordningen art. 15), as JSON and as a PDF/A.
 * A read model: it reads the owners' tables in SQL and writes nothing. Only the person's own data: their profile and
 * settings, memberships, input (each version and how it was dealt with), comments, statements, registrations,
 * notifications, sessions and log-in attempts, calendar tokens, and the audit trail about them. Of what others did
 * it tells only that it happened (no one else's name or address).
 */
@Injectable()
export class PersonalDataService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async collect(ctx: RequestContext): Promise<PersonalData> {
    const me = [ctx.userId, ctx.municipalityId];
    const q = (sql: string, params: unknown[] = me): Promise<Row[]> => this.db.query(sql, params);
    const [profile] = await q(
      `SELECT u.id, u.name, u.email, u.title, u.status, u.is_admin, u.is_case_officer, u.language, u.created_at,
              u.email_notifications, u.digest, mu.name AS municipality
         FROM app_user u JOIN municipality mu ON mu.id = u.municipality_id WHERE u.id = $1 AND u.municipality_id = $2`,
    );
    if (!profile) throw new NotFound('Fant ikke brukeren');
    const submissions = await q(
      `SELECT s.id, s.case_id AS "caseId", s.round_id AS "roundId", s.body_id AS "bodyId", s.capacity, s.current_version AS "currentVersion",
              s.late, s.publish_consent AS "publishConsent", s.submitted_at AS "submittedAt", s.updated_at AS "updatedAt"
         FROM submission s WHERE s.author_id = $1 AND s.municipality_id = $2 ORDER BY s.submitted_at`,
    );
    const ids = submissions.map((s) => s.id);
    const versions = await q(
      `SELECT submission_id, version, text, sha256, created_at AS "createdAt" FROM submission_version WHERE submission_id = ANY($1::uuid[]) ORDER BY version`,
      [ids],
    );
    const dispositions = await q(
      `SELECT submission_id, outcome, reason, recorded_at AS "recordedAt" FROM disposition WHERE submission_id = ANY($1::uuid[])`,
      [ids],
    );
    const of = (rows: Row[], id: unknown) => rows.filter((r) => r.submission_id === id).map(({ submission_id: _, ...r }) => r);
    return {
      generatedAt: this.clock.now().toISOString(),
      profile: {
        id: profile.id as string,
        name: profile.name as string,
        email: profile.email as string,
        title: profile.title as string,
        status: profile.status as string,
        isAdmin: profile.is_admin as boolean,
        isCaseOfficer: profile.is_case_officer as boolean,
        language: profile.language as string | null,
        municipality: profile.municipality as string,
        createdAt: (profile.created_at as Date).toISOString(),
      },
      settings: { emailNotifications: profile.email_notifications, digest: profile.digest, language: profile.language },
      memberships: await q(
        `SELECT b.name AS body, m.role, m.capacity, m.party, m.side, m."union", m.school, m.valid_from AS "validFrom", m.valid_to AS "validTo"
           FROM membership m JOIN body b ON b.id = m.body_id WHERE m.user_id = $1 AND m.municipality_id = $2 ORDER BY m.valid_from`,
      ),
      submissions: submissions.map((s) => ({ ...s, versions: of(versions, s.id), dispositions: of(dispositions, s.id) })),
      roundInvitations: await q(`SELECT round_id AS "roundId", status FROM round_person_invitation WHERE user_id = $1`, [ctx.userId]),
      comments: await q(
        `SELECT id, case_id AS "caseId", text, created_at AS "createdAt" FROM comment WHERE author_id = $1 AND municipality_id = $2 ORDER BY created_at`,
      ),
      analysisComments: await q(
        `SELECT id, tool_id AS "toolId", text, created_at AS "createdAt" FROM analysis_comment WHERE author_id = $1 AND municipality_id = $2 ORDER BY created_at`,
      ),
      protocolStatements: await q(
        `SELECT id, meeting_id AS "meetingId", "union", text, created_at AS "createdAt" FROM protocol_statement WHERE author_id = $1 ORDER BY created_at`,
        [ctx.userId],
      ),
      registrations: await q(
        `SELECT meeting_id AS "meetingId", representing, created_at AS "createdAt" FROM meeting_registration WHERE user_id = $1 AND municipality_id = $2`,
      ),
      attendance: await q(`SELECT meeting_id AS "meetingId", status FROM attendance WHERE user_id = $1`, [ctx.userId]),
      notifications: await q(
        `SELECT kind, title, body, link, read_at AS "readAt", created_at AS "createdAt" FROM notification
          WHERE user_id = $1 AND municipality_id = $2 ORDER BY created_at DESC`,
      ),
      sessions: await q(
        `SELECT created_at AS "createdAt", expires_at AS "expiresAt", (id_hash = $3) AS current FROM user_session
          WHERE user_id = $1 AND municipality_id = $2 ORDER BY created_at`,
        [...me, ctx.sessionHash],
      ),
      logins: await q(`SELECT ip, success, at FROM login_attempt WHERE lower(email) = lower($1) ORDER BY at DESC LIMIT 500`, [
        profile.email,
      ]),
      calendarTokens: await q(`SELECT id, created_at AS "createdAt" FROM calendar_token WHERE user_id = $1 AND municipality_id = $2`),
      integrationTokensCreated: await q(
        `SELECT id, name, system, created_at AS "createdAt", revoked_at AS "revokedAt" FROM integration_token
          WHERE created_by = $1 AND municipality_id = $2 ORDER BY created_at`,
      ),
      // Changes to the person's own record (their fields only; who made them only as "you" or not).
      auditAboutMe: await q(
        `SELECT action, changes, at, (actor_id IS NOT DISTINCT FROM $1) AS "byYou" FROM audit_event
          WHERE municipality_id = $2 AND entity_type = 'user' AND entity_id = $1 ORDER BY id`,
      ),
      // What they changed, without the changes' content (it may be another person's data).
      auditByMe: await q(
        `SELECT action, entity_type AS "entityType", entity_id AS "entityId", at FROM audit_event
          WHERE municipality_id = $2 AND actor_id = $1 ORDER BY id DESC LIMIT 2000`,
      ),
    };
  }

  /** The same as a PDF/A (A4, fonts embedded), for the person to keep. */
  async pdf(ctx: RequestContext): Promise<{ filename: string; body: Buffer }> {
    const data = await this.collect(ctx);
    const rows = (w: PdfWriter, items: Row[]) => {
      if (items.length === 0) w.note('Ingen');
      for (const item of items)
        w.list(
          Object.entries(item)
            .filter(([k]) => k !== 'versions' && k !== 'dispositions')
            .map(([k, v]) => `${FIELD_LABELS[k] ?? k}: ${value(v)}`),
        );
    };
    const body = await buildPdf(
      {
        title: `Mine data i Samråd – ${data.profile.name}`,
        author: data.profile.municipality,
        subject: 'Innsyn i egne personopplysninger',
        lang: 'nb',
        created: this.clock.now(),
      },
      (w) => {
        w.heading(`Mine data i Samråd`);
        w.note(`Laget ${data.generatedAt} for ${data.profile.name} (${data.profile.municipality})`);
        w.heading('Profil', 2);
        w.labelled('Navn', data.profile.name);
        w.labelled('E-post', data.profile.email);
        w.labelled('Tittel', data.profile.title || '–');
        w.labelled('Status', data.profile.status);
        w.labelled('Administrator', data.profile.isAdmin ? 'ja' : 'nei');
        w.labelled('Saksbehandler', data.profile.isCaseOfficer ? 'ja' : 'nei');
        w.labelled('Opprettet', data.profile.createdAt);
        w.heading('Innstillinger', 2);
        for (const [k, v] of Object.entries(data.settings)) w.labelled(FIELD_LABELS[k] ?? k, value(v));
        w.heading('Innspill', 2);
        if (data.submissions.length === 0) w.note('Ingen');
        for (const s of data.submissions) {
          rows(w, [s]);
          for (const v of s.versions) w.paragraph(`Versjon ${value(v.version)} (${value(v.createdAt)}): ${value(v.text)}`);
          for (const d of s.dispositions) w.paragraph(`Behandling: ${value(d.outcome)} – ${value(d.reason)}`);
        }
        for (const [key, title] of SECTIONS) {
          w.heading(title, 2);
          rows(w, data[key]);
        }
      },
    );
    return { filename: `mine-data-${data.generatedAt.slice(0, 10)}.pdf`, body };
  }
}
