import { useQuery } from '@tanstack/react-query';
import type {
  Answer,
  CreateOidcProvider,
  NationalIdRequest,
  OidcProviderResponse,
  OidcSettingsResponse,
  PasswordLoginRequest,
  UpdateOidcProvider,
} from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';

const settingsKey = ['oidc-providers'] as const;
const optionsKey = ['oidc-login-options'] as const;

/** The log-in page's provider buttons: every municipality's, or one municipality's (`?kommune=<slug>`). */
export const useLoginOptions = (slug: string | null) =>
  useQuery({
    queryKey: [...optionsKey, slug],
    queryFn: () => api<Answer<'GET /api/auth/oidc/options'>>(`/api/auth/oidc/options${slug ? `?kommune=${encodeURIComponent(slug)}` : ''}`),
    staleTime: 60_000,
  });

/** The address that starts a log-in through a provider (a full page navigation: the provider's own page follows). */
export const startUrl = (providerId: string, next: string | null) =>
  `/api/auth/oidc/${providerId}/start${next ? `?neste=${encodeURIComponent(next)}` : ''}`;

/** The municipality's providers and password setting (administrators). */
export const useOidcSettings = () => useQuery({ queryKey: settingsKey, queryFn: () => api<OidcSettingsResponse>('/api/oidc-providers') });

export const useCreateProvider = () =>
  useInvalidatingMutation(
    (input: CreateOidcProvider) => api<OidcProviderResponse>('/api/oidc-providers', { method: 'POST', body: input }),
    settingsKey,
    optionsKey,
  );

export const useUpdateProvider = () =>
  useInvalidatingMutation(
    ({ id, ...input }: UpdateOidcProvider & { id: string }) =>
      api<OidcProviderResponse>(`/api/oidc-providers/${id}`, { method: 'PATCH', body: input }),
    settingsKey,
    optionsKey,
  );

export const useSetPasswordLogin = () =>
  useInvalidatingMutation(
    (input: PasswordLoginRequest) => api<OidcSettingsResponse>('/api/oidc-providers/password-login', { method: 'PUT', body: input }),
    settingsKey,
    optionsKey,
  );

/** The municipality's people, for linking one to a national identity number. */
export const usePeople = (enabled: boolean) =>
  useQuery({ queryKey: ['users'] as const, queryFn: () => api<Answer<'GET /api/users'>>('/api/users'), enabled });

export const useSetNationalId = () =>
  useInvalidatingMutation(({ userId, ...input }: NationalIdRequest & { userId: string }) =>
    api<Answer<'PUT /api/oidc-providers/national-ids/:userId'>>(`/api/oidc-providers/national-ids/${userId}`, {
      method: 'PUT',
      body: input,
    }),
  );
