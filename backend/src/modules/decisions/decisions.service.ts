import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import { motionsView, type decisionSearchSchema } from '@samrad/shared/contracts';
import type { RequestContext } from '../../platform/auth/context.js';
import { ValidationFailed } from '../../platform/http/errors.js';
import { caseKnownSql, caseReadableSql, caseTitleFor, caseTitleSql } from '../cases/cases.service.js';

/** A vedtak as an adoption shows it: «Vedtatt i <organ> <dato> (sak 41/26)». */
export interface AdoptingDecision {
  id: string;
  body: string;
  decidedOn: string;
  committeeNumber: string | null;
}

/** The decisions register: every body's decisions, searchable, each linked to its case and the input that fed it. */
@Injectable()
export class DecisionsService {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /**
   * The one rule for adopting something by a vedtak (an allocation scenario, a savings measure, a school-structure
   * scenario): only a vedtak recorded on the case the thing belongs to (in a meeting's minutes or on the case), in the
   * caller's municipality. Anything else is a field error on `decisionId` with the caller's message.
   */
  async adoptingDecision(
    m: EntityManager,
    ctx: RequestContext,
    decisionId: string,
    caseId: string,
    refusal: string,
  ): Promise<AdoptingDecision> {
    const [d] = (await m.query(
      `SELECT d.id, b.name AS body, d.decided_on, d.committee_number FROM decision d JOIN body b ON b.id = d.body_id
        WHERE d.id = $1 AND d.case_id = $2 AND d.municipality_id = $3`,
      [decisionId, caseId, ctx.municipalityId],
    )) as { id: string; body: string; decided_on: string; committee_number: string | null }[];
    if (!d) throw ValidationFailed.field('decisionId', refusal);
    return { id: d.id, body: d.body, decidedOn: d.decided_on, committeeNumber: d.committee_number };
  }

  async search(ctx: RequestContext, f: z.infer<typeof decisionSearchSchema>) {
    const officer = ctx.roles.has('case_officer'); // admins hold it too (see AuthGuard)
    // The search reads the title and text the caller may see: an exempt case's own title and decision
    // are searched only by those who may read it, so a search cannot tell anyone else which words they hold.
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT d.id, d.committee_number, d.decided_on, d.text, d.motions, b.id AS body_id, b.name AS body_name,
              c.id AS case_id, c.archive_year, c.archive_seq, c.title, c.public_title, c.access, c.legal_basis,
              mi.id AS item_id, mi.number AS item_number, mi.title AS item_title,
              (SELECT count(*)::int FROM submission s WHERE s.case_id = c.id) AS inputs,
              v.readable
         FROM decision d JOIN case_file c ON c.id = d.case_id JOIN body b ON b.id = d.body_id
         LEFT JOIN mandate_item mi ON mi.id = c.mandate_item_id
        CROSS JOIN LATERAL (SELECT ${caseReadableSql('c', '$7', '$8', ctx)} AS readable) v
        CROSS JOIN LATERAL (SELECT coalesce(${caseTitleSql('c', 'v.readable')}, '') AS title,
                                   CASE WHEN v.readable THEN d.text ELSE '' END AS text) shown
        WHERE d.municipality_id = $1 AND ${caseKnownSql('c', ctx)}
          AND ($2::uuid IS NULL OR d.body_id = $2)
          AND ($3::uuid IS NULL OR c.mandate_item_id = $3)
          AND ($4::date IS NULL OR d.decided_on >= $4)
          AND ($5::date IS NULL OR d.decided_on <= $5)
          AND ($6::text IS NULL OR to_tsvector('norwegian', shown.text || ' ' || shown.title) @@ plainto_tsquery('norwegian', $6) OR shown.text ILIKE '%' || $6 || '%' OR shown.title ILIKE '%' || $6 || '%')
        ORDER BY d.decided_on DESC, d.created_at DESC
        LIMIT 200`,
      [
        ctx.municipalityId,
        f.bodyId ?? null,
        f.mandateItemId ?? null,
        f.from ?? null,
        f.to ?? null,
        f.q?.trim() || null,
        officer,
        [...ctx.bodyIds],
      ],
    );
    return rows.map((r) => ({
      id: r.id,
      body: { id: r.body_id, name: r.body_name },
      committeeNumber: r.committee_number,
      decidedOn: r.decided_on,
      // In an exempt case the decision's text and motions are for those who may read the case; the
      // others see that there is a decision, and the legal basis for withholding it.
      text: r.readable ? r.text : null,
      motions: r.readable ? motionsView(r.motions) : [],
      exemptBasis: r.readable ? null : r.legal_basis,
      case: {
        id: r.case_id,
        number: `${r.archive_year}/${r.archive_seq}`,
        title: caseTitleFor(
          { access: r.access as string, title: r.title as string, publicTitle: r.public_title as string | null },
          r.readable === true,
        ),
        access: r.access,
      },
      mandateItem: r.item_id ? { id: r.item_id, number: r.item_number, title: r.item_title } : null,
      inputs: r.inputs,
    }));
  }
}
