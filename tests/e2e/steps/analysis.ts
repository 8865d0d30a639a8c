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

/** Replaces the open tool's whole input (the JSON editor) and saves it as a new version. */
export async function saveAnalysisInput(page: Page, input: unknown): Promise<void> {
  await page.getByLabel('Grunnlaget (JSON)').fill(JSON.stringify(input, null, 2));
  await page.getByRole('button', { name: 'Lagre og regn ut' }).click();
  await page.getByText('Lagret som ny versjon.').waitFor();
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
