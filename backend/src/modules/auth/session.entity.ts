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
