import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { inviteUserSchema } from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  title: string;
  status: 'invited' | 'active' | 'disabled';
  isAdmin: boolean;
  isCaseOfficer: boolean;
  version: number;
}

/** Everyone in the municipality (officers and administrators only; `enabled` false for others). */
export const useUsers = (enabled = true) =>
  useQuery({ queryKey: ['users'], queryFn: () => api<{ users: UserView[] }>('/api/users'), enabled });

export function useInviteUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof inviteUserSchema>) => api<UserView>('/api/users', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}
