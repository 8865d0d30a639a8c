import { basename } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * Reusable steps for cases (saker), driving only the web app by roles and labels, as a case officer
 * would. Each takes the page (logged in as a case officer unless said otherwise) and plain parameters,
 * and returns once the page shows that the step is done.
 */

/** Where a list of references is entered: the new-case form or the case's edit form. */
function referenceFields(scope: Page | Locator) {
  return scope.getByRole('group', { name: 'Referanser til tidligere saker og vedtak' });
}

/** Adds one reference («sak 7/21») at the end of the list in `scope` (a form, or the page when only one list is open). */
export async function addReference(scope: Page | Locator, text: string): Promise<void> {
  const group = referenceFields(scope);
  const before = await group.getByRole('textbox', { name: /^Referanse \d+$/ }).count();
  await group.getByRole('button', { name: 'Legg til referanse' }).click();
  await group.getByRole('textbox', { name: `Referanse ${before + 1}`, exact: true }).fill(text);
}

export interface NewCase {
  title: string;
  /** The mandate item as the list shows it, e.g. «3. Ressurstildelingsmodellen». */
  mandateItem?: string;
  /** References to earlier cases and decisions, e.g. ['sak 7/21', 'sak 11/21']. */
  references?: string[];
  /** Exempt from public access (offentleglova), with its legal basis and screened title. */
  exempt?: { legalBasis: string; publicTitle: string };
}

/** Creates a case from «Saker» and waits for its page. Returns the case page's address. */
export async function createCase(page: Page, c: NewCase): Promise<string> {
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Saker' }).click();
  await page.getByRole('heading', { level: 1, name: 'Saker' }).waitFor();
  const form = page.getByRole('region', { name: 'Ny sak' });
  await form.getByRole('textbox', { name: 'Tittel', exact: true }).fill(c.title);
  if (c.mandateItem) await form.getByLabel('Mandatpunkt').selectOption({ label: c.mandateItem });
  for (const r of c.references ?? []) await addReference(form, r);
  if (c.exempt) {
    await form.getByLabel('Offentlighet').selectOption({ label: 'Unntatt offentlighet' });
    await form.getByRole('textbox', { name: 'Hjemmel for unntak' }).fill(c.exempt.legalBasis);
    await form.getByRole('textbox', { name: 'Skjermet tittel' }).fill(c.exempt.publicTitle);
  }
  await form.getByRole('button', { name: 'Opprett sak' }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^Saksnr\\. \\d+/\\d+: ${escape(c.title)}$`) }).waitFor();
  return page.url();
}

export interface CaseEdit {
  title?: string;
  /** The mandate item as the list shows it, or «Ingen» to take it away. */
  mandateItem?: string;
  /** References to add at the end of the list. */
  addReferences?: string[];
  /** References to remove, by their text. */
  removeReferences?: string[];
}

/** Opens «Rediger saken» on the case page (if closed) and answers its form. */
async function openEditForm(page: Page): Promise<Locator> {
  const form = page.getByRole('region', { name: 'Rediger saken' });
  if (!(await form.isVisible())) await page.getByText('Rediger saken', { exact: true }).first().click();
  await form.waitFor();
  return form;
}

/** Edits the case on its page (title, mandate item, references) and waits for «Endringene er lagret.». */
export async function editCase(page: Page, edit: CaseEdit): Promise<void> {
  const form = await openEditForm(page);
  if (edit.title !== undefined) await form.getByRole('textbox', { name: 'Sakens tittel' }).fill(edit.title);
  if (edit.mandateItem !== undefined) await form.getByLabel('Mandatpunkt').selectOption({ label: edit.mandateItem });
  for (const text of edit.removeReferences ?? []) {
    const fields = referenceFields(form).getByRole('textbox', { name: /^Referanse \d+$/ });
    const n = await fields.count();
    for (let i = 0; i < n; i++) {
      if ((await fields.nth(i).inputValue()) === text) {
        await referenceFields(form)
          .getByRole('button', { name: `Fjern referanse ${i + 1}`, exact: true })
          .click();
        break;
      }
    }
  }
  for (const r of edit.addReferences ?? []) await addReference(form, r);
  await form.getByRole('button', { name: 'Lagre endringene' }).click();
  await form.getByText('Endringene er lagret.').waitFor();
}

/** The references the case page lists, as links (`href` set) or as text. */
export async function caseReferences(page: Page): Promise<{ text: string; href: string | null }[]> {
  const items = page.getByRole('region', { name: 'Referanser til tidligere saker og vedtak' }).getByRole('listitem');
  const out: { text: string; href: string | null }[] = [];
  for (const item of await items.all()) {
    const link = item.getByRole('link');
    out.push({ text: (await item.innerText()).trim(), href: (await link.count()) ? await link.getAttribute('href') : null });
  }
  return out;
}

/** Uploads a file from disk as an attachment (vedlegg) of the case and waits for its download link. */
export async function attachDocument(page: Page, path: string): Promise<void> {
  const section = page.getByRole('region', { name: 'Vedlegg' });
  await section.getByLabel('Legg til vedlegg').setInputFiles(path);
  await section.getByRole('button', { name: 'Last opp' }).click();
  await section.getByRole('link', { name: basename(path) }).waitFor();
}

/**
 * Moves the case with one of the lifecycle's buttons under «Flytt saken», by its label (e.g. «Start
 * utredningen», «Send til behandling i Driftsutvalget», «Tilbake til utredning», «Avslutt saken»), with
 * an optional reason, and waits for the confirmation.
 */
export async function moveCase(page: Page, buttonLabel: string, reason?: string): Promise<void> {
  const moves = page.getByRole('group', { name: 'Flytt saken' });
  if (reason) await moves.getByRole('textbox', { name: 'Begrunnelse (valgfri)' }).fill(reason);
  await moves.getByRole('button', { name: buttonLabel, exact: true }).click();
  await moves.getByText(/^Saken er flyttet til «/).waitFor();
}

/** Sets the case's route (saksgang): the bodies it goes through, by name (in the form's order). */
export async function setRoute(page: Page, bodies: string[]): Promise<void> {
  const form = page.getByRole('form', { name: 'Saksgang: organer saken skal behandles i' });
  for (const box of await form.getByRole('checkbox').all()) await box.setChecked(false);
  for (const b of bodies) await form.getByRole('checkbox', { name: b, exact: true }).check();
  await form.getByRole('button', { name: 'Lagre saksgang' }).click();
  const route = page.getByRole('table', { name: 'Saksgang' });
  for (const b of bodies) await route.getByRole('cell', { name: b, exact: true }).waitFor();
}

/** Records the innstilling to a body on the route and waits for it on the page. */
export async function recordRecommendation(page: Page, r: { body: string; text: string }): Promise<void> {
  const form = page.getByRole('region', { name: 'Registrer innstilling' });
  await form.getByLabel('Organ').selectOption({ label: r.body });
  await form.getByRole('textbox', { name: 'Innstillingens tekst' }).fill(r.text);
  await form.getByRole('button', { name: 'Registrer innstilling' }).click();
  await form.getByText('Registrer innstilling ✓').waitFor();
}

/** Changes the access level under «Tilgang og offentlighet» (its own action) and waits for «Tilgangen er endret.». */
export async function changeAccess(
  page: Page,
  a: { to: 'exempt'; legalBasis: string; publicTitle: string; reason?: string } | { to: 'public'; reason: string },
): Promise<void> {
  const form = page.getByRole('region', { name: 'Endre tilgang (offentlighet)' });
  if (!(await form.isVisible())) await page.getByText('Tilgang og offentlighet', { exact: true }).click();
  await form.getByLabel('Ny tilgang').selectOption({ label: a.to === 'exempt' ? 'Unntatt offentlighet' : 'Offentlig' });
  if (a.to === 'exempt') {
    await form.getByRole('textbox', { name: 'Hjemmel for unntak' }).fill(a.legalBasis);
    await form.getByRole('textbox', { name: 'Skjermet tittel' }).fill(a.publicTitle);
  }
  if (a.reason) await form.getByRole('textbox', { name: /^Begrunnelse/ }).fill(a.reason);
  await form.getByRole('button', { name: 'Endre tilgang' }).click();
  await form.getByText('Tilgangen er endret.').waitFor();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
