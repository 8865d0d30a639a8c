import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { MeResponse } from '@samrad/shared/contracts';
import { routes } from '../app/router.js';

/** Renders the whole app at a route, as a person opening that URL would see it. */
export function renderRoute(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router };
}

export const ME: MeResponse = {
  id: 'u-officer',
  name: 'Rådgiver, oppvekst',
  email: 'saksbehandler@solvik.kommune.test',
  title: 'Saksbehandler',
  language: null,
  version: 1,
  municipality: { id: 'm1', name: 'Solvik kommune', languageForm: 'nb' },
  roles: ['member', 'case_officer'],
  memberships: [{ bodyId: 'b1', bodyName: 'Driftsutvalget', role: 'secretary', capacity: 'administration' }],
  csrfToken: 'csrf-1',
};
