import type { Page } from 'playwright-core';

/**
 * Browser steps for the analysis workbench (#19), driving only the UI by roles and labels. Each takes a logged-in
 * page and plain parameters, so a journey can carry an empty municipality through the tools.
 */

/** Opens «Analyse» from the main navigation. */
export async function openAnalysis(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Analyse', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Analyse og tiltak' }).waitFor();
}

export type AnalysisKindLabel =
  'Innsparingskrav og tiltak' | 'Foreldrebetaling i SFO' | 'Skolestruktur' | 'Sammenligning med andre kommuner (KOSTRA)';

/**
 * An officer creates a tool on a case (its option reads «2026/12 Tittel»), optionally under a mandate item («3. Tittel»);
 * a savings plan gets its first year's target. Ends on the new tool's page.
 */
export async function createAnalysisTool(
  page: Page,
  tool: { kind: AnalysisKindLabel; caseOption: string; title: string; mandateItem?: string; firstYear?: number; firstTarget?: number },
): Promise<void> {
  await openAnalysis(page);
  await page.getByLabel('Verktøy').selectOption({ label: tool.kind });
  await page.getByLabel('Sak', { exact: true }).selectOption({ label: tool.caseOption });
  if (tool.mandateItem) await page.getByLabel('Mandatpunkt').selectOption({ label: tool.mandateItem });
  await page.getByLabel('Tittel', { exact: true }).fill(tool.title);
  if (tool.firstYear !== undefined) await page.getByLabel('Første år med innsparingskrav').fill(String(tool.firstYear));
  if (tool.firstTarget !== undefined) await page.getByLabel('Innsparingskrav det året (kr)').fill(String(tool.firstTarget));
  await page.getByRole('button', { name: 'Opprett analysen' }).click();
  await page.getByRole('heading', { level: 1, name: tool.title }).waitFor();
}

/** A table cell's field by its accessible name («Plasser – Hel plass»). */
const cell = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

/** Saves the open tool's input form and waits until it is stored as a new version. */
export async function saveToolInput(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lagre og regn ut' }).click();
  await page.getByText('Lagret som ny versjon.').waitFor();
}

/** The savings plan's target for one more year (the next after the last) with its amount. */
export async function addTarget(page: Page, target: { year: number; amount: string }): Promise<void> {
  await page.getByRole('button', { name: 'Legg til år' }).click();
  const rows = page.getByRole('table', { name: 'Kravet per år' }).getByRole('row');
  await cell(page, `År – rad ${(await rows.count()) - 1}`).fill(String(target.year));
  await cell(page, `Krav (kr) – ${target.year}`).fill(target.amount);
  await saveToolInput(page);
}

export type SfoChange =
  | { type: 'move'; label: string; from: string; to: string; share?: string; pupils?: string }
  | { type: 'price'; label: string; kind: string; monthlyPrice: string }
  | { type: 'hours'; label: string; kind: string; weeklyHours: string };
const CHANGE_TYPE = { move: 'Elever flytter mellom plasstyper', price: 'Ny pris', hours: 'Nye timer' } as const;

/**
 * Fills the open SFO scenario's form: places, prices and hours of kinds already in the table (by their label),
 * the payment months, the changes in order and the 11th term; then saves.
 */
export async function fillSfoScenario(
  page: Page,
  sfo: {
    paymentMonths: string;
    kinds: { label: string; places: string; monthlyPrice: string; weeklyHours?: string }[];
    changes: SfoChange[];
    eleventhTerm?: { pupilsPerAdult: string; monthlyWage: string };
  },
): Promise<void> {
  await page.getByLabel('Betalingsmåneder per år').fill(sfo.paymentMonths);
  for (const k of sfo.kinds) {
    await cell(page, `Plasser – ${k.label}`).fill(k.places);
    await cell(page, `Pris (kr/mnd) – ${k.label}`).fill(k.monthlyPrice);
    if (k.weeklyHours) await cell(page, `Timer per uke – ${k.label}`).fill(k.weeklyHours);
  }
  for (const [i, c] of sfo.changes.entries()) {
    await page.getByRole('button', { name: 'Legg til endring' }).click();
    const group = page.getByRole('group', { name: new RegExp(`^Endring ${i + 1}`) });
    await group.getByLabel('Type endring').selectOption({ label: CHANGE_TYPE[c.type] });
    await group.getByLabel('Beskrivelse').fill(c.label);
    if (c.type === 'move') {
      await group.getByLabel('Fra plasstype').selectOption({ label: c.from });
      await group.getByLabel('Til plasstype').selectOption({ label: c.to });
      if (c.share) await group.getByLabel('Andel som flytter (0,2 = 20 %)').fill(c.share);
      if (c.pupils) await group.getByLabel('Elever som flytter').fill(c.pupils);
    } else {
      await group.getByLabel('Plasstype', { exact: true }).selectOption({ label: c.kind });
      if (c.type === 'price') await group.getByLabel('Ny pris (kr/mnd)').fill(c.monthlyPrice);
      else await group.getByLabel('Nye timer per uke').fill(c.weeklyHours);
    }
  }
  if (sfo.eleventhTerm) {
    await page.getByLabel('Regn på en 11. betalingstermin for feriene').check();
    await page.getByLabel('Elever per voksen i feriene').fill(sfo.eleventhTerm.pupilsPerAdult);
    await page.getByLabel('Månedslønn per voksen (kr)').fill(sfo.eleventhTerm.monthlyWage);
  }
  await saveToolInput(page);
}

/**
 * Fills the open school-structure scenario: the schools (the first row replaces the template's), and the moves
 * of pupils between them (catchment changes); then saves.
 */
export async function fillStructureScenario(
  page: Page,
  structure: {
    schoolYear: string;
    schools: { name: string; capacity: string; pupils: string }[];
    moves: { from: string; to: string; pupils: string }[];
  },
): Promise<void> {
  await page.getByLabel('Skoleår (ÅÅÅÅ/ÅÅ)').fill(structure.schoolYear);
  for (const [i, s] of structure.schools.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Legg til skole' }).click();
    await cell(page, `Skole – rad ${i + 1}`).fill(s.name);
    await cell(page, `Kapasitet – ${s.name}`).fill(s.capacity);
    await cell(page, `Elever – ${s.name}`).fill(s.pupils);
  }
  for (const [i, m] of structure.moves.entries()) {
    await page.getByRole('button', { name: 'Legg til flytting' }).click();
    await page.getByRole('combobox', { name: `Fra skole – flytting ${i + 1}` }).selectOption({ label: m.from });
    await page.getByRole('combobox', { name: `Til skole – flytting ${i + 1}` }).selectOption({ label: m.to });
    await cell(page, `Elever som flytter – flytting ${i + 1}`).fill(m.pupils);
  }
  await saveToolInput(page);
}

/** Reads the open peer comparison's municipalities from a file (CSV, XLSX or JSON), looks them over and saves them. */
export async function importPeers(page: Page, file: { name: string; mimeType: string; content: string }): Promise<void> {
  await page
    .getByLabel('Fil (.csv, .xlsx eller .json)')
    .setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: Buffer.from(file.content) });
  await page.getByRole('button', { name: 'Hent kommunetall' }).click();
  await page.getByText(new RegExp(`^Hentet \\d+ kommuner fra ${file.name.replace('.', '\\.')}`)).waitFor();
  await saveToolInput(page);
}

/** An officer adds a measure to the open savings plan. */
export async function addMeasure(
  page: Page,
  measure: {
    title: string;
    fullYearEffect: number;
    startMonth: string;
    owner?: string;
    /** «Vedtatt» is not set by hand: a vedtak of the case adopts a measure (`adoptByDecision`). */
    status?: 'Foreslått' | 'Under utredning' | 'Anbefalt' | 'Forkastet';
    /** The school it concerns: its rektor (a unit leader) writes the consequence assessment (`writeAssessment`). */
    school?: string;
  },
): Promise<void> {
  await page.getByRole('textbox', { name: 'Tiltak', exact: true }).fill(measure.title);
  await page.getByLabel('Helårseffekt (kr)').fill(String(measure.fullYearEffect));
  await page.getByLabel('Start (måned)').fill(measure.startMonth);
  if (measure.owner) await page.getByLabel('Ansvarlig', { exact: true }).fill(measure.owner);
  if (measure.status) await page.getByLabel('Status', { exact: true }).selectOption({ label: measure.status });
  if (measure.school) await page.getByLabel('Skolen tiltaket gjelder (rektor skriver konsekvensvurderingen)').fill(measure.school);
  await page.getByRole('button', { name: 'Legg til tiltak' }).click();
  await page.getByText('Tiltaket er lagt til.').waitFor();
  await page.getByRole('heading', { level: 3, name: measure.title }).waitFor();
}

/** Opens a tool from the workbench by its title. */
export async function openAnalysisTool(page: Page, title: string): Promise<void> {
  await openAnalysis(page);
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Anyone who may comment (a parent in a reference group, an officer) comments on a measure of the open plan, or on the whole tool. */
export async function commentOnMeasure(page: Page, comment: { measure?: string; text: string }): Promise<void> {
  if (comment.measure) await page.getByLabel('Gjelder').selectOption({ label: comment.measure });
  await page.getByLabel('Merknad', { exact: true }).fill(comment.text);
  await page.getByRole('button', { name: 'Legg inn merknad' }).click();
  await page.getByText(comment.text).waitFor();
}

/**
 * An officer records on the open tool that a vedtak of its case adopted a measure (savings plan) or the scenario (school
 * structure); the vedtak's option reads «Kommunestyret 10. desember 2026 (sak 41/26)».
 */
export async function adoptByDecision(page: Page, adoption: { measure?: string; decision: string | RegExp }): Promise<void> {
  const form = page.getByRole('region', { name: 'Vedta gjennom et vedtak' });
  if (adoption.measure) await form.getByLabel('Tiltaket vedtaket gjelder').selectOption({ label: adoption.measure });
  const select = form.getByLabel('Vedtaket', { exact: true });
  const label = (await select.locator('option').allTextContents()).find((o) =>
    typeof adoption.decision === 'string' ? o === adoption.decision : adoption.decision.test(o),
  );
  if (!label) throw new Error(`Fant ikke vedtaket ${String(adoption.decision)}`);
  await select.selectOption({ label });
  await form.getByRole('button', { name: 'Registrer vedtaket' }).click();
  // A plan keeps the form for its other measures; an adopted scenario is locked, and the form goes.
  await page
    .getByText('Vedtaket er registrert.')
    .or(page.getByText(/Vedtatt: kan ikke endres\./))
    .waitFor();
}

/** A unit leader (the measure's owner or the rektor of its school) writes its consequence assessment on the open plan. */
export async function writeAssessment(
  page: Page,
  measure: string,
  assessment: { pupils?: string; parents?: string; staff?: string },
): Promise<void> {
  const form = page.getByRole('form', { name: `Konsekvensvurdering for «${measure}»` });
  if (assessment.pupils !== undefined) await form.getByLabel('For elevene').fill(assessment.pupils);
  if (assessment.parents !== undefined) await form.getByLabel('For foreldrene').fill(assessment.parents);
  if (assessment.staff !== undefined) await form.getByLabel('For de ansatte').fill(assessment.staff);
  await form.getByRole('button', { name: 'Lagre konsekvensvurderingen' }).click();
  await page.getByText('Konsekvensvurderingen er lagret.').waitFor();
}
