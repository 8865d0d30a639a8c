import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Answer, inviteUserSchema, updateUserSchema, userListResponseSchema, userResponseSchema } from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';

export type UserView = z.infer<typeof userResponseSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;

/**
 * Everyone in the municipality (officers and administrators only; `enabled` false for others). Fetched afresh each
 * time a page shows it: a person's status changes by their own hand (accepting an invitation), not the viewer's.
 */
export const useUsers = (enabled = true) =>
  useQuery({ queryKey: keys.users, queryFn: () => api<z.infer<typeof userListResponseSchema>>('/api/users'), enabled, staleTime: 0 });

export function useInviteUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof inviteUserSchema>) => api<UserView>('/api/users', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users }),
  });
}

/** An administrator changes a person: name, title, roles, or status (disable, enable again). */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: UpdateUserInput & { id: string }) =>
      api<Answer<'PATCH /api/users/:id'>>(`/api/users/${id}`, { method: 'PATCH', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users }),
  });
}

/** A new invitation link to someone who has not accepted yet. */
export function useResendInvite() {
  return useMutation({
    mutationFn: (id: string) => api<Answer<'POST /api/users/:id/resend-invite'>>(`/api/users/${id}/resend-invite`, { method: 'POST' }),
  });
}

/** An administrator anonymises a person who has left (#21): their input stays, under a label after their role. */
export function useAnonymiseUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Answer<'POST /api/users/:id/anonymise'>>(`/api/users/${id}/anonymise`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users }),
  });
}
