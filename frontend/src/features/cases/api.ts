import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Answer,
  attachmentListResponseSchema,
  caseCommentResponseSchema,
  caseDetailResponseSchema,
  casePhaseEntrySchema,
  caseSectionResponseSchema,
  caseSummaryResponseSchema,
  changeAccessSchema,
  commentSchema,
  createCaseSchema,
  createRoundSchema,
  decisionSchema,
  moveCaseSchema,
  recommendationSchema,
  routeSchema,
} from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';
import { refetchAtDeadline } from '../../lib/deadline.js';

// What the API answers, from the shared response contracts.
export type CaseSummary = z.infer<typeof caseSummaryResponseSchema>;
export type CaseSection = z.infer<typeof caseSectionResponseSchema>;
export type CaseView = z.infer<typeof caseDetailResponseSchema>;
export type CasePhaseEntry = z.infer<typeof casePhaseEntrySchema>;
export type CaseComment = z.infer<typeof caseCommentResponseSchema>;

// What the forms send, from the shared request contracts.
export type CreateCaseInput = z.input<typeof createCaseSchema>;
export type CreateRoundInput = z.input<typeof createRoundSchema>;
export type CommentInput = z.input<typeof commentSchema>;
export type RouteInput = z.input<typeof routeSchema>;
export type ChangeAccessInput = z.input<typeof changeAccessSchema>;
export type MoveInput = z.input<typeof moveCaseSchema>;
export type RecommendationInput = z.input<typeof recommendationSchema>;
export type DecisionInput = z.input<typeof decisionSchema>;

export const useCases = () => useQuery({ queryKey: keys.cases.all, queryFn: () => api<Answer<'GET /api/cases'>>('/api/cases') });
export const useCase = (id: string) =>
  useQuery({
    queryKey: keys.cases.detail(id),
    queryFn: () => api<CaseView>(`/api/cases/${id}`),
    enabled: id !== '',
    // Fetched again whenever the page opens: much of a case changes on other pages (its place on a meeting's
    // agenda and «Møtedato», minutes and vedtak, rounds), which do not all refresh it.
    staleTime: 0,
    // Its open rounds close at their deadlines: fetched again at the first, so «Åpen» follows the clock.
    refetchInterval: (q) =>
      refetchAtDeadline(
        q.state.data?.rounds
          .filter((r) => r.open)
          .map((r) => r.closesAt)
          .sort()[0] ?? null,
      ),
  });
/** The case's attachments (vedlegg). */
export const useCaseAttachments = (caseId: string) =>
  useQuery({
    queryKey: keys.cases.attachments(caseId),
    queryFn: () => api<z.infer<typeof attachmentListResponseSchema>>(`/api/cases/${caseId}/attachments`),
  });
export const useCaseComments = (id: string) =>
  useQuery({ queryKey: keys.cases.comments(id), queryFn: () => api<Answer<'GET /api/cases/:id/comments'>>(`/api/cases/${id}/comments`) });
export const useSectionVersions = (caseId: string, sectionId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.cases.sectionVersions(caseId, sectionId),
    queryFn: () => api<Answer<'GET /api/cases/:id/sections/:sectionId/versions'>>(`/api/cases/${caseId}/sections/${sectionId}/versions`),
    enabled,
  });
export const useSectionDiff = (caseId: string, sectionId: string, from: number, to: number, enabled: boolean) =>
  useQuery({
    queryKey: keys.cases.sectionDiff(caseId, sectionId, from, to),
    queryFn: () =>
      api<Answer<'GET /api/cases/:id/sections/:sectionId/diff'>>(`/api/cases/${caseId}/sections/${sectionId}/diff?from=${from}&to=${to}`),
    enabled,
  });
export const useInputSummary = (caseId: string) =>
  useQuery({
    queryKey: keys.cases.summary(caseId),
    queryFn: () => api<Answer<'GET /api/cases/:id/input-summary'>>(`/api/cases/${caseId}/input-summary`),
  });

/** A mutation that refreshes the case afterwards. */
export const useCaseMutation = <T, R = unknown>(caseId: string, fn: (input: T) => Promise<R>) =>
  useInvalidatingMutation(fn, [...keys.cases.detail(caseId)]);

export const useCreateCase = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCaseInput) => api<Answer<'POST /api/cases'>>('/api/cases', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.cases.all }),
  });
};
