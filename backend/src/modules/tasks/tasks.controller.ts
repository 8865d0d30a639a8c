import { Controller, Get, Inject } from '@nestjs/common';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { ReadCache } from '../../platform/cache/read-cache.js';
import { TasksService } from './tasks.service.js';
import { tasksResponseSchema } from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';

@Controller('api/me')
export class TasksController {
  constructor(
    @Inject(TasksService) private readonly tasks: TasksService,
    @Inject(ReadCache) private readonly cache: ReadCache,
  ) {}

  /** Everyone's start page, read often: kept in the read cache until anything changes. */
  @Returns(tasksResponseSchema)
  @Get('tasks')
  @Access('authenticated')
  get(@Ctx() ctx: RequestContext) {
    return this.cache.read(ctx, 'tasks', () => this.tasks.forUser(ctx));
  }
}
