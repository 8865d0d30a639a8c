import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const MANDATE_SUMMARY = {
  id: 'md1',
  title: 'Oppfølging',
  description: '',
  adoptedByBodyId: null,
  adoptedCaseNumber: null,
  adoptedDate: null,
  endDate: '2026-11-30',
  version: 1,
};

describe('Mandatet: the work under each item', () => {
  it('lists an item’s cases, rounds and meetings as links', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [MANDATE_SUMMARY] })),
      http.get('/api/mandates/md1', () =>
        HttpResponse.json({
          ...MANDATE_SUMMARY,
          adoptedBy: null,
          items: [
            {
              id: 'i3',
              number: 3,
              title: 'Ressursfordeling',
              description: '',
              owner: null,
              dueDate: '2026-12-31',
              status: 'in_progress',
              late: false,
              version: 1,
              work: {
                cases: [{ id: 'c1', number: '2026/12', title: 'Ny ressursfordelingsmodell', status: 'input_round' }],
                rounds: [{ id: 'r1', title: 'Innspill til modellen', closesAt: '2026-12-01T11:00:00.000Z', open: true }],
                meetings: [{ id: 'm1', title: 'Skolekonferanse', startsAt: '2026-11-20T17:00:00.000Z', bodyName: 'KFU' }],
              },
            },
          ],
        }),
      ),
    );
    renderRoute('/mandat');
    await userEvent.click(await screen.findByText('Arbeidet under «Ressursfordeling»: 1 sak, 1 innspillsrunde, 1 møte'));
    expect(screen.getByRole('link', { name: '2026/12 Ny ressursfordelingsmodell' })).toHaveProperty('pathname', '/saker/c1');
    expect(screen.getByRole('link', { name: 'Innspill til modellen' })).toHaveProperty('pathname', '/innspill/r1');
    expect(screen.getByRole('link', { name: 'KFU: Skolekonferanse' })).toHaveProperty('pathname', '/moter/m1');
  });
});
