import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  backchannelLogoutSchema,
  createOidcProviderSchema,
  loginOptionsResponseSchema,
  nationalIdSchema,
  oidcProviderResponseSchema,
  oidcSettingsResponseSchema,
  okResponseSchema,
  passwordLoginSchema,
  updateOidcProviderSchema,
  type CreateOidcProvider,
  type NationalIdRequest,
  type PasswordLoginRequest,
  type UpdateOidcProvider,
} from '@samrad/shared/contracts';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { Access, Public } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { SESSION_COOKIE } from '../../platform/auth/session.js';
import { ValidationFailed } from '../../platform/http/errors.js';
import { Returns, ReturnsFile } from '../../platform/http/returns.js';
import { body } from '../../platform/http/zod.pipe.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { OidcLoginService, safeNext, type OidcRefusal } from './oidc-login.service.js';
import { OidcProvidersService } from './oidc-providers.service.js';

/** The log-in page with the reason a provider's log-in was refused (and where the person was going). */
const refusedAt = (refusal: OidcRefusal, next?: string) => `/logg-inn?feil=${refusal}${next ? `&neste=${encodeURIComponent(next)}` : ''}`;

/** The OpenID Connect log-in flow: public, since the person is not logged in yet. */
@Controller('api/auth/oidc')
export class OidcController {
  constructor(
    @Inject(OidcLoginService) private readonly login: OidcLoginService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The log-in page's buttons: every municipality's enabled providers, or one municipality's (`?kommune=<slug>`). */
  @Returns(loginOptionsResponseSchema)
  @Get('options')
  @Public()
  options(@Query('kommune') slug?: string) {
    return this.login.options(typeof slug === 'string' && slug ? slug : undefined);
  }

  /** Sends the browser to the provider (303); a provider that is unknown, off or unreachable back to the log-in page. */
  @ReturnsFile('text/html')
  @HttpCode(303)
  @Get(':id/start')
  @Public()
  async start(@Param('id') id: string, @Query('neste') next: string | undefined, @Res() reply: FastifyReply) {
    const started = await this.login.start(id, typeof next === 'string' ? next : undefined);
    return reply.redirect('url' in started ? started.url : refusedAt(started.refusal, safeNext(next)), 303);
  }

  /** The provider's answer: the session cookie and on to where the person was going, or the log-in page with the reason. */
  @ReturnsFile('text/html')
  @HttpCode(303)
  @Get('callback')
  @Public()
  async callback(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const query = new URLSearchParams(req.url.split('?')[1] ?? '');
    const result = await this.login.callback(query, req.cookies[SESSION_COOKIE]);
    if (!result.ok) return reply.redirect(refusedAt(result.refusal, result.next), 303);
    reply.setCookie(SESSION_COOKIE, result.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.APP_URL.startsWith('https://'),
      expires: result.expiresAt,
    });
    return reply.redirect(result.next, 303);
  }

  /** OpenID Connect Back-Channel Logout 1.0: the provider ends the sessions of a `sid` or `sub` (400 on a bad token). */
  @Returns(okResponseSchema)
  @Post('backchannel-logout')
  @Public()
  @HttpCode(200)
  async backchannelLogout(
    @Body(body(backchannelLogoutSchema)) input: { logout_token: string },
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    reply.header('cache-control', 'no-store');
    if (!(await this.login.backchannelLogout(input.logout_token)))
      throw ValidationFailed.field('logout_token', 'Utloggingsbeviset (logout_token) er ugyldig');
    return { ok: true as const };
  }
}

/** A municipality's providers, configured by its administrators. */
@Controller('api/oidc-providers')
export class OidcProvidersController {
  constructor(@Inject(OidcProvidersService) private readonly providers: OidcProvidersService) {}

  @Returns(oidcSettingsResponseSchema)
  @Get()
  @Access('admin')
  settings(@Ctx() ctx: RequestContext) {
    return this.providers.settings(ctx);
  }

  @Returns(oidcProviderResponseSchema)
  @Post()
  @Access('admin')
  create(@Ctx() ctx: RequestContext, @Body(body(createOidcProviderSchema)) input: CreateOidcProvider) {
    return this.providers.create(ctx, input);
  }

  @Returns(oidcSettingsResponseSchema)
  @Put('password-login')
  @Access('admin')
  setPasswordLogin(@Ctx() ctx: RequestContext, @Body(body(passwordLoginSchema)) input: PasswordLoginRequest) {
    return this.providers.setPasswordLogin(ctx, input.passwordLogin);
  }

  @Returns(okResponseSchema)
  @Put('national-ids/:userId')
  @Access('admin')
  async setNationalId(
    @Ctx() ctx: RequestContext,
    @Param('userId', UuidPipe) userId: string,
    @Body(body(nationalIdSchema)) input: NationalIdRequest,
  ) {
    await this.providers.setNationalId(ctx, userId, input.nationalId);
    return { ok: true as const };
  }

  @Returns(oidcProviderResponseSchema)
  @Patch(':id')
  @Access('admin')
  update(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string, @Body(body(updateOidcProviderSchema)) input: UpdateOidcProvider) {
    return this.providers.update(ctx, id, input);
  }
}
