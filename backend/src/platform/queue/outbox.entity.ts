import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Jobs written in the same transaction as the change that causes them; the relay moves them to
 * BullMQ, so nothing is lost when Redis is briefly away.
 */
@Entity('outbox')
export class OutboxMessage {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('text')
  job: string;

  @Column('jsonb')
  payload: unknown;

  /** BullMQ job id: the same key is never queued twice. */
  @Column('text', { unique: true })
  dedupKey: string;

  @Column('timestamptz', { nullable: true })
  runAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  relayedAt: Date | null;
}
