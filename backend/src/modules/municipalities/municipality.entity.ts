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
  /** The municipality's name in public addresses (`/innsyn/<slug>`); set from the name by a trigger when not given. */
  @Column('text', { unique: true, nullable: true })
  slug: string;

  /** Where the public reports a problem (the tilgjengelighetserklæring), if set. */
  @Column('text', { nullable: true })
  contactEmail: string | null;

  /** Whether its people may log in with a password (turned off when every log-in goes through its OIDC providers). */
  @Column('boolean', { default: true })
  passwordLogin: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
