import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { searchResponseSchema } from '@samrad/shared/contracts';
import type { z } from 'zod';
import { json } from '../../testing/contracts.js';
import { MEMBER } from '../../testing/pageFixtures.js';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const ANSWER: z.input<typeof searchResponseSchema> = {
  kind: null,
  total: 3,
  counts: { case: 1, input: 1, decision: 0, meeting: 1 },
  limit: 20,
  offset: 0,
  hits: [
    {
      kind: 'case',
      id: 'c1',
      title: [
        { text: 'Nye ', hit: false },
        { text: 'skolegrenser', hit: true },
      ],
      // Markup in the text is text: it must be shown as written, never interpreted.
      excerpt: [
        { text: 'Forslag om ', hit: false },
        { text: 'skolegrenser', hit: true },
        { text: ' <img src=x onerror=alert(1)> i Nordby', hit: false },
      ],
      case: { id: 'c1', number: '2026/12', title: 'Nye skolegrenser' },
      meeting: null,
      roundId: null,
      at: '2026-11-20T09:00:00.000Z',
      rank: 0.5,
    },
    {
      kind: 'input',
      id: 's1',
      title: [{ text: 'KFU – kommunalt foreldreutvalg', hit: false }],
      excerpt: [
        { text: 'Vi støtter nye ', hit: false },
        { text: 'skolegrenser', hit: true },
      ],
      case: { id: 'c1', number: '2026/12', title: 'Nye skolegrenser' },
      meeting: null,
      roundId: 'r1',
      at: '2026-11-25T09:00:00.000Z',
      rank: 0.2,
    },
    {
      kind: 'meeting',
      id: 'a1',
      title: [
        { text: 'Nye ', hit: false },
        { text: 'skolegrenser', hit: true },
      ],
      excerpt: [],
      case: { id: 'c1', number: '2026/12', title: 'Nye skolegrenser' },
      meeting: { id: 'm1', title: 'Driftsutvalget 8. desember' },
      roundId: null,
      at: '2026-12-08T17:00:00.000Z',
      rank: 0.1,
    },
  ],
};

function searchApi(seen: string[], answer = ANSWER) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
    http.get('/api/search', ({ request }) => {
      seen.push(new URL(request.url).search);
      return json(searchResponseSchema, answer);
    }),
  );
}

describe('Søk', () => {
  it('shows the hits of every kind with the matched words marked, linked to where they are read, and announces the count', async () => {
    const seen: string[] = [];
    searchApi(seen);
    renderRoute('/sok?q=skolegrenser');
    // The count is in a live region (role status), announced when the answer comes.
    expect((await screen.findByText('3 treff på «skolegrenser»', {}, { timeout: 5000 })).getAttribute('role')).toBe('status');
    expect(seen[0]).toContain('q=skolegrenser');
    const hits = within(screen.getByRole('list', { name: 'Treff' })).getAllByRole('listitem');
    expect(hits).toHaveLength(3);
    expect(within(hits[0]!).getByRole('link', { name: 'Nye skolegrenser' }).getAttribute('href')).toBe('/saker/c1');
    expect(within(hits[1]!).getByRole('link', { name: 'Innspill fra KFU – kommunalt foreldreutvalg' }).getAttribute('href')).toBe(
      '/innspill/r1',
    );
    expect(within(hits[2]!).getByRole('link', { name: 'Nye skolegrenser' }).getAttribute('href')).toBe('/moter/m1');
    expect(within(hits[2]!).getByText('Sak 2026/12 på sakslisten til Driftsutvalget 8. desember')).toBeTruthy();
    // The matched words in <mark>; the text's own markup as text.
    const marks = hits[0]!.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['skolegrenser', 'skolegrenser']);
    expect(hits[0]!.querySelector('img')).toBeNull();
    expect(within(hits[0]!).getByText(/<img src=x onerror=alert\(1\)> i Nordby/)).toBeTruthy();
    // Two search landmarks, each labelled: the header's and the page's.
    expect(screen.getByRole('search', { name: 'Søk i Samråd' })).toBeTruthy();
    expect(screen.getByRole('search', { name: 'Nytt søk' })).toBeTruthy();
  });

  it('filters by kind with the counts of each, and pages', async () => {
    const seen: string[] = [];
    searchApi(seen, { ...ANSWER, total: 45 });
    renderRoute('/sok?q=skolegrenser');
    const kinds = await screen.findByRole('navigation', { name: 'Vis treff i' });
    expect(within(kinds).getByRole('link', { name: 'Alle (3)' }).getAttribute('aria-current')).toBe('page');
    await userEvent.click(within(kinds).getByRole('link', { name: 'Innspill (1)' }));
    await waitFor(() => expect(seen.at(-1)).toContain('kind=input'));
    await userEvent.click(await screen.findByRole('link', { name: 'Neste side' }));
    await waitFor(() => expect(seen.at(-1)).toContain('offset=20'));
    expect(seen.at(-1)).toContain('kind=input');
    expect(await screen.findByText('Side 2 av 3')).toBeTruthy();
  });

  it('says what is wrong with a question that is too short, in the contract’s words, without asking the server', async () => {
    const seen: string[] = [];
    searchApi(seen);
    renderRoute('/sok');
    expect(await screen.findByText(/Skriv hva du leter etter/)).toBeTruthy();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Søkeord' }), 'a');
    await userEvent.click(within(screen.getByRole('search', { name: 'Nytt søk' })).getByRole('button', { name: 'Søk' }));
    expect(await screen.findByText('Søket må ha minst 2 tegn')).toBeTruthy();
    expect(seen).toEqual([]);
  });

  it('the header’s search field opens the search page with the question', async () => {
    const seen: string[] = [];
    searchApi(seen, { ...ANSWER, total: 0, counts: { case: 0, input: 0, decision: 0, meeting: 0 }, hits: [] });
    server.use(http.get('/api/cases', () => HttpResponse.json({ cases: [] })));
    const { router } = renderRoute('/saker');
    const header = await screen.findByRole('search', { name: 'Søk i Samråd' });
    await userEvent.type(within(header).getByRole('searchbox', { name: 'Søk i saker, innspill, vedtak og møter' }), 'gymsal');
    await userEvent.click(within(header).getByRole('button', { name: 'Søk' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/sok'));
    expect(await screen.findByText('Ingen treff på «gymsal». Prøv andre eller færre ord.')).toBeTruthy();
    expect(seen.at(-1)).toContain('q=gymsal');
  });
});
