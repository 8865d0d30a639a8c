import type { Locator, Page } from 'playwright-core';

/*
 * Browser steps for input from everyone who has a say: continuous input on a case or a mandate item,
 * input at a school conference, an answer to a round, the officer's disposition, and the table
 * «Innspill og behandling». Each drives only the UI, by role and accessible name, and waits on what
 * the page shows (no sleeps). A `…Url` parameter is a full address (the pages have no base URL), e.g.
 * `page.url()` of a case (`/saker/:id`), a round (`/innspill/:id`) or a meeting (`/moter/:id`).
 */

export type Outcome = 'Tatt til følge' | 'Delvis tatt til følge' | 'Ikke tatt til følge' | 'Tatt til orientering';
export type Section = 'Bakgrunn' | 'Fakta' | 'Vurdering' | 'Forslag til vedtak';

/** What a sent input's receipt says: its number (the input's id) and when it was received. */
export interface ReceiptSeen {
  number: string;
  received: string;
}

/** Reads the receipt a form shows once its input is sent (components/InputReceipt.tsx). */
async function readReceipt(scope: Locator | Page): Promise<ReceiptSeen> {
  await scope.getByRole('heading', { name: 'Innspillet er sendt' }).waitFor();
  const number = (await scope.getByText(/^Kvitteringsnummer: /).innerText()).replace('Kvitteringsnummer: ', '').trim();
  const received = (await scope.getByText(/^Kvittering: innspillet er mottatt /).innerText()).trim();
  return { number, received };
}

/**
 * Continuous input (løpende innspill) on a case, from its page: for a body the person is a member of
 * (`onBehalfOf`, the body's name) or in their own capacity (left out). Answers the receipt shown.
 */
export async function giveContinuousInput(
  page: Page,
  input: { caseUrl?: string; onBehalfOf?: string; text: string },
): Promise<ReceiptSeen> {
  if (input.caseUrl) await page.goto(input.caseUrl);
  const form = page.getByRole('region', { name: 'Gi innspill' });
  await form.waitFor();
  await form.getByLabel('Sendes på vegne av').selectOption({ label: input.onBehalfOf ?? 'På eget vegne' });
  await form.getByRole('textbox', { name: 'Innspill', exact: true }).fill(input.text);
  await form.getByRole('button', { name: 'Send innspill' }).click();
  return readReceipt(form);
}

/** Continuous input on a mandate item, from the mandate page (reached by the main menu): the item by its title. */
export async function giveMandateItemInput(
  page: Page,
  input: { itemTitle: string; onBehalfOf?: string; text: string },
): Promise<ReceiptSeen> {
  await page.getByRole('link', { name: 'Mandatet', exact: true }).click();
  await page.getByText(`Gi innspill til mandatpunktet: ${input.itemTitle}`).click();
  const form = page.getByRole('region', { name: 'Gi innspill til mandatpunktet' });
  await form.waitFor();
  await form.getByLabel('Sendes på vegne av').selectOption({ label: input.onBehalfOf ?? 'På eget vegne' });
  await form.getByRole('textbox', { name: 'Innspill', exact: true }).fill(input.text);
  await form.getByRole('button', { name: 'Send innspill' }).click();
  return readReceipt(form);
}

/**
 * Input at a school conference that has started, from the meeting's page, by a registered participant
 * (or an officer): the case from the conference's agenda by its label («2026/12 Tittel»).
 */
export async function giveConferenceInput(
  page: Page,
  input: { meetingUrl?: string; caseLabel: string | RegExp; text: string },
): Promise<ReceiptSeen> {
  if (input.meetingUrl) await page.goto(input.meetingUrl);
  await page.getByRole('heading', { name: 'Innspill fra konferansen' }).waitFor();
  const select = page.getByLabel('Sak', { exact: true });
  const label =
    typeof input.caseLabel === 'string'
      ? input.caseLabel
      : (await select.locator('option').allInnerTexts()).find((o) => (input.caseLabel as RegExp).test(o));
  if (!label) throw new Error(`no case on the conference's agenda matches ${String(input.caseLabel)}`);
  await select.selectOption({ label });
  await page.getByRole('textbox', { name: 'Innspill', exact: true }).fill(input.text);
  await page.getByRole('button', { name: 'Send innspill' }).click();
  return readReceipt(page);
}

/** An answer to an input round, from the round's page: for an invited body (its name), or oneself. */
export async function submitToRound(page: Page, input: { roundUrl?: string; onBehalfOf?: string; text: string }): Promise<ReceiptSeen> {
  if (input.roundUrl) await page.goto(input.roundUrl);
  const section = page.getByRole('region', { name: 'Ditt innspill' });
  await section.waitFor();
  const body = section.getByLabel('Sendes på vegne av');
  if (input.onBehalfOf) await body.selectOption({ label: input.onBehalfOf });
  else {
    const own = (await body.locator('option').allInnerTexts()).find((o) => o.startsWith('Meg selv'));
    if (own) await body.selectOption({ label: own });
  }
  await section.getByRole('textbox', { name: 'Innspill', exact: true }).fill(input.text);
  await section.getByRole('button', { name: 'Send innspill' }).click();
  return readReceipt(section);
}

/** A new version of the input whose receipt the page shows (after any of the sends above). */
export async function editSentInput(page: Page, text: string): Promise<ReceiptSeen> {
  await page.getByRole('button', { name: 'Lag en ny versjon av innspillet' }).click();
  await page.getByRole('textbox', { name: 'Nytt innhold i innspillet' }).fill(text);
  await page.getByRole('button', { name: 'Lagre ny versjon' }).click();
  await page.getByRole('button', { name: 'Lag en ny versjon av innspillet' }).waitFor();
  return readReceipt(page);
}

/** Opens a case's «Innspill og behandling» from the case page (`caseUrl`, else the case page shown). */
export async function openInputTable(page: Page, input: { caseUrl?: string } = {}): Promise<Locator> {
  if (input.caseUrl) await page.goto(input.caseUrl);
  await page.getByRole('link', { name: 'Åpne «Innspill og behandling»' }).click();
  await page.getByRole('heading', { level: 1, name: /^Innspill og behandling – sak / }).waitFor();
  const table = page.getByRole('table', { name: 'Innspill og behandling' });
  return table;
}

/** Filters the table (the exports follow): by kind, outcome, body and handled or not, by their labels. */
export async function filterInputTable(
  page: Page,
  filter: {
    kind?: 'Alle typer' | 'Innspillsrunde' | 'Løpende innspill' | 'Skolekonferanse';
    outcome?: Outcome;
    body?: string;
    handled?: 'Behandlet' | 'Ikke behandlet';
  },
): Promise<void> {
  if (filter.kind) await page.getByLabel('Type', { exact: true }).selectOption({ label: filter.kind });
  if (filter.outcome) await page.getByLabel('Utfall', { exact: true }).first().selectOption({ label: filter.outcome });
  if (filter.body) await page.getByLabel('Fra organ').selectOption({ label: filter.body });
  if (filter.handled) await page.getByLabel('Behandlet', { exact: true }).selectOption({ label: filter.handled });
  await page.getByText(/^Viser \d+ av \d+ innspill\.$/).waitFor();
}

/**
 * The officer's disposition of one input (of any kind) in «Innspill og behandling»: the row found by a
 * part of the input's text. Opens the table from `caseUrl` when given, else uses the page as it is.
 */
export async function dispose(
  page: Page,
  input: { caseUrl?: string; inputText: string; outcome: Outcome; reason: string; section?: Section },
): Promise<void> {
  if (input.caseUrl) await openInputTable(page, { caseUrl: input.caseUrl });
  const row = page.getByRole('row').filter({ hasText: input.inputText });
  await row.getByText(/^(Behandle|Endre behandling)$/).click();
  const form = row.getByRole('form');
  await form.getByLabel('Utfall').selectOption({ label: input.outcome });
  await form.getByRole('textbox', { name: 'Begrunnelse' }).fill(input.reason);
  if (input.section) await form.getByLabel('Delen av saksframlegget innspillet endret').selectOption({ label: input.section });
  await form.getByRole('button', { name: 'Lagre behandling' }).click();
  await form.getByText('Behandlingen er lagret, og den som ga innspillet er varslet.').waitFor();
  await row.getByRole('cell', { name: input.outcome, exact: true }).waitFor();
}

/** What the person who gave an input sees of its handling, on the case page («Dine innspill her»). */
export async function seeOwnHandling(page: Page, input: { caseUrl: string; outcome: Outcome; reason: string }): Promise<void> {
  await page.goto(input.caseUrl);
  await page.getByRole('region', { name: 'Gi innspill' }).getByText(`Behandling: ${input.outcome}. ${input.reason}`).waitFor();
}
