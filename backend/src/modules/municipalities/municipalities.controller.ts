import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { languageFormSchema, municipalityResponseSchema, type LanguageFormRequest } from '@samrad/shared/contracts';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { Returns } from '../../platform/http/returns.js';
import { body } from '../../platform/http/zod.pipe.js';
import { MunicipalitiesService } from './municipalities.service.js';

/** The caller's own municipality: read by its people, its målform chosen by its administrators. */
@Controller('api/municipality')
export class MunicipalitiesController {
  constructor(@Inject(MunicipalitiesService) private readonly municipalities: MunicipalitiesService) {}

  @Returns(municipalityResponseSchema)
  @Get()
  @Access('authenticated')
  get(@Ctx() ctx: RequestContext) {
    return this.municipalities.get(ctx);
  }

  @Returns(municipalityResponseSchema)
  @Put('language-form')
  @Access('admin')
  setLanguageForm(@Ctx() ctx: RequestContext, @Body(body(languageFormSchema)) input: LanguageFormRequest) {
    return this.municipalities.setLanguageForm(ctx, input.languageForm);
  }
}
