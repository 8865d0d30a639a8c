import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

describe('Saker', () => {
  const LISTED = { mandateItemId: null, updatedAt: '2026-11-20T09:00:00.000Z' };
  it('lists cases with the screened title of an exempt case the person may not read', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
      http.get('/api/cases', () =>
        HttpResponse.json({
          cases: [
            {
              ...LISTED,
              id: 'c1',
              number: '2026/12',
              title: 'Ny ressursfordelingsmodell',
              status: 'input_round',
              access: 'public',
              readable: true,
            },
            { ...LISTED, id: 'c2', number: '2026/13', title: 'Personalsak', status: 'in_preparation', access: 'exempt', readable: false },
          ],
        }),
      ),
    );
    renderRoute('/saker');
    expect(await screen.findByRole('link', { name: /Ny ressursfordelingsmodell/ })).toHaveProperty('pathname', '/saker/c1');
    expect(screen.getByText(/Personalsak/)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Ny sak' })).toBeNull();
  });
});
