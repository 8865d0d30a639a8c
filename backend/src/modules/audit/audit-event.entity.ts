import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

/** Append-only: the database refuses UPDATE and DELETE on this table (see the migration). */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid')
  municipalityId: string;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text')
  action: 'create' | 'update' | 'delete';

  @Column('text')
  entityType: string;

  @Column('uuid')
  entityId: string;

  @Column('jsonb')
  changes: FieldChanges;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
