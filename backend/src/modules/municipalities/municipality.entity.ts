import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LanguageForm } from '@samrad/shared/i18n';

@Entity('municipality')
export class Municipality {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { unique: true })
  orgNumber: string;

  /** The official written form (målform): the default language of its people, its documents and innsyn. */
  @Column('text', { default: 'nb' })
  languageForm: LanguageForm;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
