import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Answer, mandateDetailResponseSchema, mandateItemResponseSchema } from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';

export type MandateItemView = z.infer<typeof mandateItemResponseSchema>;
export type MandateView = z.infer<typeof mandateDetailResponseSchema>;

/** The municipality's mandate (the first, as the follow-up has one), with its items. */
export function useMandate() {
  return useQuery({
    queryKey: keys.mandate,
    queryFn: async () => {
      const { mandates } = await api<Answer<'GET /api/mandates'>>('/api/mandates');
      if (!mandates[0]) return null;
      return api<MandateView>(`/api/mandates/${mandates[0].id}`);
    },
  });
}
