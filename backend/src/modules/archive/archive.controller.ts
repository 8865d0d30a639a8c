import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { ReturnsFile } from '../../platform/http/returns.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { ArchiveService } from './archive.service.js';
import { sendDownload } from '../../platform/http/download.js';

@Controller('api')
export class ArchiveController {
  constructor(@Inject(ArchiveService) private readonly archive: ArchiveService) {}

  /** The NOARK 5 arkivuttrekk of a closed case: a zip with arkivstruktur.xml at its root. */
  @ReturnsFile('application/zip')
  @Get('cases/:id/arkivuttrekk')
  @Access('case_officer')
  async export(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Res() reply: FastifyReply) {
    const file = await this.archive.export(ctx, id);
    sendDownload(reply, { filename: file.name, mediaType: 'application/zip' }, file.body);
  }
}
