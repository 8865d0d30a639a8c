import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../../platform/database/base.entity.js';
import type { MandateItemStatus } from '@samrad/shared/contracts';

/** The follow-up mandate, adopted by a decision of a body. */
@Entity('mandate')
export class Mandate extends TenantEntity {
  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('uuid', { nullable: true })
  adoptedByBodyId: string | null;

  /** The committee case number of the adopting decision, e.g. 11/21. */
  @Column('text', { nullable: true })
  adoptedCaseNumber: string | null;

  @Column('date', { nullable: true })
  adoptedDate: string | null;

  /** The vedtak in Samråd that adopted the mandate (the text fields above hold one taken before Samråd). */
  @Column('uuid', { nullable: true })
  adoptedDecisionId: string | null;

  @Column('date')
  endDate: string;
}

/** A work stream of the mandate. */
@Entity('mandate_item')
export class MandateItem extends TenantEntity {
  @Column('uuid')
  mandateId: string;

  @Column('int')
  number: number;

  /** The explicit order of the mandate's items (1 = first); changed only by a reorder, in one transaction. */
  @Column('int')
  position: number;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('uuid', { nullable: true })
  ownerId: string | null;

  @Column('date', { nullable: true })
  dueDate: string | null;

  @Column('text', { default: 'not_started' })
  status: MandateItemStatus;
}
