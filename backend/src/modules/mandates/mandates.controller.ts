import { Body, Controller, Get, Inject, Param, Patch, Post, Put } from '@nestjs/common';
import type { z } from 'zod';
import {
  createMandateItemSchema,
  createMandateSchema,
  updateMandateItemSchema,
  updateMandateSchema,
  mandateListResponseSchema,
  mandateDetailResponseSchema,
  mandateResponseSchema,
  idVersionResponseSchema,
  mandateItemUpdatedResponseSchema,
  mandateItemOrderSchema,
  mandateItemOrderResponseSchema,
  mandateReportResponseSchema,
} from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { body } from '../../platform/http/zod.pipe.js';
import { MandatesService } from './mandates.service.js';

@Controller('api/mandates')
export class MandatesController {
  constructor(@Inject(MandatesService) private readonly mandates: MandatesService) {}

  @Returns(mandateListResponseSchema)
  @Get()
  @Access('authenticated')
  async list(@Ctx() ctx: RequestContext) {
    return { mandates: await this.mandates.list(ctx) };
  }

  @Returns(mandateDetailResponseSchema)
  @Get(':id')
  @Access('authenticated')
  get(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.mandates.get(ctx, id);
  }

  @Returns(mandateReportResponseSchema)
  @Get(':id/report')
  @Access('authenticated')
  report(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.mandates.report(ctx, id);
  }

  @Returns(mandateResponseSchema)
  @Post()
  @Access('case_officer')
  create(@Ctx() ctx: RequestContext, @Body(body(createMandateSchema)) input: z.infer<typeof createMandateSchema>) {
    return this.mandates.create(ctx, input);
  }

  @Returns(mandateResponseSchema)
  @Patch(':id')
  @Access('case_officer')
  update(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(updateMandateSchema)) input: z.infer<typeof updateMandateSchema>,
  ) {
    return this.mandates.update(ctx, id, input);
  }

  @Returns(idVersionResponseSchema)
  @Post(':id/items')
  @Access('case_officer')
  addItem(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(createMandateItemSchema)) input: z.infer<typeof createMandateItemSchema>,
  ) {
    return this.mandates.addItem(ctx, id, input);
  }

  @Returns(mandateItemUpdatedResponseSchema)
  @Patch(':id/items/:itemId')
  @Access('case_officer')
  updateItem(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Param('itemId', UuidPipe) itemId: string,
    @Body(body(updateMandateItemSchema)) input: z.infer<typeof updateMandateItemSchema>,
  ) {
    return this.mandates.updateItem(ctx, id, itemId, input);
  }

  @Returns(mandateItemOrderResponseSchema)
  @Put(':id/item-order')
  @Access('case_officer')
  reorder(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(mandateItemOrderSchema)) input: z.infer<typeof mandateItemOrderSchema>,
  ) {
    return this.mandates.reorder(ctx, id, input.itemIds);
  }
}
