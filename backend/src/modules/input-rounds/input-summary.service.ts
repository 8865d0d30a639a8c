import { formatOsloDateTime } from '@samrad/shared/domain';
import { filterInputs, type InputFilter } from '@samrad/shared/contracts';
import { INPUT_REPORT_TEXT, inputReportWorkbook } from '@samrad/shared/formats';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { CasesService, caseNumber } from '../cases/cases.service.js';
import { visibleSubmissions } from './input-rounds.service.js';
import { inputReportPdf } from './input-report-pdf.js';

/**
 * The read model «Innspill og behandling»: every input on a case the reader may see (round, continuous
 * and school-conference input alike), how each was handled, its report text and its exports; and one's
 * own inputs with their handling.
 */
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
    const { outcome, section } = INPUT_REPORT_TEXT;
    const number = caseNumber(c);
    const lines = [`Innspill og behandling – sak ${number} ${c.title}`, ''];
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
    return {
      caseId,
      case: { number, title: c.title },
      total: items.length,
      handled: items.filter((s) => s.disposition).length,
      items,
      text: lines.join('\n'),
    };
  }

  /** The table as a file (XLSX or PDF) with the page's filters applied: the same rows the reader sees. */
  async export(ctx: RequestContext, caseId: string, format: 'xlsx' | 'pdf', filter: InputFilter) {
    const s = await this.summary(ctx, caseId);
    const items = filterInputs(s.items, filter);
    const title = `Innspill og behandling – sak ${s.case.number} ${s.case.title}`;
    const name = `innspill-og-behandling-${s.case.number.replace('/', '-')}.${format}`;
    if (format === 'xlsx') {
      return {
        name,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: Buffer.from(await inputReportWorkbook(title, items)),
      };
    }
    const now = this.clock.now();
    const generated = `Laget ${formatOsloDateTime(now)} · ${items.length} av ${s.total} innspill`;
    const [municipality]: { name: string }[] = await this.db.query(`SELECT name FROM municipality WHERE id = $1`, [ctx.municipalityId]);
    const meta = { title, author: municipality?.name ?? '', subject: `Sak ${s.case.number}`, lang: 'nb', created: now };
    return { name, type: 'application/pdf', body: await inputReportPdf(meta, generated, items) };
  }

  /** One's own inputs (every kind) on a case or a mandate item, with how each was handled. */
  async mine(ctx: RequestContext, where: { caseId?: string; mandateItemId?: string }) {
    const items = await visibleSubmissions(
      this.db,
      ctx,
      { caseId: where.caseId, mandateItemId: where.mandateItemId, authorId: ctx.userId },
      this.clock.now(),
    );
    return { items };
  }
}
