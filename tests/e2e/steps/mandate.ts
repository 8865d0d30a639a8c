import type { Page } from 'playwright-core';

/**
 * Steps of the mandate and the follow-up of vedtak, driven through the web app only (roles, labels and
 * the Norwegian texts a person reads). Each takes the logged-in page of a case officer unless it says
 * otherwise, and waits for what the person would see before it returns.
 */

/** Opens the mandate page (Mandatet) and waits for its heading. */
export async function openMandate(page: Page): Promise<void> {
  await page.goto(new URL('/mandat', page.url()).toString());
  await page.getByRole('heading', { level: 1 }).waitFor();
}

export interface MandateInput {
  title: string;
  description?: string;
  /** YYYY-MM-DD */
  endDate: string;
  /**
   * The vedtak that adopted it: in Samråd, the visible text of its option in «Vedtak i Samråd» (a RegExp
   * or its start, e.g. /Driftsutvalget 24\/26/); or taken before Samråd as text.
   */
  adoptedBy?: { decision: string | RegExp } | { body: string; caseNumber: string; date: string };
}

/** An empty municipality: a case officer creates the mandate from the mandate page. */
export async function createMandate(page: Page, m: MandateInput): Promise<void> {
  await openMandate(page);
  const form = page.getByRole('region', { name: 'Opprett mandatet' });
  await form.getByLabel('Tittel', { exact: true }).fill(m.title);
  if (m.description) await form.getByLabel('Beskrivelse', { exact: true }).fill(m.description);
  await form.getByLabel('Frist for hele mandatet', { exact: true }).fill(m.endDate);
  await fillAdoption(form, m.adoptedBy);
  await form.getByRole('button', { name: 'Opprett mandatet' }).click();
  await page.getByRole('heading', { level: 1, name: m.title }).waitFor();
}

/** Edits the mandate (its «Endre mandatet» form); only the given fields are changed in the form. */
export async function editMandate(page: Page, m: Partial<MandateInput>): Promise<void> {
  await openMandate(page);
  await page.getByText('Endre mandatet', { exact: true }).first().click();
  const form = page.getByRole('region', { name: 'Endre mandatet' });
  if (m.title) await form.getByLabel('Tittel', { exact: true }).fill(m.title);
  if (m.description !== undefined) await form.getByLabel('Beskrivelse', { exact: true }).fill(m.description);
  if (m.endDate) await form.getByLabel('Frist for hele mandatet', { exact: true }).fill(m.endDate);
  await fillAdoption(form, m.adoptedBy);
  await form.getByRole('button', { name: 'Lagre endringene' }).click();
  await form.getByText('Endringene er lagret.').waitFor();
}

async function fillAdoption(form: ReturnType<Page['getByRole']>, adopted: MandateInput['adoptedBy']): Promise<void> {
  if (!adopted) return;
  if ('decision' in adopted) {
    const select = form.getByLabel('Vedtak i Samråd', { exact: true });
    const options = await select.locator('option').allTextContents();
    const label = options.find((o) => (typeof adopted.decision === 'string' ? o.startsWith(adopted.decision) : adopted.decision.test(o)));
    if (!label) throw new Error(`no vedtak «${String(adopted.decision)}» among: ${options.join(' | ')}`);
    await select.selectOption({ label });
  } else {
    await form.getByLabel('Vedtatt av (organ)', { exact: true }).selectOption({ label: adopted.body });
    await form.getByLabel('Saksnummer', { exact: true }).fill(adopted.caseNumber);
    await form.getByLabel('Vedtaksdato', { exact: true }).fill(adopted.date);
  }
}

export interface MandateItemInput {
  number?: number;
  title: string;
  description?: string;
  /** The owner's option as shown, «Name (title)», or the name alone. */
  owner?: string;
  /** YYYY-MM-DD */
  dueDate?: string;
}

/** Adds an item to the mandate (it goes last in the order). */
export async function addMandateItem(page: Page, item: MandateItemInput): Promise<void> {
  await openMandate(page);
  const form = page.getByRole('form', { name: 'Nytt mandatpunkt' });
  if (item.number !== undefined) await form.getByLabel('Nummer', { exact: true }).fill(String(item.number));
  await form.getByLabel('Punkt', { exact: true }).fill(item.title);
  if (item.description) await form.getByLabel('Beskrivelse', { exact: true }).fill(item.description);
  if (item.owner) await selectPerson(form.getByLabel('Ansvarlig', { exact: true }), item.owner);
  if (item.dueDate) await form.getByLabel('Frist', { exact: true }).fill(item.dueDate);
  await form.getByRole('button', { name: 'Legg til punktet' }).click();
  await page.getByRole('table', { name: 'Mandatpunkter' }).getByText(item.title, { exact: true }).waitFor();
}

/** Edits an item by its title (and sets its status: «Ikke startet», «Pågår», «Til gjennomgang», «Ferdig» as shown). */
export async function editMandateItem(page: Page, title: string, changes: Partial<MandateItemInput> & { status?: string }): Promise<void> {
  await openMandate(page);
  await page.getByText(`Endre punktet «${title}»`, { exact: true }).click();
  const form = page.getByRole('form', { name: `Endre punktet «${title}»` });
  if (changes.number !== undefined) await form.getByLabel('Nummer', { exact: true }).fill(String(changes.number));
  if (changes.title) await form.getByLabel('Punkt', { exact: true }).fill(changes.title);
  if (changes.description !== undefined) await form.getByLabel('Beskrivelse', { exact: true }).fill(changes.description);
  if (changes.owner) await selectPerson(form.getByLabel('Ansvarlig', { exact: true }), changes.owner);
  if (changes.dueDate) await form.getByLabel('Frist', { exact: true }).fill(changes.dueDate);
  if (changes.status) await form.getByLabel('Status', { exact: true }).selectOption({ label: changes.status });
  await form.getByRole('button', { name: 'Lagre punktet' }).click();
  await form.getByText('Endringene er lagret.').waitFor();
}

/** Moves an item one place up or down with the keyboard (focus on its button, Enter). */
export async function moveMandateItem(page: Page, title: string, direction: 'up' | 'down'): Promise<void> {
  await openMandate(page);
  const rows = page.getByRole('table', { name: 'Mandatpunkter' }).getByRole('row');
  const before = await rows.allTextContents();
  const button = page.getByRole('button', { name: `Flytt «${title}» ${direction === 'up' ? 'opp' : 'ned'}` });
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (old) => JSON.stringify([...document.querySelectorAll('table tr')].map((r) => r.textContent)) !== JSON.stringify(old),
    before,
  );
}

/** Closes an item (status «Ferdig») with its own button. */
export async function closeMandateItem(page: Page, title: string): Promise<void> {
  await openMandate(page);
  await page.getByRole('button', { name: `Lukk punktet «${title}» (ferdig)` }).click();
  await page.getByRole('button', { name: `Lukk punktet «${title}» (ferdig)` }).waitFor({ state: 'detached' });
}

export interface FollowUpInput {
  /** The vedtak's body as shown on the case page (e.g. «Kommunestyret»). */
  body: string;
  title: string;
  owner?: string;
  /** YYYY-MM-DD */
  dueDate?: string;
  /** «Ikke startet», «Pågår» or «Ferdig». */
  status?: string;
  notes?: string;
}

/** On a case's page (already open): adds a follow-up task to the vedtak of `body`. */
export async function addFollowUpTask(page: Page, task: FollowUpInput): Promise<void> {
  await page.getByText(new RegExp(`^Legg til oppfølgingsoppgave for vedtaket i ${escape(task.body)}\\b`)).click();
  const form = page.getByRole('form', { name: 'Ny oppfølgingsoppgave' });
  await form.getByLabel('Oppgave', { exact: true }).fill(task.title);
  if (task.owner) await selectPerson(form.getByLabel('Ansvarlig', { exact: true }), task.owner);
  if (task.dueDate) await form.getByLabel('Frist', { exact: true }).fill(task.dueDate);
  if (task.status) await form.getByLabel('Status', { exact: true }).selectOption({ label: task.status });
  if (task.notes) await form.getByLabel('Notater', { exact: true }).fill(task.notes);
  await form.getByRole('button', { name: 'Legg til oppgaven' }).click();
  await page.getByRole('region', { name: 'Oppfølging av vedtak', exact: true }).getByText(task.title, { exact: true }).waitFor();
}

/** On a case's page (already open): changes a follow-up task's status (and notes). */
export async function updateFollowUpTask(page: Page, title: string, changes: { status?: string; notes?: string }): Promise<void> {
  await page.getByText(`Endre oppgaven «${title}»`, { exact: true }).click();
  const form = page.getByRole('form', { name: `Endre oppgaven «${title}»` });
  if (changes.status) await form.getByLabel('Status', { exact: true }).selectOption({ label: changes.status });
  if (changes.notes !== undefined) await form.getByLabel('Notater', { exact: true }).fill(changes.notes);
  await form.getByRole('button', { name: 'Lagre oppgaven' }).click();
  await form.getByText('Oppgaven er lagret.').waitFor();
}

/** Opens the mandate's final report and answers its text (what was decided and how far each vedtak has come). */
export async function openFinalReport(page: Page): Promise<string> {
  await page.goto(new URL('/mandat/sluttrapport', page.url()).toString());
  await page.getByRole('heading', { level: 1, name: /^Sluttrapport/ }).waitFor();
  await page.locator('main').getByText('Laster …').waitFor({ state: 'hidden' });
  return (await page.locator('main').textContent()) ?? '';
}

async function selectPerson(select: ReturnType<Page['getByLabel']>, person: string): Promise<void> {
  const options = await select.locator('option').allTextContents();
  const label = options.find((o) => o === person || o.startsWith(`${person} (`));
  if (!label) throw new Error(`no person «${person}» among: ${options.join(' | ')}`);
  await select.selectOption({ label });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
