import { Inject, Injectable } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config.js';
import { CaughtMail } from './mail-message.entity.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail through SMTP, or, in development and demo, keeps it for /dev/mail. */
@Injectable()
export class MailService {
  private transporter: Transporter | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly db: DataSource,
  ) {}

  async send(mail: OutgoingMail): Promise<void> {
    if (this.config.MAIL_TRANSPORT === 'capture') {
      await this.db.getRepository(CaughtMail).insert(mail);
      return;
    }
    this.transporter ??= nodemailer.createTransport(this.config.SMTP_URL!);
    await this.transporter.sendMail({ from: this.config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
  }

  async caught(limit = 100): Promise<CaughtMail[]> {
    return this.db.getRepository(CaughtMail).find({ order: { id: 'DESC' }, take: limit });
  }
}
