import { formatOsloDateTime } from '@samrad/shared/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { CasesService } from '../cases/cases.service.js';
import { visibleSubmissions } from './input-rounds.service.js';

/** The read model «Innspill og behandling»: every input on a case the reader may see, and its report text. */
@Injectable()
export class InputSummaryService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** «Innspill og behandling»: every input on a case, who gave it, and how it was handled. */
  async summary(ctx: RequestContext, caseId: string) {
    const c = await this.cases.readable(ctx, caseId);
    const items = await visibleSubmissions(this.db, ctx, { caseId }, this.clock.now());
    const outcome: Record<string, string> = {
      adopted: 'Tatt til følge',
      partly_adopted: 'Delvis tatt til følge',
      not_adopted: 'Ikke tatt til følge',
      noted: 'Tatt til orientering',
    };
    const section: Record<string, string> = {
      background: 'Bakgrunn',
      facts: 'Fakta',
      assessment: 'Vurdering',
      proposal: 'Forslag til vedtak',
    };
    const lines = [`Innspill og behandling – sak ${c.archiveYear}/${c.archiveSeq} ${c.title}`, ''];
    items.forEach((s, i) => {
      const where = s.meeting ? ` på skolekonferansen «${s.meeting.title}»` : '';
      lines.push(
        `${i + 1}. ${s.body ? `${s.body.name} (ved ${s.author.name})` : `${s.author.name} (på eget vegne)`}${where}, ${formatOsloDateTime(new Date(s.submittedAt))}${s.late ? ' – for sent' : ''}`,
      );
      lines.push(`   Innspill: ${s.text}`);
      lines.push(
        s.disposition
          ? `   Behandling: ${outcome[s.disposition.outcome]}. ${s.disposition.reason}${s.disposition.sectionKind ? ` (påvirket: ${section[s.disposition.sectionKind]})` : ''}`
          : '   Behandling: ikke behandlet ennå',
      );
      lines.push('');
    });
    return { caseId, total: items.length, handled: items.filter((s) => s.disposition).length, items, text: lines.join('\n') };
  }
}
