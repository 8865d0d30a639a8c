import { Module } from '@nestjs/common';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

/** Search across cases, inputs, decisions and meetings: the owners' SQL fragments, unioned (see search.service.ts). */
@Module({ controllers: [SearchController], providers: [SearchService] })
export class SearchModule {}
