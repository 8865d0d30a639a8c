import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttachmentMeta } from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';

export interface CaseSummary {
  id: string;
  number: string;
  title: string;
  status: string;
  access: 'public' | 'exempt';
  readable: boolean;
}

export interface CaseSection {
  id: string;
  kind: string;
  version: number;
  text: string;
}

export interface CaseView {
  id: string;
  number: string;
  title: string;
  status: string;
  access: 'public' | 'exempt';
  legalBasis: string | null;
  publicTitle: string | null;
  version: number;
  mandateItem: { id: string; number: number; title: string } | null;
  sections: CaseSection[];
  route: { bodyId: string; bodyName: string; meetingDate: string | null; committeeNumber: string | null }[];
  recommendations: { id: string; bodyName: string; text: string; recordedAt: string }[];
  decisions: {
    id: string;
    bodyName: string;
    committeeNumber: string | null;
    decidedOn: string;
    text: string;
    openInputReason?: string | null;
  }[];
  rounds: { id: string; title: string; closesAt: string; open: boolean }[];
  /** The current phase, and the body on the route the case is before. */
  phase: { phase: string; body: { id: string; name: string; position: number } | null };
  /** Every phase the case has entered, with its date. */
  phases: CasePhaseEntry[];
  /** The manual moves the lifecycle allows the caller now (empty for those who may not move the case). */
  allowedMoves: { to: string; back: boolean; body: string | null }[];
  /** What is still open before a deciding vedtak (open rounds, inputs without a disposition), or null. */
  openInput: string | null;
}

export interface CasePhaseEntry {
  phase: string;
  body: { id: string; name: string } | null;
  enteredAt: string;
  actor: string | null;
  reason: string | null;
}

export interface CaseComment {
  id: string;
  sectionId: string | null;
  parentId: string | null;
  text: string;
  createdAt: string;
  author: { name: string; title: string };
}

export const useCases = () => useQuery({ queryKey: ['cases'], queryFn: () => api<{ cases: CaseSummary[] }>('/api/cases') });
export const useCase = (id: string) =>
  useQuery({ queryKey: ['cases', id], queryFn: () => api<CaseView>(`/api/cases/${id}`), enabled: id !== '' });
/** The case's attachments (vedlegg). */
export const useCaseAttachments = (caseId: string) =>
  useQuery({
    queryKey: ['cases', caseId, 'attachments'],
    queryFn: () => api<{ attachments: AttachmentMeta[] }>(`/api/cases/${caseId}/attachments`),
  });
export const useCaseComments = (id: string) =>
  useQuery({ queryKey: ['cases', id, 'comments'], queryFn: () => api<{ comments: CaseComment[] }>(`/api/cases/${id}/comments`) });
export const useSectionVersions = (caseId: string, sectionId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['cases', caseId, 'sections', sectionId, 'versions'],
    queryFn: () =>
      api<{ versions: { version: number; text: string; author: string | null; createdAt: string }[] }>(
        `/api/cases/${caseId}/sections/${sectionId}/versions`,
      ),
    enabled,
  });
export const useSectionDiff = (caseId: string, sectionId: string, from: number, to: number, enabled: boolean) =>
  useQuery({
    queryKey: ['cases', caseId, 'sections', sectionId, 'diff', from, to],
    queryFn: () =>
      api<{ parts: { value: string; change: 'added' | 'removed' | 'same' }[] }>(
        `/api/cases/${caseId}/sections/${sectionId}/diff?from=${from}&to=${to}`,
      ),
    enabled,
  });
export const useInputSummary = (caseId: string) =>
  useQuery({
    queryKey: ['cases', caseId, 'summary'],
    queryFn: () => api<{ total: number; handled: number; text: string }>(`/api/cases/${caseId}/input-summary`),
  });

/** A mutation that refreshes the case afterwards. */
export const useCaseMutation = <T>(caseId: string, fn: (input: T) => Promise<unknown>) => useInvalidatingMutation(fn, ['cases', caseId]);

export const useCreateCase = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: object) => api<{ id: string; number: string }>('/api/cases', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cases'] }),
  });
};
