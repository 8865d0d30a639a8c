import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { CASE, MEMBER } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

/** Digits and signs of a cell or row, without the spaces of Norwegian number formatting. */
const digits = (el: HTMLElement) => (el.textContent ?? '').replace(/[\s\u00a0\u202f]/g, '');

/** The allocation page read as the report reads it: Tabell 4-3, 4-4, 4-5, criterion shares, the main scenario. */
describe('Fordeling: the report’s tables and the main scenario', { timeout: 20_000 }, () => {
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

  async function scenarioAnswer(id: string, name: string, raw: object = input) {
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
    };
  }

  async function open(me: object, { mainScenarioId = null as string | null, cut = false } = {}) {
    const s1 = await scenarioAnswer('s1', 'Dagens satser');
    const s2 = await scenarioAnswer('s2', 'Kutt 1 mill.', cut ? { ...input, mode: 'distribution', frameChange: -1_000_000 } : input);
    let ac = {
      id: 'ac1',
      caseId: 'c1',
      budgetYear: 2027,
      title: 'Ressursfordeling 2027',
      adoptedScenarioId: null,
      mainScenarioId,
      datasets: [{ id: 'd1', name: 'Elevtall', source: 'csv', unitCount: 2, createdAt: '2026-11-01T09:00:00.000Z' }],
      modelVersions: [
        {
          id: 'mv1',
          number: 1,
          label: 'Modell 1',
          model: { mode: 'allocation', teachingWeeks: 38, hourCost: input.hourCost, criteria: input.criteria },
          adoptedByDecisionId: null,
        },
      ],
      scenarios: [summary('s1', 'Dagens satser'), summary('s2', 'Kutt 1 mill.')],
    };
    const chosen: unknown[] = [];
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(me)),
      http.get('/api/allocation-cases/ac1', () => HttpResponse.json(ac)),
      http.put('/api/allocation-cases/ac1/main-scenario', async ({ request }) => {
        const body = (await request.json()) as { scenarioId: string };
        chosen.push(body);
        ac = { ...ac, mainScenarioId: body.scenarioId };
        return new HttpResponse(null, { status: 204 });
      }),
      http.get('/api/scenarios/s1', () => HttpResponse.json(s1)),
      http.get('/api/scenarios/s2', () => HttpResponse.json(s2)),
      http.get('/api/scenarios/:id/comments', () => HttpResponse.json({ comments: [] })),
      http.get('/api/cases/c1', () => HttpResponse.json(CASE)),
    );
    renderRoute('/fordeling/ac1');
    await screen.findByRole('heading', { level: 1, name: 'Ressursfordeling 2027' }, { timeout: 5000 });
    return { chosen };
  }

  it('Tabell 4-3: the model against the current budget per unit, both sides named, with a totals row (checked by hand)', async () => {
    await open(ME);
    const table = await screen.findByRole('table', { name: 'Modell mot opprinnelig budsjett (Tabell 4-3)' });
    expect(within(table).getByRole('columnheader', { name: 'Dagens satser' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Opprinnelig budsjett' })).toBeTruthy();
    // Fevik: 200 × 44,240 + 930,400 = 9,778,400 against 10,000,000: −221,600, −2.22 %.
    expect(digits(within(table).getByRole('row', { name: /Fevik/ }))).toBe('Fevik977840010000000−221600−2,22%');
    // Landvik: 120 × 44,240 + 930,400 = 6,239,200 against 6,500,000: −260,800, −4.01 %.
    expect(digits(within(table).getByRole('row', { name: /Landvik/ }))).toBe('Landvik62392006500000−260800−4,01%');
    // In all 16,017,600 against 16,500,000: −482,400, −2.92 %.
    expect(digits(within(table).getByRole('row', { name: /^Sum/ }))).toBe('Sum1601760016500000−482400−2,92%');
    // No frame change: no Tabell 4-4.
    expect(screen.queryByRole('table', { name: 'Satser før og etter rammeendringen (Tabell 4-4)' })).toBeNull();
  });

  it('criterion shares of the frame, with a totals row of 100 %', async () => {
    await open(ME);
    const table = await screen.findByRole('table', { name: 'Kriterienes andel av rammen' });
    // Per elev: 320 × 44,240 = 14,156,800 of 16,017,600 = 88.38 %; per skole 2 × 930,400 = 11.62 %.
    expect(digits(within(table).getByRole('row', { name: /^Per elev/ }))).toBe('Perelev1415680088,38%44240');
    expect(digits(within(table).getByRole('row', { name: /^Per skole/ }))).toBe('Perskole186080011,62%5815');
    expect(digits(within(table).getByRole('row', { name: /^Sum/ }))).toBe('Sum16017600100%50055');
  });

  it('a frame change gives Tabell 4-4 (every rate by the same per cent), the per-unit effect and Tabell 4-5, live as it is typed', async () => {
    await open(MEMBER);
    await screen.findByRole('table', { name: 'Dagens satser' });
    const editor = screen.getByRole('region', { name: 'Prøv et scenario' });
    await userEvent.type(within(editor).getByRole('textbox', { name: 'Rammeendring (kr, negativt for kutt)' }), '-1000000');
    const rates = await screen.findByRole('table', { name: 'Satser før og etter rammeendringen (Tabell 4-4)' });
    // 1,000,000 of 16,017,600 is 6.24 %: every rate falls by it.
    expect(digits(within(rates).getByRole('row', { name: /^Alle satser/ }))).toBe('Allesatser−6,24%');
    expect(within(rates).getByRole('columnheader', { name: 'Sats i «Dagens satser *» (kr)' })).toBeTruthy();
    const perPupil = digits(within(rates).getByRole('row', { name: /^Per elev/ }));
    // 44,240 × 15,017,600 / 16,017,600 = 41,478.04.
    expect(perPupil).toBe('PerelevBarnetrinn44240,0041478,04−2761,96');
    const effect = screen.getByRole('table', { name: 'Virkning av rammeendringen per enhet' });
    expect(within(effect).getByRole('columnheader', { name: 'Før rammeendringen (modellens sum)' })).toBeTruthy();
    expect(digits(within(effect).getByRole('row', { name: /^Sum/ }))).toBe('Sum1601760015017600−1000000−6,24%');
    const budget = screen.getByRole('table', { name: 'Modell mot opprinnelig budsjett etter rammeendringen (Tabell 4-5)' });
    // 15,017,600 against 16,500,000: −1,482,400, −8.98 %.
    expect(digits(within(budget).getByRole('row', { name: /^Sum/ }))).toBe('Sum1501760016500000−1482400−8,98%');
  });

  it('a stored cut shows its Tabell 4-4 and 4-5 without editing', async () => {
    await open(ME, { mainScenarioId: 's2', cut: true });
    await screen.findByRole('table', { name: 'Kutt 1 mill.' });
    expect(await screen.findByRole('table', { name: 'Satser før og etter rammeendringen (Tabell 4-4)' })).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Modell mot opprinnelig budsjett etter rammeendringen (Tabell 4-5)' })).toBeTruthy();
  });

  it('opens on the main scenario (not the first), marks it, and an officer makes another one the main scenario', async () => {
    const { chosen } = await open(ME, { mainScenarioId: 's2' });
    await screen.findByRole('table', { name: 'Kutt 1 mill.' });
    expect(screen.getByText('Hovedscenario')).toBeTruthy();
    expect(within(screen.getByLabelText('Scenario')).getByRole('option', { name: 'Kutt 1 mill. (hovedscenario)' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Scenario'), 's1');
    await screen.findByRole('table', { name: 'Dagens satser' });
    await userEvent.click(screen.getByRole('button', { name: 'Gjør «Dagens satser» til hovedscenario' }));
    await waitFor(() => expect(chosen).toEqual([{ scenarioId: 's1' }]));
    await screen.findByText('Hovedscenario');
    expect(within(screen.getByLabelText('Scenario')).getByRole('option', { name: 'Dagens satser (hovedscenario)' })).toBeTruthy();
  });

  it('members see the main scenario but cannot choose another', async () => {
    await open(MEMBER, { mainScenarioId: 's2' });
    await screen.findByRole('table', { name: 'Kutt 1 mill.' });
    await userEvent.selectOptions(screen.getByLabelText('Scenario'), 's1');
    await screen.findByRole('table', { name: 'Dagens satser' });
    expect(screen.queryByRole('button', { name: /til hovedscenario/ })).toBeNull();
  });
});
