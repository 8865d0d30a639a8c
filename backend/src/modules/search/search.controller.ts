import { Controller, Get, Inject, Query } from '@nestjs/common';
import { searchQuerySchema, searchResponseSchema, type SearchQuery } from '@samrad/shared/contracts';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { Returns } from '../../platform/http/returns.js';
import { ZodPipe } from '../../platform/http/zod.pipe.js';
import { SearchService } from './search.service.js';

@Controller('api/search')
export class SearchController {
  constructor(@Inject(SearchService) private readonly search: SearchService) {}

  /** `GET /api/search?q=…&kind=…&limit=…&offset=…`: what the caller may see, ranked and highlighted. */
  @Returns(searchResponseSchema)
  @Get()
  @Access('authenticated')
  find(@Ctx() ctx: RequestContext, @Query(new ZodPipe(searchQuerySchema)) q: SearchQuery) {
    return this.search.search(ctx, q);
  }
}
