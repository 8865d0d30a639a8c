/**
 * From an empty municipality to a decision, through the web app alone (issue 17). The journey starts
 * from a municipality created by the operator command, with no demo data, and goes on step by step:
 * each `it` continues where the one before left off (shared state below), so a later part of the
 * journey is added as further steps. Every page visited is checked with axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, expectAccessible as checkAccessible, launchChromium, logIn, newJourney } from '../support/browser.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acceptInvitation, addMember, createBody, createMunicipalityByCommand, inviteUser, type Invitee } from './steps/setup.js';
import { addMandateItem, addFollowUpTask, createMandate, openFinalReport, updateFollowUpTask } from './steps/mandate.js';
import { attachDocument, caseReferences, createCase, moveCase, recordRecommendation, setRoute } from './steps/cases.js';
import { dispose, giveConferenceInput, giveContinuousInput, openInputTable, seeOwnHandling, submitToRound } from './steps/inputs.js';
import { addAgendaItem, createMeeting, publishNotice, recordAttendance, recordProtocol, writeProtocolStatement } from './steps/meetings.js';
import { search } from './steps/search.js';

const base = inject('baseUrl');

/** axe on the page, and a screenshot of it kept in test-results/e2e/tom-kommune (to look at, not compared). */
let shot = 0;
async function expectAccessible(page: Page, where: string): Promise<void> {
  await checkAccessible(page, where);
  mkdirSync(join(ARTIFACTS, 'tom-kommune'), { recursive: true });
  const name = `${String(++shot).padStart(2, '0')}-${where.replace(/[^\p{L}\p{N}]+/gu, '-').toLowerCase()}.png`;
  await page.screenshot({ path: join(ARTIFACTS, 'tom-kommune', name), fullPage: true });
}
const databaseUrl = inject('databaseUrl');

/** The people of the journey; each chooses their own password when accepting the invitation. */
const PEOPLE = {
  admin: { name: 'Ingrid Fjeld', email: 'postmottak.it@fjordvik.kommune.test', password: 'Syv blå måker over den gamle havna' },
  officer: {
    name: 'Sara Nilsen',
    email: 'sara.nilsen@fjordvik.kommune.test',
    title: 'Rådgiver, oppvekst',
    caseOfficer: true,
    password: 'Saksbehandling krever tålmodighet og kaffe',
  },
  union: {
    name: 'Tor Berg',
    email: 'tor.berg@fjordvik.kommune.test',
    title: 'Hovedtillitsvalgt, Utdanningsforbundet',
    password: 'Drøftingsmøter starter klokken ni presis',
  },
  fau: {
    name: 'Mona Lie',
    email: 'mona.lie@fjordvik.kommune.test',
    title: 'FAU-leder, Fjordvik skole',
    password: 'Foreldremøtet har vafler hver gang',
  },
  politician: {
    name: 'Per Dahl',
    email: 'per.dahl@fjordvik.kommune.test',
    title: 'Leder, Driftsutvalget',
    password: 'Voteringen gikk seks mot tre i kveld',
  },
} satisfies Record<string, Partial<Invitee> & { name: string; email: string; password: string }>;

const label = (p: { name: string; title?: string }) => (p.title ? `${p.name} (${p.title})` : p.name);

describe('an empty municipality, set up through the web app', () => {
  let browser: Browser;
  /** The administrator's browser, kept from step to step. */
  let admin: Page;
  const bodies: Record<'steering' | 'working' | 'reference', string> = { steering: '', working: '', reference: '' };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the operator creates Fjordvik kommune and its administrator with the command', async () => {
    const { stdout } = await createMunicipalityByCommand(
      { databaseUrl, baseUrl: base },
      { name: 'Fjordvik kommune', orgNumber: '964965226', adminEmail: PEOPLE.admin.email, adminName: PEOPLE.admin.name },
    );
    expect(stdout).toContain('Opprettet Fjordvik kommune (organisasjonsnummer 964965226).');
    expect(stdout).toContain(`${PEOPLE.admin.name} <${PEOPLE.admin.email}>`);
  });

  it(
    'the administrator accepts the invitation from the caught e-mail, logs in, and finds the municipality empty',
    { timeout: 240_000 },
    async () => {
      admin = (await newJourney(browser, 'tom-kommune-administrator')).page;
      await acceptInvitation(admin, base, PEOPLE.admin.email, PEOPLE.admin.password);
      await expectAccessible(admin, 'Mine oppgaver, ny administrator');
      await admin.getByRole('button', { name: 'Logg ut' }).click();
      await admin.getByRole('textbox', { name: 'E-postadresse' }).waitFor();
      await logIn(admin, base, PEOPLE.admin.email, PEOPLE.admin.password);
      await admin.getByText('Fjordvik kommune', { exact: true }).waitFor();

      await admin.getByRole('link', { name: 'Organer', exact: true }).click();
      await admin.getByText('Ingen organer ennå.').waitFor();
      await expectAccessible(admin, 'Organer, tom kommune');
      await admin.getByRole('link', { name: 'Brukere', exact: true }).click();
      const rows = admin.getByRole('table', { name: 'Brukere' }).getByRole('row');
      await expect.poll(() => rows.count()).toBe(2); // the header and the administrator
      await expectAccessible(admin, 'Brukere, bare administratoren');
    },
  );

  it('the administrator invites a case officer, a union representative, an FAU member and a committee member', async () => {
    for (const person of [PEOPLE.officer, PEOPLE.union, PEOPLE.fau, PEOPLE.politician]) await inviteUser(admin, person);
    const rows = admin.getByRole('table', { name: 'Brukere' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(6);
    expect(await admin.getByRole('cell', { name: /^Invitert/ }).count()).toBe(4);
    await expectAccessible(admin, 'Brukere med fire invitasjoner');
  });

  it(
    'the administrator creates the steering group, the working group and a reference group, with their members',
    { timeout: 240_000 },
    async () => {
      bodies.steering = await createBody(admin, {
        kind: 'Styringsgruppe',
        name: 'Driftsutvalget',
        description: 'Styringsgruppe for oppfølgingen av ressursbruken i skolen.',
      });
      await addMember(admin, {
        person: label(PEOPLE.politician),
        role: 'Leder',
        capacity: 'Politiker',
        party: 'Fjordlista',
        side: 'Posisjon',
        from: '2026-01-01',
        to: '2027-12-31',
      });
      await addMember(admin, { person: label(PEOPLE.officer), role: 'Sekretær', capacity: 'Administrasjonen', from: '2026-01-01' });
      await expectAccessible(admin, 'Driftsutvalget med medlemmer');

      bodies.working = await createBody(admin, {
        kind: 'Arbeidsgruppe',
        name: 'Arbeidsgruppen',
        description: 'Drøfter det administrasjonen forbereder.',
        parent: 'Driftsutvalget',
      });
      await addMember(admin, { person: label(PEOPLE.officer), role: 'Leder', capacity: 'Administrasjonen', from: '2026-01-01' });
      await addMember(admin, {
        person: label(PEOPLE.union),
        role: 'Medlem',
        capacity: 'Tillitsvalgt',
        union: 'Utdanningsforbundet',
        from: '2026-01-01',
      });
      await expectAccessible(admin, 'Arbeidsgruppen med medlemmer');

      bodies.reference = await createBody(admin, {
        kind: 'Referansegruppe',
        name: 'Referansegruppe foreldre',
        description: 'FAU-lederne ved skolene.',
        parent: 'Driftsutvalget',
      });
      await addMember(admin, {
        person: label(PEOPLE.fau),
        role: 'Medlem',
        capacity: 'Foreldrerepresentant',
        school: 'Fjordvik skole',
        from: '2026-01-01',
      });
      await expectAccessible(admin, 'Referansegruppe foreldre med medlem');

      await admin.getByRole('link', { name: 'Organer', exact: true }).click();
      for (const name of ['Driftsutvalget', 'Arbeidsgruppen', 'Referansegruppe foreldre'])
        await admin.getByRole('link', { name, exact: true }).waitFor();
      const card = (name: string) => admin.getByRole('listitem').filter({ has: admin.getByRole('link', { name, exact: true }) });
      expect(await card('Driftsutvalget').textContent()).toContain('Styringsgruppe 2 medlemmer');
      expect(await card('Arbeidsgruppen').textContent()).toContain('Arbeidsgruppe 2 medlemmer');
      expect(await card('Referansegruppe foreldre').textContent()).toContain('Referansegruppe 1 medlem');
      await expectAccessible(admin, 'Organer med tre organer');
    },
  );

  /** Each invitee in a browser of their own: the link from the caught e-mail, a password, the start page, their bodies. */
  const INVITEES: [keyof typeof PEOPLE, string[]][] = [
    ['officer', ['Driftsutvalget', 'Arbeidsgruppen']],
    ['union', ['Arbeidsgruppen']],
    ['fau', ['Referansegruppe foreldre']],
    ['politician', ['Driftsutvalget']],
  ];
  for (const [who, memberOf] of INVITEES) {
    it(
      `${PEOPLE[who].name} (${who}) accepts the invitation from the caught e-mail and finds their bodies`,
      { timeout: 240_000 },
      async () => {
        const person = PEOPLE[who];
        const page = (await newJourney(browser, `tom-kommune-${who}`)).page;
        await acceptInvitation(page, base, person.email, person.password);
        await expectAccessible(page, `Mine oppgaver, ${who}`);
        await page.getByRole('link', { name: 'Organer', exact: true }).click();
        for (const name of memberOf) await page.getByRole('link', { name, exact: true }).waitFor();
        await page.getByRole('link', { name: memberOf[0]!, exact: true }).click();
        await page.getByRole('cell', { name: new RegExp(`^${person.name}`) }).waitFor();
        await expectAccessible(page, `${memberOf[0]}, sett av ${who}`);
        await page.context().close();
      },
    );
  }

  it('the administrator sees everyone active', async () => {
    await admin.getByRole('link', { name: 'Brukere', exact: true }).click();
    await admin.getByRole('heading', { level: 1, name: 'Brukere' }).waitFor();
    await expect.poll(() => admin.getByRole('cell', { name: /^Aktiv/ }).count(), { timeout: 30_000 }).toBe(5);
    expect(await admin.getByRole('cell', { name: /^Invitert/ }).count()).toBe(0);
    await expectAccessible(admin, 'Brukere, alle aktive');
  });

  // ——— From the mandate to the last body's vedtak and its follow-up, through the web app alone ———

  /** The server's test clock (TEST_CLOCK=1 in the e2e setup): moved past a deadline or a start instead of waiting. */
  const serverNow = async (move?: { advanceMs: number } | { offsetMs: number }) => {
    const res = await fetch(
      `${base}/api/test/clock`,
      move ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(move) } : {},
    );
    expect(res.status).toBe(200);
    return Date.parse(((await res.json()) as { now: string }).now);
  };
  const moveClockTo = async (at: number) => serverNow({ advanceMs: Math.max(0, at - (await serverNow())) });
  afterAll(() => serverNow({ offsetMs: 0 }));
  /** A time as Oslo wall-clock for a datetime-local field. */
  const osloLocal = (at: number) => {
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
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
  };
  const HOUR = 3_600_000;
  const CASE = 'Ny modell for fordeling av skolenes ressurser';
  const ITEM = 'Ny ressursfordelingsmodell';
  const VEDTAK = 'Driftsutvalget vedtar ny modell for fordeling av skolenes ressurser fra skoleåret 2027/28.';
  const story = { t0: 0, caseUrl: '', roundUrl: '', conferenceUrl: '', deadline: 0, conferenceAt: 0 };
  const pages: Partial<Record<keyof typeof PEOPLE, Page>> = {};
  /** A person's own browser, logged in once and kept for the rest of the journey. */
  const as = async (who: keyof typeof PEOPLE) => {
    if (!pages[who]) {
      const page = (await newJourney(browser, `tom-kommune-reise-${who}`)).page;
      await logIn(page, base, PEOPLE[who].email, PEOPLE[who].password);
      pages[who] = page;
    }
    return pages[who]!;
  };

  it('the case officer creates the mandate with its item, owned by her', { timeout: 240_000 }, async () => {
    story.t0 = Math.ceil((await serverNow()) / 60_000) * 60_000;
    const officer = await as('officer');
    await createMandate(officer, {
      title: 'Oppfølging av ressursanalysen i grunnskolen',
      description: 'Driftsutvalget er styringsgruppe; arbeidsgruppen drøfter det administrasjonen forbereder.',
      endDate: '2027-12-31',
      adoptedBy: { body: 'Driftsutvalget', caseNumber: '24/26', date: '2026-11-03' },
    });
    await addMandateItem(officer, {
      number: 1,
      title: ITEM,
      description: 'Utrede en ny modell for fordeling av skolenes budsjettramme etter objektive kriterier.',
      owner: label(PEOPLE.officer),
      dueDate: '2027-06-30',
    });
    await officer
      .getByRole('row')
      .filter({ hasText: ITEM })
      .getByRole('cell', { name: label(PEOPLE.officer) })
      .waitFor();
    await expectAccessible(officer, 'Mandatet med sitt første punkt');
  });

  it(
    'the officer creates the case on the item, with references and a document, and opens an input round',
    { timeout: 240_000 },
    async () => {
      const officer = await as('officer');
      story.caseUrl = await createCase(officer, { title: CASE, mandateItem: `1. ${ITEM}`, references: ['sak 7/21', 'sak 11/21'] });
      // Neither earlier case is in Samråd: both are shown as text, not as links.
      expect(await caseReferences(officer)).toEqual([
        { text: 'sak 7/21', href: null },
        { text: 'sak 11/21', href: null },
      ]);
      const dir = mkdtempSync(join(tmpdir(), 'samrad-e2e-'));
      const pdf = join(dir, 'Utredning ressursmodell.pdf');
      writeFileSync(pdf, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
      await attachDocument(officer, pdf);
      await setRoute(officer, ['Driftsutvalget']);
      await expectAccessible(officer, 'Saken med referanser, vedlegg og saksgang');

      story.deadline = story.t0 + 3 * HOUR;
      await officer.getByRole('textbox', { name: 'Tittel på runden' }).fill('Innspill til ny ressursmodell');
      await officer.getByRole('textbox', { name: 'Spørsmål til referansegruppene' }).fill('Hva betyr modellen for deres skole?');
      await officer.getByLabel('Frist (norsk tid)').fill(osloLocal(story.deadline));
      await officer.getByRole('group', { name: 'Inviter organer' }).getByRole('checkbox', { name: 'Referansegruppe foreldre' }).check();
      await officer.getByRole('button', { name: 'Åpne runden' }).click();
      await officer.getByRole('heading', { level: 1, name: 'Innspill til ny ressursmodell' }).waitFor();
      story.roundUrl = officer.url();
      await expectAccessible(officer, 'Innspillsrunden, åpnet');

      // A school conference on the case, an hour from now.
      story.conferenceAt = story.t0 + HOUR;
      story.conferenceUrl = await createMeeting(officer, {
        body: 'Referansegruppe foreldre',
        title: 'Skolekonferanse om ressursmodellen',
        startsAt: osloLocal(story.conferenceAt),
        place: 'Fjordvik skole, aulaen',
        kind: 'school_conference',
      });
      await addAgendaItem(officer, { caseTitle: CASE });
      await publishNotice(officer);
      await expectAccessible(officer, 'Skolekonferansen med saksliste');
    },
  );

  it('the FAU member answers the round, gives continuous input, and registers for the conference', { timeout: 240_000 }, async () => {
    const fau = await as('fau');
    const receipt = await submitToRound(fau, {
      roundUrl: story.roundUrl,
      onBehalfOf: 'Referansegruppe foreldre',
      text: 'FAU ber om at små skoler beholder en grunnressurs.',
    });
    expect(receipt.number).not.toBe('');
    await expectAccessible(fau, 'Innspillsrunden med kvittering (FAU)');
    await giveContinuousInput(fau, { caseUrl: story.caseUrl, text: 'Skolefritidsordningen må tas med i vurderingen.' });
    await expectAccessible(fau, 'Saken med løpende innspill (FAU)');
    await fau.goto(story.conferenceUrl);
    await fau.getByRole('textbox', { name: 'Hvem kommer du for? (valgfritt)' }).fill('FAU Fjordvik skole');
    await fau.getByRole('button', { name: 'Meld meg på' }).click();
    await fau.getByText('Du er påmeldt for FAU Fjordvik skole.').waitFor();
    await expectAccessible(fau, 'Skolekonferansen med påmelding (FAU)');
  });

  it("at the conference the FAU member gives input; the round's deadline passes and it closes", { timeout: 240_000 }, async () => {
    await moveClockTo(story.conferenceAt + 60_000);
    const fau = await as('fau');
    await giveConferenceInput(fau, {
      meetingUrl: story.conferenceUrl,
      caseLabel: new RegExp(CASE),
      text: 'Konferansen ønsker at elevtallet teller mer enn antall klasser.',
    });
    await expectAccessible(fau, 'Skolekonferansen med innspill (FAU)');
    await moveClockTo(story.deadline + 1000);
    // The closing job runs at the deadline and tells the officer (by the caught e-mail).
    const closedMail = async () => {
      const { messages } = (await (await fetch(`${base}/dev/mail/messages.json`)).json()) as {
        messages: { to: string; subject: string }[];
      };
      return messages.some((m) => m.to === PEOPLE.officer.email && m.subject.startsWith('Innspillsrunden er lukket'));
    };
    await expect.poll(closedMail, { timeout: 60_000, interval: 250 }).toBe(true);
    await fau.goto(story.roundUrl);
    await fau.getByText('Lukket', { exact: true }).first().waitFor();
    await expectAccessible(fau, 'Innspillsrunden etter fristen (FAU)');
  });

  it('the officer handles all three inputs in one place, and the FAU member sees the handling', { timeout: 240_000 }, async () => {
    const officer = await as('officer');
    const table = await openInputTable(officer, { caseUrl: story.caseUrl });
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
    await dispose(officer, {
      inputText: 'FAU ber om at små skoler beholder en grunnressurs.',
      outcome: 'Tatt til følge',
      reason: 'Modellen får en grunnressurs per skole.',
      section: 'Forslag til vedtak',
    });
    await dispose(officer, {
      inputText: 'Skolefritidsordningen må tas med i vurderingen.',
      outcome: 'Tatt til orientering',
      reason: 'SFO utredes i en egen sak.',
    });
    await dispose(officer, {
      inputText: 'Konferansen ønsker at elevtallet teller mer enn antall klasser.',
      outcome: 'Delvis tatt til følge',
      reason: 'Elevtallet vektes tyngre enn i dag.',
      section: 'Vurdering',
    });
    await expectAccessible(officer, 'Innspill og behandling, alt behandlet');
    await seeOwnHandling(await as('fau'), {
      caseUrl: story.caseUrl,
      outcome: 'Tatt til orientering',
      reason: 'SFO utredes i en egen sak.',
    });
  });

  it('in a drøftingsmøte of the working group the union representative writes a protokolltilførsel', { timeout: 240_000 }, async () => {
    const officer = await as('officer');
    const meetingUrl = await createMeeting(officer, {
      body: 'Arbeidsgruppen',
      title: 'Drøftingsmøte om ressursmodellen',
      startsAt: osloLocal(story.deadline + HOUR),
      place: 'Rådhuset, møterom 2',
      kind: 'consultation',
    });
    await addAgendaItem(officer, { caseTitle: CASE });
    await publishNotice(officer);
    await recordProtocol(officer, { caseTitle: CASE, minutes: 'Modellen ble drøftet med de tillitsvalgte.' });
    await expectAccessible(officer, 'Drøftingsmøtet med protokoll');

    const union = await as('union');
    await union.goto(meetingUrl);
    await writeProtocolStatement(union, {
      union: 'Utdanningsforbundet',
      caseTitle: CASE,
      text: 'Utdanningsforbundet krever at lærertettheten ikke svekkes ved små skoler.',
    });
    await expectAccessible(union, 'Drøftingsmøtet med protokolltilførsel');
    await union.goto(story.caseUrl);
    await union.getByText('Utdanningsforbundet krever at lærertettheten ikke svekkes ved små skoler.').waitFor();
  });

  it('the officer records the innstilling and sends the case to Driftsutvalget', { timeout: 240_000 }, async () => {
    const officer = await as('officer');
    await officer.goto(story.caseUrl);
    await recordRecommendation(officer, {
      body: 'Driftsutvalget',
      text: 'Kommunedirektøren innstiller på ny modell for fordeling av skolenes ressurser fra skoleåret 2027/28.',
    });
    await moveCase(officer, 'Send til behandling i Driftsutvalget');
    await expectAccessible(officer, 'Saken innstilt og sendt til Driftsutvalget');
  });

  it(
    'Driftsutvalget meets: attendance with a substitute, two motions with votes, and the vedtak follows from the vote',
    { timeout: 240_000 },
    async () => {
      const officer = await as('officer');
      await createMeeting(officer, {
        body: 'Driftsutvalget',
        title: 'Driftsutvalgets møte om ressursmodellen',
        startsAt: osloLocal(story.deadline + 2 * HOUR),
        place: 'Kommunestyresalen',
      });
      await addAgendaItem(officer, { caseTitle: CASE });
      await publishNotice(officer);
      await recordAttendance(officer, {
        members: [
          { name: PEOPLE.politician.name, status: 'present' },
          { name: PEOPLE.officer.name, status: 'substitute', substitute: 'Kari Vik' },
        ],
      });
      await recordProtocol(officer, {
        caseTitle: CASE,
        minutes: 'Innstillingen og et alternativt forslag ble satt opp mot hverandre.',
        motions: [
          {
            text: VEDTAK,
            proposedBy: PEOPLE.politician.name,
            party: 'Fjordlista',
            for: 2,
            against: 0,
            byParty: [
              { party: 'Fjordlista', for: 1, against: 0 },
              { party: 'Kystpartiet', for: 1, against: 0 },
            ],
          },
          { text: 'Saken utsettes til høsten.', proposedBy: 'Kari Vik', party: 'Kystpartiet', for: 1, against: 1 },
        ],
        adopted: 0,
      });
      await officer.getByText('Kari Vik').first().waitFor();
      await expectAccessible(officer, 'Driftsutvalgets protokoll med voteringer');

      await officer.goto(story.caseUrl);
      await officer
        .getByRole('list', { name: 'Fasene saken har vært i' })
        .locator('li[aria-current="step"]')
        .filter({ hasText: 'Vedtatt' })
        .waitFor();
      await officer.getByText(VEDTAK).first().waitFor();
    },
  );

  it('the decision gets a follow-up task, and the final report shows how far it has come', { timeout: 240_000 }, async () => {
    const officer = await as('officer');
    await officer.goto(story.caseUrl);
    await addFollowUpTask(officer, {
      body: 'Driftsutvalget',
      title: 'Innføre modellen i budsjettet for 2027',
      owner: label(PEOPLE.officer),
      dueDate: '2027-08-01',
    });
    await updateFollowUpTask(officer, 'Innføre modellen i budsjettet for 2027', {
      status: 'Pågår',
      notes: 'Satsene legges inn i budsjettforslaget.',
    });
    await expectAccessible(officer, 'Saken med oppfølgingsoppgave');
    const report = await openFinalReport(officer);
    expect(report).toContain(ITEM);
    expect(report).toContain(VEDTAK);
    expect(report).toContain('Innføre modellen i budsjettet for 2027');
    expect(report).toContain('Pågår');
    await expectAccessible(officer, 'Sluttrapporten');
  });

  it('the committee member finds the case, its inputs and the decision by searching', { timeout: 240_000 }, async () => {
    const politician = await as('politician');
    await search(politician, 'fordeling av skolenes ressurser');
    await politician
      .getByRole('link', { name: new RegExp(CASE) })
      .first()
      .waitFor();
    await expectAccessible(politician, 'Søk');
    // The committee reads the case's inputs with their handling; the round's own answers stay with the
    // body that gave them and the officers, as the round did not publish them (submissionVisibleSql).
    const table = await openInputTable(politician, { caseUrl: story.caseUrl });
    await table.getByRole('cell', { name: 'SFO utredes i en egen sak.' }).waitFor();
    await table.getByRole('cell', { name: 'Elevtallet vektes tyngre enn i dag.' }).waitFor();
    expect(await table.getByText('FAU ber om at små skoler beholder en grunnressurs.').count()).toBe(0);
    await expectAccessible(politician, 'Innspill og behandling (politiker)');
  });
});
