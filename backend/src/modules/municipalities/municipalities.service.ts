import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { MunicipalityResponse } from '@samrad/shared/contracts';
import type { LanguageForm } from '@samrad/shared/i18n';
import type { RequestContext } from '../../platform/auth/context.js';
import { afterSessionChange } from '../../platform/auth/session-resolver.js';
import { NotFound, ValidationFailed } from '../../platform/http/errors.js';
import { AuditService } from '../audit/audit.service.js';
import { Municipality } from './municipality.entity.js';

/**
 * SQL: the language a person reads, for the `app_user` row aliased `u`: their own choice, else their municipality's
 * målform. Notices and e-mail are said in it (an invited person, who has chosen nothing yet, gets the målform).
 */
export const personLanguageSql = (u: string) =>
  `COALESCE(${u}.language, (SELECT language_form FROM municipality WHERE id = ${u}.municipality_id))`;

/** A municipality as innsyn names it to anyone: its slug, name, contact address and målform. */
export interface PublicMunicipality {
  id: string;
  slug: string;
  name: string;
  contactEmail: string | null;
  languageForm: LanguageForm;
}

/** The municipalities of the installation (the `municipality` table). Only the operator creates one. */
@Injectable()
export class MunicipalitiesService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}

  /**
   * A new municipality, in the caller's transaction. An organisation number belongs to one municipality
   * (municipality_org_number_key); a second is refused on the field, as is a name already used.
   */
  async create(m: EntityManager, input: { name: string; orgNumber: string }): Promise<Municipality> {
    const taken: { name: string; org_number: string }[] = await m.query(
      `SELECT name, org_number FROM municipality WHERE org_number = $1 OR lower(name) = lower($2) FOR UPDATE`,
      [input.orgNumber, input.name],
    );
    const sameNumber = taken.find((t) => t.org_number === input.orgNumber);
    if (sameNumber)
      throw ValidationFailed.field('orgNumber', `Organisasjonsnummeret ${input.orgNumber} er allerede registrert (${sameNumber.name})`);
    if (taken.length > 0) throw ValidationFailed.field('name', `Det finnes allerede en kommune som heter ${taken[0]!.name}`);
    return m.save(Municipality, m.create(Municipality, { name: input.name, orgNumber: input.orgNumber }));
  }

  /** The caller's municipality: its name and målform. */
  async get(ctx: Pick<RequestContext, 'municipalityId'>, m: EntityManager = this.db.manager): Promise<MunicipalityResponse> {
    const row = await m.findOneBy(Municipality, { id: ctx.municipalityId });
    if (!row) throw new NotFound();
    return { id: row.id, name: row.name, languageForm: row.languageForm };
  }

  /**
   * The owner of "which written form a municipality uses": its målform (bokmål or nynorsk), the default
   * language of its people's interface and the language of its documents and innsyn. Others read it here.
   */
  async languageForm(municipalityId: string, m: EntityManager = this.db.manager): Promise<LanguageForm> {
    const [row]: { language_form: LanguageForm }[] = await m.query(`SELECT language_form FROM municipality WHERE id = $1`, [
      municipalityId,
    ]);
    if (!row) throw new NotFound();
    return row.language_form;
  }

  /** Every municipality as innsyn names it, by name. */
  async publicList(): Promise<PublicMunicipality[]> {
    const rows: { id: string; slug: string; name: string; contact_email: string | null; language_form: LanguageForm }[] =
      await this.db.query(`SELECT id, slug, name, contact_email, language_form FROM municipality ORDER BY name`);
    return rows.map(MunicipalitiesService.publicView);
  }

  /** The municipality a slug names, as innsyn names it (null: none). */
  async publicBySlug(slug: string): Promise<PublicMunicipality | null> {
    const rows: { id: string; slug: string; name: string; contact_email: string | null; language_form: LanguageForm }[] =
      await this.db.query(`SELECT id, slug, name, contact_email, language_form FROM municipality WHERE slug = $1`, [slug]);
    return rows[0] ? MunicipalitiesService.publicView(rows[0]) : null;
  }

  private static publicView(r: { id: string; slug: string; name: string; contact_email: string | null; language_form: LanguageForm }) {
    return { id: r.id, slug: r.slug, name: r.name, contactEmail: r.contact_email, languageForm: r.language_form };
  }

  /** An administrator chooses the målform; audited, and the sessions are read afresh (a person's default language follows it). */
  async setLanguageForm(ctx: RequestContext, languageForm: LanguageForm): Promise<MunicipalityResponse> {
    await afterSessionChange(
      this.db.transaction(async (m) => {
        await this.setting(m, ctx, 'language_form', 'languageForm', languageForm);
      }),
    );
    return this.get(ctx);
  }
  /** One setting of the caller's municipality changed in `m` (locked first; nothing written or audited when unchanged). */
  private async setting(
    m: EntityManager,
    ctx: RequestContext,
    column: 'language_form' | 'password_login',
    field: string,
    value: string | boolean,
  ): Promise<void> {
    const [before]: Record<string, unknown>[] = await m.query(`SELECT ${column} AS value FROM municipality WHERE id = $1 FOR UPDATE`, [
      ctx.municipalityId,
    ]);
    if (!before) throw new NotFound();
    if (before.value === value) return;
    await m.query(`UPDATE municipality SET ${column} = $2 WHERE id = $1`, [ctx.municipalityId, value]);
    await this.audit.record(m, ctx, 'update', 'municipality', ctx.municipalityId, { [field]: before.value }, { [field]: value });
  }

  /** Whether the municipality's people may log in with a password (read by the auth module's log-in). */
  async passwordLogin(municipalityId: string, m: EntityManager = this.db.manager): Promise<boolean> {
    const [row]: { password_login: boolean }[] = await m.query(`SELECT password_login FROM municipality WHERE id = $1`, [municipalityId]);
    if (!row) throw new NotFound();
    return row.password_login;
  }

  /** An administrator turns password log-in on or off (in the caller's transaction, which checks the providers first); audited. */
  async setPasswordLogin(m: EntityManager, ctx: RequestContext, passwordLogin: boolean): Promise<void> {
    await this.setting(m, ctx, 'password_login', 'passwordLogin', passwordLogin);
  }
}
