import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Answer, mandateDetailResponseSchema, mandateItemResponseSchema } from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';

export type MandateItemView = z.infer<typeof mandateItemResponseSchema>;
export type MandateView = z.infer<typeof mandateDetailResponseSchema>;
export type MandateReport = Answer<'GET /api/mandates/:id/report'>;
/** A person who may own an item or a task: name and title (their role) to tell them apart. */
export type Person = { id: string; name: string; title: string; status?: string; isCaseOfficer?: boolean; isAdmin?: boolean };
/** A vedtak in the register the mandate may be linked to. */
export type DecisionOption = { id: string; label: string };

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

/** The mandate's final report: per item its cases, their vedtak and their follow-up. */
export function useMandateReport() {
  return useQuery({
    queryKey: keys.mandateReport,
    queryFn: async () => {
      const { mandates } = await api<Answer<'GET /api/mandates'>>('/api/mandates');
      if (!mandates[0]) return null;
      return api<MandateReport>(`/api/mandates/${mandates[0].id}/report`);
    },
  });
}
