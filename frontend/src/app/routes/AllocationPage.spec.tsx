import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CASE, MEMBER } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

describe('Fordeling', () => {
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

  async function open(me: object) {
    const { computeAllocation, parseAllocationInput } = await import('@samrad/shared/engine');
    const parsed = parseAllocationInput(input);
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(me)),
      http.get('/api/allocation-cases/ac1', () =>
        HttpResponse.json({
          id: 'ac1',
          caseId: 'c1',
          budgetYear: 2027,
          title: 'Ressursfordeling 2027',
          adoptedScenarioId: null,
          datasets: [{ id: 'd1', name: 'Elevtall', source: 'csv', unitCount: 2, createdAt: '2026-11-01T09:00:00.000Z' }],
          modelVersions: [{ id: 'mv1', number: 1, label: 'Modell 1', adoptedByDecisionId: null }],
          scenarios: [
            {
              id: 's1',
              name: 'Dagens satser',
              adopted: false,
              total: 0,
              modelVersionId: 'mv1',
              datasetId: 'd1',
              frame: null,
              frameChange: null,
              revisesScenarioId: null,
              scale: 1,
              version: 1,
            },
          ],
        }),
      ),
      http.get('/api/scenarios/s1', () =>
        HttpResponse.json({
          id: 's1',
          allocationCaseId: 'ac1',
          name: 'Dagens satser',
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
          input: parsed,
          result: computeAllocation(input),
        }),
      ),
      http.get('/api/scenarios/s1/comments', () => HttpResponse.json({ comments: [] })),
      http.get('/api/cases/c1', () => HttpResponse.json(CASE)),
    );
    renderRoute('/fordeling/ac1');
    await screen.findByRole('heading', { level: 1, name: 'Ressursfordeling 2027' });
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
  });
});
