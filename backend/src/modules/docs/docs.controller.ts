import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Public } from '../../platform/auth/access.js';
import { routeTable } from '../../platform/http/route-table.js';
import { buildOpenApi, renderApiPage } from './openapi.js';
import { openApiResponseSchema } from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';

@Controller('api')
export class DocsController {
  private doc: ReturnType<typeof buildOpenApi> | undefined;

  constructor(@Inject(ModuleRef) private readonly moduleRef: ModuleRef) {}

  private openApi() {
    this.doc ??= buildOpenApi(routeTable(this.moduleRef));
    return this.doc;
  }

  @Returns(openApiResponseSchema)
  @Get('openapi.json')
  @Public()
  json() {
    return this.openApi();
  }

  @Get('docs')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  page() {
    return renderApiPage(this.openApi());
  }
}
