import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, expectAccessible, launchChromium, logIn, newJourney } from '../support/browser.js';

const base = inject('baseUrl');
const SHOTS = join(ARTIFACTS, 'integrasjoner');

/** axe on the page (and the CSP check), and a screenshot to look at (not compared). */
async function checked(page: Page, name: string) {
  await expectAccessible(page, name);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** A request to the public API with the token, from the page (as another system would send it). */
const readPublic = (page: Page, secret: string) =>
  page.evaluate(
    async (token) => (await fetch('/api/public/solvik-kommune/cases', { headers: { authorization: `Bearer ${token}` } })).status,
    secret,
  );

/**
 * Integration tokens and «Mine data» (#21): an administrator makes a token for the municipality's web site on the
 * municipality page (a refused form first), copies it with the button, the token reads the public API, it is revoked
 * and refused; a person downloads what Samråd holds about them as PDF and JSON from their profile. axe on every page.
 */
describe('integration tokens and my data', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an administrator makes a token, copies it, it reads the public API, and is refused once revoked', async () => {
    const { context, page } = await newJourney(browser, 'integrasjoner-admin');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await logIn(page, base, 'admin@solvik.kommune.test');
    await page.getByRole('link', { name: 'Kommunen', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Integrasjoner' }).waitFor();
    await checked(page, '01-kommunen-integrasjoner');

    // Nothing filled in: the errors on their fields.
    await page.getByRole('button', { name: 'Lag token' }).click();
    await page.getByText('Velg minst én tilgang').first().waitFor();
    await checked(page, '02-feil-i-skjemaet');

    const name = `Kommunens nettsted ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Navn' }).fill(name);
    await page.getByRole('textbox', { name: 'System' }).fill('Nettstedet');
    await page.getByRole('checkbox', { name: /Lese offentlig innsyn/ }).check();
    await page.getByLabel('Gyldig til og med').fill(`${new Date().getFullYear() + 1}-06-30`);
    await page.getByRole('button', { name: 'Lag token' }).click();
    await page.getByText('Tokenet er laget. Kopier det nå: det vises bare denne ene gangen.').waitFor();
    const secret = await page.getByRole('textbox', { name: 'Token' }).inputValue();
    expect(secret).toMatch(/^samrad_/);
    await page.getByRole('button', { name: 'Kopier tokenet' }).click();
    await page.getByText('Tokenet er kopiert.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await page.getByRole('button', { name: `Trekk tilbake ${name}` }).waitFor();
    await checked(page, '03-token-laget');

    // The token reads the public API; after revocation it is refused.
    expect(await readPublic(page, secret)).toBe(200);
    await page.reload();
    await page
      .getByRole('cell', { name: /1 forespørsel/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: `Trekk tilbake ${name}` }).click();
    await page
      .getByText(/^Trukket tilbake /)
      .first()
      .waitFor();
    expect(await page.getByRole('textbox', { name: 'Token' }).count()).toBe(0);
    expect(await readPublic(page, secret)).toBe(401);
    await checked(page, '04-token-trukket-tilbake');
    await context.close();
  });

  it('a person downloads their own data as PDF and JSON from the profile page', async () => {
    const { context, page } = await newJourney(browser, 'integrasjoner-mine-data');
    await logIn(page, base, 'fau.nordby@solvik.kommune.test');
    await page.getByRole('link', { name: /^Profil og varsler for / }).click();
    await page.getByRole('heading', { level: 2, name: 'Mine data' }).waitFor();
    await checked(page, '05-profil-mine-data');

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned mine data som PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^mine-data-\d{4}-\d{2}-\d{2}\.pdf$/);
    const pdfBytes = await readFile((await pdf.path())!);
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned mine data som JSON (maskinlesbart)' }).click(),
    ]);
    const data = JSON.parse(await readFile((await json.path())!, 'utf8')) as { profile: { email: string } };
    expect(data.profile.email).toBe('fau.nordby@solvik.kommune.test');
    await context.close();
  });
});
