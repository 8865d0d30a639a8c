import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, expectAccessible, launchChromium, logIn, newJourney } from '../support/browser.js';

const base = inject('baseUrl');
const SHOTS = process.env.SHOTS_DIR ?? join(ARTIFACTS, 'zoom-200');
const OFFICER = 'saksbehandler@solvik.kommune.test';

/**
 * 200 % zoom in a 1280 px wide window lays the page out in 640 CSS pixels (WCAG 2.1, 1.4.4 and 1.4.10): the page
 * itself must then never scroll sideways. A wide table scrolls inside its own box, as the allocation table does.
 */
const ZOOMED = { width: 640, height: 800 };

/** How far the page as a whole reaches past the window's width (0 when nothing but a table's own box scrolls). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The tables that stick out of the window without a box of their own that scrolls. */
const unboxedWideTables = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('table')]
      .filter((table) => table.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .filter((table) => {
        for (let el = table.parentElement; el && el !== document.body; el = el.parentElement) {
          const overflowX = getComputedStyle(el).overflowX;
          if (
            (overflowX === 'auto' || overflowX === 'scroll') &&
            el.getBoundingClientRect().right <= document.documentElement.clientWidth + 1
          )
            return false;
        }
        return true;
      })
      .map((table) => table.getAttribute('aria-label') ?? table.querySelector('caption')?.textContent ?? table.id ?? 'tabell'),
  );

async function checkZoomed(page: Page, name: string) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  // The page's data has come when no «Laster …» is left in its main content.
  await page.waitForFunction(() => !(document.querySelector('main')?.textContent ?? '').includes('Laster …'));
  await page.waitForLoadState('networkidle');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect(await unboxedWideTables(page), `tabeller som ikke får plass på ${name}`).toEqual([]);
  expect(await sidewaysOverflow(page), `siden ${name} ruller sidelengs ved 200 % zoom`).toBeLessThanOrEqual(1);
}

/** Opens the first link in the page's main content whose address starts with `prefix` and is a page of its own. */
async function openFirst(page: Page, prefix: string) {
  const link = page.locator(`main a[href^="${prefix}"]`).filter({ hasNotText: /^$/ }).first();
  await link.waitFor();
  const before = await page.getByRole('heading', { level: 1 }).first().textContent();
  await link.click();
  await page.waitForURL((url) => url.pathname.startsWith(prefix) && url.pathname.length > prefix.length);
  // The new page has replaced the list when its own heading shows.
  await page.waitForFunction((text) => {
    const h1 = document.querySelector('h1')?.textContent;
    return !!h1 && h1 !== text;
  }, before);
}

describe('200 % zoom: wide tables scroll in their own box, the page never sideways', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('an officer at 200 %: the mandate, cases, a case, meetings, a meeting, the decisions, the allocation and analysis pages', async () => {
    const { page, context } = await newJourney(browser, 'zoom-200-saksbehandler');
    await page.setViewportSize(ZOOMED);
    await logIn(page, base, OFFICER);
    await checkZoomed(page, '01-start');
    for (const [name, path] of [
      ['02-mandat', '/mandat'],
      ['03-saker', '/saker'],
      ['05-vedtak', '/vedtak'],
      ['06-moter', '/moter'],
      ['08-fordeling', '/fordeling'],
      ['10-analyse', '/analyse'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await checkZoomed(page, name);
      if (path === '/mandat') await expectAccessible(page, 'Mandat ved 200 % zoom');
      if (path === '/saker') {
        await openFirst(page, '/saker/');
        await checkZoomed(page, '04-sak');
      }
      if (path === '/moter') {
        await openFirst(page, '/moter/');
        await checkZoomed(page, '07-mote');
      }
      if (path === '/fordeling') {
        await openFirst(page, '/fordeling/');
        await page.getByRole('table').first().waitFor();
        await checkZoomed(page, '09-fordelingssak');
        await expectAccessible(page, 'Fordelingssak ved 200 % zoom');
      }
      if (path === '/analyse') {
        await openFirst(page, '/analyse/');
        await checkZoomed(page, '11-analyseverktoy');
      }
    }
    await context.close();
  }, 300_000);

  it('a citizen at 200 %: innsyn’s cases, decisions, meetings and mandate', async () => {
    const { page, context } = await newJourney(browser, 'zoom-200-innsyn');
    await page.setViewportSize(ZOOMED);
    await page.goto(`${base}/innsyn`);
    await page.getByRole('link', { name: 'Solvik kommune' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innsyn i saker – Solvik kommune' }).waitFor();
    await checkZoomed(page, '20-innsyn-saker');
    const innsyn = page.getByRole('navigation', { name: 'Innsyn' });
    for (const [name, link] of [
      ['21-innsyn-vedtak', 'Vedtak'],
      ['22-innsyn-moter', 'Møter'],
      ['23-innsyn-mandat', 'Mandat'],
    ] as const) {
      await innsyn.getByRole('link', { name: link }).click();
      await checkZoomed(page, name);
    }
    await expectAccessible(page, 'Innsyn: mandat ved 200 % zoom');
    await context.close();
  }, 180_000);
});
