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
}
