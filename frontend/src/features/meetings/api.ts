import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  agendaItemSchema,
  attendanceSchema,
  conferenceInputSchema,
  createMeetingSchema,
  meetingDetailResponseSchema,
  meetingListResponseSchema,
  minutesSchema,
  registrationSchema,
  statementSchema,
} from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';

// What the API answers, from the shared response contracts.
export type MeetingSummary = z.infer<typeof meetingListResponseSchema>['meetings'][number];
export type MeetingDetail = z.infer<typeof meetingDetailResponseSchema>;

// What the forms send, from the shared request contracts.
export type CreateMeetingInput = z.input<typeof createMeetingSchema>;
export type AgendaItemInput = z.input<typeof agendaItemSchema>;
export type AttendanceInput = z.input<typeof attendanceSchema>;
export type MinutesInput = z.input<typeof minutesSchema>;
export type RegistrationInput = z.input<typeof registrationSchema>;
export type ConferenceInput = z.input<typeof conferenceInputSchema>;
export type StatementInput = z.input<typeof statementSchema>;

export const useMeetings = () =>
  useQuery({ queryKey: keys.meetings.all, queryFn: () => api<z.infer<typeof meetingListResponseSchema>>('/api/meetings') });
export const useMeeting = (id: string) =>
  useQuery({ queryKey: keys.meetings.detail(id), queryFn: () => api<MeetingDetail>(`/api/meetings/${id}`) });
