import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { personalDataResponseSchema } from '@samrad/shared/contracts';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { Returns, ReturnsFile } from '../../platform/http/returns.js';
import { PersonalDataService } from './personal-data.service.js';
import { sendDownload } from '../../platform/http/download.js';

/** «Mine data»: what Samråd holds about the person asking, as JSON and as a PDF/A. Only ever their own. */
@Controller('api/me')
export class PersonalDataController {
  constructor(@Inject(PersonalDataService) private readonly data: PersonalDataService) {}

  @Get('personal-data')
  @Access('authenticated')
  @Returns(personalDataResponseSchema)
  json(@Ctx() ctx: RequestContext) {
    return this.data.collect(ctx);
  }

  @ReturnsFile('application/pdf')
  @Get('personal-data.pdf')
  @Access('authenticated')
  async pdf(@Ctx() ctx: RequestContext, @Res() reply: FastifyReply) {
    const file = await this.data.pdf(ctx);
    sendDownload(reply, { filename: file.filename, mediaType: 'application/pdf' }, file.body);
  }
}
