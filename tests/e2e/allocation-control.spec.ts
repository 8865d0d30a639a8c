import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectAccessible, journeys } from '../support/browser.js';

const base = inject('baseUrl');
const SHOTS = process.env.SHOTS_DIR;

/** A screenshot for review when SHOTS_DIR is set: the whole page, or one part of a long one. */
async function shot(page: Page, name: string, part?: Locator) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  if (part) await part.screenshot({ path: `${SHOTS}/${name}.png` });
  else await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** Reading the demo's Grimstad 2009 scenario as the report does: the control calculation and the cell explanation. */
describe('the control calculation and the cell explanation', () => {
  const j = journeys(base);
  beforeAll(() => j.start());
  afterAll(() => j.close());

  it('a parent sees Holviga B’s negative free hours named, and checks Jappa’s minority amount by hand with the keyboard', async () => {
    const page = await j.open('a2-allocation-control', 'fau.nordby@solvik.kommune.test');
    await page.getByRole('link', { name: 'Fordeling', exact: true }).click();
    await page.getByRole('link', { name: /Grimstad-modellen/ }).click();
    await page.getByRole('table', { name: 'Opprinnelig budsjett 2009' }).waitFor();

    const control = page.getByRole('table', { name: 'Årstimer per enhet og formål' });
    await control.waitFor();
    expect(await control.getByRole('columnheader', { name: 'Minstetimetall' }).count()).toBe(1);
    expect(await control.getByRole('row', { name: /Holviga B/ }).textContent()).toContain('Under null');
    expect(await control.getByRole('row', { name: /Jappa/ }).textContent()).toContain('Ok');
    await page.getByText('Kontrollberegningen viser negativ fri ressurs for: Holviga B').waitFor();
    await page.getByText('1 enhet har negative frie timer og kan ikke oppfylle kravene med rammen: Holviga B.').waitFor();

    // The amount is a button: reached and chosen with the keyboard alone.
    const amount = page
      .getByRole('table', { name: 'Opprinnelig budsjett 2009' })
      .getByRole('button', { name: /^Jappa, Minoritetsspråklige elever \(særskilt norskopplæring\): .* Vis utregningen$/ });
    await amount.focus();
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: /Slik er tallet regnet ut: Jappa – Minoritetsspråklige/ });
    await heading.waitFor();
    const text = (await page.locator('#cell-explanation').textContent())!.replace(/\s/g, ' ');
    expect(text).toMatch(/\d+ minoritetsspråklige elever × 43 650,60 kr = [\d ]+,\d\d kr \(avrundet til nærmeste øre\)/);
    expect(text).toContain('1,5 uketimer × 38 uker × 765,80 kr per time');
    await shot(page, 'forelder-kontroll-og-forklaring');
    await expectAccessible(page, 'fordeling med kontrollberegning og forklaring');

    // After the cut the scale factor is part of the formula, and Jappa falls below zero too.
    await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Rammereduksjon 5,1 mill.' });
    await page.getByRole('table', { name: 'Rammereduksjon 5,1 mill.' }).waitFor();
    await page.getByText('2 enheter har negative frie timer og kan ikke oppfylle kravene med rammen: Holviga B, Jappa.').waitFor();
    await page
      .getByRole('table', { name: 'Rammereduksjon 5,1 mill.' })
      .getByRole('button', { name: /^Holviga B, Sum: .* Vis utregningen$/ })
      .click();
    await page.getByRole('heading', { name: /Slik er tallet regnet ut: Holviga B – sum/ }).waitFor();
    expect(await page.locator('#cell-explanation').textContent()).toMatch(/Avrundet til hele kroner/);
    await shot(page, 'forelder-kutt-forklaring');
    await expectAccessible(page, 'fordeling etter kuttet med forklaring');
  }, 300_000);

  it('an officer edits a copy of the model’s control rules and sees the control calculation in the preview', async () => {
    const page = await j.open('a3-allocation-control-editor', 'saksbehandler@solvik.kommune.test');
    await page.getByRole('link', { name: 'Fordeling', exact: true }).click();
    await page.getByRole('link', { name: /Grimstad-modellen/ }).click();
    await page.getByRole('table', { name: 'Opprinnelig budsjett 2009' }).waitFor();
    await page.getByRole('button', { name: 'Kopier versjon 1' }).click();
    const rule = page.getByRole('group', { name: /^Kontrollregel 1: Sentralt avtalte timer/ });
    await rule.waitFor();
    const hours = rule.getByRole('textbox', { name: 'Krav Barnetrinn' });
    await hours.fill('mye');
    await rule.getByText('Må være et desimaltall, f.eks. 1234.50').waitFor();
    await hours.fill('0,25');
    const preview = page.getByRole('table', { name: 'Årstimer per enhet og formål' }).last();
    await preview.waitFor();
    await shot(page, 'saksbehandler-kontrollregel', rule);
    await shot(page, 'saksbehandler-kontroll-forhandsvisning', preview);
    await expectAccessible(page, 'modellredigering med kontrollregler');
  }, 300_000);
});
