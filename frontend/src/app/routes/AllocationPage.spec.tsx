import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CASE, MEMBER } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

// The page and the engine load lazily; on a busy machine the first test waits for them.
describe('Fordeling', { timeout: 20_000 }, () => {
  const input = {
    format: 'samrad.allocation-input/v1' as const,
    mode: 'allocation' as const,
    teachingWeeks: 38,
    hourCost: { barnetrinn: 765.8 },
    criteria: [
      { id: 'perPupil', label: 'Per elev', driver: 'pupils', rate: { barnetrinn: { nok: 44240 } } },
      { id: 'perUnit', label: 'Per skole', driver: 'unit', rate: { barnetrinn: { nok: 930400 } } },
    ],
    units: [
      { id: 'a', name: 'Fevik', stage: 'barnetrinn' as const, counts: { pupils: 200 }, currentBudget: 10_000_000 },
      { id: 'b', name: 'Landvik', stage: 'barnetrinn' as const, counts: { pupils: 120 }, currentBudget: 6_500_000 },
    ],
  };

  /** Ids the request contracts check as UUIDs. */
  const OCTOBER = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

  const summary = (id: string, name: string, adopted = false) => ({
    id,
    name,
    adopted,
    total: 0,
    modelVersionId: 'mv1',
    datasetId: 'd1',
    frame: null,
    frameChange: null,
    revisesScenarioId: null,
    scale: 1,
    version: 1,
  });

  /** A scenario as GET /api/scenarios/:id answers, computed by the shared engine from `raw`. */
  async function scenarioAnswer(id: string, name: string, raw: object = input, extra: Record<string, unknown> = {}) {
    const { computeAllocation, parseAllocationInput } = await import('@samrad/shared/engine');
    return {
      id,
      allocationCaseId: 'ac1',
      name,
      caseId: 'c1',
      adopted: false,
      adoptedByDecisionId: null,
      revisesScenarioId: null,
      computedAt: '2026-11-01T09:00:00.000Z',
      version: 1,
      modelVersionId: 'mv1',
      datasetId: 'd1',
      frame: null,
      frameChange: null,
      overrides: [],
      adjustments: [],
      engineVersion: '2.0.0',
      inputHash: 'x',
      input: parseAllocationInput(raw),
      result: computeAllocation(raw),
      ...extra,
    };
  }

  async function open(
    me: object,
    {
      path = '/fordeling/ac1',
      scenarios = [summary('s1', 'Dagens satser')],
      adoptedScenarioId = null as string | null,
      datasets = 1,
      modelAdopted = false,
    } = {},
  ) {
    const s1 = await scenarioAnswer('s1', 'Dagens satser');
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(me)),
      http.get('/api/allocation-cases/ac1', () =>
        HttpResponse.json({
          id: 'ac1',
          caseId: 'c1',
          budgetYear: 2027,
          title: 'Ressursfordeling 2027',
          adoptedScenarioId,
          // The adopted scenario is the main one (none chosen by an officer).
          mainScenarioId: adoptedScenarioId,
          datasets: [
            { id: 'd1', name: 'Elevtall', source: 'csv', unitCount: 2, createdAt: '2026-11-01T09:00:00.000Z' },
            ...(datasets > 1
              ? [{ id: OCTOBER, name: 'Oktober 2027', source: 'xlsx', unitCount: 2, createdAt: '2026-11-02T09:00:00.000Z' }]
              : []),
          ],
          modelVersions: [
            {
              id: 'mv1',
              number: 1,
              label: 'Modell 1',
              model: { mode: 'allocation', teachingWeeks: 38, hourCost: input.hourCost, criteria: input.criteria },
              adoptedByDecisionId: modelAdopted ? 'dec1' : null,
            },
          ],
          scenarios,
        }),
      ),
      http.get('/api/scenarios/s1', () => HttpResponse.json(s1)),
      http.get('/api/scenarios/:id/comments', () => HttpResponse.json({ comments: [] })),
      http.get('/api/cases/c1', () => HttpResponse.json(CASE)),
    );
    const view = renderRoute(path);
    // The page is loaded lazily; the first test of the file waits for its module too.
    await screen.findByRole('heading', { level: 1, name: 'Ressursfordeling 2027' }, { timeout: 5000 });
    return view;
  }

  it('shows units × criteria, and recomputes a frame change live in the browser with the shared engine', async () => {
    await open(ME);
    const table = await screen.findByRole('table', { name: 'Dagens satser' });
    expect(within(table).getByRole('rowheader', { name: /Fevik/ })).toBeTruthy();
    const editor = screen.getByRole('region', { name: 'Prøv et scenario' });
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Rammeendring (kr, negativt for kutt)' }), '-1000000');
    const live = await screen.findByRole('table', { name: 'Dagens satser *' });
    // 200 × 44,240 + 930,400 and 120 × 44,240 + 930,400, less one million, distributed by one factor.
    const frame = 200 * 44240 + 930400 + 120 * 44240 + 930400 - 1_000_000;
    expect(screen.getByText(new RegExp(`Ramme: ${new Intl.NumberFormat('nb-NO').format(frame).replace(/\s/g, '\\s')} kr`))).toBeTruthy();
    expect(within(live).getAllByRole('row').length).toBeGreaterThan(2);
  });

  it('edits a rate live, and an officer saves it as a new scenario with the rate as an override', async () => {
    await open(ME);
    let saved: Record<string, unknown> | undefined;
    server.use(
      http.post('/api/allocation-cases/ac1/scenarios', async ({ request }) => {
        saved = (await request.json()) as Record<string, unknown>;
        const { computeAllocation } = await import('@samrad/shared/engine');
        return HttpResponse.json({ id: 's2', version: 1, result: computeAllocation(input) }, { status: 201 });
      }),
      http.get('/api/scenarios/s2', () => HttpResponse.json({ message: 'Fant ikke scenarioet' }, { status: 404 })),
      http.get('/api/scenarios/s2/comments', () => HttpResponse.json({ comments: [] })),
    );
    const editor = await screen.findByRole('region', { name: 'Prøv et scenario' });
    await userEvent.click(within(editor).getByText('Endre satser'));
    const perPupil = within(within(editor).getByRole('group', { name: 'Per elev' })).getByRole('textbox', {
      name: 'Barnetrinn (kr per enhet)',
    });
    expect((perPupil as HTMLInputElement).value).toBe('44240');
    await userEvent.clear(perPupil);
    await userEvent.type(perPupil, '-5');
    expect(await within(editor).findByText('«-5» er ikke en gyldig sats for Per elev. Skriv et tall som ikke er negativt.')).toBeTruthy();
    expect(perPupil.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(perPupil);
    await userEvent.type(perPupil, '50000');
    const live = await screen.findByRole('table', { name: 'Dagens satser *' });
    // Allocation mode: Fevik gets 200 × 50,000 per pupil plus its 930,400 per school.
    expect(within(live).getByRole('row', { name: /Fevik/ }).textContent).toMatch(/10\s?930\s?400/);
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Navn på nytt scenario' }), 'Høyere elevsats');
    await userEvent.click(within(editor).getByRole('button', { name: 'Lagre som nytt scenario' }));
    await waitFor(() =>
      expect(saved).toMatchObject({
        name: 'Høyere elevsats',
        frame: null,
        frameChange: null,
        adjustments: [],
        overrides: [{ criterion: 'perPupil', stage: 'barnetrinn', rate: { nok: 50000 } }],
      }),
    );
  });

  it('an officer imports a workbook as the raw file, and sees the import’s progress until it is done', async () => {
    await open(ME);
    let sent: { type: string | null; query: string; bytes: number } | undefined;
    let polls = 0;
    server.use(
      http.post('/api/allocation-cases/ac1/datasets/file', async ({ request }) => {
        sent = {
          type: request.headers.get('content-type'),
          query: new URL(request.url).search,
          bytes: (await request.arrayBuffer()).byteLength,
        };
        return HttpResponse.json({ importId: 'i1', status: 'queued' }, { status: 202 });
      }),
      // The template's own headers: every column is chosen already, so the file goes without a mapping.
      http.post('/api/allocation-cases/ac1/datasets/columns', () =>
        HttpResponse.json({
          columns: ['id', 'navn', 'trinn', 'elever'].map((name, index) => ({ index, name, samples: [] })),
          suggested: { id: 0, name: 1, stage: 2, pupils: 3 },
          drivers: [{ id: 'pupils', label: 'Elever' }],
        }),
      ),
      http.get('/api/imports/i1', () =>
        HttpResponse.json({
          id: 'i1',
          status: ++polls > 1 ? 'done' : 'running',
          progress: polls > 1 ? 100 : 40,
          errors: [],
          datasetId: polls > 1 ? 'd2' : null,
        }),
      ),
    );
    // Larger than a spread of String.fromCharCode can take (the old page threw at about 200 KB).
    const workbook = new File([new Uint8Array(512 * 1024).fill(80)], 'elevtall.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    await userEvent.type(screen.getByRole('textbox', { name: 'Navn på datasettet' }), 'Oktober');
    await userEvent.upload(screen.getByLabelText('Fil (CSV, XLSX eller JSON)'), workbook);
    await userEvent.click(screen.getByRole('button', { name: 'Importer' }));
    await screen.findByText('Datasettet er importert.', undefined, { timeout: 3000 });
    expect(sent).toEqual({ type: 'application/octet-stream', query: '?filename=elevtall.xlsx&name=Oktober', bytes: 512 * 1024 });
  });

  it('the mapping step: the server reads the header row, the officer chooses each field’s column, the contract’s messages on the selects', async () => {
    await open(ME);
    let read: string | undefined;
    let sent: URLSearchParams | undefined;
    server.use(
      http.post('/api/allocation-cases/ac1/datasets/columns', ({ request }) => {
        read = new URL(request.url).search;
        return HttpResponse.json({
          columns: [
            { index: 0, name: 'Skolenavn', samples: ['Eide', 'Fevik'] },
            { index: 1, name: 'Org.nr', samples: ['864000010'] },
            { index: 2, name: 'Trinn', samples: ['barnetrinn'] },
            { index: 3, name: 'Elever okt. 2026', samples: ['120'] },
            { index: 4, name: 'Elever okt. 2027', samples: ['126'] },
            { index: 5, name: 'Kommentar', samples: [] },
          ],
          suggested: { stage: 2 },
          drivers: [
            { id: 'pupils', label: 'Elever' },
            { id: 'highNeedsPupils', label: 'Elever med svært store behov' },
          ],
        });
      }),
      http.post('/api/allocation-cases/ac1/datasets/file', ({ request }) => {
        sent = new URL(request.url).searchParams;
        if (sent.get('name') === 'Feil')
          return HttpResponse.json(
            {
              errors: [
                {
                  path: 'rad 3, kolonne «Org.nr»',
                  row: 3,
                  column: 'Org.nr',
                  message: 'Organisasjonsnummeret 864000011 er ikke gyldig (kontrollsifferet stemmer ikke)',
                },
              ],
            },
            { status: 400 },
          );
        return HttpResponse.json({ id: 'd2', units: 2, modelVersionId: null }, { status: 201 });
      }),
    );
    const panel = screen.getByRole('region', { name: 'Importer datasett' });
    await userEvent.type(within(panel).getByRole('textbox', { name: 'Navn på datasettet' }), 'Feil');
    await userEvent.upload(within(panel).getByLabelText('Fil (CSV, XLSX eller JSON)'), new File(['x'], 'Elevtall 2027.xlsx'));
    const mapping = await within(panel).findByRole('group', { name: 'Hvilken kolonne er hva?' });
    expect(read).toBe('?filename=Elevtall+2027.xlsx');
    // The template's «trinn» was recognised; the rest is the officer's to choose, with a few values to go by.
    const stage = within(mapping).getByLabelText('Trinn (barnetrinn eller ungdomstrinn)') as HTMLSelectElement;
    expect(stage.value).toBe('2');
    expect(within(stage).getByRole('option', { name: 'Org.nr (f.eks. 864000010)' })).toBeTruthy();
    expect(
      within(mapping).getByText('Kolonner som ikke brukes: Skolenavn, Org.nr, Elever okt. 2026, Elever okt. 2027, Kommentar'),
    ).toBeTruthy();
    // Nothing is sent until the mapping holds: a name, an organisation number or id, and both school years.
    await userEvent.selectOptions(within(mapping).getByLabelText('Elever, vår 2027 (skoleåret 2026/27)'), '3');
    await userEvent.click(within(panel).getByRole('button', { name: 'Importer' }));
    expect(await within(mapping).findByText('Velg kolonnen for navn')).toBeTruthy();
    expect(within(mapping).getByText('Velg kolonnen for Elever (høst) også, eller én kolonne for hele året')).toBeTruthy();
    expect(sent).toBeUndefined();
    await userEvent.selectOptions(within(mapping).getByLabelText('Navn på enheten'), '0');
    await userEvent.selectOptions(within(mapping).getByLabelText('Organisasjonsnummer'), '1');
    await userEvent.selectOptions(within(mapping).getByLabelText('Elever, høst 2027 (skoleåret 2027/28)'), '4');
    await userEvent.click(within(panel).getByRole('button', { name: 'Importer' }));
    // The server's report names the row and the file's own column.
    expect(
      await within(panel).findByText(
        'rad 3, kolonne «Org.nr»: Organisasjonsnummeret 864000011 er ikke gyldig (kontrollsifferet stemmer ikke)',
      ),
    ).toBeTruthy();
    expect(JSON.parse(sent!.get('mapping')!)).toEqual({ stage: 2, 'pupils@1': 3, name: 0, orgNumber: 1, 'pupils@2': 4 });
    const name = within(panel).getByRole('textbox', { name: 'Navn på datasettet' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Oktober 2027');
    await userEvent.click(within(panel).getByRole('button', { name: 'Importer' }));
    expect(await screen.findByText('Datasettet er importert (2 enheter).')).toBeTruthy();
    expect(sent!.get('name')).toBe('Oktober 2027');
    expect(within(panel).queryByRole('group', { name: 'Hvilken kolonne er hva?' })).toBeNull();
  });

  it('the model editor previews with the newest dataset before any scenario exists', async () => {
    server.use(
      http.get('/api/datasets/d1', () =>
        HttpResponse.json({
          id: 'd1',
          allocationCaseId: 'ac1',
          name: 'Elevtall',
          source: 'csv',
          createdAt: '2026-11-01T09:00:00.000Z',
          units: input.units,
        }),
      ),
    );
    await open(ME, { scenarios: [] });
    const models = await screen.findByRole('region', { name: 'Modellversjoner' });
    await userEvent.click(within(models).getByRole('button', { name: 'Kopier versjon 1' }));
    const editor = within(models).getByRole('form', { name: 'Ny modellversjon' });
    const preview = await within(editor).findByRole('table', { name: 'Forhåndsvisning med elevtallene i «Elevtall»' });
    // 200 × 44,240 + 930,400 for Fevik, by the shared engine in the browser.
    expect(within(preview).getByRole('row', { name: /Fevik/ }).textContent).toMatch(/9\s778\s400/);
  });

  it('without a dataset the model editor says the preview needs one (a scenario does not)', async () => {
    server.use(
      http.get('/api/allocation-cases/ac1', () =>
        HttpResponse.json({
          id: 'ac1',
          caseId: 'c1',
          budgetYear: 2027,
          title: 'Tom fordelingssak',
          adoptedScenarioId: null,
          mainScenarioId: null,
          datasets: [],
          modelVersions: [],
          scenarios: [],
        }),
      ),
      http.get('/api/auth/me', () => HttpResponse.json(ME)),
      http.get('/api/cases/c1', () => HttpResponse.json(CASE)),
    );
    renderRoute('/fordeling/ac1');
    const models = await screen.findByRole('region', { name: 'Modellversjoner' }, { timeout: 5000 });
    await userEvent.click(within(models).getByRole('button', { name: 'Ny modellversjon' }));
    expect(
      within(models).getByText(
        'Forhåndsvisningen trenger enheter og elevtall: importer et datasett under «Importer datasett». Et scenario trengs ikke.',
      ),
    ).toBeTruthy();
  });

  it('a bad frame change gets the engine’s Norwegian message on the field', async () => {
    await open(ME);
    const editor = await screen.findByRole('region', { name: 'Prøv et scenario' });
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Rammeendring (kr, negativt for kutt)' }), '-99999999');
    expect(await screen.findByText(/Rammen .* må være større enn summen av justeringene/)).toBeTruthy();
  });

  it('members try scenarios in the browser too, but cannot save them or import data', async () => {
    await open(MEMBER);
    await screen.findByRole('table', { name: 'Dagens satser' });
    const editor = screen.getByRole('region', { name: 'Prøv et scenario' });
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Rammeendring (kr, negativt for kutt)' }), '-500000');
    await screen.findByRole('table', { name: 'Dagens satser *' });
    expect(screen.queryByRole('button', { name: 'Lagre som nytt scenario' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Importer datasett' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ny modellversjon' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Kopier versjon 1' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Vis versjon 1' })).toBeTruthy();
  });

  it('opens on the adopted scenario, keeps the choice in the URL, names both sides of a comparison and closes tables with totals', async () => {
    const s2 = await scenarioAnswer('s2', 'Vedtatt 2027', input, { adopted: true, adoptedByDecisionId: 'dec1' });
    server.use(http.get('/api/scenarios/s2', () => HttpResponse.json(s2)));
    const { router } = await open(ME, {
      scenarios: [summary('s1', 'Dagens satser'), summary('s2', 'Vedtatt 2027', true)],
      adoptedScenarioId: 's2',
    });
    const table = await screen.findByRole('table', { name: 'Vedtatt 2027' });
    // A totals row: 320 pupils, and the sum of both units.
    const total = within(table).getByRole('row', { name: /^Sum/ });
    expect(total.textContent).toMatch(/320/);
    const both = 200 * 44240 + 930400 + 120 * 44240 + 930400;
    expect(total.textContent?.replace(/\s/g, '')).toContain(new Intl.NumberFormat('nb-NO').format(both).replace(/\s/g, ''));
    // The chart's value axis has ticks, not one label.
    expect(document.querySelectorAll('[data-testid="y-tick"]').length).toBeGreaterThanOrEqual(3);
    // Choosing another scenario is kept in the URL.
    await userEvent.selectOptions(screen.getByLabelText('Scenario'), 's1');
    await screen.findByRole('table', { name: 'Dagens satser' });
    expect(router.state.location.search).toBe('?scenario=s1');
    server.use(
      http.get('/api/scenarios/s1/compare', () =>
        HttpResponse.json({
          against: 's2',
          units: [
            { unitId: 'a', name: 'Fevik', total: 100, against: 90, diffNok: 10, diffPct: 11.11 },
            { unitId: 'b', name: 'Landvik', total: 50, against: 60, diffNok: -10, diffPct: -16.67 },
          ],
          totals: { total: 150, against: 150, diffNok: 0, diffPct: 0 },
        }),
      ),
    );
    await userEvent.selectOptions(screen.getByLabelText('Sammenlign med'), 's2');
    const cmp = await screen.findByRole('table', { name: 'Dagens satser sammenlignet med Vedtatt 2027' });
    expect(within(cmp).getByRole('columnheader', { name: 'Vedtatt 2027' })).toBeTruthy();
    expect(within(cmp).getByRole('columnheader', { name: 'Dagens satser' })).toBeTruthy();
    expect(within(cmp).getByRole('row', { name: /^Sum/ }).textContent).toMatch(/150\s*150\s*0/);
  });

  it('offers «Opprinnelig budsjett» only when the scenario has a budget, and a link with ?scenario= opens that scenario', async () => {
    const noBudget = { ...input, units: input.units.map(({ currentBudget: _b, ...u }) => u) };
    const s3 = await scenarioAnswer('s3', 'Uten budsjett', noBudget);
    server.use(http.get('/api/scenarios/s3', () => HttpResponse.json(s3)));
    await open(ME, { path: '/fordeling/ac1?scenario=s3', scenarios: [summary('s1', 'Dagens satser'), summary('s3', 'Uten budsjett')] });
    await screen.findByRole('table', { name: 'Uten budsjett' });
    const options = within(screen.getByLabelText('Sammenlign med'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual(['Ingen sammenligning', 'Dagens satser']);
    await userEvent.selectOptions(screen.getByLabelText('Scenario'), 's1');
    await screen.findByRole('table', { name: 'Dagens satser' });
    expect(
      within(screen.getByLabelText('Sammenlign med'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toContain('Opprinnelig budsjett');
  });

  it('an officer changes the frame with a PATCH of that field alone, and a stale version gets the Norwegian message', async () => {
    await open(ME);
    const bodies: unknown[] = [];
    let stale = false;
    server.use(
      http.patch('/api/scenarios/s1', async ({ request }) => {
        bodies.push(await request.json());
        if (stale)
          return HttpResponse.json(
            { message: 'Noen andre har endret dette etter at du åpnet det. Last inn på nytt for å se endringene.', current: {} },
            { status: 409 },
          );
        const { computeAllocation } = await import('@samrad/shared/engine');
        return HttpResponse.json({ id: 's1', version: 2, result: computeAllocation(input) });
      }),
    );
    const settings = await screen.findByRole('region', { name: 'Navn og ramme' });
    await userEvent.click(within(settings).getByRole('radio', { name: 'Endring av modellens sum' }));
    await userEvent.type(within(settings).getByRole('textbox', { name: 'Rammeendring (kr, negativt for kutt)' }), '-5 100 000');
    await userEvent.click(within(settings).getByRole('button', { name: 'Lagre endringene' }));
    await within(settings).findByText('Scenarioet er oppdatert og regnet ut på nytt.');
    expect(bodies[0]).toEqual({ version: 1, frameChange: -5100000 });
    stale = true;
    const name = within(settings).getByRole('textbox', { name: 'Navn på scenarioet' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Kutt 2027');
    await userEvent.click(within(settings).getByRole('button', { name: 'Lagre endringene' }));
    expect(await within(settings).findByText(/Noen andre har endret dette/)).toBeTruthy();
    expect(bodies[1]).toEqual({ version: 1, name: 'Kutt 2027', frameChange: -5100000 });
    expect(within(settings).getByRole('button', { name: 'Last inn på nytt' })).toBeTruthy();
  });

  it('an officer enters adjustments with reasons in the table: the contract’s message on a missing reason, then a PATCH of the adjustments', async () => {
    await open(ME);
    let sent: unknown;
    server.use(
      http.patch('/api/scenarios/s1', async ({ request }) => {
        sent = await request.json();
        const { computeAllocation } = await import('@samrad/shared/engine');
        return HttpResponse.json({ id: 's1', version: 2, result: computeAllocation(input) });
      }),
    );
    const panel = await screen.findByRole('region', { name: 'Justeringer' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Legg til justering' }));
    await userEvent.selectOptions(within(panel).getByLabelText('Enhet, justering 1'), 'b');
    await userEvent.type(within(panel).getByRole('textbox', { name: 'Beløp (kr), justering 1' }), '250000');
    await userEvent.click(within(panel).getByRole('button', { name: 'Lagre justeringene' }));
    const reason = within(panel).getByRole('textbox', { name: 'Begrunnelse, justering 1' });
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(sent).toBeUndefined();
    await userEvent.type(reason, 'Ny avdeling for elever med store behov');
    await userEvent.click(within(panel).getByRole('button', { name: 'Lagre justeringene' }));
    await waitFor(() =>
      expect(sent).toEqual({ version: 1, adjustments: [{ unit: 'b', amount: 250000, reason: 'Ny avdeling for elever med store behov' }] }),
    );
  });

  it('shows a scenario’s adjustments apart, in their own column and with their reasons', async () => {
    const raw = { ...input, adjustments: [{ unit: 'a', amount: 100000, reason: 'Midlertidig paviljong' }] };
    const s4 = await scenarioAnswer('s4', 'Med justering', raw, { adjustments: raw.adjustments });
    server.use(http.get('/api/scenarios/s4', () => HttpResponse.json(s4)));
    await open(MEMBER, { path: '/fordeling/ac1?scenario=s4', scenarios: [summary('s4', 'Med justering')] });
    const table = await screen.findByRole('table', { name: 'Med justering' });
    expect(within(table).getByRole('columnheader', { name: 'Justeringer' })).toBeTruthy();
    expect(within(table).getByRole('row', { name: /Fevik/ }).textContent).toMatch(/\+100\s000/);
    const list = screen.getByRole('region', { name: 'Justeringer' });
    expect(within(list).getByRole('cell', { name: 'Midlertidig paviljong' })).toBeTruthy();
    expect(within(list).queryByRole('button', { name: 'Lagre justeringene' })).toBeNull();
  });

  it('the autumn revision of the adopted scenario shows what changes for each unit', async () => {
    const s2 = await scenarioAnswer('s2', 'Vedtatt 2027', input, { adopted: true, adoptedByDecisionId: 'dec1' });
    let sent: unknown;
    server.use(
      http.get('/api/scenarios/s2', () => HttpResponse.json(s2)),
      http.post('/api/scenarios/s2/revisions', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(
          {
            id: 's5',
            changes: [
              { unitId: 'a', name: 'Fevik', total: 9_900_000, against: 10_000_000, diffNok: -100_000, diffPct: -1 },
              { unitId: 'b', name: 'Landvik', total: 6_600_000, against: 6_500_000, diffNok: 100_000, diffPct: 1.54 },
            ],
            totals: { total: 16_500_000, against: 16_500_000, diffNok: 0, diffPct: 0 },
          },
          { status: 201 },
        );
      }),
    );
    await open(ME, { scenarios: [summary('s2', 'Vedtatt 2027', true)], adoptedScenarioId: 's2', datasets: 2 });
    const panel = await screen.findByRole('region', { name: 'Høstrevisjon med nye elevtall' });
    expect(screen.queryByRole('region', { name: 'Navn og ramme' })).toBeNull();
    await userEvent.click(within(panel).getByRole('button', { name: 'Revider' }));
    await waitFor(() => expect(sent).toEqual({ name: 'Vedtatt 2027 – høstrevisjon', datasetId: OCTOBER }));
    const changes = await within(panel).findByRole('table', { name: 'Hva endres for hver enhet' });
    expect(within(changes).getByRole('row', { name: /Fevik/ }).textContent).toMatch(/−100\s000/);
    expect(within(changes).getByRole('columnheader', { name: 'Vedtatt 2027 – høstrevisjon' })).toBeTruthy();
  });

  it('starts a sensitivity sweep from the page, follows its progress and draws the result', async () => {
    await open(ME);
    let sent: unknown;
    let polls = 0;
    server.use(
      http.post('/api/scenarios/s1/sweeps', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ id: 'sw1' }, { status: 201 });
      }),
      http.get('/api/sweeps/sw1', () => {
        polls++;
        const done = polls > 2;
        return HttpResponse.json({
          id: 'sw1',
          scenarioId: 's1',
          parameter: { criterion: 'perPupil', stage: 'barnetrinn', from: 40000, to: 48000, steps: 2 },
          status: done ? 'done' : 'running',
          progress: done ? 100 : 50,
          result: done
            ? {
                points: [
                  { value: 40000, scale: 1, total: 14_660_800, units: { a: 8_930_400, b: 5_730_400 } },
                  { value: 48000, scale: 1, total: 17_220_800, units: { a: 10_530_400, b: 6_690_400 } },
                ],
              }
            : null,
          error: null,
        });
      }),
    );
    const panel = await screen.findByRole('region', { name: 'Følsomhetsanalyse' });
    const from = within(panel).getByRole('textbox', { name: 'Fra' });
    const to = within(panel).getByRole('textbox', { name: 'Til' });
    await userEvent.clear(from);
    await userEvent.type(from, '48000');
    await userEvent.clear(to);
    await userEvent.type(to, '40000');
    await userEvent.click(within(panel).getByRole('button', { name: 'Start analysen' }));
    await waitFor(() => expect(within(panel).getAllByText('Til-verdien må være større enn fra-verdien').length).toBeGreaterThan(0));
    expect(sent).toBeUndefined();
    await userEvent.clear(from);
    await userEvent.type(from, '40000');
    await userEvent.clear(to);
    await userEvent.type(to, '48000');
    const steps = within(panel).getByRole('textbox', { name: 'Antall steg' });
    await userEvent.clear(steps);
    await userEvent.type(steps, '2');
    await userEvent.click(within(panel).getByRole('button', { name: 'Start analysen' }));
    await waitFor(() => expect(sent).toEqual({ criterion: 'perPupil', stage: 'barnetrinn', from: 40000, to: 48000, steps: 2 }));
    expect(await within(panel).findByText('Analysen pågår: 50 %')).toBeTruthy();
    const chart = await within(panel).findByRole(
      'img',
      { name: /Tildeling per enhet \(1000 kr\) etter Per elev – Barnetrinn/ },
      { timeout: 3000 },
    );
    expect(chart.querySelectorAll('polyline').length).toBe(2);
    const numbers = within(panel).getByRole('table', { name: 'Tallene i analysen (kr)' });
    expect(within(numbers).getByRole('row', { name: /48000/ }).textContent).toMatch(/10\s530\s400/);
  });

  it('the model editor: criteria and rates with the schema’s messages on the fields, a live preview by the shared engine, saved as a new version', async () => {
    await open(ME);
    let sent: unknown;
    server.use(
      http.post('/api/allocation-cases/ac1/model-versions', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ id: 'mv2', number: 2 }, { status: 201 });
      }),
    );
    const models = await screen.findByRole('region', { name: 'Modellversjoner' });
    await userEvent.click(within(models).getByRole('button', { name: 'Ny modellversjon' }));
    const editor = within(models).getByRole('form', { name: 'Ny modellversjon' });
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Navn på modellversjonen' }), 'Enkel modell');
    await userEvent.click(within(editor).getByRole('button', { name: 'Legg til kriterium' }));
    // An empty name: the schema's Norwegian message on the field, as you type.
    expect(await within(editor).findByText('Kriteriet må ha et navn')).toBeTruthy();
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Navn på kriteriet' }), 'Per elev');
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Sats Barnetrinn' }), '40 000');
    // 200 pupils × 40,000 for Fevik, computed in the browser.
    const preview = await within(editor).findByRole('table', { name: 'Forhåndsvisning med elevtallene i «Dagens satser»' });
    expect(within(preview).getByRole('row', { name: /Fevik/ }).textContent).toMatch(/8\s000\s000/);
    // Hours: 2 weekly hours × 38 weeks × 765.8 per hour × (1 + 20 %).
    await userEvent.selectOptions(within(editor).getByLabelText('Satsen for Barnetrinn gis i'), 'weeklyHours');
    const rate = within(editor).getByRole('textbox', { name: 'Sats Barnetrinn' });
    await userEvent.clear(rate);
    await userEvent.type(rate, '2');
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Timekostnad Barnetrinn (kr)' }), '765,8');
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Påslag Barnetrinn (%)' }), '20');
    expect(
      await within(editor).findByText(
        `= ${new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 }).format(2 * 38 * 765.8 * 1.2)} kr`.replace(/\s/g, ' '),
      ),
    ).toBeTruthy();
    await userEvent.click(within(editor).getByRole('button', { name: 'Lagre som ny modellversjon' }));
    await waitFor(() =>
      expect(sent).toEqual({
        label: 'Enkel modell',
        model: {
          mode: 'allocation',
          teachingWeeks: 38,
          hourCost: { barnetrinn: 765.8 },
          criteria: [{ id: 'kriterium1', label: 'Per elev', driver: 'pupils', rate: { barnetrinn: { weeklyHours: 2, uplift: 0.2 } } }],
        },
      }),
    );
    expect(await within(models).findByText('Modellversjon 2 er lagret.')).toBeTruthy();
  });

  it('a pot whose keys do not make 100 % gets the engine’s message on its keys, and nothing is saved', async () => {
    await open(ME);
    let posted = false;
    server.use(
      http.post('/api/allocation-cases/ac1/model-versions', () => {
        posted = true;
        return HttpResponse.json({ id: 'mv2', number: 2 }, { status: 201 });
      }),
    );
    const models = await screen.findByRole('region', { name: 'Modellversjoner' });
    await userEvent.click(within(models).getByRole('button', { name: 'Kopier versjon 1' }));
    const editor = within(models).getByRole('form', { name: 'Ny modellversjon' });
    expect((within(editor).getByRole('textbox', { name: 'Navn på modellversjonen' }) as HTMLInputElement).value).toBe('Modell 1 (kopi)');
    await userEvent.click(within(editor).getByRole('button', { name: 'Legg til pott' }));
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Navn på potten' }), 'Kontorpersonell');
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Beløp (kr)' }), '1000000');
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Likt per enhet (%)' }), '40');
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Etter elevtall (%)' }), '40');
    const message = 'Fordelingsnøklene i potten «Kontorpersonell» må summere til 1 (100 %), men summerer til 0.8';
    expect(await within(editor).findByText(message)).toBeTruthy();
    await userEvent.click(within(editor).getByRole('button', { name: 'Lagre som ny modellversjon' }));
    expect(await within(editor).findByRole('link', { name: message })).toBeTruthy();
    expect(posted).toBe(false);
  });

  it('an adopted model version is read-only and can be copied; members only read it', async () => {
    await open(ME, { modelAdopted: true });
    const models = await screen.findByRole('region', { name: 'Modellversjoner' });
    await userEvent.click(within(models).getByRole('button', { name: 'Vis versjon 1' }));
    const view = within(models).getByRole('form', { name: 'Modellen' });
    expect(within(view).getByText('Modellversjonen er vedtatt og låst. Kopier den for å lage en ny versjon.')).toBeTruthy();
    // Disabled by the form's fieldset.
    expect(within(view).getAllByRole('textbox', { name: 'Navn på kriteriet' })[0]!.matches(':disabled')).toBe(true);
    expect(within(view).queryByRole('button', { name: 'Lagre som ny modellversjon' })).toBeNull();
    await userEvent.click(within(view).getByRole('button', { name: 'Kopier til ny versjon' }));
    const copy = within(models).getByRole('form', { name: 'Ny modellversjon' });
    expect((within(copy).getAllByRole('textbox', { name: 'Navn på kriteriet' })[0] as HTMLInputElement).value).toBe('Per elev');
  });
});
