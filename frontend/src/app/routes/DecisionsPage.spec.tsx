import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

describe('Vedtak', () => {
  it('the decisions register searches by text and lists each decision with its case', async () => {
    const seen: string[] = [];
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
      http.get('/api/decisions', ({ request }) => {
        seen.push(new URL(request.url).search);
        return HttpResponse.json({
          decisions: [
            {
              id: 'd1',
              decidedOn: '2026-11-05',
              committeeNumber: '41/26',
              body: { id: 'b3', name: 'Kommunestyret' },
              text: 'Kommunestyret vedtar ny ressursmodell.',
              motions: [],
              exemptBasis: null,
              case: { id: 'c1', number: '2026/12', title: 'Ny ressursfordelingsmodell', access: 'public' },
              mandateItem: null,
              inputs: 3,
              adoptedScenario: null,
            },
          ],
        });
      }),
    );
    renderRoute('/vedtak');
    await screen.findByText('Kommunestyret vedtar ny ressursmodell.');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Søkeord' }), 'ressursmodell');
    // The register's own search form (the header has a search field of its own).
    await userEvent.click(within(screen.getByRole('form', { name: 'Søk i vedtak' })).getByRole('button', { name: 'Søk' }));
    await waitFor(() => expect(seen.at(-1)).toContain('q=ressursmodell'));
  });

  it('shows the motions of a vedtak with their votes, proposer and votes by party', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
      http.get('/api/decisions', () =>
        HttpResponse.json({
          decisions: [
            {
              id: 'd1',
              decidedOn: '2026-11-05',
              committeeNumber: '41/26',
              body: { id: 'b3', name: 'Kommunestyret' },
              text: 'Kommunestyret vedtar ny ressursmodell.',
              motions: [
                {
                  motion: 'Kommunestyret vedtar ny ressursmodell.',
                  proposedBy: 'Ordføreren',
                  party: 'Ap',
                  for: 21,
                  against: 5,
                  blank: 1,
                  byParty: [
                    { party: 'Ap', for: 21, against: 0, blank: 0 },
                    { party: 'H', for: 0, against: 5, blank: 1 },
                  ],
                  adopted: true,
                },
              ],
              exemptBasis: null,
              case: { id: 'c1', number: '2026/12', title: 'Ny ressursfordelingsmodell', access: 'public' },
              mandateItem: null,
              inputs: 3,
            },
          ],
        }),
      ),
    );
    renderRoute('/vedtak');
    const motions = await screen.findByRole('list', { name: 'Forslag og avstemning' });
    expect(motions.textContent).toBe(
      'Kommunestyret vedtar ny ressursmodell.: 21 for, 5 mot, 1 blanke – vedtatt (forslag fra Ordføreren, Ap) Ap: 21 for, 0 mot, 0 blanke; H: 0 for, 5 mot, 1 blanke',
    );
  });
});
