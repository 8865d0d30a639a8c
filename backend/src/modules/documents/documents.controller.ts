import { Body, Controller, Get, Inject, Param, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  caseDocumentsResponseSchema,
  documentResponseSchema,
  generateDocumentSchema,
  type GenerateDocument,
} from '@samrad/shared/contracts';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { Returns, ReturnsFile } from '../../platform/http/returns.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { body } from '../../platform/http/zod.pipe.js';
import { DocumentsService } from './documents.service.js';
import { sendDownload } from '../../platform/http/download.js';

@Controller('api')
export class DocumentsController {
  constructor(@Inject(DocumentsService) private readonly documents: DocumentsService) {}

  /** The case's documents (every version) the reader may read, its meetings and one's own inputs on it. */
  @Returns(caseDocumentsResponseSchema)
  @Get('cases/:id/documents')
  @Access('authenticated')
  list(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.documents.listForCase(ctx, id);
  }

  /** Makes a document (a new version; the older ones are kept): case and meeting documents by case officers, a receipt by its submitter. */
  @Returns(documentResponseSchema)
  @Post('documents')
  @Access('authenticated')
  generate(@Ctx() ctx: RequestContext, @Body(body(generateDocumentSchema)) input: GenerateDocument) {
    return this.documents.generate(ctx, input);
  }

  /** The stored PDF, byte for byte (its SHA-256 in `x-content-sha256`). */
  @ReturnsFile('application/pdf')
  @Get('documents/:id/file')
  @Access('authenticated')
  async file(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Res() reply: FastifyReply) {
    const { meta, content } = await this.documents.file(ctx, id);
    sendDownload(reply, meta, content, 'private');
  }
}
