import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from '../router.js';
import { createQueryClient } from '../../lib/query.js';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CASE, MEMBER, caseApi } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const ITEM4 = '00000000-0000-4000-8000-000000000004';
const ITEM = {
  description: '',
  owner: null,
  dueDate: null,
  status: 'in_progress',
  version: 1,
  late: false,
  work: { cases: [], rounds: [], meetings: [], tools: [] },
};
const MANDATE_ROW = {
  id: 'm1',
  title: 'Oppfølging av ressursbruken',
  description: '',
  adoptedByBodyId: null,
  adoptedCaseNumber: null,
  adoptedDate: null,
  adoptedDecisionId: null,
  endDate: '2027-11-30',
  version: 1,
};
const MANDATE = {
  ...MANDATE_ROW,
  adoptedBy: null,
  adoptedDecision: null,
  items: [
    { ...ITEM, id: 'i3', number: 3, title: 'Ressursfordeling', position: 1 },
    { ...ITEM, id: ITEM4, number: 4, title: 'Skolestruktur', position: 2 },
  ],
};
const REFERENCES = [
  { text: 'sak 2025/40', kind: 'case', caseId: 'c7', number: '2025/40', title: 'Skolegrenser', body: null },
  { text: 'sak 7/21', kind: 'decision', caseId: null, number: '2021/3', title: 'Personalsak, oppvekst', body: 'Driftsutvalget' },
  { text: 'Kommunestyrets vedtak om skolestruktur', kind: null, caseId: null, number: null, title: null, body: null },
];

/** The officer's edit of a case, with its references to earlier cases and decisions. */
describe('Sak: redigering og referanser', () => {
  function officerApi(patch: (body: Record<string, unknown>) => Response | Promise<Response>) {
    caseApi(ME);
    const sent: Record<string, unknown>[] = [];
    server.use(
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [MANDATE_ROW] })),
      http.get('/api/mandates/m1', () => HttpResponse.json(MANDATE)),
      http.patch('/api/cases/c1', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        return patch(body);
      }),
    );
    return sent;
  }
  const saved = () => HttpResponse.json({ id: 'c1', version: 4, status: 'input_round' });
  /** Puts the text in the field at once (typing key by key is slow on a busy machine). */
  const paste = async (field: HTMLElement, text: string) => {
    await userEvent.click(field);
    await userEvent.paste(text);
  };
  const openEdit = async () => userEvent.click(await screen.findByText('Rediger saken', { selector: 'summary' }, { timeout: 5000 }));

  it('shows references as links where readable, with the public title where not, and as text otherwise', { timeout: 20000 }, async () => {
    caseApi(MEMBER);
    server.use(http.get('/api/cases/c1', () => HttpResponse.json({ ...CASE, references: REFERENCES })));
    renderRoute('/saker/c1');
    const list = within(
      (await screen.findByRole('heading', { name: 'Referanser til tidligere saker og vedtak' }, { timeout: 5000 })).parentElement!,
    );
    expect(list.getByRole('link', { name: 'sak 2025/40' })).toHaveProperty('pathname', '/saker/c7');
    expect(list.getByText('– sak 2025/40: Skolegrenser')).toBeTruthy();
    expect(list.queryByRole('link', { name: 'sak 7/21' })).toBeNull();
    expect(list.getByText('– vedtak i Driftsutvalget, sak 2021/3: Personalsak, oppvekst')).toBeTruthy();
    expect(list.getByText('Kommunestyrets vedtak om skolestruktur')).toBeTruthy();
    expect(list.getAllByRole('link')).toHaveLength(1);
    // A member edits nothing.
    expect(screen.queryByText('Rediger saken')).toBeNull();
  });

  it('sends only the fields that changed, and the references as a list', { timeout: 20000 }, async () => {
    const sent = officerApi(saved);
    renderRoute('/saker/c1');
    await openEdit();
    const title = screen.getByRole('textbox', { name: 'Sakens tittel' });
    await userEvent.clear(title);
    await paste(title, 'Ny modell for ressursfordeling');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    await screen.findByText('Endringene er lagret.');
    expect(sent.at(-1)).toEqual({ version: 3, title: 'Ny modell for ressursfordeling' });

    await userEvent.click(screen.getByRole('button', { name: 'Legg til referanse' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Referanse 1' }));
    await paste(screen.getByRole('textbox', { name: 'Referanse 1' }), 'sak 7/21');
    await userEvent.click(screen.getByRole('button', { name: 'Legg til referanse' }));
    await paste(screen.getByRole('textbox', { name: 'Referanse 2' }), 'sak 11/21');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Mandatpunkt' }), '4. Skolestruktur');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    // The title was saved already (the page's case still says the old one in this fixture, so it is sent again).
    expect(sent[1]).toMatchObject({ version: 3, mandateItemId: ITEM4, references: ['sak 7/21', 'sak 11/21'] });
  });

  it('sends nothing when nothing changed', { timeout: 20000 }, async () => {
    const sent = officerApi(saved);
    renderRoute('/saker/c1');
    await openEdit();
    await userEvent.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    await screen.findByText('Du har ikke endret noe, så ingenting ble lagret.');
    expect(sent).toEqual([]);
  });

  it('checks each reference with the contract’s Norwegian messages before sending', { timeout: 20000 }, async () => {
    const sent = officerApi(saved);
    renderRoute('/saker/c1');
    await openEdit();
    await userEvent.click(screen.getByRole('button', { name: 'Legg til referanse' }));
    await paste(screen.getByRole('textbox', { name: 'Referanse 1' }), 'sak 7/21');
    await userEvent.click(screen.getByRole('button', { name: 'Legg til referanse' }));
    await userEvent.click(screen.getByRole('button', { name: 'Legg til referanse' }));
    await paste(screen.getByRole('textbox', { name: 'Referanse 3' }), 'SAK 7/21');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    expect(await screen.findByRole('link', { name: 'Referansen må fylles ut' })).toHaveProperty('hash', '#case-edit-ref-1');
    expect(screen.getByRole('link', { name: 'Referansen står allerede i listen' })).toHaveProperty('hash', '#case-edit-ref-2');
    expect(screen.getByRole('textbox', { name: 'Referanse 2' }).getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
    // Removing the empty one leaves the others, and focus on «add».
    await userEvent.click(screen.getByRole('button', { name: 'Fjern referanse 2' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Legg til referanse' }));
    expect(screen.getAllByRole('textbox', { name: /^Referanse \d$/ }).map((e) => (e as HTMLInputElement).value)).toEqual([
      'sak 7/21',
      'SAK 7/21',
    ]);
  });

  it('a stale edit (409) says that someone else changed the case, and keeps what was written', { timeout: 20000 }, async () => {
    officerApi(() =>
      HttpResponse.json({ message: 'Noen andre har endret dette. Last inn på nytt.', current: { ...CASE, version: 4 } }, { status: 409 }),
    );
    renderRoute('/saker/c1');
    await openEdit();
    const title = screen.getByRole('textbox', { name: 'Sakens tittel' });
    await userEvent.clear(title);
    await paste(title, 'Min tittel');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Noen andre har endret dette' })).toBeTruthy();
    expect(alert.textContent).toContain('endret av noen andre etter at du åpnet det');
    expect((screen.getByRole('textbox', { name: 'Sakens tittel' }) as HTMLInputElement).value).toBe('Min tittel');
    expect(within(alert).getByRole('button', { name: 'Last inn på nytt' })).toBeTruthy();
  });

  it('«Tidligere versjoner» of a section lists the versions before the current one only', { timeout: 20000 }, async () => {
    caseApi(MEMBER);
    server.use(
      http.get('/api/cases/c1/sections/s1/versions', () =>
        HttpResponse.json({
          versions: [
            { version: 1, text: 'Første utkast av bakgrunnen.', author: 'Rådgiver, oppvekst', createdAt: '2026-11-02T09:00:00.000Z' },
            {
              version: 2,
              text: 'Analysen viste store forskjeller mellom skolene.',
              author: 'Rådgiver, oppvekst',
              createdAt: '2026-11-20T09:00:00.000Z',
            },
          ],
        }),
      ),
      http.get('/api/cases/c1/sections/s1/diff', () =>
        HttpResponse.json({ from: 1, to: 2, parts: [{ value: 'Analysen viste store forskjeller mellom skolene.', change: 'added' }] }),
      ),
    );
    renderRoute('/saker/c1');
    await userEvent.click(await screen.findByText('Versjonshistorikk: Bakgrunn'));
    const heading = await screen.findByRole('heading', { name: 'Tidligere versjoner' });
    const list = within(heading.nextElementSibling as HTMLElement);
    await list.findByText('Første utkast av bakgrunnen.');
    expect(list.getAllByRole('listitem')).toHaveLength(1);
    expect(list.queryByText(/Versjon 2/)).toBeNull();
  });

  it('a case that does not exist offers the case list and the start page, not «Prøv igjen»', { timeout: 20000 }, async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/cases/c404', () => HttpResponse.json({ message: 'Fant ikke saken' }, { status: 404 })),
      http.get('/api/cases/c404/comments', () => HttpResponse.json({ message: 'Fant ikke saken' }, { status: 404 })),
      http.get('/api/cases/c404/input-summary', () => HttpResponse.json({ message: 'Fant ikke saken' }, { status: 404 })),
      http.get('/api/cases/c404/attachments', () => HttpResponse.json({ message: 'Fant ikke saken' }, { status: 404 })),
      http.get('/api/allocation-cases', () => HttpResponse.json({ allocationCases: [] })),
      http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
    );
    renderRoute('/saker/c404');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Fant ikke saken');
    expect(within(alert).queryByRole('button', { name: 'Prøv igjen' })).toBeNull();
    expect(within(alert).getByRole('link', { name: 'Til sakslisten' })).toHaveProperty('pathname', '/saker');
    expect(within(alert).getByRole('link', { name: 'Til Mine oppgaver' })).toHaveProperty('pathname', '/');
  });

  it("shows «Møtedato» when the case is opened again after it was put on a meeting's agenda elsewhere", { timeout: 20000 }, async () => {
    caseApi(MEMBER);
    const route = (meetingDate: string | null) => [{ ...CASE.route[0]!, meetingDate }];
    server.use(
      http.get('/api/cases/c1', () => HttpResponse.json({ ...CASE, rounds: [], route: route(null) })),
      http.get('/api/cases', () => HttpResponse.json({ cases: [] })),
    );
    // The app's own query client (its cache keeps answers for a while), not the tests' one.
    const router = createMemoryRouter(routes, { initialEntries: ['/saker/c1'] });
    render(
      <QueryClientProvider client={createQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    const table = await screen.findByRole('table', { name: 'Saksgang' }, { timeout: 5000 });
    expect(within(table).getAllByRole('cell').at(-1)!.textContent).toBe('–');
    await router.navigate('/saker');
    await screen.findByRole('heading', { level: 1, name: 'Saker' });
    // Meanwhile the case was put on Driftsutvalget's meeting on 8 December.
    server.use(http.get('/api/cases/c1', () => HttpResponse.json({ ...CASE, rounds: [], route: route('2026-12-08') })));
    await router.navigate('/saker/c1');
    await screen.findByRole('cell', { name: '8. desember 2026' }, { timeout: 5000 });
  });
});
