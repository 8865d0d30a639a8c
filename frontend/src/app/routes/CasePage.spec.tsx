import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CASE, MEMBER, caseApi } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

describe('Sak', () => {
  it('shows the document, route, rounds and attachments; a member gets download links but no upload', async () => {
    caseApi(MEMBER, [
      {
        id: 'a1',
        filename: 'Analyse.pdf',
        mediaType: 'application/pdf',
        size: 204800,
        sha256: 'ab'.repeat(32),
        uploadedAt: '2026-11-20T09:00:00.000Z',
        public: true,
        legalBasis: null,
      },
    ]);
    renderRoute('/saker/c1');
    // The first test of the file loads the page's code: more than the default second on a busy machine.
    await screen.findByRole('heading', { level: 1, name: 'Saksnr. 2026/12: Ny ressursfordelingsmodell' }, { timeout: 5000 });
    expect(screen.getByText('Analysen viste store forskjeller mellom skolene.')).toBeTruthy();
    expect(screen.getByRole('cell', { name: '41/26' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Innspill til modellen' })).toHaveProperty('pathname', '/innspill/r1');
    const list = await screen.findByRole('list', { name: 'Vedlegg' });
    expect(within(list).getByRole('link', { name: 'Analyse.pdf' })).toHaveProperty('pathname', '/api/attachments/a1');
    expect(within(list).getByText(/200 kB/)).toBeTruthy();
    expect(screen.queryByLabelText('Legg til vedlegg')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Fjern Analyse.pdf' })).toBeNull();
  });

  it('an officer uploads an attachment; a refused file shows the server’s message on the field', async () => {
    caseApi(ME);
    let sent: { type: string | null; name: string | null } | undefined;
    server.use(
      http.post('/api/cases/c1/attachments', ({ request }) => {
        sent = { type: request.headers.get('content-type'), name: new URL(request.url).searchParams.get('filename') };
        return HttpResponse.json(
          { errors: [{ path: 'file', message: 'Filtypen til «virus.pdf» støttes ikke (innholdet er EXE).' }] },
          { status: 400 },
        );
      }),
    );
    renderRoute('/saker/c1');
    const input = await screen.findByLabelText('Legg til vedlegg');
    await userEvent.upload(input, new File(['MZ'], 'virus.pdf', { type: 'application/pdf' }));
    await userEvent.click(screen.getByRole('button', { name: 'Last opp' }));
    await screen.findByText('Filtypen til «virus.pdf» støttes ikke (innholdet er EXE).');
    expect(sent).toEqual({ type: 'application/octet-stream', name: 'virus.pdf' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(input);
  });

  it('an officer makes the case exempt with its own action; missing legal basis and screened title get field errors', async () => {
    caseApi(ME);
    const sent: unknown[] = [];
    server.use(
      http.post('/api/cases/c1/access', async ({ request }) => {
        const body = (await request.json()) as { legalBasis?: string | null };
        sent.push(body);
        if (!body.legalBasis) {
          return HttpResponse.json(
            {
              errors: [
                { path: 'legalBasis', message: 'Oppgi hjemmel for unntak (f.eks. offentleglova § 14)' },
                { path: 'publicTitle', message: 'Oppgi en skjermet tittel som kan vises offentlig' },
              ],
            },
            { status: 400 },
          );
        }
        return HttpResponse.json({
          id: 'c1',
          version: 4,
          access: 'exempt',
          legalBasis: 'offentleglova § 14',
          publicTitle: 'Organinternt',
        });
      }),
    );
    renderRoute('/saker/c1');
    await userEvent.click(await screen.findByText('Tilgang og offentlighet'));
    expect((screen.getByRole('combobox', { name: 'Ny tilgang' }) as HTMLSelectElement).value).toBe('exempt');
    await userEvent.click(screen.getByRole('button', { name: 'Endre tilgang' }));
    const basis = screen.getByLabelText('Hjemmel for unntak');
    await waitFor(() => expect(basis.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('link', { name: 'Oppgi hjemmel for unntak (f.eks. offentleglova § 14)' })).toBeTruthy();
    expect(screen.getByLabelText('Skjermet tittel').getAttribute('aria-invalid')).toBe('true');
    await userEvent.type(basis, 'offentleglova § 25');
    await userEvent.type(screen.getByLabelText('Skjermet tittel'), 'Tilsettingssak');
    await userEvent.type(screen.getByLabelText('Begrunnelse (valgfritt)'), 'Gjelder søkere');
    await userEvent.click(screen.getByRole('button', { name: 'Endre tilgang' }));
    await screen.findByText('Tilgangen er endret.');
    expect(sent.at(-1)).toEqual({
      version: 3,
      access: 'exempt',
      legalBasis: 'offentleglova § 25',
      publicTitle: 'Tilsettingssak',
      reason: 'Gjelder søkere',
    });
  });

  it('an officer makes an exempt case public again, with the reason the server asks for', async () => {
    caseApi(ME);
    server.use(
      http.get('/api/cases/c1', () =>
        HttpResponse.json({ ...CASE, access: 'exempt', legalBasis: 'offentleglova § 14', publicTitle: 'Organinternt' }),
      ),
      http.post('/api/cases/c1/access', () =>
        HttpResponse.json(
          { errors: [{ path: 'reason', message: 'Begrunn hvorfor saken ikke lenger er unntatt offentlighet' }] },
          { status: 400 },
        ),
      ),
    );
    renderRoute('/saker/c1');
    await userEvent.click(await screen.findByText('Tilgang og offentlighet'));
    expect((screen.getByRole('combobox', { name: 'Ny tilgang' }) as HTMLSelectElement).value).toBe('public');
    expect(screen.queryByLabelText('Hjemmel for unntak')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Endre tilgang' }));
    await waitFor(() => expect(screen.getByLabelText('Begrunnelse').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('link', { name: 'Begrunn hvorfor saken ikke lenger er unntatt offentlighet' })).toBeTruthy();
  });

  it('members get no access form', async () => {
    caseApi(MEMBER);
    renderRoute('/saker/c1');
    await screen.findByRole('heading', { level: 1, name: 'Saksnr. 2026/12: Ny ressursfordelingsmodell' });
    expect(screen.queryByText('Tilgang og offentlighet')).toBeNull();
  });

  it('lists the phases with their dates, the current one marked; a member gets no moves', async () => {
    caseApi(MEMBER);
    renderRoute('/saker/c1');
    const phases = await screen.findByRole('list', { name: 'Fasene saken har vært i' });
    const items = within(phases).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('strong')?.textContent)).toEqual(['Utkast', 'Under utredning', 'Innspillsrunde']);
    expect(items[0]!.textContent).toContain('Fra 2. november 2026 kl. 10:00 av Rådgiver, oppvekst');
    expect(items[2]!.getAttribute('aria-current')).toBe('step');
    expect(items[1]!.getAttribute('aria-current')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Flytt saken' })).toBeNull();
  });

  it('an officer moves the case with the moves the lifecycle allows; a refusal shows the server’s reason', async () => {
    caseApi(ME);
    const moves: unknown[] = [];
    server.use(
      http.get('/api/cases/c1', () =>
        HttpResponse.json({
          ...CASE,
          allowedMoves: [
            { to: 'in_preparation', back: true, body: null },
            { to: 'working_group', back: false, body: null },
          ],
        }),
      ),
      http.post('/api/cases/c1/moves', async ({ request }) => {
        const body = (await request.json()) as { to: string };
        moves.push(body);
        return body.to === 'working_group'
          ? HttpResponse.json({ id: 'c1', status: 'working_group', bodyPosition: null, version: 4 }, { status: 201 })
          : HttpResponse.json(
              { errors: [{ path: 'to', message: 'Saken kan ikke flyttes fra «Innspillsrunde» til «Under utredning».' }] },
              { status: 400 },
            );
      }),
    );
    renderRoute('/saker/c1');
    await screen.findByRole('heading', { name: 'Flytt saken' });
    expect(screen.queryByRole('button', { name: 'Avslutt saken' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Tilbake til utredning' }));
    expect((await screen.findAllByText('Saken kan ikke flyttes fra «Innspillsrunde» til «Under utredning».')).length).toBeGreaterThan(0);
    await userEvent.type(screen.getByRole('textbox', { name: 'Begrunnelse (valgfri)' }), 'Trenger drøfting');
    await userEvent.click(screen.getByRole('button', { name: 'Send til arbeidsgruppen' }));
    await screen.findByText('Saken er flyttet til «I arbeidsgruppen».');
    expect(moves).toEqual([
      { to: 'in_preparation', reason: null },
      { to: 'working_group', reason: 'Trenger drøfting' },
    ]);
  });

  it('an exempt case the person may not read says so', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/cases/c1', () =>
        HttpResponse.json({ message: 'Saken er unntatt offentlighet. Du har ikke tilgang til innholdet.' }, { status: 403 }),
      ),
      http.get('/api/cases/c1/comments', () => HttpResponse.json({ message: 'Nei' }, { status: 403 })),
      http.get('/api/cases/c1/input-summary', () => HttpResponse.json({ message: 'Nei' }, { status: 403 })),
      http.get('/api/cases/c1/attachments', () => HttpResponse.json({ message: 'Nei' }, { status: 403 })),
      http.get('/api/allocation-cases', () => HttpResponse.json({ allocationCases: [] })),
      http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
    );
    renderRoute('/saker/c1');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('unntatt offentlighet'));
    expect(screen.queryByRole('button', { name: 'Prøv igjen' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Til sakslisten' })).toHaveProperty('pathname', '/saker');
  });
});

describe('Officer views: the case history', () => {
  it('opens the case’s audit history for officers', async () => {
    caseApi(ME);
    server.use(
      http.get('/api/audit/case/c1', () =>
        HttpResponse.json({
          events: [
            {
              id: 'e1',
              action: 'update',
              changes: { status: { before: 'in_preparation', after: 'input_round' } },
              at: '2026-11-20T10:00:00.000Z',
              actor: { id: 'u-officer', name: 'Rådgiver, oppvekst' },
            },
          ],
        }),
      ),
    );
    renderRoute('/saker/c1');
    await userEvent.click(await screen.findByText('Historikk (hvem endret hva, og når)'));
    expect(await screen.findByText('status: in_preparation → input_round')).toBeTruthy();
    expect(screen.getByText(/Endret av Rådgiver, oppvekst/)).toBeTruthy();
  });
});

describe('A stale edit (409)', () => {
  it('shows what the other person saved, keeps the draft, and loads the new version on request', async () => {
    caseApi(ME);
    let version = 2;
    server.use(
      http.get('/api/cases/c1', () =>
        HttpResponse.json({
          ...CASE,
          sections: [{ ...CASE.sections[0], version, text: version === 2 ? CASE.sections[0]!.text : 'Ny tekst fra en kollega.' }],
        }),
      ),
      http.put('/api/cases/c1/sections/s1', () => {
        version = 3;
        return HttpResponse.json(
          { message: 'Noen andre har endret dette etter at du åpnet det.', current: { version: 3, text: 'Ny tekst fra en kollega.' } },
          { status: 409 },
        );
      }),
    );
    renderRoute('/saker/c1');
    await userEvent.click(await screen.findByRole('button', { name: 'Rediger: Bakgrunn' }));
    const field = screen.getByRole('textbox', { name: 'Bakgrunn' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Min nye tekst');
    await userEvent.click(screen.getByRole('button', { name: 'Lagre' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Noen andre har endret dette');
    expect(within(alert).getByText('Dette er den lagrede versjonen 3:')).toBeTruthy();
    expect(within(alert).getByText('Ny tekst fra en kollega.')).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'Bakgrunn' }) as HTMLTextAreaElement).value).toBe('Min nye tekst');
    await userEvent.click(within(alert).getByRole('button', { name: 'Last inn på nytt' }));
    await screen.findByText('(Versjon 3)');
  });

  it('shows the protokolltilførsler from drøftingsmøter with the case on their agenda', async () => {
    caseApi(MEMBER);
    server.use(
      http.get('/api/cases/c1/statements', () =>
        HttpResponse.json({
          statements: [
            {
              id: 's1',
              meeting: { id: 'm1', title: 'Drøftingsmøte om modellen', startsAt: '2026-11-10T08:00:00.000Z', body: 'Arbeidsgruppen' },
              union: 'Utdanningsforbundet',
              text: 'Utdanningsforbundet kan ikke slutte seg til kuttet.',
              author: 'Hovedtillitsvalgt',
              createdAt: '2026-11-10T09:00:00.000Z',
              aboutCase: true,
            },
          ],
        }),
      ),
    );
    renderRoute('/saker/c1');
    const section = await screen.findByRole('region', { name: 'Protokolltilførsler' });
    expect(within(section).getByRole('heading', { level: 3, name: 'Utdanningsforbundet – Hovedtillitsvalgt' })).toBeTruthy();
    expect(within(section).getByText('Utdanningsforbundet kan ikke slutte seg til kuttet.')).toBeTruthy();
    expect(within(section).getByRole('link', { name: /^Arbeidsgruppen: Drøftingsmøte om modellen/ })).toHaveProperty(
      'pathname',
      '/moter/m1',
    );
  });
});
