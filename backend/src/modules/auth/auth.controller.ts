import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  acceptInviteRequestSchema,
  changePasswordSchema,
  loginRequestSchema,
  logoutResponseSchema,
  requestResetSchema,
  resetPasswordSchema,
  meResponseSchema,
  okResponseSchema,
  updateMeSchema,
  type UpdateMe,
} from '@samrad/shared/contracts';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { Returns } from '../../platform/http/returns.js';
import { Access, Public } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { SESSION_COOKIE } from '../../platform/auth/session.js';
import { body } from '../../platform/http/zod.pipe.js';
import { AuthService } from './auth.service.js';
import { OidcLoginService } from './oidc-login.service.js';
import { messageResponseSchema } from '@samrad/shared/contracts';

@Controller('api/auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OidcLoginService) private readonly oidc: OidcLoginService,
  ) {}

  @Returns(okResponseSchema)
  @Post('login')
  @Public()
  @HttpCode(200)
  async login(
    @Body(body(loginRequestSchema)) input: { email: string; password: string },
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const session = await this.auth.login(input.email, input.password, req.ip, req.cookies[SESSION_COOKIE]);
    this.setCookie(reply, session.token, session.expiresAt);
    return { ok: true };
  }

  /** Ends the session; one opened by an OpenID provider answers where the browser ends the provider's session too. */
  @Returns(logoutResponseSchema)
  @Post('logout')
  @Access('authenticated')
  @HttpCode(200)
  async logout(@Ctx() ctx: RequestContext, @Res({ passthrough: true }) reply: FastifyReply) {
    const ended = await this.auth.logout(ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    const redirect = await this.oidc.endSessionUrl(ended);
    return redirect ? { ok: true as const, redirect } : { ok: true as const };
  }

  @Returns(meResponseSchema)
  @Get('me')
  @Access('authenticated')
  me(@Ctx() ctx: RequestContext) {
    return this.auth.me(ctx);
  }

  /** The person's own settings: the interface language (null follows the municipality's målform). */
  @Returns(meResponseSchema)
  @Patch('me')
  @Access('authenticated')
  updateMe(@Ctx() ctx: RequestContext, @Body(body(updateMeSchema)) input: UpdateMe) {
    return this.auth.updateMe(ctx, input);
  }

  @Returns(okResponseSchema)
  @Post('accept-invite')
  @Public()
  @HttpCode(200)
  async acceptInvite(
    @Body(body(acceptInviteRequestSchema)) input: { token: string; password: string },
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const userId = await this.auth.acceptInvite(input.token, input.password);
    // Where the municipality turned passwords off, the accepted invitation opens no session: the person logs in
    // through the municipality's provider.
    if (!(await this.auth.passwordLoginAllowed(userId))) return { ok: true };
    const session = await this.auth.createSession(userId);
    this.setCookie(reply, session.token, session.expiresAt);
    return { ok: true };
  }

  @Returns(messageResponseSchema)
  @Post('request-reset')
  @Public()
  @HttpCode(202)
  async requestReset(@Body(body(requestResetSchema)) input: { email: string }) {
    await this.auth.requestReset(input.email);
    // Same answer whether or not the address is known.
    return { message: 'Hvis adressen er registrert, har vi sendt en e-post med lenke til nytt passord.' };
  }

  @Returns(okResponseSchema)
  @Post('reset-password')
  @Public()
  @HttpCode(200)
  async resetPassword(@Body(body(resetPasswordSchema)) input: { token: string; password: string }) {
    await this.auth.resetPassword(input.token, input.password);
    return { ok: true };
  }

  @Returns(okResponseSchema)
  @Post('change-password')
  @Access('authenticated')
  @HttpCode(200)
  async changePassword(
    @Ctx() ctx: RequestContext,
    @Body(body(changePasswordSchema)) input: { currentPassword: string; password: string },
    @Req() req: FastifyRequest,
  ) {
    await this.auth.changePassword(ctx, input.currentPassword, input.password, req.ip);
    return { ok: true };
  }

  private setCookie(reply: FastifyReply, token: string, expires: Date) {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.APP_URL.startsWith('https://'),
      expires,
    });
  }
}
