import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import {
  OPEN_DATA_LICENCE,
  publicCaseDetailResponseSchema,
  publicCaseListResponseSchema,
  publicDecisionListResponseSchema,
  publicMandatesResponseSchema,
  publicMeetingDetailResponseSchema,
  publicMeetingListResponseSchema,
  publicMunicipalitiesResponseSchema,
  publicRoundResponseSchema,
  publicScenarioResponseSchema,
  publicSearchSchema,
} from '@samrad/shared/contracts';
import { Access } from '../../platform/auth/access.js';
import { NotFound } from '../../platform/http/errors.js';
import { Returns, ReturnsFile } from '../../platform/http/returns.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { ZodPipe } from '../../platform/http/zod.pipe.js';
import { InnsynService } from './innsyn.service.js';
import { sendDownload } from '../../platform/http/download.js';

/** A slug as the migration writes them: lower-case letters and digits in hyphenated groups. */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
class SlugPipe {
  transform(value: string): string {
    if (!SLUG.test(value) || value.length > 100) throw new NotFound('Fant ikke kommunen');
    return value;
  }
}

/** The licence in a header of every open-data answer (RFC 8288 `rel="license"`), as the JSON carries it in a field. */
function licensed(reply: FastifyReply) {
  void reply.header('link', `<${OPEN_DATA_LICENCE.url}>; rel="license"; title="NLOD 2.0"`);
}

/**
 * Innsyn without an account: `GET /api/public/<slug>/…`, each route `public` (no session, no CSRF: they only read).
 * The municipality is named by its slug; what is shown is decided by the owners' read rules for the anonymous reader.
 */
@Controller('api/public')
export class InnsynController {
  constructor(@Inject(InnsynService) private readonly innsyn: InnsynService) {}

  @Get('municipalities')
  @Access('public')
  @Returns(publicMunicipalitiesResponseSchema)
  municipalities() {
    return this.innsyn.municipalities();
  }

  @Get(':slug/cases')
  @Access('public')
  @Returns(publicCaseListResponseSchema)
  cases(@Param('slug', SlugPipe) slug: string, @Query(new ZodPipe(publicSearchSchema)) f: z.infer<typeof publicSearchSchema>) {
    return this.innsyn.caseList(slug, f.q);
  }

  @Get(':slug/cases.json')
  @Access('public')
  @Returns(publicCaseListResponseSchema)
  @Header('content-disposition', 'attachment; filename="saker.json"')
  casesJson(@Param('slug', SlugPipe) slug: string, @Res({ passthrough: true }) reply: FastifyReply) {
    licensed(reply);
    return this.innsyn.caseList(slug);
  }

  @Get(':slug/cases.csv')
  @Access('public')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="saker.csv"')
  casesCsv(@Param('slug', SlugPipe) slug: string, @Res({ passthrough: true }) reply: FastifyReply) {
    licensed(reply);
    return this.innsyn.csv(slug, 'cases');
  }

  @Get(':slug/cases/:id')
  @Access('public')
  @Returns(publicCaseDetailResponseSchema)
  case(@Param('slug', SlugPipe) slug: string, @Param('id', UuidPipe) id: string) {
    return this.innsyn.caseDetail(slug, id);
  }

  /** A public document (a public case's saksframlegg, an open meeting's published møteinnkalling or approved møteprotokoll), byte for byte, with its SHA-256 in `x-content-sha256`. */
  @ReturnsFile('application/pdf')
  @Get(':slug/documents/:id/file')
  @Access('public')
  async documentFile(@Param('slug', SlugPipe) slug: string, @Param('id', UuidPipe) id: string, @Res() reply: FastifyReply) {
    const { meta, content } = await this.innsyn.documentFile(slug, id);
    sendDownload(reply, meta, content, 'public');
  }

  /** A public case's public vedlegg, byte for byte, with its SHA-256 in `x-content-sha256`. */
  @ReturnsFile('application/octet-stream')
  @Get(':slug/attachments/:id/file')
  @Access('public')
  async attachmentFile(@Param('slug', SlugPipe) slug: string, @Param('id', UuidPipe) id: string, @Res() reply: FastifyReply) {
    const { meta, content } = await this.innsyn.attachmentFile(slug, id);
    sendDownload(reply, meta, content, 'public');
  }

  @Get(':slug/decisions')
  @Access('public')
  @Returns(publicDecisionListResponseSchema)
  decisions(@Param('slug', SlugPipe) slug: string, @Query(new ZodPipe(publicSearchSchema)) f: z.infer<typeof publicSearchSchema>) {
    return this.innsyn.decisions(slug, f.q);
  }

  @Get(':slug/decisions.json')
  @Access('public')
  @Returns(publicDecisionListResponseSchema)
  @Header('content-disposition', 'attachment; filename="vedtak.json"')
  decisionsJson(@Param('slug', SlugPipe) slug: string, @Res({ passthrough: true }) reply: FastifyReply) {
    licensed(reply);
    return this.innsyn.decisions(slug);
  }

  @Get(':slug/decisions.csv')
  @Access('public')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="vedtak.csv"')
  decisionsCsv(@Param('slug', SlugPipe) slug: string, @Res({ passthrough: true }) reply: FastifyReply) {
    licensed(reply);
    return this.innsyn.csv(slug, 'decisions');
  }

  @Get(':slug/meetings')
  @Access('public')
  @Returns(publicMeetingListResponseSchema)
  meetings(@Param('slug', SlugPipe) slug: string) {
    return this.innsyn.meetings(slug);
  }

  @Get(':slug/meetings.json')
  @Access('public')
  @Returns(publicMeetingListResponseSchema)
  @Header('content-disposition', 'attachment; filename="moter.json"')
  meetingsJson(@Param('slug', SlugPipe) slug: string, @Res({ passthrough: true }) reply: FastifyReply) {
    licensed(reply);
    return this.innsyn.meetings(slug);
  }

  @Get(':slug/meetings.csv')
  @Access('public')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="moter.csv"')
  meetingsCsv(@Param('slug', SlugPipe) slug: string, @Res({ passthrough: true }) reply: FastifyReply) {
    licensed(reply);
    return this.innsyn.csv(slug, 'meetings');
  }

  /** The open meetings as a calendar subscription: no cookie, a stable address a calendar app polls. */
  @Get(':slug/meetings.ics')
  @Access('public')
  @Header('content-type', 'text/calendar; charset=utf-8')
  meetingsCalendar(@Param('slug', SlugPipe) slug: string) {
    return this.innsyn.meetingsCalendar(slug);
  }

  @Get(':slug/meetings/:id')
  @Access('public')
  @Returns(publicMeetingDetailResponseSchema)
  meeting(@Param('slug', SlugPipe) slug: string, @Param('id', UuidPipe) id: string) {
    return this.innsyn.meeting(slug, id);
  }

  @Get(':slug/mandates')
  @Access('public')
  @Returns(publicMandatesResponseSchema)
  mandates(@Param('slug', SlugPipe) slug: string) {
    return this.innsyn.mandates(slug);
  }

  @Get(':slug/scenarios/:id')
  @Access('public')
  @Returns(publicScenarioResponseSchema)
  scenario(@Param('slug', SlugPipe) slug: string, @Param('id', UuidPipe) id: string) {
    return this.innsyn.scenario(slug, id);
  }

  @Get(':slug/rounds/:id')
  @Access('public')
  @Returns(publicRoundResponseSchema)
  round(@Param('slug', SlugPipe) slug: string, @Param('id', UuidPipe) id: string) {
    return this.innsyn.round(slug, id);
  }
}

/** `/sitemap.xml`: every public page, for search engines (nothing public says `noindex`). */
@Controller()
export class SitemapController {
  constructor(@Inject(InnsynService) private readonly innsyn: InnsynService) {}

  @Get('sitemap.xml')
  @Access('public')
  @Header('content-type', 'application/xml; charset=utf-8')
  sitemap() {
    return this.innsyn.sitemap();
  }
}
