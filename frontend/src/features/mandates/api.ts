import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.js';

export interface MandateItemView {
  id: string;
  number: number;
  title: string;
  description: string;
  owner: { id: string; name: string } | null;
  dueDate: string | null;
  status: 'not_started' | 'in_progress' | 'in_review' | 'done';
  late: boolean;
  version: number;
  work?: {
    cases: { id: string; number: string; title: string; status: string }[];
    rounds: { id: string; title: string; closesAt: string; open: boolean }[];
    meetings: { id: string; title: string; startsAt: string; bodyName: string }[];
  };
}

export interface MandateView {
  id: string;
  title: string;
  description: string;
  adoptedBy: { id: string; name: string } | null;
  adoptedCaseNumber: string | null;
  adoptedDate: string | null;
  endDate: string;
  items: MandateItemView[];
}

/** The municipality's mandate (the first, as the follow-up has one), with its items. */
export function useMandate() {
  return useQuery({
    queryKey: ['mandate'],
    queryFn: async () => {
      const { mandates } = await api<{ mandates: { id: string }[] }>('/api/mandates');
      if (!mandates[0]) return null;
      return api<MandateView>(`/api/mandates/${mandates[0].id}`);
    },
  });
}
