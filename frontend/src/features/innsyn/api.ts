import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Answer } from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';

/*
 * Innsyn without an account: the public API under `/api/public/<slug>/…` (no session needed), and a person's
 * calendar feed tokens (the profile page).
 */

export type PublicCaseList = Answer<'GET /api/public/:slug/cases'>;
export type PublicCase = Answer<'GET /api/public/:slug/cases/:id'>;
export type PublicDecisions = Answer<'GET /api/public/:slug/decisions'>;
export type PublicMeetings = Answer<'GET /api/public/:slug/meetings'>;
export type PublicMeeting = Answer<'GET /api/public/:slug/meetings/:id'>;
export type PublicMandates = Answer<'GET /api/public/:slug/mandates'>;
export type PublicRound = Answer<'GET /api/public/:slug/rounds/:id'>;
export type PublicScenario = Answer<'GET /api/public/:slug/scenarios/:id'>;

const base = (slug: string) => `/api/public/${encodeURIComponent(slug)}`;
const query = (q: string) => (q.trim() ? `?${new URLSearchParams({ q: q.trim() })}` : '');

export const usePublicMunicipalities = () =>
  useQuery({
    queryKey: ['innsyn', 'municipalities'],
    queryFn: () => api<Answer<'GET /api/public/municipalities'>>('/api/public/municipalities'),
  });
export const usePublicCases = (slug: string, q = '') =>
  useQuery({ queryKey: ['innsyn', slug, 'cases', q], queryFn: () => api<PublicCaseList>(`${base(slug)}/cases${query(q)}`) });
export const usePublicCase = (slug: string, id: string) =>
  useQuery({ queryKey: ['innsyn', slug, 'case', id], queryFn: () => api<PublicCase>(`${base(slug)}/cases/${id}`) });
export const usePublicDecisions = (slug: string, q = '') =>
  useQuery({ queryKey: ['innsyn', slug, 'decisions', q], queryFn: () => api<PublicDecisions>(`${base(slug)}/decisions${query(q)}`) });
export const usePublicMeetings = (slug: string) =>
  useQuery({ queryKey: ['innsyn', slug, 'meetings'], queryFn: () => api<PublicMeetings>(`${base(slug)}/meetings`) });
export const usePublicMeeting = (slug: string, id: string) =>
  useQuery({ queryKey: ['innsyn', slug, 'meeting', id], queryFn: () => api<PublicMeeting>(`${base(slug)}/meetings/${id}`) });
export const usePublicMandates = (slug: string) =>
  useQuery({ queryKey: ['innsyn', slug, 'mandates'], queryFn: () => api<PublicMandates>(`${base(slug)}/mandates`) });
export const usePublicRound = (slug: string, id: string) =>
  useQuery({ queryKey: ['innsyn', slug, 'round', id], queryFn: () => api<PublicRound>(`${base(slug)}/rounds/${id}`) });

export const usePublicScenario = (slug: string, id: string) =>
  useQuery({ queryKey: ['innsyn', slug, 'scenario', id], queryFn: () => api<PublicScenario>(`${base(slug)}/scenarios/${id}`) });

/** The open-data files of a register, and the open meetings' calendar. */
export const openData = (slug: string, register: 'cases' | 'decisions' | 'meetings', format: 'csv' | 'json') =>
  `${base(slug)}/${register}.${format}`;
export const meetingsCalendar = (slug: string) => `${base(slug)}/meetings.ics`;

const tokensKey = ['me', 'calendar-tokens'] as const;
export const useCalendarTokens = () =>
  useQuery({ queryKey: tokensKey, queryFn: () => api<Answer<'GET /api/calendar-tokens'>>('/api/calendar-tokens') });
export function useCreateCalendarToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Answer<'POST /api/calendar-tokens'>>('/api/calendar-tokens', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
}
export function useRevokeCalendarToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/calendar-tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
}
