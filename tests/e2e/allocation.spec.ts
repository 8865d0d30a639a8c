import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, journeys } from '../support/browser.js';
import { addAdjustments, createModelVersion, runSweep, setFrame } from './steps/allocation.js';

const base = inject('baseUrl');

/** The allocation workbench on the demo's Grimstad 2009 case, through the page alone. */
describe('the allocation workbench', () => {
  const j = journeys(base);
  beforeAll(() => j.start());
  afterAll(() => j.close());

  it('an officer builds a model version in the editor, adjusts a scenario, changes its frame and runs a sweep', async () => {
    const page = await j.open('a1-allocation-workbench', 'saksbehandler@solvik.kommune.test');
    await page.getByRole('link', { name: 'Fordeling', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fordeling' }).waitFor();
    await page.getByRole('link', { name: /Grimstad-modellen/ }).click();
    // No scenario is adopted: the page opens on the case's main scenario, not on the one made last.
    await page.getByRole('table', { name: 'Opprinnelig budsjett 2009' }).waitFor();
    // The demo has the published 2009 budget, so «Opprinnelig budsjett» is offered beside the other scenarios
    // (journey 2, allocation-report.spec.ts, may have saved one more on the same demo case).
    const against = await page.getByLabel('Sammenlign med').locator('option').allTextContents();
    expect(against[0]).toBe('Ingen sammenligning');
    expect(against).toContain('Rammereduksjon 5,1 mill.');
    expect(against.at(-1)).toBe('Opprinnelig budsjett');
    await expectAccessible(page, 'fordeling (arbeidsbenk)');

    const number = await createModelVersion(page, {
      label: 'Grimstad med kontorpott',
      copyOf: 1,
      pots: [{ label: 'Kontorpersonell', amount: '1000000', keys: { unit: '50', pupils: '50' } }],
    });
    expect(number).toBeGreaterThanOrEqual(2);

    await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Rammereduksjon 5,1 mill.' });
    await page.getByRole('table', { name: 'Rammereduksjon 5,1 mill.' }).waitFor();
    expect(page.url()).toMatch(/\?scenario=/);
    await addAdjustments(page, [{ unit: 'Eide', amount: '100000', reason: 'Midlertidig paviljong' }]);
    await page.getByRole('columnheader', { name: 'Justeringer' }).waitFor();
    await setFrame(page, { kind: 'frameChange', amount: '-4000000' });
    await runSweep(page, { parameter: 'Pr. elev – Barnetrinn (kr per enhet)', from: '40000', to: '48000', steps: '5' });
    await expectAccessible(page, 'fordeling etter justering og følsomhetsanalyse');
  }, 300_000);
});
