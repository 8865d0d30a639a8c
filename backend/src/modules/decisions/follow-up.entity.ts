import { Column, Entity } from 'typeorm';
import type { FollowUpStatus } from '@samrad/shared/contracts';
import { TenantEntity } from '../../platform/database/base.entity.js';

/** A follow-up task of a vedtak: what must be done now that it is decided, by whom and when. */
@Entity('decision_follow_up')
export class FollowUpTask extends TenantEntity {
  @Column('uuid')
  decisionId: string;

  @Column('text')
  title: string;

  @Column('uuid', { nullable: true })
  ownerId: string | null;

  @Column('date', { nullable: true })
  dueDate: string | null;

  @Column('text', { default: 'not_started' })
  status: FollowUpStatus;

  @Column('text', { default: '' })
  notes: string;
}
