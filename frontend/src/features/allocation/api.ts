import { useQuery } from '@tanstack/react-query';
import type { AllocationInput, AllocationResult } from '@samrad/shared/engine';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';

export interface AllocationCaseView {
  id: string;
  caseId: string;
  budgetYear: number;
  title: string;
  adoptedScenarioId: string | null;
  datasets: { id: string; name: string; unitCount: number }[];
  modelVersions: { id: string; number: number; label: string }[];
  scenarios: { id: string; name: string; adopted: boolean; total: number; modelVersionId: string; datasetId: string }[];
}

export interface ScenarioView {
  id: string;
  name: string;
  caseId: string;
  adopted: boolean;
  version: number;
  modelVersionId: string;
  datasetId: string;
  frame: number | null;
  frameChange: number | null;
  overrides: { criterion: string; stage: 'barnetrinn' | 'ungdomstrinn'; rate: Record<string, number> }[];
  adjustments: { unit: string; amount: number; reason: string }[];
  engineVersion: string;
  inputHash: string;
  input: AllocationInput;
  result: AllocationResult;
}

export interface ComparisonRow {
  unitId: string;
  name: string;
  total: number;
  against: number | null;
  diffNok: number | null;
  diffPct: number | null;
}

export const useAllocationCases = () =>
  useQuery({
    queryKey: ['allocation'],
    queryFn: () => api<{ allocationCases: { id: string; title: string; budgetYear: number; caseId: string }[] }>('/api/allocation-cases'),
  });
export const useAllocationCase = (id: string) =>
  useQuery({ queryKey: ['allocation', id], queryFn: () => api<AllocationCaseView>(`/api/allocation-cases/${id}`) });
export const useScenario = (id: string | undefined) =>
  useQuery({ queryKey: ['scenario', id], queryFn: () => api<ScenarioView>(`/api/scenarios/${id}`), enabled: !!id });
export const useComparison = (id: string | undefined, against: string) =>
  useQuery({
    queryKey: ['scenario', id, 'compare', against],
    queryFn: () => api<{ units: ComparisonRow[] }>(`/api/scenarios/${id}/compare?against=${against}`),
    enabled: !!id && !!against,
  });
export const useScenarioComments = (id: string | undefined) =>
  useQuery({
    queryKey: ['scenario', id, 'comments'],
    queryFn: () =>
      api<{ comments: { id: string; unitId: string | null; text: string; createdAt: string; author: { name: string } }[] }>(
        `/api/scenarios/${id}/comments`,
      ),
    enabled: !!id,
  });

export const useAllocationMutation = <T, R = unknown>(key: unknown[], fn: (input: T) => Promise<R>) =>
  useInvalidatingMutation(fn, key, ['scenario']);

export interface ImportStatusView {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  errors: { path: string; message: string }[];
  datasetId: string | null;
}

/** A large import read by the worker: asked again every half second until it is done or failed (stops when unmounted). */
export function useImportStatus(importId: string | null) {
  return useQuery({
    queryKey: ['import', importId],
    queryFn: () => api<ImportStatusView>(`/api/imports/${importId}`),
    enabled: importId !== null,
    refetchInterval: (q) => (q.state.data?.status === 'done' || q.state.data?.status === 'failed' ? false : 500),
  });
}
