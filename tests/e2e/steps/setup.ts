/**
 * Steps of setting up a municipality, for the browser journeys: the operator command, then the
 * administrator's work in the web app (people, bodies, memberships). Each step drives the UI only, by
 * roles and labels, and waits for what the page shows when it is done. The one exception is the
 * operator command, which is not a page: it runs as a process, as the operator would run it.
 */
import { spawn } from 'node:child_process';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT, waitUntil } from '../../support/app-process.js';

export interface NewMunicipality {
  name: string;
  orgNumber: string;
  adminEmail: string;
  adminName: string;
}

/**
 * Runs `npm run municipality -- create …` against the app's database (APP_URL makes the invitation link
 * point at the app under test). Answers what the command wrote; fails when it exits non-zero.
 */
export async function createMunicipalityByCommand(
  env: { databaseUrl: string; baseUrl: string },
  m: NewMunicipality,
): Promise<{ stdout: string; stderr: string }> {
  const args = ['create', '--name', m.name, '--org-number', m.orgNumber, '--admin-email', m.adminEmail, '--admin-name', m.adminName];
  const child = spawn('npm', ['run', '--silent', 'municipality', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: env.databaseUrl, APP_URL: env.baseUrl, MAIL_TRANSPORT: 'capture', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code, `npm run municipality -- create: ${stderr}`).toBe(0);
  return { stdout, stderr };
}

interface CaughtMail {
  to: string;
  subject: string;
  text: string;
}

/** The newest caught e-mail to `email` with `subject`, from the dev mailbox (/dev/mail); waits for the worker to send it. */
export async function caughtMail(page: Page, base: string, email: string, subject: string): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await waitUntil(
    async () => {
      const res = await page.request.get(`${base}/dev/mail/messages.json`);
      const { messages } = (await res.json()) as { messages: CaughtMail[] };
      found = messages.find((m) => m.to.toLowerCase() === email.toLowerCase() && m.subject === subject);
      return found !== undefined;
    },
    `e-post «${subject}» til ${email}`,
    60_000,
  );
  return found!;
}

/**
 * Opens the invitation link from the caught e-mail, chooses a password and lands on the start page,
 * logged in. The page should be in a context of its own (the person's browser).
 */
export async function acceptInvitation(page: Page, base: string, email: string, password: string): Promise<void> {
  const mail = await caughtMail(page, base, email, 'Invitasjon til Samråd');
  const link = /https?:\/\/\S+\/invitasjon\?token=[\w-]+/.exec(mail.text)?.[0];
  expect(link, `lenke i invitasjonen til ${email}`).toBeDefined();
  await page.goto(link!);
  await page.getByRole('heading', { level: 1, name: 'Velg passord' }).waitFor();
  await page.getByLabel('Nytt passord').fill(password);
  await page.getByRole('button', { name: 'Ta imot invitasjonen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
}

export interface Invitee {
  name: string;
  email: string;
  /** The role or title others see, e.g. «Hovedtillitsvalgt, Utdanningsforbundet». */
  title?: string;
  caseOfficer?: boolean;
  admin?: boolean;
}

/** An administrator invites a person from «Brukere»; waits for the receipt and the person in the list as invited. */
export async function inviteUser(page: Page, person: Invitee): Promise<void> {
  await page.getByRole('link', { name: 'Brukere', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Inviter bruker' }).waitFor();
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Inviter bruker' }) });
  await form.getByRole('textbox', { name: 'Navn' }).fill(person.name);
  await form.getByRole('textbox', { name: 'E-postadresse' }).fill(person.email);
  await form.getByRole('textbox', { name: 'Rolle eller tittel' }).fill(person.title ?? '');
  if (person.caseOfficer) await form.getByRole('checkbox', { name: 'Saksbehandler' }).check();
  if (person.admin) await form.getByRole('checkbox', { name: 'Administrator' }).check();
  await form.getByRole('button', { name: 'Send invitasjon' }).click();
  await page.getByText(`Invitasjonen er sendt til ${person.email}.`).waitFor();
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: person.email, exact: true }) });
  await row.getByRole('cell', { name: /^Invitert/ }).waitFor();
}

export type BodyKindLabel = 'Politisk utvalg' | 'Kommunestyre' | 'Styringsgruppe' | 'Arbeidsgruppe' | 'Referansegruppe' | 'Administrasjon';

/** A case officer or administrator creates a body from «Organer»; lands on its page and answers its id. */
export async function createBody(
  page: Page,
  body: { kind: BodyKindLabel; name: string; description?: string; parent?: string },
): Promise<string> {
  await page.getByRole('link', { name: 'Organer', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Nytt organ' }).waitFor();
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Nytt organ' }) });
  await form.getByLabel('Type').selectOption({ label: body.kind });
  await form.getByRole('textbox', { name: 'Navn på organet' }).fill(body.name);
  await form.getByRole('textbox', { name: 'Beskrivelse' }).fill(body.description ?? '');
  if (body.parent) await form.getByLabel('Hører under').selectOption({ label: body.parent });
  await form.getByRole('button', { name: 'Opprett organ' }).click();
  await page.getByRole('heading', { level: 1, name: body.name }).waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

export type CapacityLabel = 'Politiker' | 'Tillitsvalgt' | 'Foreldrerepresentant' | 'Ungdomsrepresentant' | 'Administrasjonen' | 'Annet';
export type BodyRoleLabel = 'Leder' | 'Nestleder' | 'Medlem' | 'Sekretær' | 'Observatør';

export interface NewMember {
  /** The person as the list shows them: «Name (title)», or the name alone when they have no title. */
  person: string;
  role: BodyRoleLabel;
  capacity: CapacityLabel;
  party?: string;
  side?: 'Posisjon' | 'Opposisjon';
  union?: string;
  school?: string;
  /** YYYY-MM-DD; today when left out. */
  from?: string;
  to?: string;
}

/** On a body's page, a case officer adds a member; waits for the receipt. */
export async function addMember(page: Page, member: NewMember): Promise<void> {
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Legg til medlem' }) });
  await form.getByLabel('Person').selectOption({ label: member.person });
  await form.getByLabel('Rolle').selectOption({ label: member.role });
  await form.getByLabel('Representerer').selectOption({ label: member.capacity });
  if (member.party !== undefined) await form.getByRole('textbox', { name: 'Parti' }).fill(member.party);
  if (member.side) await form.getByLabel('Side').selectOption({ label: member.side });
  if (member.union !== undefined) await form.getByRole('textbox', { name: 'Fagforening' }).fill(member.union);
  if (member.school !== undefined) await form.getByRole('textbox', { name: 'Skole' }).fill(member.school);
  if (member.from) await form.getByLabel('Fra dato').fill(member.from);
  if (member.to) await form.getByLabel('Til dato (valgfritt)').fill(member.to);
  await form.getByRole('button', { name: 'Legg til', exact: true }).click();
  await form.getByText('Medlemmet er lagt til.').waitFor();
}
