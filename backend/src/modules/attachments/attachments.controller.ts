import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { AttachmentsService } from './attachments.service.js';
import type { z } from 'zod';
import { attachmentListResponseSchema, attachmentPublicitySchema, attachmentResponseSchema } from '@samrad/shared/contracts';
import { body } from '../../platform/http/zod.pipe.js';
import { Returns, ReturnsFile } from '../../platform/http/returns.js';
import { sendDownload } from '../../platform/http/download.js';

/**
 * Uploads are the raw file as the body (`Content-Type: application/octet-stream`) with its name in
 * `?filename=`: no multipart parsing, and the size limit applies before anything is read into memory.
 */
@Controller('api')
export class AttachmentsController {
  constructor(@Inject(AttachmentsService) private readonly attachments: AttachmentsService) {}

  @Returns(attachmentListResponseSchema)
  @Get('cases/:id/attachments')
  @Access('authenticated')
  async listForCase(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return { attachments: await this.attachments.listForCase(ctx, id) };
  }

  @Returns(attachmentResponseSchema)
  @Post('cases/:id/attachments')
  @Access('case_officer')
  addToCase(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Query('filename') filename: unknown, @Body() content: unknown) {
    return this.attachments.addToCase(ctx, id, filename, content);
  }

  @Returns(attachmentResponseSchema)
  @Post('rounds/:id/documents')
  @Access('case_officer')
  addToRound(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Query('filename') filename: unknown,
    @Body() content: unknown,
  ) {
    return this.attachments.addToRound(ctx, id, filename, content);
  }

  @Returns(attachmentResponseSchema)
  @Post('submissions/:id/attachments')
  @Access('member')
  addToSubmission(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Query('filename') filename: unknown,
    @Body() content: unknown,
  ) {
    return this.attachments.addToSubmission(ctx, id, filename, content);
  }

  /** The file as it was stored, with its sniffed media type. */
  @ReturnsFile('application/octet-stream')
  @Get('attachments/:id')
  @Access('authenticated')
  async download(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Res() reply: FastifyReply) {
    const { meta, content } = await this.attachments.content(ctx, id);
    // Always a download with the sniffed type; the browser must not guess or render it in our origin.
    sendDownload(reply, meta, content);
  }

  /** Whether a case attachment is public in innsyn, or exempt with its legal basis: that alone changes (case officers). */
  @Returns(attachmentResponseSchema)
  @Put('attachments/:id/publicity')
  @Access('case_officer')
  setPublicity(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(attachmentPublicitySchema)) input: z.infer<typeof attachmentPublicitySchema>,
  ) {
    return this.attachments.setPublicity(ctx, id, input);
  }

  @Delete('attachments/:id')
  @Access('authenticated')
  @HttpCode(204)
  async remove(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    await this.attachments.remove(ctx, id);
  }
}
