import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Answer, ChangePasswordRequest, LoginRequest, MeResponse } from '@samrad/shared/contracts';
import type { Language } from '@samrad/shared/i18n';
import { ApiError, api, setCsrfToken } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';

export const meKey = keys.me;

/** The logged-in user, or null when nobody is logged in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        const me = await api<MeResponse>('/api/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(undefined);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginRequest) => api<{ ok: true }>('/api/auth/login', { method: 'POST', body: input }),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Answer<'POST /api/auth/logout'>>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(undefined);
      qc.clear();
    },
    // A session opened through an OpenID provider ends there too (RP-initiated log-out): the browser goes to the
    // provider, which sends it back to the log-in page.
    onSuccess: (answer) => {
      if (answer.redirect) window.location.assign(answer.redirect);
    },
  });
}

/** A new password for the logged-in person (their other sessions end; this one goes on). */
export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePasswordRequest) => api<{ ok: true }>('/api/auth/change-password', { method: 'POST', body: input }),
  });
}

export const hasRole = (me: MeResponse | null | undefined, role: 'admin' | 'case_officer' | 'member') => !!me?.roles.includes(role);

/**
 * The person's own language, stored on their profile (`PATCH /api/auth/me` with the version read). When
 * someone changed the profile first (409), it is sent once more on the version the answer names.
 */
export function useSaveLanguage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ me, language }: { me: MeResponse; language: Language }) => {
      const patch = (version: number) => api<MeResponse>('/api/auth/me', { method: 'PATCH', body: { version, language } });
      try {
        return await patch(me.version);
      } catch (error) {
        const current = error instanceof ApiError && error.status === 409 ? (error.current as MeResponse | undefined) : undefined;
        if (!current) throw error;
        return patch(current.version);
      }
    },
    onSuccess: (me) => qc.setQueryData(meKey, me),
  });
}
