import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, journeys } from '../support/browser.js';

const base = inject('baseUrl');
const OFFICER = 'saksbehandler@solvik.kommune.test';
const UDF = 'htv.utdanningsforbundet@solvik.kommune.test';
const FAU = 'fau.nordby@solvik.kommune.test';
const GRIMSTAD = new URL('../fixtures/grimstad-2009.input.json', import.meta.url);

/** Shared between the journeys, which follow one case from draft to decision. */
const story = { caseUrl: '', roundUrl: '', deadline: 0, allocationUrl: '' };

/**
 * The server's test clock (TEST_CLOCK=1 in the e2e setup): tells its time, or moves it and has the
 * delayed jobs that are due by then run at once, so a deadline passes without waiting for it.
 */
async function testClock(move?: { advanceMs: number } | { offsetMs: number }): Promise<number> {
  const res = await fetch(
    `${base}/api/test/clock`,
    move ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(move) } : {},
  );
  expect(res.status, 'the e2e server runs with TEST_CLOCK=1').toBe(200);
  return Date.parse(((await res.json()) as { now: string }).now);
}
/** Moves the server's clock to `at` (a time in ms). */
const moveClockTo = async (at: number) => testClock({ advanceMs: Math.max(0, at - (await testClock())) });

/** Caught mail, as /dev/mail lists it. */
async function caughtMail(): Promise<{ to: string; subject: string; text: string }[]> {
  return ((await (await fetch(`${base}/dev/mail/messages.json`)).json()) as { messages: { to: string; subject: string; text: string }[] })
    .messages;
}

/** The next whole minute at least `seconds` ahead, as Oslo wall-clock for a datetime-local field. */
function deadlineAhead(seconds: number): { local: string; at: number } {
  const at = Math.ceil((Date.now() + seconds * 1000) / 60000) * 60000;
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(at))
      .map((x) => [x.type, x.value]),
  );
  return { local: `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`, at };
}

describe('the follow-up, played by each kind of user', () => {
  const j = journeys(base);
  beforeAll(() => j.start());
  afterAll(() => j.close());
  // Back to the system clock, whatever journey 4 left it at.
  afterAll(() => testClock({ offsetMs: 0 }));
  const journey = (name: string, email: string) => j.open(name, email);

  it('1. a case officer creates a case, writes the proposal, and opens an input round', async () => {
    const page = await journey('1-officer-case-and-round', OFFICER);
    await page.getByRole('link', { name: 'Saker' }).click();
    await page.getByRole('heading', { level: 1, name: 'Saker' }).waitFor();
    await expectAccessible(page, 'Saker');
    await page.getByRole('textbox', { name: 'Tittel', exact: true }).fill('Ny modell for skolenes ressurser');
    await page.getByLabel('Mandatpunkt').selectOption({ label: '3. Ressurstildelingsmodellen' });
    await page.getByRole('button', { name: 'Opprett sak' }).click();
    await page.getByRole('heading', { level: 1, name: /Ny modell for skolenes ressurser/ }).waitFor();
    story.caseUrl = page.url();
    await expectAccessible(page, 'sak');

    await page.getByRole('button', { name: 'Rediger: Forslag til vedtak' }).click();
    await page
      .getByRole('textbox', { name: 'Forslag til vedtak' })
      .fill('Driftsutvalget innstiller på at skolenes ramme fordeles etter ny modell fra 2027.');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await page.getByText('Lagret som versjon 2.').waitFor();

    const route = page.getByRole('group', { name: 'Saksgang: organer saken skal behandles i' });
    for (const body of ['Arbeidsgruppen for skoleoppfølging', 'Driftsutvalget', 'Kommunestyret'])
      await route.getByRole('checkbox', { name: body }).check();
    await page.getByRole('button', { name: 'Lagre saksgang' }).click();
    await page.getByRole('cell', { name: 'Kommunestyret' }).waitFor();

    // An hour ahead: journey 4 moves the server's test clock past it instead of waiting.
    const deadline = deadlineAhead(3600);
    story.deadline = deadline.at;
    await page.getByRole('textbox', { name: 'Tittel på runden' }).fill('Innspill til ny modell');
    await page.getByRole('textbox', { name: 'Spørsmål til referansegruppene' }).fill('Hva betyr modellen for deres skole og medlemmer?');
    await page.getByLabel('Frist (norsk tid)').fill(deadline.local);
    await page.getByRole('textbox', { name: 'Påminnelser (minutter før fristen)' }).fill('30');
    const invite = page.getByRole('group', { name: 'Inviter organer' });
    for (const body of ['KFU – kommunalt foreldreutvalg', 'Utdanningsforbundet Solvik', 'Fagforbundet Solvik'])
      await invite.getByRole('checkbox', { name: body }).check();
    await page.getByRole('button', { name: 'Åpne runden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innspill til ny modell' }).waitFor();
    story.roundUrl = page.url();
    const statuses = page.getByRole('table').getByRole('row');
    await expect.poll(() => statuses.count()).toBe(4);
    for (const body of ['KFU – kommunalt foreldreutvalg', 'Utdanningsforbundet Solvik', 'Fagforbundet Solvik']) {
      await page.getByRole('row', { name: `${body} Ikke svart` }).waitFor();
    }
    await expectAccessible(page, 'innspillsrunde (saksbehandler)');
  });

  it('2. a union representative finds the round, comments on the proposal and submits input with a receipt', async () => {
    const page = await journey('2-union-input', UDF);
    await page.getByRole('link', { name: 'Innspill til ny modell' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Innspill til ny modell' }).waitFor();
    await page.getByRole('link', { name: /Ny modell for skolenes ressurser/ }).click();
    await page.getByRole('heading', { level: 1, name: /Ny modell for skolenes ressurser/ }).waitFor();
    await page.getByLabel('Gjelder del av saksframlegget').selectOption({ label: 'Forslag til vedtak' });
    await page.getByRole('textbox', { name: 'Merknad', exact: true }).fill('Hva skjer med basisressursen for de minste skolene?');
    await page.getByRole('button', { name: 'Legg inn merknad' }).click();
    await page.getByText('Hva skjer med basisressursen for de minste skolene?').waitFor();
    await expectAccessible(page, 'sak (tillitsvalgt)');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Innspill til ny modell' }).waitFor();
    await page.getByLabel('Sendes på vegne av').selectOption({ label: 'Utdanningsforbundet Solvik' });
    await page
      .getByRole('textbox', { name: 'Innspill', exact: true })
      .fill('Utdanningsforbundet støtter modellen hvis basisressursen beholdes.');
    await page.getByRole('button', { name: 'Send innspill' }).click();
    await page.getByText(/Kvittering: innspillet er mottatt/).waitFor();
    await page.getByText(/Kontrollsum \(SHA-256\): [0-9a-f]{64}/).waitFor();
    await expectAccessible(page, 'innspillsrunde (tillitsvalgt)');
  });

  it('3. a FAU member submits, edits before the deadline, and sees the earlier version kept', async () => {
    const page = await journey('3-fau-edit', FAU);
    await page.goto(story.roundUrl);
    await page.getByRole('heading', { level: 1, name: 'Innspill til ny modell' }).waitFor();
    await page.getByLabel('Sendes på vegne av').selectOption({ label: 'KFU – kommunalt foreldreutvalg' });
    await page.getByRole('textbox', { name: 'Innspill', exact: true }).fill('Første utkast fra KFU.');
    await page.getByRole('button', { name: 'Send innspill' }).click();
    await page.getByText(/Kvittering: innspillet er mottatt/).waitFor();
    await page.getByRole('button', { name: 'Endre innspillet' }).click();
    await page.getByRole('textbox', { name: 'Endre innspillet' }).fill('KFU ber om at elevene med størst behov skjermes.');
    await page.getByRole('button', { name: 'Lagre ny versjon' }).click();
    await page.getByText('KFU ber om at elevene med størst behov skjermes.').waitFor();
    await page.getByText('Tidligere versjoner').click();
    await page.getByText('Første utkast fra KFU.').waitFor();
    await expectAccessible(page, 'innspillsrunde (FAU)');
  });

  it('4. the deadline passes: only the silent body is reminded, the round closes, and a late submission is refused', async () => {
    const roundId = story.roundUrl.split('/').pop()!;
    const about = (m: { text: string }) => m.text.includes(`/innspill/${roundId}`);
    const page = await journey('4-deadline', FAU);
    await page.goto(story.roundUrl);
    await page.getByRole('heading', { level: 1, name: 'Innspill til ny modell' }).waitFor();
    await page.getByLabel('Sendes på vegne av').selectOption({ label: 'Meg selv (på eget vegne)' });
    await page.getByRole('textbox', { name: 'Innspill', exact: true }).fill('Et innspill som kommer for sent.');

    // Half an hour before the deadline: the reminder goes to the one invited body that has not answered.
    await moveClockTo(story.deadline - 30 * 60_000 + 1000);
    const reminded = async () => (await caughtMail()).filter((m) => about(m) && m.subject.startsWith('Påminnelse')).map((m) => m.to);
    await expect.poll(reminded, { timeout: 60_000, interval: 250 }).toEqual(['htv.fagforbundet@solvik.kommune.test']);

    // Past the deadline: the closing job runs (the officer is told), and the server refuses the late input.
    await moveClockTo(story.deadline + 1000);
    const closed = async () =>
      (await caughtMail()).filter((m) => about(m) && m.subject.startsWith('Innspillsrunden er lukket')).map((m) => m.to);
    await expect.poll(closed, { timeout: 60_000, interval: 250 }).toEqual([OFFICER]);
    await page.getByRole('button', { name: 'Send innspill' }).click();
    await page.getByRole('link', { name: /^Fristen gikk ut .+ Innspill tas ikke lenger imot i denne runden\.$/ }).waitFor();
    await expectAccessible(page, 'innspillsrunde etter fristen');
    await page.reload();
    await page.getByText('Lukket', { exact: true }).first().waitFor();
    expect(await reminded()).toEqual(['htv.fagforbundet@solvik.kommune.test']);
  });

  it('5. dispositions, innstilling and vedtak in a meeting’s minutes; the decision is registered and submitters see the handling', async () => {
    const page = await journey('5-dispositions-and-decision', OFFICER);
    await page.goto(story.roundUrl);
    await page.getByRole('heading', { level: 1, name: 'Innspill til ny modell' }).waitFor();
    for (const [who, outcome, reason] of [
      ['Hovedtillitsvalgt, Utdanningsforbundet for Utdanningsforbundet Solvik', 'Tatt til følge', 'Basisressursen beholdes i modellen.'],
      ['FAU-leder, Nordby skole for KFU – kommunalt foreldreutvalg', 'Delvis tatt til følge', 'Elever med store behov får egen vekt.'],
    ] as const) {
      const form = page.getByRole('form', { name: `Lagre behandling: ${who}` });
      await form.getByLabel('Utfall').selectOption({ label: outcome });
      await form.getByRole('textbox', { name: 'Begrunnelse' }).fill(reason);
      await form.getByRole('button', { name: 'Lagre behandling' }).click();
      await page.getByText(`${outcome}. ${reason}`).waitFor();
    }
    await expectAccessible(page, 'innspillsrunde (behandling)');

    await page.goto(story.caseUrl);
    await page.getByRole('heading', { level: 1, name: /Ny modell for skolenes ressurser/ }).waitFor();
    await page.getByText('2 av 2 innspill er behandlet.').waitFor();
    const rec = page.getByRole('region', { name: 'Registrer innstilling' });
    await rec.getByLabel('Organ').selectOption({ label: 'Driftsutvalget' });
    await rec.getByRole('textbox', { name: 'Innstillingens tekst' }).fill('Driftsutvalget innstiller på ny modell fra 2027.');
    await rec.getByRole('button', { name: 'Registrer innstilling' }).click();
    await page.getByText('Driftsutvalget innstiller på ny modell fra 2027.').first().waitFor();

    // The lifecycle: the phases with their dates; the case goes to the route's first body, whose
    // vedtak sends it on to the next, until it is before Kommunestyret (the last, which decides).
    const phases = page.getByRole('list', { name: 'Fasene saken har vært i' });
    await phases.getByRole('listitem').filter({ hasText: 'Innstilt' }).waitFor();
    await page.getByRole('button', { name: 'Send til behandling i Arbeidsgruppen for skoleoppfølging' }).click();
    await page.getByText('Saken er flyttet til «Til behandling i Arbeidsgruppen for skoleoppfølging».').waitFor();
    const decide = page.getByRole('region', { name: 'Registrer vedtak' });
    for (const [body, text] of [
      ['Arbeidsgruppen for skoleoppfølging', 'Arbeidsgruppen slutter seg til innstillingen.'],
      ['Driftsutvalget', 'Driftsutvalget slutter seg til innstillingen og sender saken til kommunestyret.'],
    ] as const) {
      await decide.getByLabel('Organ').selectOption({ label: body });
      await decide.getByRole('textbox', { name: 'Vedtakets tekst' }).fill(text);
      await decide.getByLabel('Vedtaksdato').fill('2026-12-01');
      await decide.getByRole('button', { name: 'Registrer vedtak' }).click();
      await page.getByText(text).first().waitFor();
    }
    await phases.locator('li[aria-current="step"]').filter({ hasText: 'Til behandling i Kommunestyret' }).waitFor();
    await expectAccessible(page, 'sak (saksforløp)');

    await page.getByRole('link', { name: 'Møter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Møter' }).waitFor();
    await page.getByLabel('Organ').selectOption({ label: 'Kommunestyret' });
    await page.getByRole('textbox', { name: 'Tittel', exact: true }).fill('Kommunestyremøte desember');
    await page.getByLabel('Tidspunkt (norsk tid)').fill(deadlineAhead(86400).local);
    await page.getByRole('textbox', { name: 'Møtested' }).fill('Kommunestyresalen');
    await page.getByRole('button', { name: 'Opprett møte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kommunestyret: Kommunestyremøte desember' }).waitFor();
    const agendaSelect = page.getByLabel('Sett sak på sakslisten');
    const value = await agendaSelect.evaluate(
      (el) => [...(el as HTMLSelectElement).options].find((o) => o.text.includes('Ny modell for skolenes ressurser'))?.value ?? '',
    );
    await agendaSelect.selectOption(value);
    await page.getByRole('button', { name: 'Legg til' }).click();
    await page.getByRole('form', { name: 'Protokoll for Ny modell for skolenes ressurser' }).waitFor();
    await page.getByRole('button', { name: 'Publiser sakslisten' }).click();
    const minutes = page.getByRole('form', { name: 'Protokoll for Ny modell for skolenes ressurser' });
    await minutes.getByRole('textbox', { name: 'Protokolltekst' }).fill('Innstillingen ble vedtatt med 21 mot 6 stemmer.');
    await minutes.getByRole('textbox', { name: 'Vedtak' }).fill('Kommunestyret vedtar ny ressursmodell for skolene fra 2027.');
    await minutes.getByRole('button', { name: 'Lagre protokoll og vedtak' }).click();
    await page.getByText('Kommunestyret vedtar ny ressursmodell for skolene fra 2027.').waitFor();
    await expectAccessible(page, 'møte med protokoll');

    await page.getByRole('link', { name: 'Vedtak', exact: true }).click();
    await page.getByRole('searchbox', { name: 'Søkeord' }).fill('ressursmodell');
    // The register's own search form (the header has a search field of its own).
    await page.getByRole('form', { name: 'Søk i vedtak' }).getByRole('button', { name: 'Søk' }).click();
    await page.getByText('Kommunestyret vedtar ny ressursmodell for skolene fra 2027.').waitFor();
    await expectAccessible(page, 'vedtaksregisteret');

    const udf = await journey('5-submitter-sees-handling', UDF);
    await udf.goto(story.roundUrl);
    await udf.getByText('Tatt til følge. Basisressursen beholdes i modellen.').waitFor();
  });

  it('6. an allocation case: import Grimstad 2009, a 5.1 million cut, a FAU comment on a row, adoption locks the scenario', async () => {
    const page = await journey('6-allocation', OFFICER);
    await page.goto(story.caseUrl);
    await page.getByRole('textbox', { name: 'Tittel', exact: true }).fill('Skolenes ramme 2027');
    await page.getByRole('button', { name: 'Opprett fordelingssak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Skolenes ramme 2027' }).waitFor();
    story.allocationUrl = page.url();
    await page.getByRole('textbox', { name: 'Navn på datasettet' }).fill('Grimstad 2009');
    await page
      .getByLabel('Fil (CSV, XLSX eller JSON)')
      .setInputFiles({ name: 'grimstad-2009.json', mimeType: 'application/json', buffer: readFileSync(GRIMSTAD) });
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText('Datasettet er importert (10 enheter).').waitFor();
    const form = page.getByRole('region', { name: 'Nytt scenario' });
    await form.getByRole('textbox', { name: 'Navn på nytt scenario' }).fill('Opprinnelig budsjett');
    await form.getByRole('button', { name: 'Regn ut og lagre' }).click();
    await page.getByRole('table', { name: 'Opprinnelig budsjett' }).waitFor();
    await form.getByRole('textbox', { name: 'Navn på nytt scenario' }).fill('Rammereduksjon 5,1 mill.');
    await form.getByRole('textbox', { name: 'Rammeendring (kr, negativt for kutt)' }).fill('-5100000');
    await form.getByRole('button', { name: 'Regn ut og lagre' }).click();
    await page.getByRole('table', { name: 'Rammereduksjon 5,1 mill.' }).waitFor();
    // The page keeps the chosen scenario in its address (?scenario=): the link opens the cut.
    story.allocationUrl = page.url();
    await expectAccessible(page, 'fordeling (saksbehandler)');

    const fau = await journey('6-fau-row-comment', FAU);
    await fau.goto(story.allocationUrl);
    await fau.getByRole('table', { name: 'Rammereduksjon 5,1 mill.' }).waitFor();
    await fau.getByLabel('Sammenlign med').selectOption({ label: 'Opprinnelig budsjett' });
    // The comparison table (not the result table above it) shows the change against the original budget.
    const fevik = fau
      .getByRole('table', { name: 'Rammereduksjon 5,1 mill. sammenlignet med Opprinnelig budsjett' })
      .getByRole('row', { name: /^Fevik / });
    await fevik.waitFor();
    await expect.poll(() => fevik.textContent()).toMatch(/−\d/);
    await fau.getByLabel('Gjelder enhet').selectOption({ label: 'Fevik' });
    await fau.getByRole('textbox', { name: 'Merknad', exact: true }).fill('Fevik mister mye. Hva betyr det for spesialundervisningen?');
    await fau.getByRole('button', { name: 'Legg inn merknad' }).click();
    await fau.getByText('Merknad til Fevik').waitFor();
    await expectAccessible(fau, 'fordeling (FAU)');

    await page.reload();
    await page.getByRole('table', { name: 'Rammereduksjon 5,1 mill.' }).waitFor();
    // Adopted by Kommunestyret's vedtak (the deciding one), not a vedtak of a body before it on the route.
    const byVedtak = page.locator('#adopt-decision');
    const ks = await byVedtak.evaluate(
      (el) => [...(el as HTMLSelectElement).options].find((o) => o.text.startsWith('Kommunestyret'))?.value ?? '',
    );
    await byVedtak.selectOption(ks);
    await page.getByRole('button', { name: 'Vedta scenarioet' }).click();
    await page.getByText('Scenarioet er vedtatt og kan ikke endres.').waitFor();
    expect(await page.getByRole('button', { name: 'Vedta scenarioet' }).count()).toBe(0);
  });

  it('7. access: a reference-group member cannot open an exempt document or the officer’s tools; another municipality sees nothing', async () => {
    const officer = await journey('7-officer-exempt', OFFICER);
    const me = await (await officer.request.get(`${base}/api/auth/me`)).json();
    const exempt = await officer.request.post(`${base}/api/cases`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        title: 'Personalsak ved Nordby skole',
        access: 'exempt',
        legalBasis: 'offentleglova § 13',
        publicTitle: 'Unntatt sak om personal',
      },
    });
    const exemptId = (await exempt.json()).id as string;

    const fau = await journey('7-fau-access', FAU);
    await fau.goto(`${base}/saker/${exemptId}`);
    await fau.getByRole('alert').filter({ hasText: 'Saken er unntatt offentlighet' }).waitFor();
    await fau.goto(`${base}/saker`);
    await fau.getByRole('heading', { level: 1, name: 'Saker' }).waitFor();
    await fau.getByText('Unntatt sak om personal').waitFor();
    expect(await fau.getByText('Personalsak ved Nordby skole').count()).toBe(0);
    expect(await fau.getByRole('button', { name: 'Opprett sak' }).count()).toBe(0);
    await fau.goto(story.caseUrl);
    await fau.getByRole('heading', { level: 1, name: /Ny modell for skolenes ressurser/ }).waitFor();
    expect(await fau.getByRole('button', { name: /^Rediger/ }).count()).toBe(0);
    expect(await fau.getByRole('button', { name: 'Åpne runden' }).count()).toBe(0);
    await expectAccessible(fau, 'sak uten saksbehandlerverktøy');

    const other = await journey('7-other-municipality', 'admin@nabovik.kommune.test');
    await other.goto(`${base}/saker`);
    await other.getByText('Ingen saker ennå.').waitFor();
    await other.goto(story.caseUrl);
    await other.getByRole('alert').filter({ hasText: 'Fant ikke saken' }).waitFor();
  });
});
