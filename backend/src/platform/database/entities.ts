import { AuditEvent } from '../../modules/audit/audit-event.entity.js';
import { AuthToken, Session } from '../../modules/auth/session.entity.js';
import { Body, Membership } from '../../modules/bodies/body.entity.js';
import { CaseFile } from '../../modules/cases/case.entity.js';
import { FollowUpTask } from '../../modules/decisions/follow-up.entity.js';
import { CaughtMail } from '../../modules/mail/mail-message.entity.js';
import { Mandate, MandateItem } from '../../modules/mandates/mandate.entity.js';
import { Municipality } from '../../modules/municipalities/municipality.entity.js';
import { User } from '../../modules/users/user.entity.js';
import { OutboxMessage } from '../queue/outbox.entity.js';

/** Every entity the DataSource maps; each module owns its own entity files. */
export const ENTITIES = [
  Municipality,
  User,
  Session,
  AuthToken,
  AuditEvent,
  CaughtMail,
  OutboxMessage,
  Body,
  Membership,
  Mandate,
  MandateItem,
  CaseFile,
  FollowUpTask,
];
