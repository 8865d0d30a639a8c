import { Controller, Get, Inject } from '@nestjs/common';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { TasksService } from './tasks.service.js';

@Controller('api/me')
export class TasksController {
  constructor(@Inject(TasksService) private readonly tasks: TasksService) {}

  @Get('tasks')
  @Access('authenticated')
  get(@Ctx() ctx: RequestContext) {
    return this.tasks.forUser(ctx);
  }
}
