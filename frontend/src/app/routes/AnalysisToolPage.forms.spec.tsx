import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AnalysisKind } from '@samrad/shared/contracts';
import { computeAnalysis, GRIMSTAD_2009 } from '@samrad/shared/engine';
import { CASE } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const base = {
  caseId: 'c1',
  caseNumber: '2026/12',
  caseTitle: 'Ny ressursfordelingsmodell',
  mandateItem: null,
  version: 1,
  updatedAt: '2026-11-20T09:00:00.000Z',
  engineVersion: '1.0.0',
  adoptions: [],
  mayAssess: [],
};

/** The text of an element with its non-breaking spaces (Intl's thousands separator) as spaces. */
const text = (el: HTMLElement) => (el.textContent ?? '').replace(/\s/g, ' ');

/**
 * A tool the server keeps: a PATCH at the version read stores the input, recomputed by the engine, as the next
 * version (so the page's result follows the form); the PATCHes sent are kept for the test to read.
 */
function serve(kind: AnalysisKind, input: unknown, title = 'Analyse') {
  const id = `t-${kind}`;
  let tool = { ...base, id, kind, title, input, result: computeAnalysis(kind, input) };
  const sent: { version: number; input: Record<string, unknown> }[] = [];
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(ME)),
    http.get(`/api/analysis-tools/${id}`, () => HttpResponse.json(tool)),
    http.get(`/api/analysis-tools/${id}/versions`, () =>
      HttpResponse.json({ versions: [{ version: tool.version, createdAt: tool.updatedAt, author: 'Rådgiver, oppvekst' }] }),
    ),
    http.get(`/api/analysis-tools/${id}/comments`, () => HttpResponse.json({ comments: [] })),
    http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
    http.get('/api/users', () => HttpResponse.json({ users: [] })),
    http.get('/api/cases/c1', () => HttpResponse.json(CASE)),
    http.patch(`/api/analysis-tools/${id}`, async ({ request }) => {
      const body = (await request.json()) as (typeof sent)[number];
      sent.push(body);
      tool = { ...tool, version: tool.version + 1, input: body.input, result: computeAnalysis(kind, body.input) };
      return HttpResponse.json({ id, version: tool.version });
    }),
  );
  renderRoute(`/analyse/${id}`);
  return { id, sent };
}

const save = async (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Lagre og regn ut' }));
const field = (name: string) => screen.getByRole('textbox', { name });
async function retype(user: ReturnType<typeof userEvent.setup>, name: string, value: string) {
  await user.clear(field(name));
  if (value) await user.type(field(name), value);
}

describe('Analyse: the forms of the tools', { timeout: 30_000 }, () => {
  it('SFO: prices and changes are edited in the table, sent as exact numbers, and the result follows', async () => {
    const { sent } = serve('sfo', GRIMSTAD_2009.sfo, 'Foreldrebetaling i SFO');
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Endre plasser, priser og endringer' }, { timeout: 5000 });
    expect((field('Plasser – Hel plass') as HTMLInputElement).value).toBe('247');
    expect((field('Pris (kr/mnd) – Deltidsplass') as HTMLInputElement).value).toBe('1 239');
    const third = screen.getByRole('group', { name: /Endring 3/ });
    await user.clear(within(third).getByLabelText('Ny pris (kr/mnd)'));
    await user.type(within(third).getByLabelText('Ny pris (kr/mnd)'), '2 100,50');
    await user.click(screen.getByRole('button', { name: 'Legg til plasstype' }));
    await user.type(field('Plasstype – rad 3'), 'Morgenplass');
    await user.type(field('Plasser – Morgenplass'), '12');
    await user.type(field('Pris (kr/mnd) – Morgenplass'), '450');
    await user.click(screen.getByLabelText('Regn på en 11. betalingstermin for feriene'));
    await user.click(screen.getByLabelText('Regn på en 11. betalingstermin for feriene'));
    await user.type(field('Forventet andel som bruker feriene (0–1, valgfritt)'), '0,5');
    await save(user);
    await screen.findByText('Lagret som ny versjon.');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.version).toBe(1);
    expect(sent[0]!.input.kinds).toEqual([
      { id: 'full', label: 'Hel plass', places: 247, monthlyPrice: 1862 },
      { id: 'part', label: 'Deltidsplass', places: 438, monthlyPrice: 1239, weeklyHours: 15 },
      { id: 'plass-3', label: 'Morgenplass', places: 12, monthlyPrice: 450 },
    ]);
    expect((sent[0]!.input.changes as unknown[])[2]).toEqual({
      type: 'price',
      label: 'Hel plass +10 % (til 2 050 kr)',
      kind: 'full',
      monthlyPrice: '2100.50',
    });
    expect(sent[0]!.input.eleventhTerm).toEqual({ pupilsPerAdult: 15, monthlyWage: 33150, months: 1, expectedShare: '0.5' });
    // (2,100.50 − 1,862) × (247 + 87) × 10 = 796,590 from the new price, as the page now shows.
    const changes = (await screen.findAllByRole('region', { name: 'Endringer og merinntekt' })).at(-1)!;
    await waitFor(() => expect(text(within(changes).getByRole('row', { name: /Hel plass \+10 %/ }))).toContain('796 590 kr'));
  });

  it('SFO: a number that is no number is named on its field, then the engine’s rule on a move given both ways, before anything is sent', async () => {
    const { sent } = serve('sfo', GRIMSTAD_2009.sfo);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Endre plasser, priser og endringer' }, { timeout: 5000 });
    await retype(user, 'Plasser – Hel plass', 'mange');
    const move = screen.getByRole('group', { name: /Endring 2/ });
    await user.type(within(move).getByLabelText('Elever som flytter'), '80');
    await save(user);
    expect(await screen.findAllByText('Må være et heltall')).not.toHaveLength(0);
    expect(field('Plasser – Hel plass').getAttribute('aria-invalid')).toBe('true');
    await retype(user, 'Plasser – Hel plass', '247');
    await save(user);
    expect(await screen.findAllByText('Oppgi enten andelen som flytter eller antall elever')).not.toHaveLength(0);
    expect(within(move).getByLabelText('Andel som flytter (0,2 = 20 %)').getAttribute('aria-invalid')).toBe('true');
    expect(field('Plasser – Hel plass').getAttribute('aria-invalid')).toBeNull();
    expect(sent).toHaveLength(0);
  });

  it('school structure: a catchment change and a forecast year are saved, and the free capacity follows', async () => {
    const { sent } = serve('structure', { ...GRIMSTAD_2009.structure, moves: [] }, 'Skolestruktur 2009/10');
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Endre skoler, prognoser og flytting' }, { timeout: 5000 });
    expect(screen.getByText('Ledig kapasitet i alt: 163 før, 163 etter')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Legg til flytting' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Fra skole – flytting 1' }), 'Landvik');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Til skole – flytting 1' }), 'Holviga');
    await user.type(field('Elever som flytter – flytting 1'), '70');
    await user.click(screen.getByRole('button', { name: 'Legg til prognoseår' }));
    await user.type(field('Prognose 2010 – Landvik'), '412');
    await save(user);
    await screen.findByText('Lagret som ny versjon.');
    expect(sent[0]!.input.moves).toEqual([{ from: 'landvik', to: 'holviga', pupils: 70 }]);
    expect((sent[0]!.input.schools as { id: string; forecast?: unknown }[]).find((s) => s.id === 'landvik')!.forecast).toEqual([
      { year: 2010, pupils: 412 },
    ]);
    const schools = (await screen.findAllByRole('region', { name: 'Skoler før og etter' })).at(-1)!;
    await waitFor(() => expect(text(within(schools).getByRole('row', { name: /Landvik/ }))).toContain('100 %'));
    expect(screen.getAllByRole('region', { name: 'Prognose: elever og ledig kapasitet' })).not.toHaveLength(0);
  });

  it('school structure: more pupils than the grade has, and grades that do not add up, are named before anything is sent', async () => {
    const structure = {
      schools: [
        { id: 'a', name: 'Nordby', capacity: 100, pupils: 30, grades: { '1': 10, '2': 20 } },
        { id: 'b', name: 'Sørby', capacity: 100, pupils: 10, grades: { '1': 10 } },
      ],
      moves: [],
    };
    const { sent } = serve('structure', structure);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Endre skoler, prognoser og flytting' }, { timeout: 5000 });
    await retype(user, '2. trinn – Nordby', '25');
    await user.click(screen.getByRole('button', { name: 'Legg til flytting' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Fra skole – flytting 1' }), 'Nordby');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Til skole – flytting 1' }), 'Sørby');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Trinn – flytting 1' }), '1. trinn');
    await user.type(field('Elever som flytter – flytting 1'), '11');
    await save(user);
    expect(await screen.findAllByText('Elevene per trinn (35) må til sammen være 30')).not.toHaveLength(0);
    expect(screen.getAllByText('1. trinn har bare 10 elever å flytte')).not.toHaveLength(0);
    expect(field('Elever som flytter – flytting 1').getAttribute('aria-invalid')).toBe('true');
    expect(sent).toHaveLength(0);
  });

  it('peers: a file’s municipalities fill the form, unchosen ones are kept for the curve, and the comparison is saved', async () => {
    const { id, sent } = serve('peers', GRIMSTAD_2009.peers, 'KOSTRA 2008');
    let uploaded: { name: string | null; body: string } | undefined;
    server.use(
      http.post(`/api/analysis-tools/${id}/peer-import`, async ({ request }) => {
        uploaded = { name: new URL(request.url).searchParams.get('filename'), body: await request.text() };
        return HttpResponse.json({
          own: { name: 'Solvik', costPerChild: 62344, children6to15: 2900, pupilsPerSchool: 353 },
          peers: [
            { name: 'Stjørdal', costPerChild: 51829, pupilsPerSchool: 216, chosen: true },
            { name: 'Skedsmo', costPerChild: '49170.50', pupilsPerSchool: 429, chosen: true },
            { name: 'Arendal', costPerChild: 61908, pupilsPerSchool: 295, chosen: false },
          ],
        });
      }),
    );
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Hent kommunetall fra fil' }, { timeout: 5000 });
    const csv = 'kommune;kostnad_per_barn_6_15\n';
    await user.upload(screen.getByLabelText('Fil (.csv, .xlsx eller .json)'), new File([csv], 'kostra.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Hent kommunetall' }));
    await screen.findByText('Hentet 4 kommuner fra kostra.csv. Se over tallene og lagre.');
    expect(uploaded).toEqual({ name: 'kostra.csv', body: csv });
    expect((screen.getByLabelText('Kommune', { selector: 'input' }) as HTMLInputElement).value).toBe('Solvik');
    expect((field('Kr per barn 6–15 år – Skedsmo') as HTMLInputElement).value).toBe('49 170,50');
    expect((screen.getByRole('checkbox', { name: 'Valgt – Arendal' }) as HTMLInputElement).checked).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: 'Valgt – Stjørdal' }));
    await user.click(screen.getByRole('checkbox', { name: 'Valgt – Arendal' }));
    await save(user);
    await screen.findByText('Lagret som ny versjon.');
    expect(sent[0]!.input).toEqual({
      format: 'samrad.peer-comparison/v1',
      source: 'Filen kostra.csv',
      own: { name: 'Solvik', costPerChild: 62344, children6to15: 2900, pupilsPerSchool: 353 },
      peers: [
        { name: 'Stjørdal', costPerChild: 51829, pupilsPerSchool: 216, chosen: false },
        { name: 'Skedsmo', costPerChild: '49170.50', pupilsPerSchool: 429 },
        { name: 'Arendal', costPerChild: 61908, pupilsPerSchool: 295 },
      ],
    });
    const table = (await screen.findAllByRole('region', { name: 'Kostnad per innbygger 6–15 år' })).at(-1)!;
    await waitFor(() => expect(text(within(table).getByRole('row', { name: /Skedsmo/ }))).toContain('−38 203 150 kr'));
    expect(screen.getByText('Med i kurven, men ikke valgt til sammenligning: Stjørdal.')).toBeTruthy();
  });

  it('peers: a file with bad rows is reported by row and column, and the form is left as it was', async () => {
    const { id, sent } = serve('peers', GRIMSTAD_2009.peers);
    server.use(
      http.post(`/api/analysis-tools/${id}/peer-import`, () =>
        HttpResponse.json(
          {
            errors: [
              { path: 'rad 3, kolonne «kostnad_per_barn_6_15»', message: '«mye» er ikke et tall', row: 3, column: 'kostnad_per_barn_6_15' },
              { path: 'rad 4, kolonne «egen»', message: 'Skriv «ja» eller «nei», ikke «kanskje»', row: 4, column: 'egen' },
            ],
          },
          { status: 400 },
        ),
      ),
    );
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Hent kommunetall fra fil' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Hent kommunetall' }));
    expect(await screen.findByText('Velg en fil')).toBeTruthy();
    await user.upload(screen.getByLabelText('Fil (.csv, .xlsx eller .json)'), new File(['x'], 'kostra.csv'));
    await user.click(screen.getByRole('button', { name: 'Hent kommunetall' }));
    const report = await screen.findByRole('table', { name: 'Feil i filen' });
    expect(screen.getByText('Filen har 2 feil. Ingenting er hentet.')).toBeTruthy();
    expect(
      within(report)
        .getAllByRole('row')
        .map((r) => text(r)),
    ).toEqual(['RadKolonneFeil', '3kostnad_per_barn_6_15«mye» er ikke et tall', '4egenSkriv «ja» eller «nei», ikke «kanskje»']);
    expect((screen.getByLabelText('Kommune', { selector: 'input' }) as HTMLInputElement).value).toBe('Grimstad');
    expect(sent).toHaveLength(0);
  });

  it('peers: the contract’s message is on the own municipality’s field, and no peer chosen is refused', async () => {
    const { sent } = serve('peers', GRIMSTAD_2009.peers);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Kommunetall' }, { timeout: 5000 });
    await retype(user, 'Innbyggere 6–15 år', '');
    for (const p of GRIMSTAD_2009.peers.peers) await user.click(screen.getByRole('checkbox', { name: `Valgt – ${p.name}` }));
    await save(user);
    expect(await screen.findAllByText('Må være et heltall')).not.toHaveLength(0);
    expect(field('Innbyggere 6–15 år').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText('Velg minst én kommune å sammenligne med')).not.toHaveLength(0);
    expect(sent).toHaveLength(0);
  });

  it('savings plan: a target per year is added and the gap follows', async () => {
    const input = { targets: [{ year: 2010, amount: 4_300_000 }], measures: [] };
    const { sent } = serve('savings', input, 'Innsparingskrav');
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Innsparingskrav per år' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Legg til år' }));
    expect((field('År – rad 2') as HTMLInputElement).value).toBe('2011');
    await user.type(field('Krav (kr) – 2011'), '8 600 000');
    await save(user);
    await screen.findByText('Lagret som ny versjon.');
    expect(sent[0]!.input).toEqual({
      targets: [
        { year: 2010, amount: 4_300_000 },
        { year: 2011, amount: 8_600_000 },
      ],
      measures: [],
    });
    const plan = (await screen.findAllByRole('region', { name: 'Krav mot tiltak per år' })).at(-1)!;
    await waitFor(() => expect(text(within(plan).getByRole('row', { name: /2011/ }))).toContain('Mangler 8 600 000 kr'));
  });
});
