/**
 * From an empty municipality to a decision, through the web app alone (issue 17). The journey starts
 * from a municipality created by the operator command, with no demo data, and goes on step by step:
 * each `it` continues where the one before left off (shared state below), so a later part of the
 * journey is added as further steps. Every page visited is checked with axe.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launchChromium, logIn, newJourney } from '../support/browser.js';
import { acceptInvitation, addMember, createBody, createMunicipalityByCommand, inviteUser, type Invitee } from './steps/setup.js';

const base = inject('baseUrl');
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
    await expect.poll(() => admin.getByRole('cell', { name: /^Aktiv/ }).count()).toBe(5);
    expect(await admin.getByRole('cell', { name: /^Invitert/ }).count()).toBe(0);
    await expectAccessible(admin, 'Brukere, alle aktive');
  });
});
