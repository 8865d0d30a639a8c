import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, expectAccessible as checkAccessible, journeys } from '../support/browser.js';
import {
  addMeasure,
  addTarget,
  commentOnMeasure,
  createAnalysisTool,
  fillSfoScenario,
  fillStructureScenario,
  importPeers,
  openAnalysis,
  openAnalysisTool,
} from './steps/analysis.js';

const base = inject('baseUrl');
const OFFICER = 'saksbehandler@solvik.kommune.test';
const FAU = 'fau.nordby@solvik.kommune.test';
const CASE = 'Ny ressursfordelingsmodell for grunnskolen';
const PLAN = 'Innsparingskrav for skolene 2010–2011';

/** axe on the page, and a screenshot of it kept in test-results/e2e/analyse (to look at, not compared). */
let shot = 0;
async function expectAccessible(page: Page, where: string): Promise<void> {
  await checkAccessible(page, where);
  mkdirSync(join(ARTIFACTS, 'analyse'), { recursive: true });
  const name = `${String(++shot).padStart(2, '0')}-${where.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}.png`;
  await page.screenshot({ path: join(ARTIFACTS, 'analyse', name), fullPage: true });
}

/** The text of a table row, with the thousands separators (non-breaking spaces) as spaces. */
const rowText = async (page: Page, region: string, row: RegExp) =>
  ((await page.getByRole('region', { name: region }).getByRole('row', { name: row }).textContent()) ?? '').replace(/\s/g, ' ');

/** The report's KOSTRA 2008 figures as a Norwegian spreadsheet exports them, with one municipality left out of the comparison. */
const KOSTRA_CSV = [
  'Kommune;Kostnad per barn 6-15;Barn 6-15;Elever per skole;Egen;Valgt',
  'Solvik;62 344;2 900;353;ja;',
  'Arendal;61 908;;295;nei;nei',
  'Fjell;64 765;;203;nei;ja',
  'Stjørdal;51 829;;216;nei;ja',
  'Skedsmo;49 170;;429;nei;ja',
].join('\r\n');

describe('the analysis workbench (#19) in the browser', () => {
  const j = journeys(base);
  beforeAll(() => j.start());
  afterAll(() => j.close());

  // One journey in steps: each `it` goes on where the one before left off.
  let officer: Page;
  let caseOption: string;

  // Six saves through the forms: on a busy 2-core machine this step alone has taken close to two minutes.
  it(
    'an officer builds a savings plan: the target per year and the four measures, with the yearly effects and the gap',
    { timeout: 300_000 },
    async () => {
      officer = await j.open('analysis-officer', OFFICER);
      await openAnalysis(officer);
      await expectAccessible(officer, 'Analyse');
      caseOption = (await officer.locator('#tool-case option', { hasText: CASE }).textContent())!;

      // The savings plan: the report's target per year and its four measures from the school year 2010/11.
      await createAnalysisTool(officer, {
        kind: 'Innsparingskrav og tiltak',
        caseOption,
        title: PLAN,
        mandateItem: '3. Ressurstildelingsmodellen',
        firstYear: 2010,
        firstTarget: 4_300_000,
      });
      await addTarget(officer, { year: 2011, amount: '8 600 000' });
      for (const m of [
        { title: 'Høyere foreldrebetaling i SFO', fullYearEffect: 1_000_000, owner: 'Kommunalsjef oppvekst' },
        { title: 'Ressurskrevende elever meldt til toppfinansieringsordningen', fullYearEffect: 1_000_000 },
        { title: 'Lavere kostnader ved den interkommunale spesialskolen', fullYearEffect: 1_500_000 },
        { title: 'Lavere rammer til skolene', fullYearEffect: 5_100_000, assessment: { pupils: 'Større grupper i noen fag.' } },
      ])
        await addMeasure(officer, { ...m, startMonth: '2010-08', status: 'Anbefalt' });
      // 5/12 of 8.6 million in 2010 against 4.3 million; all of it in 2011.
      await officer.getByText('Mangler 716 667 kr').waitFor();
      expect(await rowText(officer, 'Krav mot tiltak per år', /2010/)).toContain('3 583 333 kr');
      expect(await rowText(officer, 'Krav mot tiltak per år', /2011/)).toContain('Kravet er dekket');
      await expectAccessible(officer, 'innsparingsplan');
    },
  );

  it('…an SFO fee scenario: places, prices, the changes and the 11th term', async () => {
    // The SFO fee scenario of chapter 5.1.
    await createAnalysisTool(officer, { kind: 'Foreldrebetaling i SFO', caseOption, title: 'SFO-satser 2010' });
    await fillSfoScenario(officer, {
      paymentMonths: '10',
      kinds: [
        { label: 'Hel plass', places: '247', monthlyPrice: '1 862' },
        { label: 'Deltidsplass', places: '438', monthlyPrice: '1 239', weeklyHours: '15' },
      ],
      changes: [
        { type: 'hours', label: 'Deltid ned til 12 timer', kind: 'Deltidsplass', weeklyHours: '12' },
        { type: 'move', label: '20 % går over til hel plass', from: 'Deltidsplass', to: 'Hel plass', share: '0,2' },
        { type: 'price', label: 'Hel plass +10 %', kind: 'Hel plass', monthlyPrice: '2 050' },
      ],
      eleventhTerm: { pupilsPerAdult: '15', monthlyWage: '33 150' },
    });
    // 623 × 87 × 10 and 188 × (247 + 87) × 10.
    expect(await rowText(officer, 'Endringer og merinntekt', /20 % går over/)).toContain('542 010 kr');
    expect(await rowText(officer, 'Endringer og merinntekt', /Hel plass \+10 %/)).toContain('627 920 kr');
    await officer.getByText('Merinntekt i alt: 1 169 930 kr').waitFor();
    await expectAccessible(officer, 'SFO-scenario');
  });

  it('…a school-structure scenario moving pupils between schools', async () => {
    // A catchment change: pupils from the two schools over capacity to the one with room.
    await createAnalysisTool(officer, { kind: 'Skolestruktur', caseOption, title: 'Opptaksområder 2010/11' });
    await fillStructureScenario(officer, {
      schoolYear: '2009/10',
      schools: [
        { name: 'Landvik', capacity: '330', pupils: '400' },
        { name: 'Holviga', capacity: '600', pupils: '460' },
        { name: 'Fevik', capacity: '330', pupils: '387' },
      ],
      moves: [
        { from: 'Landvik', to: 'Holviga', pupils: '70' },
        { from: 'Fevik', to: 'Holviga', pupils: '57' },
      ],
    });
    await officer.getByText('Ledig kapasitet i alt: 13 før, 13 etter').waitFor();
    expect(await rowText(officer, 'Skoler før og etter', /Holviga/)).toContain('97,8 %');
    await expectAccessible(officer, 'skolestruktur');
  });

  it('…a peer comparison from an imported CSV, with one municipality left out of the comparison', async () => {
    // The peer comparison from a KOSTRA file; Arendal only counts in the curve.
    await createAnalysisTool(officer, {
      kind: 'Sammenligning med andre kommuner (KOSTRA)',
      caseOption,
      title: 'KOSTRA-sammenligning',
      mandateItem: '3. Ressurstildelingsmodellen',
    });
    await importPeers(officer, { name: 'kostra-2008.csv', mimeType: 'text/csv', content: KOSTRA_CSV });
    expect(await rowText(officer, 'Kostnad per innbygger 6–15 år', /Stjørdal/)).toContain('−30 493 500 kr');
    expect(await rowText(officer, 'Kostnad per innbygger 6–15 år', /Skedsmo/)).toContain('−38 204 600 kr');
    expect(await rowText(officer, 'Kostnad per innbygger 6–15 år', /Fjell/)).toContain('+7 020 900 kr');
    await officer.getByText('Med i kurven, men ikke valgt til sammenligning: Arendal.').waitFor();
    await officer.getByRole('img', { name: /Kostnad per barn mot elever per skole/ }).waitFor();
    await expectAccessible(officer, 'KOSTRA-sammenligning');
  });

  it('a parent in the reference group comments on one measure of the plan the officer built', async () => {
    const parent = await j.open('analysis-parent', FAU);
    await openAnalysisTool(parent, PLAN);
    await commentOnMeasure(parent, {
      measure: 'Høyere foreldrebetaling i SFO',
      text: 'Hva betyr prisøkningen for familier med flere barn?',
    });
    await parent.getByText('Om tiltaket «Høyere foreldrebetaling i SFO»').waitFor();
    expect(await parent.getByRole('button', { name: 'Lagre og regn ut' }).count()).toBe(0);
    await expectAccessible(parent, 'innsparingsplan (forelder)');
  });
});
