import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { inviteUserSchema, userListResponseSchema, userResponseSchema } from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';

export type UserView = z.infer<typeof userResponseSchema>;

/** Everyone in the municipality (officers and administrators only; `enabled` false for others). */
export const useUsers = (enabled = true) =>
  useQuery({ queryKey: keys.users, queryFn: () => api<z.infer<typeof userListResponseSchema>>('/api/users'), enabled });

export function useInviteUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof inviteUserSchema>) => api<UserView>('/api/users', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users }),
  });
}
