import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestContext } from '../../platform/auth/context.js';
import { isLate } from '@samrad/shared/domain';
import { CLOCK, type Clock } from '../../platform/clock/clock.js';
import { caseReadableSql, caseTitleSql } from '../cases/cases.service.js';

/** "Mine oppgaver": what the person or their bodies must do next, read in a few indexed queries. */
@Injectable()
export class TasksService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async forUser(ctx: RequestContext, now = this.clock.now()) {
    const bodyIds = [...ctx.bodyIds];
    const officer = ctx.roles.has('case_officer'); // admins hold it too (see AuthGuard)
    const [rounds, meetings, decisions, unread, review, followUps] = await Promise.all([
      this.db.query(
        `SELECT r.id, r.title, r.closes_at, i.body_id, b.name AS body_name, i.status, i.extended_until, c.id AS case_id, c.archive_year, c.archive_seq,
                ${caseTitleSql('c', caseReadableSql('c', '$5', '$2', ctx))} AS case_title, coalesce(i.extended_until, r.closes_at) AS deadline
           FROM input_round r JOIN round_invitation i ON i.round_id = r.id JOIN body b ON b.id = i.body_id
           LEFT JOIN case_file c ON c.id = r.case_id
          WHERE r.municipality_id = $1 AND i.body_id = ANY($2::uuid[]) AND r.closed_at IS NULL AND coalesce(i.extended_until, r.closes_at) > $3
         UNION ALL
         SELECT r.id, r.title, r.closes_at, NULL, NULL, p.status, NULL, c.id, c.archive_year, c.archive_seq,
                ${caseTitleSql('c', caseReadableSql('c', '$5', '$2', ctx))}, r.closes_at
           FROM input_round r JOIN round_person_invitation p ON p.round_id = r.id AND p.user_id = $4
           LEFT JOIN case_file c ON c.id = r.case_id
          WHERE r.municipality_id = $1 AND r.closed_at IS NULL AND r.closes_at > $3
          ORDER BY deadline`,
        [ctx.municipalityId, bodyIds, now, ctx.userId, officer],
      ),
      this.db.query(
        `SELECT mt.id, mt.title, mt.starts_at, mt.place, b.name AS body_name FROM meeting mt JOIN body b ON b.id = mt.body_id
          WHERE mt.municipality_id = $1 AND (mt.body_id = ANY($2::uuid[]) OR $4) AND mt.starts_at > $3 ORDER BY mt.starts_at LIMIT 5`,
        [ctx.municipalityId, bodyIds, now, officer],
      ),
      // The latest vedtak of the municipality, as the decisions register lists them to everyone (an exempt
      // case by the title this person may see). Only the decisions of the person's own bodies were shown
      // before, so a member of a body that decides nothing read «Ingen vedtak ennå» beside a full register.
      this.db.query(
        `SELECT d.id, d.decided_on, d.committee_number, b.name AS body_name, c.id AS case_id,
                ${caseTitleSql('c', caseReadableSql('c', '$3', '$2', ctx))} AS title
           FROM decision d JOIN body b ON b.id = d.body_id JOIN case_file c ON c.id = d.case_id
          WHERE d.municipality_id = $1 ORDER BY d.decided_on DESC, d.created_at DESC LIMIT 5`,
        [ctx.municipalityId, bodyIds, officer],
      ),
      this.db.query(`SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL`, [ctx.userId]),
      officer
        ? this.db.query(
            `SELECT s.id, s.round_id, r.title, c.id AS case_id FROM submission s JOIN input_round r ON r.id = s.round_id LEFT JOIN case_file c ON c.id = s.case_id
              LEFT JOIN disposition d ON d.submission_id = s.id WHERE s.municipality_id = $1 AND d.submission_id IS NULL AND (r.closed_at IS NOT NULL OR r.closes_at < $2) LIMIT 50`,
            [ctx.municipalityId, now],
          )
        : this.db.query(
            `SELECT c.id, c.archive_year, c.archive_seq, c.title FROM case_file c JOIN case_route_step r ON r.case_id = c.id
              WHERE c.municipality_id = $1 AND r.body_id = ANY($2::uuid[]) AND c.status IN ('working_group','recommended','before_body') ORDER BY c.updated_at DESC LIMIT 10`,
            [ctx.municipalityId, bodyIds],
          ),
      // Follow-up tasks of vedtak the person owns and has not finished (decisions module's table, read here for the start page).
      this.db.query(
        `SELECT f.id, f.title, f.due_date, f.status, c.id AS case_id, c.archive_year, c.archive_seq,
                ${caseTitleSql('c', caseReadableSql('c', '$3', '$4', ctx))} AS case_title
           FROM decision_follow_up f JOIN decision d ON d.id = f.decision_id JOIN case_file c ON c.id = d.case_id
          WHERE f.municipality_id = $1 AND f.owner_id = $2 AND f.status <> 'done'
          ORDER BY f.due_date NULLS LAST, f.created_at LIMIT 20`,
        [ctx.municipalityId, ctx.userId, officer, bodyIds],
      ),
    ]);
    return {
      openRounds: rounds.map((r: Record<string, unknown>) => ({
        id: r.id,
        title: r.title,
        deadline: ((r.extended_until ?? r.closes_at) as Date).toISOString(),
        extended: r.extended_until !== null,
        // null: a personal invitation
        body: r.body_id ? { id: r.body_id, name: r.body_name } : null,
        status: r.status,
        // An invitee who may not read an exempt case sees it by its public title (caseTitleSql).
        case: r.case_id ? { id: r.case_id, number: `${r.archive_year}/${r.archive_seq}`, title: r.case_title } : null,
      })),
      meetings: meetings.map((m: Record<string, unknown>) => ({
        id: m.id,
        title: m.title,
        startsAt: (m.starts_at as Date).toISOString(),
        place: m.place,
        bodyName: m.body_name,
      })),
      decisions: decisions.map((d: Record<string, unknown>) => ({
        id: d.id,
        decidedOn: d.decided_on,
        committeeNumber: d.committee_number,
        bodyName: d.body_name,
        case: { id: d.case_id, title: d.title },
      })),
      followUps: followUps.map((f: Record<string, unknown>) => {
        const task = { dueDate: f.due_date as string | null, status: f.status as string };
        return {
          id: f.id,
          title: f.title,
          dueDate: task.dueDate,
          status: f.status,
          late: isLate(task, now),
          case: { id: f.case_id, number: `${f.archive_year}/${f.archive_seq}`, title: f.case_title },
        };
      }),
      unreadNotifications: unread[0].n as number,
      ...(officer
        ? {
            awaitingDisposition: review.map((s: Record<string, unknown>) => ({
              submissionId: s.id,
              roundId: s.round_id,
              title: s.title,
              caseId: s.case_id,
            })),
          }
        : {
            casesToReview: review.map((c: Record<string, unknown>) => ({
              id: c.id,
              number: `${c.archive_year}/${c.archive_seq}`,
              title: c.title,
            })),
          }),
    };
  }
}
