import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.js';

export interface BodySummary {
  id: string;
  kind: string;
  name: string;
  description: string;
  parentId: string | null;
  memberCount: number;
}

export interface BodyMember {
  id: string;
  userId: string;
  name: string;
  title: string;
  email?: string;
  role: string;
  capacity: string;
  party: string | null;
  side: string | null;
  union: string | null;
  school: string | null;
  validFrom: string;
  validTo: string | null;
  version: number;
}

export const useBodies = () => useQuery({ queryKey: ['bodies'], queryFn: () => api<{ bodies: BodySummary[] }>('/api/bodies') });
export const useBody = (id: string) =>
  useQuery({
    queryKey: ['bodies', id],
    queryFn: () => api<BodySummary & { members: BodyMember[] }>(`/api/bodies/${id}`),
    enabled: id !== '',
  });
