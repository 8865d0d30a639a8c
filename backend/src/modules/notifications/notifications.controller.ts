import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { notificationSettingsSchema, type NotificationSettings } from '@samrad/shared/contracts';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { NotFound } from '../../platform/http/errors.js';
import { requestLanguage } from '../../platform/http/error.filter.js';
import { body } from '../../platform/http/zod.pipe.js';
import { NotificationsService } from './notifications.service.js';
import { notificationListResponseSchema, notificationSettingsResponseSchema } from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';

@Controller('api')
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Returns(notificationListResponseSchema)
  @Get('notifications')
  @Access('authenticated')
  async list(@Ctx() ctx: RequestContext, @Req() request: FastifyRequest) {
    // In the language on screen (Accept-Language), else the person's own.
    const items = await this.notifications.list(ctx, requestLanguage(request));
    return { notifications: items, unread: items.filter((n) => !n.read).length };
  }

  @Post('notifications/:id/read')
  @Access('authenticated')
  @HttpCode(204)
  async read(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    if (id !== 'all' && !/^\d{1,18}$/.test(id)) throw new NotFound();
    await this.notifications.markRead(ctx, id);
  }

  @Returns(notificationSettingsResponseSchema)
  @Get('me/notification-settings')
  @Access('authenticated')
  settings(@Ctx() ctx: RequestContext) {
    return this.notifications.settings(ctx);
  }

  @Returns(notificationSettingsResponseSchema)
  @Put('me/notification-settings')
  @Access('authenticated')
  updateSettings(@Ctx() ctx: RequestContext, @Body(body(notificationSettingsSchema)) input: NotificationSettings) {
    return this.notifications.updateSettings(ctx, input);
  }
}
