import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DEMO_PASSWORD as PASSWORD,
  expectAccessible,
  expectNoCspRefusals,
  launchChromium,
  logIn as logInAt,
  newJourney,
} from '../support/browser.js';

const base = inject('baseUrl');
const logIn = (page: Page, email: string, password = PASSWORD) => logInAt(page, base, email, password);

describe('Samråd in a real Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a politician logs in with the keyboard alone and reads the mandate', async () => {
    const { context, page } = await newJourney(browser, 'keyboard-login-and-mandate');
    await page.goto(base);
    await page.getByRole('heading', { level: 1, name: 'Logg inn i Samråd' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
    await expectAccessible(page, 'innlogging');

    // Skip link first, then the form, using only the keyboard (a fresh load: axe may have moved focus).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Logg inn i Samråd' }).waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200) ?? '');
    expect(focused, focused).toMatch(/^<a[^>]*>Hopp til hovedinnhold<\/a>$/);
    await page.getByRole('textbox', { name: 'E-postadresse' }).focus();
    await page.keyboard.type('leder.driftsutvalget@solvik.kommune.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    await expectAccessible(page, 'Mine oppgaver');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).waitFor();

    await page.getByRole('link', { name: 'Mandatet' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Oppfølging av analysen av ressursbruk i skolen' }).waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(9); // header + eight items
    await expectAccessible(page, 'Mandatet');
    await context.close();
  });

  it('a wrong password gets a clear message, and empty fields an error summary', async () => {
    const { context, page } = await newJourney(browser, 'login-errors');
    await page.goto(`${base}/logg-inn`);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    const summary = page.getByText('For å gå videre må du rette opp følgende:');
    await summary.waitFor();
    expect(await page.getByRole('link', { name: 'Skriv inn en gyldig e-postadresse' }).count()).toBe(1);
    await expectAccessible(page, 'innlogging med feil');
    await page.getByRole('textbox', { name: 'E-postadresse' }).fill('leder.driftsutvalget@solvik.kommune.test');
    await page.getByLabel('Passord', { exact: true }).fill('feil passord');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('alert').filter({ hasText: 'Feil e-postadresse eller passord' }).waitFor();
    await context.close();
  });

  it('a union representative sees the bodies and who represents whom', async () => {
    const { context, page } = await newJourney(browser, 'bodies');
    await logIn(page, 'htv.utdanningsforbundet@solvik.kommune.test');
    await page.getByRole('link', { name: 'Organer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organer' }).waitFor();
    await expectAccessible(page, 'Organer');
    await page.getByRole('link', { name: 'Arbeidsgruppen for skoleoppfølging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbeidsgruppen for skoleoppfølging' }).waitFor();
    await page.getByRole('cell', { name: 'Tillitsvalgt (Utdanningsforbundet)' }).waitFor();
    await page.getByRole('cell', { name: 'Tillitsvalgt (Fagforbundet)' }).waitFor();
    await expectAccessible(page, 'organ');
    // Not an administrator: no user administration offered.
    expect(await page.getByRole('link', { name: 'Brukere' }).count()).toBe(0);
    await context.close();
  });

  it('text with markup, SQL and odd Unicode is shown as text, never run', async () => {
    const { context, page } = await newJourney(browser, 'hostile-text');
    await logIn(page, 'admin@solvik.kommune.test');
    const name = `<img src=x onerror="window.__xss=1"> '; DROP TABLE body; -- ÆØÅ 🙂 ${'lang '.repeat(20)}`.trim();
    const me = (await (await page.request.get(`${base}/api/auth/me`)).json()) as { csrfToken: string };
    const created = await page.request.post(`${base}/api/bodies`, {
      data: { kind: 'reference_group', name },
      headers: { 'x-csrf-token': me.csrfToken },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await page.goto(`${base}/organer/${id}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await page.goto(`${base}/organer`);
    await page.getByRole('link', { name }).waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await expectAccessible(page, 'Organer med fiendtlig navn');
    await context.close();
  });

  it('an administrator invites a person, who sets a password from the mailed link', async () => {
    const { context, page } = await newJourney(browser, 'invite');
    await logIn(page, 'admin@solvik.kommune.test');
    await page.getByRole('link', { name: 'Brukere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brukere' }).waitFor();
    await expectAccessible(page, 'Brukere');
    await page.getByRole('textbox', { name: 'Navn' }).fill('FAU-representant, Sørli skole');
    await page.getByRole('textbox', { name: 'E-postadresse' }).fill('fau.sorli@solvik.kommune.test');
    await page.getByRole('button', { name: 'Send invitasjon' }).click();
    await page.getByText('Invitasjonen er sendt til fau.sorli@solvik.kommune.test.').waitFor();

    let link = '';
    for (let i = 0; i < 50 && !link; i++) {
      const { messages } = (await (await fetch(`${base}/dev/mail/messages.json`)).json()) as { messages: { to: string; text: string }[] };
      link =
        /https?:\/\/\S+invitasjon\?token=[\w-]+/.exec(messages.find((m) => m.to === 'fau.sorli@solvik.kommune.test')?.text ?? '')?.[0] ??
        '';
      if (!link) await new Promise((r) => setTimeout(r, 200));
    }
    expect(link).not.toBe('');
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn i Samråd' }).waitFor();
    await page.goto(link.replace(/^https?:\/\/[^/]+/, base));
    await page.getByRole('heading', { level: 1, name: 'Velg passord' }).waitFor();
    await expectAccessible(page, 'invitasjon');
    await page.getByLabel('Nytt passord').fill('mitt lange foreldrepassord');
    await page.getByRole('button', { name: 'Ta imot invitasjonen' }).click();
    await page.getByText('Hei, FAU-representant, Sørli skole').waitFor();
    await context.close();
  });

  it('the operator opens the job board: in bokmål, without inline styles but for one block allowed by its hash', async () => {
    const { context, page } = await newJourney(browser, 'job-board');
    // From a bookmark: the board sends the operator to log in, and log-in leads back to the board.
    await page.goto(`${base}/drift/jobber/`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn i Samråd' }).waitFor();
    await page.getByRole('textbox', { name: 'E-postadresse' }).fill('admin@solvik.kommune.test');
    await page.getByLabel('Passord', { exact: true }).fill(PASSWORD);
    const [res] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/drift/jobber/' && r.request().resourceType() === 'document'),
      page.getByRole('button', { name: 'Logg inn' }).click(),
    ]);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-security-policy']).toMatch(/style-src 'self' 'sha256-[^']+'(;|$)/);
    await page.getByText('samrad', { exact: true }).first().waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nb');
    // bull-board's texts come from Samråd's bokmål (its own bundle has no Norwegian).
    await page.getByPlaceholder('Filtrer køer').waitFor();
    await page.getByText('Venter på underjobber').waitFor();
    expect(await page.getByText('Waiting Children').count()).toBe(0);
    // Nothing refused: no request to Google's web fonts is left in the page, and no other inline style.
    expectNoCspRefusals(page, 'jobbtavlen');
    // Everywhere else, no inline styles at all.
    const app = await page.goto(`${base}/`);
    expect(app?.headers()['content-security-policy']).toMatch(/style-src 'self'(;|$)/);
    await context.close();
  });

  it('a user of another municipality sees nothing of this one', async () => {
    const { context, page } = await newJourney(browser, 'other-municipality');
    await logIn(page, 'admin@nabovik.kommune.test');
    await page.getByRole('link', { name: 'Organer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organer' }).waitFor();
    expect(await page.getByText('Driftsutvalget').count()).toBe(0);
    await page.getByRole('link', { name: 'Mandatet' }).click();
    // An administrator is also a case officer: the empty mandate page offers to create one.
    await page.getByText(/^Kommunen har ikke registrert noe mandat ennå\./).waitFor();
    await context.close();
  });
});
