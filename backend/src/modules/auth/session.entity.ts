import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A server-side session; the cookie holds a random id, the table holds its SHA-256. */
@Entity('user_session')
export class Session {
  @PrimaryColumn('text')
  idHash: string;

  @Column('uuid')
  userId: string;

  @Column('uuid')
  municipalityId: string;

  @Column('text')
  csrfToken: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  /** An OpenID Connect log-in's provider, its session id (`sid`) and subject, and the ID token (the log-out hint). */
  @Column('uuid', { nullable: true })
  oidcProviderId: string | null;

  @Column('text', { nullable: true })
  oidcSid: string | null;

  @Column('text', { nullable: true })
  oidcSub: string | null;

  @Column('text', { nullable: true })
  oidcIdToken: string | null;
}

/** One-time tokens for invitations and password resets (stored hashed). */
@Entity('auth_token')
export class AuthToken {
  @PrimaryColumn('text')
  tokenHash: string;

  @Column('uuid')
  userId: string;

  @Column('text')
  kind: 'invite' | 'reset';

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
