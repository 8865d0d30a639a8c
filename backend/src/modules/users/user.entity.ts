import { Column, Entity } from 'typeorm';
import type { Language } from '@samrad/shared/i18n';
import { TenantEntity } from '../../platform/database/base.entity.js';

export type UserStatus = 'invited' | 'active' | 'disabled';

@Entity('app_user')
export class User extends TenantEntity {
  @Column('text')
  email: string;

  @Column('text')
  name: string;

  /** Role title shown to others, e.g. "Hovedtillitsvalgt, Utdanningsforbundet". */
  @Column('text', { default: '' })
  title: string;

  @Column('text', { nullable: true, select: false })
  passwordHash: string | null;

  @Column('text', { default: 'invited' })
  status: UserStatus;

  /** Municipality administrator: manages users, bodies and settings. */
  @Column('boolean', { default: false })
  isAdmin: boolean;

  /** Case officer in the administration (saksbehandler): prepares cases and rounds. */
  @Column('boolean', { default: false })
  isCaseOfficer: boolean;

  /** The person's own choice of interface language; null follows the municipality's målform. */
  @Column('text', { nullable: true })
  language: Language | null;

  /** When an administrator anonymised the person (who had left); null for everyone else. */
  @Column('timestamptz', { nullable: true })
  anonymisedAt: Date | null;
}
