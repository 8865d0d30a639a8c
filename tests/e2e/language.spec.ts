import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, DEMO_PASSWORD, expectAccessible, launchChromium, logIn, newJourney } from '../support/browser.js';
import { giveMandateItemInput } from './steps/inputs.js';

const base = inject('baseUrl');
/** A screenshot of every page visited, per language (SHOTS_DIR to put them elsewhere). */
const SHOTS = process.env.SHOTS_DIR ?? join(ARTIFACTS, 'sprak');

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Logs in from a fresh browser (the log-in page in bokmål) and waits for the start page, whatever its language. */
async function logInAnyLanguage(page: Page, email: string) {
  await page.goto(`${base}/logg-inn`);
  await page.getByRole('textbox', { name: 'E-postadresse' }).fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL(`${base}/`);
}

const lang = (page: Page) => page.locator('html').getAttribute('lang');

/** Switches the header's language (its label is in the language on screen). */
async function switchTo(page: Page, label: 'Språk' | 'Language', language: 'nb' | 'nn' | 'en') {
  await page.getByRole('combobox', { name: label }).selectOption(language);
  await page.waitForFunction((l) => document.documentElement.lang === l, language);
}

/** Each journey visits several pages in two browsers with axe on each: on a busy machine more than the default two minutes. */
const JOURNEY_MS = 300_000;

/** Nynorsk and English: the switch, `lang` on the page, the API's messages, the målform; axe in each language. */
describe('nynorsk and English', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it(
    'a person switches to nynorsk: lang="nn", the pages and the form errors in nynorsk, kept after a reload',
    async () => {
      const { page, context } = await newJourney(browser, 'sprak-nynorsk');
      await logIn(page, base, 'kommunalsjef@solvik.kommune.test');
      expect(await lang(page)).toBe('nb');
      await switchTo(page, 'Språk', 'nn');
      await page.getByRole('heading', { level: 1, name: 'Mine oppgåver' }).waitFor();
      expect(await lang(page)).toBe('nn');
      await expectAccessible(page, 'Mine oppgåver (nynorsk)');
      await shot(page, 'nn-mine-oppgaver');

      await page.getByRole('link', { name: 'Saker', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: 'Ny sak' }).waitFor();
      await page.getByRole('button', { name: 'Opprett sak' }).click();
      // The contract's message, checked in the browser, in nynorsk.
      await page.getByRole('link', { name: 'Tittel må fyllast ut' }).waitFor();
      await expectAccessible(page, 'Saker med feilmelding (nynorsk)');
      await shot(page, 'nn-saker');

      await page.getByRole('link', { name: 'Møte', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Møte' }).waitFor();
      await expectAccessible(page, 'Møte (nynorsk)');
      await shot(page, 'nn-mote');

      // Kept on the profile: a reload (and another browser) opens in nynorsk.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Møte' }).waitFor();
      await page.waitForFunction(() => document.documentElement.lang === 'nn');
      const other = await newJourney(browser, 'sprak-nynorsk-andre-nettlesar');
      await logInAnyLanguage(other.page, 'kommunalsjef@solvik.kommune.test');
      await other.page.getByRole('heading', { level: 1, name: 'Mine oppgåver' }).waitFor();
      expect(await lang(other.page)).toBe('nn');
      await other.context.close();

      await switchTo(page, 'Språk', 'nb');
      await page.getByRole('heading', { level: 1, name: 'Møter' }).waitFor();
      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'English chosen on the log-in page: its errors in English, and the choice carries over to the profile',
    async () => {
      const { page, context } = await newJourney(browser, 'sprak-english');
      await page.goto(`${base}/logg-inn`);
      await page.getByRole('heading', { level: 1, name: 'Logg inn i Samråd' }).waitFor();
      await switchTo(page, 'Språk', 'en');
      await page.getByRole('heading', { level: 1, name: 'Log in to Samråd' }).waitFor();
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('link', { name: 'Enter a valid e-mail address' }).waitFor();
      await expectAccessible(page, 'Log in (English)');
      await shot(page, 'en-log-in');

      // A message of the server, in English.
      await page.getByRole('textbox', { name: 'E-mail address' }).fill('leder.kfu@solvik.kommune.test');
      await page.getByLabel('Password', { exact: true }).fill('not the password at all');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('alert').filter({ hasText: 'Wrong e-mail address or password' }).waitFor();

      await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
      expect(await lang(page)).toBe('en');
      await expectAccessible(page, 'My tasks (English)');
      await shot(page, 'en-my-tasks');

      await page.getByRole('link', { name: 'Decisions', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Decisions' }).waitFor();
      await expectAccessible(page, 'Decisions (English)');
      await shot(page, 'en-decisions');

      await page.getByRole('link', { name: 'The mandate', exact: true }).click();
      await page.getByRole('heading', { level: 2, name: 'Mandate items' }).waitFor();
      await expectAccessible(page, 'The mandate (English)');
      await shot(page, 'en-mandate');

      // The choice is on the profile now: a fresh browser logs in and gets English.
      const other = await newJourney(browser, 'sprak-english-andre-nettlesar');
      await logInAnyLanguage(other.page, 'leder.kfu@solvik.kommune.test');
      await other.page.getByRole('heading', { level: 1, name: 'My tasks' }).waitFor();
      await other.context.close();

      await switchTo(page, 'Language', 'nb');
      await page.getByRole('heading', { level: 2, name: 'Mandatpunkter' }).waitFor();
      await context.close();
    },
    JOURNEY_MS,
  );

  it(
    'the administrator sets the målform to nynorsk: those who follow it read nynorsk; then back to bokmål',
    async () => {
      const { page, context } = await newJourney(browser, 'sprak-malform');
      await logIn(page, base, 'admin@solvik.kommune.test');
      await page.getByRole('link', { name: 'Kommunen', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Solvik kommune' }).waitFor();
      await expectAccessible(page, 'Kommunen (bokmål)');
      await page.getByRole('radio', { name: 'Nynorsk' }).check();
      await page.getByRole('button', { name: 'Lagre målformen' }).click();
      // The administrator follows the målform too: the page turns to nynorsk.
      await page.getByRole('button', { name: 'Lagre målforma' }).waitFor();
      await page.waitForFunction(() => document.documentElement.lang === 'nn');
      await expectAccessible(page, 'Kommunen (nynorsk)');
      await shot(page, 'nn-kommunen-malform');

      // Someone who never chose a language reads the målform.
      const follower = await newJourney(browser, 'sprak-malform-folgjar');
      await logInAnyLanguage(follower.page, 'leder.driftsutvalget@solvik.kommune.test');
      await follower.page.getByRole('heading', { level: 1, name: 'Mine oppgåver' }).waitFor();
      expect(await lang(follower.page)).toBe('nn');
      await expectAccessible(follower.page, 'Mine oppgåver for ein som følgjer målforma');
      await follower.context.close();

      await page.getByRole('radio', { name: 'Bokmål' }).check();
      await page.getByRole('button', { name: 'Lagre målforma' }).click();
      await page.getByRole('button', { name: 'Lagre målformen' }).waitFor();
      await page.waitForFunction(() => document.documentElement.lang === 'nb');
      await context.close();
    },
    JOURNEY_MS,
  );
  it(
    'the notice list turns to nynorsk with the switch: a receipt said in the reader’s language, when read',
    async () => {
      const { page, context } = await newJourney(browser, 'sprak-varsel');
      await logIn(page, base, 'htv.utdanningsforbundet@solvik.kommune.test');
      // A receipt notice of their own: the worker delivers it a moment after the input is sent.
      await giveMandateItemInput(page, { itemTitle: 'Samarbeid i oppvekstsektoren', text: `Innspel om språk ${Date.now()}` });
      await page
        .getByRole('link', { name: /^Varsler/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
      const receipt = (title: string) => page.getByRole('link', { name: title, exact: true }).first();
      await expect
        .poll(
          async () => {
            if (await receipt('Kvittering for innspill').isVisible()) return true;
            await page.reload();
            await page.getByRole('heading', { level: 1, name: 'Varsler' }).waitFor();
            return receipt('Kvittering for innspill').isVisible();
          },
          { timeout: 60_000, interval: 500 },
        )
        .toBe(true);

      await switchTo(page, 'Språk', 'nn');
      await page.getByRole('heading', { level: 1, name: 'Varsel' }).waitFor();
      await receipt('Kvittering for innspel').waitFor();
      expect(await page.getByText(/^Innspelet ditt er motteke /).count()).toBeGreaterThan(0);
      expect(await lang(page)).toBe('nn');
      await expectAccessible(page, 'Varsel (nynorsk)');
      await shot(page, 'nn-varsel');

      await switchTo(page, 'Språk', 'nb');
      await receipt('Kvittering for innspill').waitFor();
      await context.close();
    },
    JOURNEY_MS,
  );
});
