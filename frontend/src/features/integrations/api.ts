import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Answer, CreateIntegrationToken } from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';

const tokensKey = ['integration-tokens'] as const;

export type IntegrationTokenView = Answer<'GET /api/integration-tokens'>['tokens'][number];

/** The municipality's integration tokens (administrators only). */
export const useIntegrationTokens = () =>
  useQuery({ queryKey: tokensKey, queryFn: () => api<Answer<'GET /api/integration-tokens'>>('/api/integration-tokens') });

export function useCreateIntegrationToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateIntegrationToken) =>
      api<Answer<'POST /api/integration-tokens'>>('/api/integration-tokens', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeIntegrationToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<Answer<'POST /api/integration-tokens/:id/revoke'>>(`/api/integration-tokens/${id}/revoke`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
}
