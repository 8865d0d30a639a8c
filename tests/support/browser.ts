import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import { ROOT } from './app-process.js';

export const ARTIFACTS = join(ROOT, 'test-results', 'e2e');

const cspRefusals = new WeakMap<Page, string[]>();

/** Debian's Chromium, never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A fresh browser context with tracing; when the test fails, a screenshot and the trace are kept
 * in test-results/e2e (CI prints their paths).
 */
export async function newJourney(browser: Browser, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  await context.tracing.start({ screenshots: true, snapshots: true });
  const page = await context.newPage();
  // Chromium reports every Content-Security-Policy refusal on the console; a page must cause none.
  const refused: string[] = [];
  cspRefusals.set(page, refused);
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) refused.push(msg.text());
  });
  // Some refusals reach no console (an eval probe that the page catches): the violation event reports them.
  await page.exposeFunction('__samradCspViolation', (text: string) => refused.push(text));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __samradCspViolation: (t: string) => void }).__samradCspViolation(
        `CSP-hendelse: ${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      ),
    ),
  );
  const slug = name.replace(/[^\w-]+/g, '-').toLowerCase();
  onTestFailed(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const screenshot = join(ARTIFACTS, `${slug}.png`);
    const trace = join(ARTIFACTS, `${slug}.trace.zip`);
    await page.screenshot({ path: screenshot, fullPage: true }).catch(() => undefined);
    await context.tracing.stop({ path: trace }).catch(() => undefined);
    console.error(`E2E-feil i «${name}»: skjermbilde ${screenshot}, sporing ${trace}`);
  });
  return { context, page };
}

/** The demo password every demo person has. */
export const DEMO_PASSWORD = 'Samrad-demo-2026';

/** Logs in through the log-in page, as a person would, and waits for the start page. */
export async function logIn(page: Page, base: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/logg-inn`);
  await page.getByRole('textbox', { name: 'E-postadresse' }).fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
}

/**
 * Journeys that share one browser: `open(name, email)` gives a logged-in page in a fresh context;
 * `close()` ends them all.
 */
export function journeys(base: string) {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  return {
    async start() {
      browser = await launchChromium();
    },
    async open(name: string, email: string): Promise<Page> {
      const j = await newJourney(browser!, name);
      contexts.push(j.context);
      await logIn(j.page, base, email);
      return j.page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser?.close();
    },
  };
}

/**
 * Nothing on the page so far was refused by the Content-Security-Policy (a sign it would break),
 * except what `refusedOnPurpose` names.
 */
export function expectNoCspRefusals(page: Page, where: string, refusedOnPurpose?: RegExp): void {
  const refused = (cspRefusals.get(page) ?? []).filter((text) => !refusedOnPurpose?.test(text));
  expect(refused, `CSP-brudd på ${where}`).toEqual([]);
}

/** axe-core against WCAG 2.1 A and AA: no violations allowed; and nothing refused by the strict CSP. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  expectNoCspRefusals(page, where);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join('; ')}`,
  );
  expect(summary, `WCAG-brudd på ${where}`).toEqual([]);
}
