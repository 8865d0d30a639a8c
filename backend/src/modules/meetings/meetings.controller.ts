import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import type { z } from 'zod';
import {
  agendaItemSchema,
  attendanceSchema,
  conferenceInputSchema,
  createMeetingSchema,
  minutesSchema,
  registrationSchema,
  reopenMinutesSchema,
  statementSchema,
  type CreateMeeting,
} from '@samrad/shared/contracts';
import { Access } from '../../platform/auth/access.js';
import { Ctx, type RequestContext } from '../../platform/auth/context.js';
import { UuidPipe } from '../../platform/http/uuid.pipe.js';
import { body } from '../../platform/http/zod.pipe.js';
import { MeetingsService } from './meetings.service.js';
import { ImpartialityService } from './impartiality.service.js';
import {
  agendaItemCreatedResponseSchema,
  calendarTokenCreatedResponseSchema,
  calendarTokenListResponseSchema,
  caseImpartialityResponseSchema,
  caseStatementsResponseSchema,
  declarationCreatedResponseSchema,
  declarationSchema,
  impartialityDecidedResponseSchema,
  impartialityDecisionSchema,
  meetingImpartialityResponseSchema,
  meetingCreatedResponseSchema,
  meetingDetailResponseSchema,
  meetingListResponseSchema,
  minutesRecordedResponseSchema,
  receiptResponseSchema,
  registrationResponseSchema,
  statementCreatedResponseSchema,
} from '@samrad/shared/contracts';
import { Returns } from '../../platform/http/returns.js';

@Controller('api')
export class MeetingsController {
  constructor(
    @Inject(MeetingsService) private readonly meetings: MeetingsService,
    @Inject(ImpartialityService) private readonly impartiality: ImpartialityService,
  ) {}

  @Returns(meetingListResponseSchema)
  @Get('meetings')
  @Access('authenticated')
  async list(@Ctx() ctx: RequestContext) {
    return { meetings: await this.meetings.list(ctx) };
  }

  @Returns(meetingCreatedResponseSchema)
  @Post('meetings')
  @Access('case_officer')
  create(@Ctx() ctx: RequestContext, @Body(body(createMeetingSchema)) input: CreateMeeting) {
    return this.meetings.create(ctx, input);
  }

  @Returns(meetingDetailResponseSchema)
  @Get('meetings/:id')
  @Access('authenticated')
  get(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.meetings.get(ctx, id);
  }

  @Returns(agendaItemCreatedResponseSchema)
  @Post('meetings/:id/agenda')
  @Access('case_officer')
  addItem(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(agendaItemSchema)) input: z.infer<typeof agendaItemSchema>,
  ) {
    return this.meetings.addAgendaItem(ctx, id, input);
  }

  @Post('meetings/:id/publish')
  @Access('case_officer')
  @HttpCode(204)
  async publish(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    await this.meetings.publishAgenda(ctx, id);
  }

  @Put('meetings/:id/attendance')
  @Access('case_officer')
  @HttpCode(204)
  async attendance(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(attendanceSchema)) input: z.infer<typeof attendanceSchema>,
  ) {
    await this.meetings.setAttendance(ctx, id, input);
  }

  @Returns(minutesRecordedResponseSchema)
  @Put('meetings/:id/agenda/:itemId/minutes')
  @Access('case_officer')
  minutes(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Param('itemId', UuidPipe) itemId: string,
    @Body(body(minutesSchema)) input: z.infer<typeof minutesSchema>,
  ) {
    return this.meetings.recordMinutes(ctx, id, itemId, input);
  }

  /** Approves the protocol (godkjent): it is locked from then on, and an open meeting's protocol shows in innsyn. */
  @Post('meetings/:id/minutes/approval')
  @Access('case_officer')
  @HttpCode(204)
  async approveMinutes(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    await this.meetings.approveMinutes(ctx, id);
  }

  /** Reopens an approved protocol for a correction, with the reason (audited). */
  @Post('meetings/:id/minutes/reopening')
  @Access('case_officer')
  @HttpCode(204)
  async reopenMinutes(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(reopenMinutesSchema)) input: z.infer<typeof reopenMinutesSchema>,
  ) {
    await this.meetings.reopenMinutes(ctx, id, input.reason);
  }

  @Returns(statementCreatedResponseSchema)
  @Post('meetings/:id/statements')
  @Access('member')
  statement(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(statementSchema)) input: z.infer<typeof statementSchema>,
  ) {
    return this.meetings.addStatement(ctx, id, input);
  }

  /** The protokolltilførsler about a case (for whoever may read the case). */
  @Returns(caseStatementsResponseSchema)
  @Get('cases/:id/statements')
  @Access('authenticated')
  caseStatements(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.meetings.caseStatements(ctx, id);
  }

  /** Impartiality (habilitet) in a meeting: the declarations for the cases the caller may read, and what the caller may do. */
  @Returns(meetingImpartialityResponseSchema)
  @Get('meetings/:id/impartiality')
  @Access('authenticated')
  meetingImpartiality(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.impartiality.forMeeting(ctx, id);
  }

  /** A member declares a possible disqualification for themselves; an officer records one for anyone in the meeting. */
  @Returns(declarationCreatedResponseSchema)
  @Post('meetings/:id/impartiality')
  @Access('member', 'case_officer')
  declare(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(declarationSchema)) input: z.infer<typeof declarationSchema>,
  ) {
    return this.impartiality.declare(ctx, id, input);
  }

  /** The body's decision on a declaration, recorded by the officer (with the substitute called in). */
  @Returns(impartialityDecidedResponseSchema)
  @Put('meetings/:id/impartiality/:declarationId/decision')
  @Access('case_officer')
  decideImpartiality(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Param('declarationId', UuidPipe) declarationId: string,
    @Body(body(impartialityDecisionSchema)) input: z.infer<typeof impartialityDecisionSchema>,
  ) {
    return this.impartiality.decide(ctx, id, declarationId, input);
  }

  /** The register of declarations about a case, and the officers disqualified from preparing it. */
  @Returns(caseImpartialityResponseSchema)
  @Get('cases/:id/impartiality')
  @Access('authenticated')
  caseImpartiality(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    return this.impartiality.forCase(ctx, id);
  }

  /** Anyone in the municipality may come to a school conference: registration is not tied to a body. */
  @Returns(registrationResponseSchema)
  @Put('meetings/:id/registrations/me')
  @Access('authenticated')
  register(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(registrationSchema)) input: z.infer<typeof registrationSchema>,
  ) {
    return this.meetings.register(ctx, id, input);
  }

  @Delete('meetings/:id/registrations/me')
  @Access('authenticated')
  @HttpCode(204)
  async unregister(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    await this.meetings.unregister(ctx, id);
  }

  @Returns(receiptResponseSchema)
  @Post('meetings/:id/inputs')
  @Access('authenticated')
  conferenceInput(
    @Ctx() ctx: RequestContext,
    @Param('id', UuidPipe) id: string,
    @Body(body(conferenceInputSchema)) input: z.infer<typeof conferenceInputSchema>,
  ) {
    return this.meetings.conferenceInput(ctx, id, input);
  }

  @Get('calendar.ics')
  @Access('authenticated')
  @Header('content-type', 'text/calendar; charset=utf-8')
  calendar(@Ctx() ctx: RequestContext) {
    return this.meetings.calendar(ctx);
  }

  @Get('calendar-tokens')
  @Access('authenticated')
  @Returns(calendarTokenListResponseSchema)
  calendarTokens(@Ctx() ctx: RequestContext) {
    return this.meetings.calendarTokens(ctx);
  }

  @Post('calendar-tokens')
  @Access('authenticated')
  @Returns(calendarTokenCreatedResponseSchema)
  createCalendarToken(@Ctx() ctx: RequestContext) {
    return this.meetings.createCalendarToken(ctx);
  }

  @Delete('calendar-tokens/:id')
  @Access('authenticated')
  @HttpCode(204)
  async revokeCalendarToken(@Ctx() ctx: RequestContext, @Param('id', UuidPipe) id: string) {
    await this.meetings.revokeCalendarToken(ctx, id);
  }

  /** The personal feed a calendar app subscribes to: the token is the key (no cookie), revocable on the profile page. */
  @Get('calendar-feeds/:token')
  @Access('public')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, no-store')
  calendarFeed(@Param('token') token: string) {
    return this.meetings.calendarByToken(token);
  }
}
