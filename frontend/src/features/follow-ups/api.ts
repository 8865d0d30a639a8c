import { useQuery } from '@tanstack/react-query';
import type { Answer } from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';

export type CaseFollowUps = Answer<'GET /api/cases/:id/follow-ups'>;
export type FollowUpView = CaseFollowUps['decisions'][number]['tasks'][number];

/** A case's vedtak with their follow-up tasks. */
export const useCaseFollowUps = (caseId: string) =>
  useQuery({
    queryKey: keys.followUps(caseId),
    queryFn: () => api<CaseFollowUps>(`/api/cases/${caseId}/follow-ups`),
    enabled: caseId !== '',
  });
