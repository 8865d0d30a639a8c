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
    status?: 'Foreslått' | 'Under utredning' | 'Anbefalt' | 'Vedtatt' | 'Forkastet';
    assessment?: { pupils?: string; parents?: string; staff?: string };
  },
): Promise<void> {
  await page.getByRole('textbox', { name: 'Tiltak', exact: true }).fill(measure.title);
  await page.getByLabel('Helårseffekt (kr)').fill(String(measure.fullYearEffect));
  await page.getByLabel('Start (måned)').fill(measure.startMonth);
  if (measure.owner) await page.getByLabel('Ansvarlig').fill(measure.owner);
  if (measure.status) await page.getByLabel('Status', { exact: true }).selectOption({ label: measure.status });
  if (measure.assessment?.pupils) await page.getByLabel('For elevene').fill(measure.assessment.pupils);
  if (measure.assessment?.parents) await page.getByLabel('For foreldrene').fill(measure.assessment.parents);
  if (measure.assessment?.staff) await page.getByLabel('For de ansatte').fill(measure.assessment.staff);
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
