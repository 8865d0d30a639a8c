import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, expectAccessible, journeys } from '../support/browser.js';
import { adoptByDecision, openAnalysisTool, writeAssessment } from './steps/analysis.js';

const base = inject('baseUrl');
const OFFICER = 'saksbehandler@solvik.kommune.test';
const POLITICIAN = 'leder.driftsutvalget@solvik.kommune.test';
const PRINCIPAL = 'rektor.nordby@solvik.kommune.test';
const FAU = 'fau.nordby@solvik.kommune.test';
const PLAN = 'Tiltak etter ressursanalysen';
const STRUCTURE = 'Skolestruktur: Holviga tar imot fra Landvik';
const SHOTS = join(ARTIFACTS, 'analyse-mandat');
/** Each step logs in, arranges or acts, and runs axe on two pages or more: more than the default two minutes on a busy machine. */
const JOURNEY_MS = 300_000;

/** axe on the page, and a screenshot of it kept in test-results/e2e/analyse-mandat (to look at, not compared). */
async function check(page: Page, name: string) {
  await expectAccessible(page, name);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** The API as the logged-in page (for arranging what the journey starts from: a case with a vedtak and its tools). */
function apiOf(page: Page) {
  let csrf = '';
  return async (method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) => {
    if (!csrf) csrf = ((await (await page.request.get(`${base}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
    const res = await page.request.fetch(`${base}${path}`, { method, data, headers: { 'x-csrf-token': csrf } });
    const body = res.status() === 204 ? {} : await res.json();
    if (res.status() >= 300) throw new Error(`${method} ${path}: ${res.status()} ${JSON.stringify(body)}`);
    return body as Record<string, any>;
  };
}

async function openMandate(page: Page) {
  await page.getByRole('link', { name: 'Mandatet', exact: true }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

describe('analysis tools under the mandate, adopted by a vedtak, assessed by the rektor (#19)', () => {
  const j = journeys(base);
  beforeAll(() => j.start());
  afterAll(() => j.close());

  let officer: Page;
  let items: { id: string; number: number; title: string }[];
  const item = (n: number) => items.find((i) => i.number === n)!;

  it(
    'the officer adopts a measure and a structure scenario by a vedtak of their case, in the browser',
    async () => {
      officer = await j.open('analysis-links-officer', OFFICER);
      const api = apiOf(officer);
      // Arranged through the API: a case before Kommunestyret with its vedtak, a savings plan and a structure scenario.
      const mandate = (await api('GET', '/api/mandates')).mandates[0];
      items = (await api('GET', `/api/mandates/${mandate.id}`)).items as typeof items;
      const caseId = (await api('POST', '/api/cases', { title: 'Innsparingstiltak i skolen 2010–2011' })).id;
      await api('POST', '/api/analysis-tools', {
        kind: 'savings',
        caseId,
        mandateItemId: item(3).id,
        title: PLAN,
        input: {
          targets: [
            { year: 2010, amount: 4300000 },
            { year: 2011, amount: 8600000 },
          ],
          measures: [
            {
              id: 'sfo',
              title: 'Høyere foreldrebetaling i SFO',
              fullYearEffect: 1000000,
              startMonth: '2010-08',
              mandateItemId: item(5).id,
            },
            {
              id: 'toppfinansiering',
              title: 'Ressurskrevende elever meldt til tilskuddsordningen',
              fullYearEffect: 1000000,
              startMonth: '2010-08',
            },
            {
              id: 'spesialskole',
              title: 'Lavere kostnader ved spesialskolen',
              fullYearEffect: 1500000,
              startMonth: '2010-08',
              school: 'Nordby skole',
            },
            { id: 'rammer', title: 'Lavere rammer til skolene', fullYearEffect: 5100000, startMonth: '2010-08', school: 'Nordby skole' },
          ],
        },
      });
      await api('POST', '/api/analysis-tools', {
        kind: 'structure',
        caseId,
        mandateItemId: item(2).id,
        title: STRUCTURE,
        input: {
          schoolYear: '2009/10',
          schools: [
            { id: 'landvik', name: 'Landvik', capacity: 330, pupils: 400 },
            { id: 'holviga', name: 'Holviga', capacity: 600, pupils: 460 },
          ],
          moves: [{ from: 'landvik', to: 'holviga', pupils: 70 }],
        },
      });
      const ks = ((await api('GET', '/api/bodies')).bodies as { id: string; name: string }[]).find((b) => b.name === 'Kommunestyret')!.id;
      await api('PUT', `/api/cases/${caseId}/route`, { steps: [{ bodyId: ks, meetingDate: null }] });
      await api('POST', `/api/cases/${caseId}/moves`, { to: 'in_preparation' });
      await api('POST', `/api/cases/${caseId}/recommendations`, { bodyId: ks, text: 'Kommunedirektøren innstiller på tiltakene.' });
      await api('POST', `/api/cases/${caseId}/moves`, { to: 'before_body' });
      await api('POST', `/api/cases/${caseId}/decisions`, { bodyId: ks, decidedOn: '2026-12-10', text: 'Kommunestyret vedtar tiltakene.' });

      // The officer adopts a measure and the structure scenario by that vedtak, in the browser.
      await openAnalysisTool(officer, PLAN);
      await adoptByDecision(officer, { measure: 'Lavere rammer til skolene', decision: /^Kommunestyret 10\. desember 2026/ });
      await officer.getByText(/Lavere rammer til skolene: Vedtatt i Kommunestyret 10\. desember 2026 \(sak \d+\/\d\d\)/).waitFor();
      await check(officer, 'saksbehandler-innsparingsplan');
      await openAnalysisTool(officer, STRUCTURE);
      await adoptByDecision(officer, { decision: /^Kommunestyret 10\. desember 2026/ });
      await officer.getByText(/Vedtatt i Kommunestyret 10\. desember 2026 \(sak \d+\/\d\d\)\. Vedtatt: kan ikke endres\./).waitFor();
      expect(await officer.getByRole('button', { name: 'Lagre og regn ut' }).count()).toBe(0);
      await check(officer, 'saksbehandler-skolestruktur');
    },
    JOURNEY_MS,
  );

  it(
    'the mandate and the start page show each tool’s state under its item, to the officer and a politician',
    async () => {
      // The mandate shows each tool's state under its item, to the officer and to a politician.
      await openMandate(officer);
      const underItem3 = officer.getByRole('region', { name: `Analyser og tiltak under «${item(3).title}»` });
      await underItem3
        .getByText(/Tiltak etter ressursanalysen – Innsparingsplan: 3,58 av 4,3 mill\. i 2010, gap 0,72 mill\. · 1 av 4 tiltak vedtatt/)
        .waitFor();
      await officer
        .getByRole('region', { name: `Analyser og tiltak under «${item(2).title}»` })
        .getByText(/Skolestruktur: ledig kapasitet 70 før, 70 etter Vedtatt Vedtatt i Kommunestyret 10\. desember 2026/)
        .waitFor();
      await officer
        .getByRole('region', { name: `Analyser og tiltak under «${item(5).title}»` })
        .getByText(/Høyere foreldrebetaling i SFO – Tiltak: 1,0 mill\. i helårseffekt, i «Tiltak etter ressursanalysen»/)
        .waitFor();
      await check(officer, 'saksbehandler-mandat');

      const politician = await j.open('analysis-links-politician', POLITICIAN);
      await politician.getByRole('region', { name: 'Analyser under mandatet' }).getByRole('link', { name: PLAN }).first().waitFor();
      await check(politician, 'politiker-startside');
      await openMandate(politician);
      await politician
        .getByRole('region', { name: `Analyser og tiltak under «${item(3).title}»` })
        .getByText(/1 av 4 tiltak vedtatt/)
        .waitFor();
      await check(politician, 'politiker-mandat');
    },
    JOURNEY_MS,
  );

  it(
    'the rektor of Nordby skole writes the assessment of a measure that concerns the school; a parent reads it',
    async () => {
      // The rektor of Nordby skole writes the assessment of the (not yet adopted) measure that concerns the school.
      const principal = await j.open('analysis-links-principal', PRINCIPAL);
      await openAnalysisTool(principal, PLAN);
      expect(await principal.getByRole('form', { name: 'Konsekvensvurdering for «Lavere rammer til skolene»' }).count()).toBe(0);
      await writeAssessment(principal, 'Lavere kostnader ved spesialskolen', {
        pupils: 'Flere elever får tilbudet ved nærskolen.',
        parents: 'Foreldre må høres før et elevtilbud flyttes.',
        staff: 'Nordby trenger kompetanse på spesialundervisning.',
      });
      await check(principal, 'rektor-innsparingsplan');
      await openMandate(principal);
      await check(principal, 'rektor-mandat');

      // A parent (FAU) reads the plan with the rektor's assessment and the vedtak, and writes no assessment.
      const parent = await j.open('analysis-links-parent', FAU);
      await openAnalysisTool(parent, PLAN);
      await parent.getByText('Nordby trenger kompetanse på spesialundervisning.').waitFor();
      await parent.getByText(/Lavere rammer til skolene: Vedtatt i Kommunestyret/).waitFor();
      expect(await parent.getByRole('button', { name: 'Lagre konsekvensvurderingen' }).count()).toBe(0);
      expect(await parent.getByRole('button', { name: 'Registrer vedtaket' }).count()).toBe(0);
      await check(parent, 'forelder-innsparingsplan');
      await openMandate(parent);
      await check(parent, 'forelder-mandat');
    },
    JOURNEY_MS,
  );
});
