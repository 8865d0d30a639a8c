import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, journeys } from '../support/browser.js';
import { createScenario, importDataset, openAllocation, reviseAdopted } from './steps/allocation.js';

const base = inject('baseUrl');
const OFFICER = 'saksbehandler@solvik.kommune.test';
const POLITICIAN = 'leder.driftsutvalget@solvik.kommune.test';
const PARENT = 'fau.nordby@solvik.kommune.test';
const GRIMSTAD = new URL('../fixtures/grimstad-2009.input.json', import.meta.url);
/** Screenshots of the pages as each role sees them, to look at. */
const SHOTS = process.env.SHOTS_DIR ?? 'test-results/e2e/fordeling-rapport';

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The text of a row without the spaces of Norwegian number formatting. */
const digits = async (page: Page, table: string, row: RegExp) =>
  ((await page.getByRole('table', { name: table }).getByRole('row', { name: row }).textContent()) ?? '').replace(/[\s\u00a0\u202f]/g, '');

/**
 * Journey 2 of the allocation workbench (#18): the Grimstad 2009 case read as the report reads it — the main
 * scenario against the published budget (Tabell 4-3), the 5.1 million cut applied from the page (Tabell 4-4,
 * 4-5 and the per-unit effect, with totals), a sensitivity sweep with its progress and chart; the politician and
 * the parent open the page on the main scenario; and an autumn revision of an adopted scenario with new
 * October counts and its per-unit «what changes».
 */
describe('the allocation workbench read as the report (journey 2)', () => {
  const j = journeys(base);
  let allocationUrl = '';
  beforeAll(() => j.start());
  afterAll(() => j.close());

  it('the officer reads Tabell 4-3, applies the 5.1 million cut from the page, sees Tabell 4-4 and 4-5 with totals, and runs a sweep', async () => {
    const page = await j.open('r2-officer', OFFICER);
    await page.getByRole('link', { name: 'Fordeling', exact: true }).click();
    await page.getByRole('link', { name: /Grimstad-modellen/ }).click();
    // The page opens on the case's main scenario.
    await page.getByRole('table', { name: 'Opprinnelig budsjett 2009' }).waitFor();
    allocationUrl = page.url().split('?')[0]!;
    await page.getByText('Hovedscenario', { exact: true }).waitFor();
    // The demo has the published 2009 budget: the model distributes 1,033,084 less than the 165.2 million budgeted.
    expect(await digits(page, 'Modell mot opprinnelig budsjett (Tabell 4-3)', /^Sum/)).toBe('Sum164123716165156800−1033084−0,63%');
    // «Opprinnelig budsjett» is offered for comparison now that there is one.
    expect(await page.getByLabel('Sammenlign med').locator('option').allTextContents()).toContain('Opprinnelig budsjett');
    // High-needs pupils carry about 12 of 164 million, 7.5 %, as the report says.
    expect(await digits(page, 'Kriterienes andel av rammen', /^Elever med svært store behov/)).toMatch(/^Eleverm.*12301309.*7,5%/);
    await expectAccessible(page, 'fordeling: hovedscenario med Tabell 4-3');
    await shot(page, '1-saksbehandler-hovedscenario');

    // The cut from the page: tried live, then saved as a scenario of its own.
    const editor = page.getByRole('region', { name: 'Prøv et scenario' });
    await editor.getByRole('textbox', { name: 'Rammeendring (kr, negativt for kutt)' }).fill('-5100000');
    await page.getByRole('table', { name: 'Satser før og etter rammeendringen (Tabell 4-4)' }).waitFor();
    // A distribution model: every rate falls by the same 3.11 % («ca. 3 %» in the report).
    expect(await digits(page, 'Satser før og etter rammeendringen (Tabell 4-4)', /^Alle satser/)).toBe('Allesatser−3,11%');
    await editor.getByRole('textbox', { name: 'Navn på nytt scenario' }).fill('Kutt 5,1 mill. fra siden');
    await editor.getByRole('button', { name: 'Lagre som nytt scenario' }).click();
    await page.getByRole('table', { name: 'Kutt 5,1 mill. fra siden' }).waitFor();
    expect(await digits(page, 'Virkning av rammeendringen per enhet', /^Sum/)).toBe('Sum164123716159023716−5100000−3,11%');
    expect(await digits(page, 'Modell mot opprinnelig budsjett etter rammeendringen (Tabell 4-5)', /^Sum/)).toBe(
      'Sum159023716165156800−6133084−3,71%',
    );
    // Each unit's row of Tabell 4-5 says what the cut and the model together mean against its budget.
    expect(await digits(page, 'Modell mot opprinnelig budsjett etter rammeendringen (Tabell 4-5)', /^Eide/)).toMatch(/^Eide.*−\d/);

    // The officer makes the cut the main scenario: the page opens on it from now on, for everyone.
    await page.getByRole('button', { name: 'Gjør «Kutt 5,1 mill. fra siden» til hovedscenario' }).click();
    await page.getByText('Hovedscenario', { exact: true }).waitFor();

    // A sensitivity sweep of the per-pupil rate, with its progress and its chart.
    const sweep = page.getByRole('region', { name: 'Følsomhetsanalyse' });
    await sweep.getByLabel('Sats som varieres').selectOption({ label: 'Pr. elev – Barnetrinn (kr per enhet)' });
    await sweep.getByRole('textbox', { name: 'Fra' }).fill('40000');
    await sweep.getByRole('textbox', { name: 'Til' }).fill('48000');
    await sweep.getByRole('textbox', { name: 'Antall steg' }).fill('400');
    await sweep.getByRole('button', { name: 'Start analysen' }).click();
    await sweep.getByText(/^Analysen pågår: \d+ %$/).waitFor();
    await sweep.getByRole('img', { name: /^Tildeling per enhet \(1000 kr\) etter / }).waitFor({ timeout: 60_000 });
    await expectAccessible(page, 'fordeling: kuttet med Tabell 4-4 og 4-5 og følsomhetsanalysen');
    await shot(page, '2-saksbehandler-kutt-og-folsomhet');
  }, 360_000);

  for (const [who, email] of [
    ['politiker', POLITICIAN],
    ['forelder', PARENT],
  ] as const) {
    it(`the ${who === 'politiker' ? 'politician' : 'parent'} opens the page on the main scenario and reads the same tables`, async () => {
      const page = await j.open(`r2-${who}`, email);
      await page.goto(allocationUrl);
      await page.getByRole('table', { name: 'Kutt 5,1 mill. fra siden' }).waitFor();
      await page.getByText('Hovedscenario', { exact: true }).waitFor();
      expect(await digits(page, 'Modell mot opprinnelig budsjett etter rammeendringen (Tabell 4-5)', /^Sum/)).toBe(
        'Sum159023716165156800−6133084−3,71%',
      );
      // Reading only: no officer's tools.
      expect(await page.getByRole('button', { name: /til hovedscenario/ }).count()).toBe(0);
      expect(await page.getByRole('region', { name: 'Følsomhetsanalyse' }).count()).toBe(0);
      await expectAccessible(page, `fordeling som ${who}`);
      await shot(page, `3-${who}`);
    }, 240_000);
  }

  it('the officer makes the original budget the main scenario again, adopts a cut by a vedtak and runs the autumn revision with new October counts, seeing what changes per unit', async () => {
    const page = await j.open('r2-revision', OFFICER);
    // Back to the demo's own main scenario (the other journeys on the demo case open on it).
    await page.goto(allocationUrl);
    await page.getByRole('table', { name: 'Kutt 5,1 mill. fra siden' }).waitFor();
    await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Opprinnelig budsjett 2009' });
    await page.getByRole('table', { name: 'Opprinnelig budsjett 2009' }).waitFor();
    await page.getByRole('button', { name: 'Gjør «Opprinnelig budsjett 2009» til hovedscenario' }).click();
    await page.getByText('Hovedscenario', { exact: true }).waitFor();
    await page.goto(allocationUrl);
    await page.getByRole('table', { name: 'Opprinnelig budsjett 2009' }).waitFor();

    // The case and its vedtak are made through the API (the case journeys cover them through the page).
    const me = await (await page.request.get(`${base}/api/auth/me`)).json();
    const call = async (method: 'post' | 'put', path: string, data: object) => {
      const res = await page.request[method](`${base}${path}`, { headers: { 'x-csrf-token': me.csrfToken }, data });
      expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
      return res.status() === 204 ? null : await res.json();
    };
    const caseId = (await call('post', '/api/cases', { title: 'Skolenes ramme 2027 (høstrevisjon)' })).id as string;
    const bodies = (await (await page.request.get(`${base}/api/bodies`)).json()).bodies as { id: string; name: string }[];
    const ks = bodies.find((b) => b.name === 'Kommunestyret')!.id;
    await call('put', `/api/cases/${caseId}/route`, { steps: [{ bodyId: ks, meetingDate: null }] });
    await call('post', `/api/cases/${caseId}/moves`, { to: 'in_preparation' });
    await call('post', `/api/cases/${caseId}/recommendations`, { bodyId: ks, text: 'Administrasjonen innstiller på kuttet.' });
    await call('post', `/api/cases/${caseId}/moves`, { to: 'before_body' });
    await call('post', `/api/cases/${caseId}/decisions`, {
      bodyId: ks,
      decidedOn: '2026-12-10',
      text: 'Kommunestyret vedtar fordelingen.',
    });
    const allocationId = (await call('post', '/api/allocation-cases', { caseId, budgetYear: 2027, title: 'Høstrevisjon 2027' }))
      .id as string;

    await openAllocation(page, `${base}/fordeling/${allocationId}`, 'Høstrevisjon 2027');
    const grimstad = readFileSync(GRIMSTAD, 'utf8');
    await importDataset(page, {
      name: 'GSI 2026',
      file: { name: 'gsi-2026.json', mimeType: 'application/json', buffer: Buffer.from(grimstad) },
    });
    await createScenario(page, { name: 'Kutt 5,1 mill. 2027', frameChange: '-5100000' });
    // Adopted by Kommunestyret's vedtak (the case's only one).
    const byVedtak = page.locator('#adopt-decision');
    const vedtak = await byVedtak.evaluate(
      (el) => [...(el as HTMLSelectElement).options].find((o) => o.text.startsWith('Kommunestyret'))?.value ?? '',
    );
    await byVedtak.selectOption(vedtak);
    await page.getByRole('button', { name: 'Vedta scenarioet' }).click();
    await page.getByText('Scenarioet er vedtatt og kan ikke endres.').waitFor();

    const october = JSON.parse(grimstad) as { units: { id: string; counts: { pupils: number } }[] };
    october.units.find((u) => u.id === 'jappa')!.counts.pupils += 20;
    october.units.find((u) => u.id === 'eide')!.counts.pupils -= 10;
    await importDataset(page, {
      name: 'Oktober 2027',
      file: { name: 'oktober-2027.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(october)) },
    });
    await reviseAdopted(page, { name: 'Kutt 5,1 mill. 2027 – høstrevisjon', dataset: 'Oktober 2027 (10)' });
    const changes = page.getByRole('table', { name: 'Hva endres for hver enhet' });
    // Jappa got 20 more pupils and gains; Eide lost 10 and loses; the adopted frame is only redistributed.
    await expect.poll(async () => (await changes.getByRole('row', { name: /^Jappa/ }).textContent()) ?? '').toMatch(/\+\s?\d/);
    expect((await changes.getByRole('row', { name: /^Eide/ }).textContent()) ?? '').toMatch(/−\s?\d/);
    await expectAccessible(page, 'fordeling: høstrevisjon med hva som endres');
    await shot(page, '4-saksbehandler-hostrevisjon');
  }, 300_000);
});
