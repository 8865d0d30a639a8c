import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

describe('Møter: list and calendar', () => {
  it('switches to a month calendar with each meeting on its Oslo date, and moves between months', async () => {
    const now = new Date();
    const inMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 15, 17, 0));
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
      http.get('/api/meetings', () =>
        HttpResponse.json({
          meetings: [
            {
              id: 'm1',
              body: { id: 'b1', name: 'Driftsutvalget' },
              kind: 'ordinary',
              title: 'Møte om budsjett',
              startsAt: inMonth.toISOString(),
              endsAt: null,
              place: 'Rådhuset',
              videoLink: null,
              open: true,
              closedBasis: null,
              agendaPublished: true,
              agendaDueAt: inMonth.toISOString(),
            },
          ],
        }),
      ),
    );
    renderRoute('/moter');
    await screen.findByRole('link', { name: 'Driftsutvalget: Møte om budsjett' });
    await userEvent.click(screen.getByRole('button', { name: 'Kalender' }));
    expect(screen.getByRole('button', { name: 'Kalender' }).getAttribute('aria-pressed')).toBe('true');
    const table = screen.getByRole('table');
    const month = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' }).format(now);
    expect(within(table).getByText(month)).toBeTruthy();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag', 'Søndag']);
    const link = within(table).getByRole('link', { name: /Driftsutvalget: Møte om budsjett/ });
    expect(link.closest('td')!.textContent).toMatch(/^15/);
    expect(link.textContent).toMatch(/^(18|19):00/);
    await userEvent.click(screen.getByRole('button', { name: 'Neste måned' }));
    expect(within(screen.getByRole('table')).queryByRole('link')).toBeNull();
  });
});
