import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { NotFound } from '../../platform/http/errors.js';
import { NotificationsService } from './notifications.service.js';

@Controller('api/notifications')
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Get()
  @Access('authenticated')
  async list(@Ctx() ctx: RequestContext) {
    const items = await this.notifications.list(ctx);
    return { notifications: items, unread: items.filter((n) => !n.read).length };
  }

  @Post(':id/read')
  @Access('authenticated')
  @HttpCode(204)
  async read(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    if (id !== 'all' && !/^\d{1,18}$/.test(id)) throw new NotFound();
    await this.notifications.markRead(ctx, id);
  }
}
