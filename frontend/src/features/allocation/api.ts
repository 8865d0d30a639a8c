import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AllocationInput, AllocationResult } from '@samrad/shared/engine';
import type {
  Answer,
  adoptScenarioSchema,
  allocationCaseResponseSchema,
  comparisonUnitSchema,
  createAllocationCaseSchema,
  createScenarioSchema,
  importStatusResponseSchema,
  scenarioCommentSchema,
  scenarioResponseSchema,
  updateScenarioSchema,
} from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';

// What the API answers, from the shared response contracts.
export type AllocationCaseView = z.infer<typeof allocationCaseResponseSchema>;
/** A scenario with the exact engine input and result it was computed from. */
export type ScenarioView = Omit<z.infer<typeof scenarioResponseSchema>, 'input' | 'result'> & {
  input: AllocationInput;
  result: AllocationResult;
};
export type ComparisonRow = z.infer<typeof comparisonUnitSchema>;

// What the forms send, from the shared request contracts.
export type CreateAllocationCaseInput = z.input<typeof createAllocationCaseSchema>;
export type CreateScenarioInput = z.input<typeof createScenarioSchema>;
export type UpdateScenarioInput = z.input<typeof updateScenarioSchema>;
export type AdoptScenarioInput = z.input<typeof adoptScenarioSchema>;
export type ScenarioCommentInput = z.input<typeof scenarioCommentSchema>;

export const useAllocationCases = () =>
  useQuery({
    queryKey: keys.allocation.all,
    queryFn: () => api<Answer<'GET /api/allocation-cases'>>('/api/allocation-cases'),
  });
export const useAllocationCase = (id: string) =>
  useQuery({ queryKey: keys.allocation.detail(id), queryFn: () => api<AllocationCaseView>(`/api/allocation-cases/${id}`) });
/** A dataset with its units and counts (the model editor previews with it before a scenario exists). */
export const useDataset = (id: string | undefined) =>
  useQuery({
    queryKey: keys.allocation.dataset(id),
    queryFn: () => api<Answer<'GET /api/datasets/:id'>>(`/api/datasets/${id}`),
    enabled: !!id,
  });
export const useScenario = (id: string | undefined) =>
  useQuery({ queryKey: keys.scenarios.detail(id), queryFn: () => api<ScenarioView>(`/api/scenarios/${id}`), enabled: !!id });
export const useComparison = (id: string | undefined, against: string) =>
  useQuery({
    queryKey: keys.scenarios.compare(id, against),
    queryFn: () => api<Answer<'GET /api/scenarios/:id/compare'>>(`/api/scenarios/${id}/compare?against=${against}`),
    enabled: !!id && !!against,
  });
export const useScenarioComments = (id: string | undefined) =>
  useQuery({
    queryKey: keys.scenarios.comments(id),
    queryFn: () => api<Answer<'GET /api/scenarios/:id/comments'>>(`/api/scenarios/${id}/comments`),
    enabled: !!id,
  });

export const useAllocationMutation = <T, R = unknown>(key: readonly unknown[], fn: (input: T) => Promise<R>) =>
  useInvalidatingMutation(fn, key, [...keys.scenarios.all]);

export type ImportStatusView = z.infer<typeof importStatusResponseSchema>;

/** A large import read by the worker: asked again every half second until it is done or failed (stops when unmounted). */
export function useImportStatus(importId: string | null) {
  return useQuery({
    queryKey: keys.allocation.import(importId),
    queryFn: () => api<ImportStatusView>(`/api/imports/${importId}`),
    enabled: importId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'done' || q.state.data?.status === 'failed' ? false : 500),
  });
}

export type SweepView = Answer<'GET /api/sweeps/:id'>;

/** A sweep run by the worker: asked again every half second until it is done or failed. */
export function useSweep(sweepId: string | null) {
  return useQuery({
    queryKey: keys.scenarios.sweep(sweepId),
    queryFn: () => api<SweepView>(`/api/sweeps/${sweepId}`),
    enabled: sweepId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'done' || q.state.data?.status === 'failed' ? false : 500),
  });
}

/**
 * PATCH of a scenario: only the fields given (and the version it was read at). The answer is the new
 * version's result; the case (its list of scenarios) and the scenario are read again.
 */
export function useUpdateScenario(allocationId: string, scenarioId: string) {
  return useAllocationMutation(keys.allocation.detail(allocationId), (input: UpdateScenarioInput) =>
    api<Answer<'PATCH /api/scenarios/:id'>>(`/api/scenarios/${scenarioId}`, { method: 'PATCH', body: input }),
  );
}
