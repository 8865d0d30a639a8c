import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchChromium, logIn, newJourney } from '../support/browser.js';

const base = inject('baseUrl');
const SHOTS = process.env.SHOTS_DIR;

/** axe on the page (and the CSP check), and a screenshot when SHOTS_DIR is set (to look at, not compared). */
async function checked(page: Page, name: string) {
  await expectAccessible(page, name);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/**
 * A citizen without an account: from the log-in page to innsyn, a public case with its vedtak, an exempt case by its
 * public title and legal basis only, the decisions register, an open meeting's agenda and protocol, the mandate, a
 * register downloaded as CSV, and the tilgjengelighetserklæring from the footer. axe on every page.
 */
describe('innsyn without an account', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a citizen reads public cases, decisions and an open meeting, and downloads a register, without logging in', async () => {
    // A case officer marks a case exempt (offentleglova) and starts it, so it leaves its draft.
    const officer = await newJourney(browser, 'innsyn-officer');
    await logIn(officer.page, base, 'saksbehandler@solvik.kommune.test');
    const me = await (await officer.page.request.get(`${base}/api/auth/me`)).json();
    const created = await officer.page.request.post(`${base}/api/cases`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        title: 'Elevsak ved Nordby skole om navngitt elev',
        access: 'exempt',
        legalBasis: 'offentleglova § 13',
        publicTitle: 'Elevsak – unntatt offentlighet',
      },
    });
    expect(created.status()).toBe(201);
    const exemptId = (await created.json()).id as string;
    const moved = await officer.page.request.post(`${base}/api/cases/${exemptId}/moves`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { to: 'in_preparation' },
    });
    expect(moved.status()).toBe(201);
    await officer.context.close();

    const { context, page } = await newJourney(browser, 'innsyn-citizen');
    await page.goto(`${base}/logg-inn`);
    await page.getByRole('heading', { level: 1, name: 'Logg inn i Samråd' }).waitFor();
    await page.getByText('Du trenger en konto hvis du deltar i arbeidet').waitFor();
    await checked(page, '01-innlogging');
    await page.getByRole('link', { name: 'Gå til innsyn uten innlogging' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innsyn' }).waitFor();
    await checked(page, '02-innsyn');
    await page.getByRole('link', { name: 'Solvik kommune' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innsyn i saker – Solvik kommune' }).waitFor();
    expect(await page.locator('meta[name="robots"]').count()).toBe(0);
    await checked(page, '03-saker');

    // The exempt case: its public title and legal basis, never its title.
    await page.getByRole('link', { name: 'Elevsak – unntatt offentlighet' }).waitFor();
    expect(await page.getByText('Elevsak ved Nordby skole').count()).toBe(0);
    await page.getByRole('link', { name: 'Elevsak – unntatt offentlighet' }).click();
    await page.getByText('Saken er unntatt offentlighet etter offentleglova § 13. Bare den offentlige tittelen vises.').waitFor();
    expect(await page.getByText('navngitt elev').count()).toBe(0);
    await checked(page, '04-unntatt-sak');

    // Search, then a public case with its saksframlegg and vedtak (a stable link with ?q=).
    await page.getByRole('link', { name: 'Saker', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Innsyn i saker – Solvik kommune' }).waitFor();
    await page.getByRole('searchbox', { name: 'Søkeord eller saksnummer' }).fill('inntekter');
    await page.getByRole('button', { name: 'Søk' }).click();
    await page.waitForURL(/\?q=inntekter/);
    await page.getByRole('link', { name: 'Tiltak for økte inntekter i oppvekstsektoren' }).click();
    await page.getByRole('heading', { level: 1, name: /Tiltak for økte inntekter i oppvekstsektoren/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Saksframlegg' }).waitFor();
    await page.getByText('Kommunestyret ber kommunedirektøren etablere rutiner').first().waitFor();
    await checked(page, '05-offentlig-sak');

    // An allocation scenario of a public case: its table and chart.
    await page.getByRole('link', { name: 'Saker', exact: true }).click();
    await page.getByRole('link', { name: 'Ny ressursfordelingsmodell for grunnskolen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ressursfordeling (scenarioer)' }).waitFor();
    await page.getByRole('region', { name: 'Ressursfordeling (scenarioer)' }).getByRole('link').first().click();
    await page.getByRole('table').first().waitFor();
    await page.getByRole('img', { name: /Tildeling per elev, per kriterium/ }).waitFor();
    await checked(page, '05b-scenario');

    // The decisions register.
    await page.getByRole('navigation', { name: 'Innsyn' }).getByRole('link', { name: 'Vedtak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vedtak' }).waitFor();
    await page.getByText('Driftsutvalget slutter seg til innstillingen og sender saken til kommunestyret.').first().waitFor();
    await checked(page, '06-vedtak');

    // An open meeting: its agenda and the protocol.
    await page.getByRole('navigation', { name: 'Innsyn' }).getByRole('link', { name: 'Møter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Åpne møter' }).waitFor();
    await checked(page, '07-moter');
    await page.getByRole('link', { name: 'Driftsutvalget: Møte i Driftsutvalget' }).click();
    await page.getByRole('heading', { level: 1, name: 'Driftsutvalget: Møte i Driftsutvalget' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Saksliste' }).waitFor();
    await page.getByText('Saksbehandler orienterte.', { exact: false }).waitFor();
    await checked(page, '08-mote');

    // The mandate and its progress.
    await page.getByRole('navigation', { name: 'Innsyn' }).getByRole('link', { name: 'Mandat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mandat og framdrift' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Oppfølging av analysen av ressursbruk i skolen' }).waitFor();
    await checked(page, '09-mandat');

    // The case register as CSV, with the licence.
    await page.getByRole('navigation', { name: 'Innsyn' }).getByRole('link', { name: 'Saker' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innsyn i saker – Solvik kommune' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Saker som CSV' }).click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\n')[0]).toContain('NLOD');
    expect(csv).toContain('Elevsak – unntatt offentlighet');
    expect(csv).not.toContain('navngitt elev');

    // The tilgjengelighetserklæring from the footer.
    await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgjengelighetserklæring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tilgjengelighetserklæring for Samråd' }).waitFor();
    await page.getByRole('link', { name: 'postmottak@solvik.kommune.test' }).waitFor();
    await page.getByRole('link', { name: /uutilsynet\.no/ }).waitFor();
    await checked(page, '10-tilgjengelighet');
    await context.close();
    // Ten pages with axe each: more than the tier's two minutes on a busy machine.
  }, 600_000);

  it('the officer exempts one vedlegg and approves a protocol; a citizen downloads the public vedlegg and the approved protocol', async () => {
    const mark = Date.now().toString(36);
    const officer = await newJourney(browser, 'innsyn-documents-officer');
    await logIn(officer.page, base, 'saksbehandler@solvik.kommune.test');
    const me = await (await officer.page.request.get(`${base}/api/auth/me`)).json();
    const send = async (method: 'post' | 'put', path: string, data?: unknown) => {
      const res = await officer.page.request[method](`${base}${path}`, { headers: { 'x-csrf-token': me.csrfToken }, data });
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
      return res.status() === 204 ? null : await res.json();
    };
    // A public case on the agenda of an open Driftsutvalget meeting held an hour ago, with its minutes written.
    const title = `Skolebibliotek ${mark}`;
    const kase = await send('post', '/api/cases', { title });
    await send('post', `/api/cases/${kase.id}/moves`, { to: 'in_preparation' });
    const bodies = (await (await officer.page.request.get(`${base}/api/bodies`)).json()).bodies as { id: string; name: string }[];
    const du = bodies.find((b) => b.name === 'Driftsutvalget')!.id;
    await send('put', `/api/cases/${kase.id}/route`, { steps: [{ bodyId: du, meetingDate: null }] });
    const meetingTitle = `Bibliotekmøte ${mark}`;
    const meeting = await send('post', '/api/meetings', {
      bodyId: du,
      title: meetingTitle,
      startsAt: new Date(Date.now() - 3600_000).toISOString(),
      place: 'Rådhuset',
    });
    const item = await send('post', `/api/meetings/${meeting.id}/agenda`, { caseId: kase.id });
    await send('post', `/api/meetings/${meeting.id}/publish`);
    await send('put', `/api/meetings/${meeting.id}/agenda/${item.id}/minutes`, { minutes: `Biblioteket ble drøftet ${mark}.` });

    // On the case page: two vedlegg, public by default; the officer exempts one with its legal basis.
    const page = officer.page;
    await page.goto(`${base}/saker/${kase.id}`);
    const section = page.getByRole('region', { name: 'Vedlegg' });
    const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`) });
    for (const name of ['Bibliotekplan.pdf', 'Personalvurdering.pdf']) {
      await section.getByLabel('Legg til vedlegg').setInputFiles(pdf(name));
      await section.getByRole('button', { name: 'Last opp' }).click();
      await section.getByRole('link', { name }).waitFor();
    }
    await section.getByRole('button', { name: 'Unnta Personalvurdering.pdf fra innsyn' }).click();
    const exemptForm = section.getByRole('form', { name: 'Unnta Personalvurdering.pdf fra innsyn' });
    await exemptForm.getByRole('textbox', { name: 'Hjemmel for unntak' }).fill('offentleglova § 14');
    await exemptForm.getByRole('button', { name: 'Unnta fra innsyn' }).click();
    await section.getByText('Unntatt offentlighet (offentleglova § 14)').waitFor();
    await section.getByRole('button', { name: 'Gjør Personalvurdering.pdf offentlig' }).waitFor();
    await checked(page, '12-vedlegg-offentlig-og-unntatt');

    // On the meeting page: the officer approves the protocol; its forms give way (it is locked).
    await page.goto(`${base}/moter/${meeting.id}`);
    const approval = page.getByRole('region', { name: 'Godkjenning av protokollen' });
    await approval.getByText('Protokollen er ikke godkjent ennå.').waitFor();
    await approval.getByRole('button', { name: 'Godkjenn protokollen' }).click();
    await approval.getByText(/^Protokollen ble godkjent .* Den er låst for endringer\.$/).waitFor();
    await approval.getByRole('button', { name: 'Åpne protokollen for retting' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Protokolltekst' }).count()).toBe(0);
    await checked(page, '13-protokoll-godkjent');
    await send('post', '/api/documents', { kind: 'meeting_minutes', meetingId: meeting.id });
    await officer.context.close();

    // The citizen: the public vedlegg (not the exempt one) and the approved protocol as PDF.
    const { context, page: citizen } = await newJourney(browser, 'innsyn-documents-citizen');
    await citizen.goto(`${base}/innsyn/solvik-kommune/saker/${kase.id}`);
    const documents = citizen.getByRole('region', { name: 'Dokumenter' });
    const attachment = documents.getByRole('link', { name: 'Bibliotekplan.pdf' });
    await attachment.waitFor();
    expect(await documents.getByText('Personalvurdering.pdf').count()).toBe(0);
    await checked(citizen, '14-innsyn-vedlegg');
    const [file] = await Promise.all([citizen.waitForEvent('download'), attachment.click()]);
    expect((await readFile((await file.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(file.suggestedFilename()).toBe('Bibliotekplan.pdf');

    await citizen.getByRole('link', { name: new RegExp(meetingTitle) }).click();
    await citizen.getByRole('heading', { level: 1, name: `Driftsutvalget: ${meetingTitle}` }).waitFor();
    await citizen.getByText(/^Protokollen ble godkjent /).waitFor();
    await citizen.getByText(`Biblioteket ble drøftet ${mark}.`).waitFor();
    const protocol = citizen.getByRole('region', { name: 'Dokumenter' }).getByRole('link', { name: /^Møteprotokoll – Driftsutvalget/ });
    await checked(citizen, '15-innsyn-godkjent-protokoll');
    const [minutes] = await Promise.all([citizen.waitForEvent('download'), protocol.click()]);
    expect((await readFile((await minutes.path())!)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(minutes.suggestedFilename()).toMatch(/^moteprotokoll-driftsutvalget-.*\.pdf$/);
    await context.close();
  }, 600_000);

  it('a politician makes a private calendar address on the profile page and revokes it', async () => {
    const { context, page } = await newJourney(browser, 'innsyn-calendar-feed');
    await logIn(page, base, 'leder.driftsutvalget@solvik.kommune.test');
    await page.getByRole('link', { name: /^Profil og varsler for/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Profil og varsler' }).waitFor();
    await page.getByRole('button', { name: 'Lag ny kalenderadresse' }).click();
    const field = page.getByRole('textbox', { name: 'Din private kalenderadresse' });
    await field.waitFor();
    const url = await field.inputValue();
    await checked(page, '11-profil-kalender');
    // The address works without the session's cookie.
    const fresh = await browser.newContext();
    const feed = await fresh.request.get(new URL(new URL(url).pathname, base).toString());
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await page.getByRole('button', { name: 'Trekk tilbake' }).click();
    await page.getByText('Kalenderadressen er trukket tilbake og virker ikke lenger.').waitFor();
    expect((await fresh.request.get(new URL(new URL(url).pathname, base).toString())).status()).toBe(404);
    await fresh.close();
    await context.close();
  }, 240_000);
});
