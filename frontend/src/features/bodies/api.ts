import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  bodyDetailResponseSchema,
  bodyListResponseSchema,
  createBodySchema,
  updateBodySchema,
  createMembershipSchema,
  memberResponseSchema,
  updateMembershipSchema,
} from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';

// What the API answers, from the shared response contracts.
export type BodySummary = z.infer<typeof bodyListResponseSchema>['bodies'][number];
export type BodyMember = z.infer<typeof memberResponseSchema>;
export type BodyDetail = z.infer<typeof bodyDetailResponseSchema>;

// What the forms send, from the shared request contracts.
export type CreateBodyInput = z.input<typeof createBodySchema>;
export type UpdateBodyInput = z.input<typeof updateBodySchema>;
export type CreateMembershipInput = z.input<typeof createMembershipSchema>;
export type UpdateMembershipInput = z.input<typeof updateMembershipSchema>;

export const useBodies = () =>
  useQuery({ queryKey: keys.bodies.all, queryFn: () => api<z.infer<typeof bodyListResponseSchema>>('/api/bodies') });
export const useBody = (id: string) =>
  useQuery({
    queryKey: keys.bodies.detail(id),
    queryFn: () => api<BodyDetail>(`/api/bodies/${id}`),
    enabled: id !== '',
  });
