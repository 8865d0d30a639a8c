import { Inject } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from './platform/config/config.js';
import { CLOCK, type Clock } from './platform/clock/clock.js';
import { JobHandler, once, type JobContext } from './platform/queue/handlers.js';
import type { JobPayload } from './platform/queue/jobs.js';
import { MailService } from './modules/mail/mail.service.js';
import { AuditService } from './modules/audit/audit.service.js';
import { NotificationsService, deliverNotice } from './modules/notifications/notifications.service.js';
import { sendDailyDigests } from './modules/notifications/digest.js';
import { RoundJobsService } from './modules/input-rounds/round-jobs.service.js';
import { publishAgendaOnTime } from './modules/meetings/agenda-jobs.service.js';
import { runSweep } from './modules/allocation/sweep-job.service.js';
import { runImport } from './modules/allocation/import-job.service.js';

/*
 * One thin handler per job of the registry (platform/queue/jobs.ts): each gets the services it needs
 * from the worker's application context (WorkerModule) and calls the owning module.
 */

@JobHandler('mail.send')
export class SendMailJob {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MailService) private readonly mail: MailService,
  ) {}
  run(payload: JobPayload<'mail.send'>, ctx: JobContext) {
    return once(this.db, `mail:${ctx.jobId}`, () => this.mail.send(payload));
  }
}

@JobHandler('notify')
export class NotifyJob {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}
  run(payload: JobPayload<'notify'>) {
    return deliverNotice(this.db, this.mail, this.config.APP_URL, payload);
  }
}

@JobHandler('meeting.publishAgenda')
export class PublishAgendaJob {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
  ) {}
  run(payload: JobPayload<'meeting.publishAgenda'>) {
    return publishAgendaOnTime(this.db, payload, { audit: this.audit, notifications: this.notifications });
  }
}

@JobHandler('digest.daily')
export class DailyDigestJob {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(MailService) private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  run(payload: JobPayload<'digest.daily'>) {
    return sendDailyDigests(this.db, this.mail, this.config.APP_URL, payload.date ? new Date(payload.date) : this.clock.now());
  }
}

@JobHandler('round.close')
export class CloseRoundJob {
  constructor(@Inject(RoundJobsService) private readonly rounds: RoundJobsService) {}
  run(payload: JobPayload<'round.close'>) {
    return this.rounds.close(payload);
  }
}

@JobHandler('round.remind')
export class RemindRoundJob {
  constructor(@Inject(RoundJobsService) private readonly rounds: RoundJobsService) {}
  run(payload: JobPayload<'round.remind'>) {
    return this.rounds.remind(payload);
  }
}

@JobHandler('allocation.sweep')
export class SweepJob {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}
  run(payload: JobPayload<'allocation.sweep'>, ctx: JobContext) {
    return runSweep(this.db, payload, ctx.progress);
  }
}

@JobHandler('allocation.import')
export class ImportJob {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(AuditService) private readonly audit: AuditService,
  ) {}
  run(payload: JobPayload<'allocation.import'>, ctx: JobContext) {
    return runImport(this.db, this.audit, payload, ctx.progress);
  }
}

/** The module services the job classes call that no module of WorkerModule provides. */
export const WORKER_SERVICES = [RoundJobsService];

/** Every job handler class: the providers of WorkerModule. */
export const WORKER_JOBS = [SendMailJob, NotifyJob, PublishAgendaJob, DailyDigestJob, CloseRoundJob, RemindRoundJob, SweepJob, ImportJob];
