import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Answer, AnalysisKind, Measure, analysisToolResponseSchema } from '@samrad/shared/contracts';
import type { AnalysisResults } from '@samrad/shared/engine';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';

/** A tool as the API answers it, with its result typed by its kind. */
export type ToolView<K extends AnalysisKind = AnalysisKind> = Omit<z.infer<typeof analysisToolResponseSchema>, 'kind' | 'result'> & {
  kind: K;
  result: AnalysisResults[K];
};
export type SavingsInput = { baseBudget?: number | string; targets: { year: number; amount: number | string }[]; measures: Measure[] };

export const useAnalysisTools = () =>
  useQuery({ queryKey: keys.analysis.all, queryFn: () => api<Answer<'GET /api/analysis-tools'>>('/api/analysis-tools') });
export const useAnalysisTool = (id: string) =>
  useQuery({ queryKey: keys.analysis.detail(id), queryFn: () => api<ToolView>(`/api/analysis-tools/${id}`) });
export const useAnalysisComments = (id: string) =>
  useQuery({
    queryKey: keys.analysis.comments(id),
    queryFn: () => api<Answer<'GET /api/analysis-tools/:id/comments'>>(`/api/analysis-tools/${id}/comments`),
  });
export const useAnalysisVersions = (id: string) =>
  useQuery({
    queryKey: keys.analysis.versions(id),
    queryFn: () => api<Answer<'GET /api/analysis-tools/:id/versions'>>(`/api/analysis-tools/${id}/versions`),
  });

/** Creates a tool; the list is read again. */
export const useCreateTool = () =>
  useInvalidatingMutation(
    (input: unknown) => api<Answer<'POST /api/analysis-tools'>>(`/api/analysis-tools`, { method: 'POST', body: input }),
    keys.analysis.all,
  );

/** Saves a change of a tool (title, mandate item or input) as a new version. */
export const useUpdateTool = (id: string) =>
  useInvalidatingMutation(
    (input: { version: number; title?: string; mandateItemId?: string | null; input?: unknown }) =>
      api<Answer<'PATCH /api/analysis-tools/:id'>>(`/api/analysis-tools/${id}`, { method: 'PATCH', body: input }),
    keys.analysis.all,
  );

export const useAddComment = (id: string) =>
  useInvalidatingMutation(
    (input: { text: string; measureId: string | null }) =>
      api<Answer<'POST /api/analysis-tools/:id/comments'>>(`/api/analysis-tools/${id}/comments`, { method: 'POST', body: input }),
    keys.analysis.comments(id),
  );

/** Where each kind starts when an officer creates it: the report's shape with one example row to change. */
export function templateInput(kind: AnalysisKind, firstYear: number, firstTarget: string): unknown {
  switch (kind) {
    case 'savings':
      return { targets: [{ year: firstYear, amount: firstTarget || '0' }], measures: [] };
    case 'sfo':
      return {
        paymentMonths: 10,
        kinds: [
          { id: 'full', label: 'Hel plass', places: 0, monthlyPrice: 0 },
          { id: 'part', label: 'Deltidsplass', places: 0, monthlyPrice: 0 },
        ],
        changes: [],
      };
    case 'structure':
      return { schools: [{ id: 'skole-1', name: 'Skole 1', capacity: 0, pupils: 0 }], moves: [] };
    case 'peers':
      return {
        format: 'samrad.peer-comparison/v1',
        own: { name: 'Egen kommune', costPerChild: 0, children6to15: 0 },
        peers: [{ name: 'Sammenligningskommune', costPerChild: 0 }],
      };
  }
}
