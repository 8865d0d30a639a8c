import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../../platform/database/base.entity.js';
import type { BodyKind, BodyRole, Capacity, PoliticalSide } from '@samrad/shared/contracts';

/** A body (organ): a political committee, the council, a working or reference group, … */
@Entity('body')
export class Body extends TenantEntity {
  @Column('text')
  kind: BodyKind;

  @Column('text')
  name: string;

  @Column('text', { default: '' })
  description: string;

  /** The body it is built from or reports to (the working group is built from Driftsutvalget). */
  @Column('uuid', { nullable: true })
  parentId: string | null;

  /** The date the body was closed (lagt ned); it is kept with its history. Null while it is open. */
  @Column('date', { nullable: true })
  closedOn: string | null;
}

/** A person's membership of a body: the role in it and the capacity they act in, with dates. */
@Entity('membership')
export class Membership extends TenantEntity {
  @Column('uuid')
  bodyId: string;

  @Column('uuid')
  userId: string;

  @Column('text')
  role: BodyRole;

  @Column('text')
  capacity: Capacity;

  @Column('text', { nullable: true })
  party: string | null;

  @Column('text', { nullable: true })
  side: PoliticalSide | null;

  @Column('text', { nullable: true })
  union: string | null;

  /** The school whose FAU a parent represents. */
  @Column('text', { nullable: true })
  school: string | null;

  @Column('date')
  validFrom: string;

  @Column('date', { nullable: true })
  validTo: string | null;
}
