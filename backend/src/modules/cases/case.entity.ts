import { Column, Entity } from 'typeorm';
import type { CaseStatus } from '@samrad/shared/contracts';
import { TenantEntity } from '../../platform/database/base.entity.js';

/** A case (sak) with its archive number (2026/123). */
@Entity('case_file')
export class CaseFile extends TenantEntity {
  @Column('int')
  archiveYear: number;

  @Column('int')
  archiveSeq: number;

  @Column('text')
  title: string;

  @Column('uuid', { nullable: true })
  mandateItemId: string | null;

  @Column('uuid', { nullable: true })
  officerId: string | null;

  @Column('text', { default: 'draft' })
  status: CaseStatus;

  /** The body on the route the case is before (status 'before_body'), else null. */
  @Column('uuid', { nullable: true })
  phaseBodyId: string | null;

  @Column('text', { default: 'public' })
  access: 'public' | 'exempt';

  @Column('text', { nullable: true })
  legalBasis: string | null;

  @Column('text', { nullable: true })
  publicTitle: string | null;

  /** References to earlier cases and decisions («sak 7/21»), as written; resolved when read (`CasesService.references`). */
  @Column('text', { array: true, name: 'reference_texts', default: () => "'{}'" })
  references: string[];
}

/**
 * The columns a reader of the case gets as they are stored: everything but the keys and numbers the case
 * page shows in its own shape. A new column on the entity reaches `GET /api/cases/:id` through this
 * (its response contract in `shared/src/contracts/cases.ts` says what the page may read of it).
 */
export function caseReadFields(c: CaseFile) {
  const { municipalityId, officerId, archiveYear, archiveSeq, mandateItemId, phaseBodyId, createdAt, updatedAt, ...fields } = c;
  void [municipalityId, officerId, archiveYear, archiveSeq, mandateItemId, phaseBodyId, createdAt, updatedAt];
  return fields;
}
