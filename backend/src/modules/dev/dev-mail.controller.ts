import { Controller, Get, Header, Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { Public } from '../../platform/auth/access.js';
import { NotFound } from '../../platform/http/errors.js';
import { MailService } from '../mail/mail.service.js';
import { caughtMailResponseSchema } from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';

/**
 * Caught mail for development and demo (MAIL_TRANSPORT=capture): invitations, resets and
 * notifications can be read here instead of in a mailbox. Gone when mail goes out through SMTP.
 */
@Controller('dev/mail')
export class DevMailController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MailService) private readonly mail: MailService,
  ) {}

  @Returns(caughtMailResponseSchema)
  @Get('messages.json')
  @Public()
  async list() {
    this.assertEnabled();
    const mails = await this.mail.caught(200);
    return { messages: mails.map((m) => ({ id: m.id, to: m.to, subject: m.subject, text: m.text, createdAt: m.createdAt.toISOString() })) };
  }

  @Get()
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  async page() {
    this.assertEnabled();
    const mails = await this.mail.caught(200);
    const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const items = mails
      .map(
        (m) =>
          `<article><h2>${esc(m.subject)}</h2><p>Til: ${esc(m.to)} · ${m.createdAt.toISOString()}</p><pre>${esc(m.text)}</pre></article>`,
      )
      .join('');
    return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Oppfanget e-post – Samråd</title></head><body><main><h1>Oppfanget e-post</h1>${items || '<p>Ingen e-post ennå.</p>'}</main></body></html>`;
  }

  private assertEnabled() {
    if (this.config.MAIL_TRANSPORT !== 'capture') throw new NotFound();
  }
}
