/**
 * Steps of the allocation workbench for browser journeys: each drives the allocation page (/fordeling/:id)
 * through roles and labels only, as an officer would, and waits until the page shows the outcome.
 */
import type { Locator, Page } from 'playwright-core';

export type Stage = 'barnetrinn' | 'ungdomstrinn';
const STAGE: Record<Stage, string> = { barnetrinn: 'Barnetrinn', ungdomstrinn: 'Ungdomstrinn' };
/** The editor's names of the drivers (the select «Fordeles etter»). */
export type Driver =
  | 'Per elev'
  | 'Per enhet (skole)'
  | 'Per trinn som undervises'
  | 'Per elev med svært store behov'
  | 'Per minoritetsspråklig elev'
  | 'Per time redusert leseplikt (seniorer)'
  | (string & {});

export interface RateStep {
  /** `nok`: kroner; `weeklyHours`: × teaching weeks × hour cost × (1 + uplift); `annualHours`: × hour cost. */
  kind: 'nok' | 'weeklyHours' | 'annualHours';
  value: string;
  /** Uplift in per cent (weekly hours only), e.g. '20' for SFO. */
  uplift?: string;
}
export interface CriterionStep {
  label: string;
  id?: string;
  driver: Driver;
  rates: Partial<Record<Stage, RateStep>>;
}
export interface PotStep {
  label: string;
  id?: string;
  amount: string;
  /** Per cent; they add up to 100. */
  keys: { fte?: string; unit?: string; pupils?: string };
}
export interface ModelStep {
  label: string;
  /** The stages the model has (both by default). */
  stages?: Stage[];
  teachingWeeks?: string;
  hourCost?: Partial<Record<Stage, string>>;
  /** Weights of the two school years' counts (spring, autumn), e.g. ['7', '5']. */
  countWeights?: [string, string];
  customDrivers?: { id: string; label: string }[];
  criteria?: CriterionStep[];
  pots?: PotStep[];
  /** Start from a copy of this version number instead of a blank model. */
  copyOf?: number;
  /** Looks at the filled-in editor (its live preview) before it is saved. */
  beforeSave?: (editor: Locator) => Promise<void>;
}

const kindLabel = { nok: 'kroner', weeklyHours: 'uketimer (× uker × timekostnad)', annualHours: 'årstimer (× timekostnad)' } as const;

/** Opens an allocation case's page (its URL) and waits for its heading. */
export async function openAllocation(page: Page, url: string, title: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Imports units and counts from a file (CSV, XLSX or interchange JSON) and waits for the page to say it is done. */
export async function importDataset(
  page: Page,
  { name, file }: { name: string; file: { name: string; mimeType: string; buffer: Buffer } },
): Promise<void> {
  await page.getByRole('textbox', { name: 'Navn på datasettet' }).fill(name);
  await page.getByLabel('Fil (CSV, XLSX eller JSON)').setInputFiles(file);
  await page.getByRole('button', { name: 'Importer' }).click();
  await page.getByText(/^Datasettet er importert/).waitFor({ timeout: 120_000 });
}

/**
 * Imports the municipality's own spreadsheet: chooses the file, waits for its columns, and maps each field
 * (the select's label, e.g. «Navn på enheten» or «Elever, vår 2009 (skoleåret 2008/09)») to a column by its
 * header; waits for the page to say it is done.
 */
export async function importOwnSpreadsheet(
  page: Page,
  {
    name,
    file,
    mapping,
    beforeImport,
  }: {
    name: string;
    file: { name: string; mimeType: string; buffer: Buffer };
    mapping: Record<string, string>;
    /** Looks at the filled-in mapping before the import is sent. */
    beforeImport?: (fields: Locator) => Promise<void>;
  },
): Promise<void> {
  const panel = page.getByRole('region', { name: 'Importer datasett' });
  await panel.getByRole('textbox', { name: 'Navn på datasettet' }).fill(name);
  await panel.getByLabel('Fil (CSV, XLSX eller JSON)').setInputFiles(file);
  const fields = panel.getByRole('group', { name: 'Hvilken kolonne er hva?' });
  await fields.waitFor();
  for (const [field, column] of Object.entries(mapping)) {
    const select = fields.getByLabel(field, { exact: true });
    // An option reads «header (f.eks. a, b, c)»: chosen by the header the officer recognises.
    const option = select.getByRole('option', { name: new RegExp(`^${column.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\(f\\.eks\\.|$)`) });
    await select.selectOption({ label: (await option.textContent())! });
  }
  if (beforeImport) await beforeImport(fields);
  await panel.getByRole('button', { name: 'Importer' }).click();
  await page.getByText(/^Datasettet er importert/).waitFor({ timeout: 120_000 });
}

/** Builds a model in the editor (blank, or a copy of a version) and saves it as a new model version; answers its number. */
export async function createModelVersion(page: Page, model: ModelStep): Promise<number> {
  const models = page.getByRole('region', { name: 'Modellversjoner' });
  await models.getByRole('button', { name: model.copyOf === undefined ? 'Ny modellversjon' : `Kopier versjon ${model.copyOf}` }).click();
  const editor = models.getByRole('form', { name: 'Ny modellversjon' });
  await editor.getByRole('textbox', { name: 'Navn på modellversjonen' }).fill(model.label);
  if (model.stages) {
    for (const stage of ['barnetrinn', 'ungdomstrinn'] as const) {
      await editor.getByRole('checkbox', { name: STAGE[stage] }).setChecked(model.stages.includes(stage));
    }
  }
  if (model.teachingWeeks !== undefined) await editor.getByRole('textbox', { name: 'Undervisningsuker' }).fill(model.teachingWeeks);
  for (const [stage, cost] of Object.entries(model.hourCost ?? {}) as [Stage, string][]) {
    await editor.getByRole('textbox', { name: `Timekostnad ${STAGE[stage]} (kr)` }).fill(cost);
  }
  if (model.countWeights) {
    await editor.getByRole('textbox', { name: 'Vekt skoleår 1 (vår)' }).fill(model.countWeights[0]);
    await editor.getByRole('textbox', { name: 'Vekt skoleår 2 (høst)' }).fill(model.countWeights[1]);
  }
  for (const [i, d] of (model.customDrivers ?? []).entries()) {
    await editor.getByRole('button', { name: 'Legg til egen driver' }).click();
    await editor.getByRole('textbox', { name: `Id for driver ${i + 1}` }).fill(d.id);
    await editor.getByRole('textbox', { name: `Navn på driver ${i + 1}` }).fill(d.label);
  }
  const existing = await editor.getByRole('group', { name: /^Kriterium \d+:/ }).count();
  for (const [i, c] of (model.criteria ?? []).entries()) {
    await editor.getByRole('button', { name: 'Legg til kriterium' }).click();
    await fillCriterion(editor.getByRole('group', { name: new RegExp(`^Kriterium ${existing + i + 1}:`) }), c);
  }
  const existingPots = await editor.getByRole('group', { name: /^Pott \d+:/ }).count();
  for (const [i, p] of (model.pots ?? []).entries()) {
    await editor.getByRole('button', { name: 'Legg til pott' }).click();
    const pot = editor.getByRole('group', { name: new RegExp(`^Pott ${existingPots + i + 1}:`) });
    await pot.getByRole('textbox', { name: 'Navn på potten' }).fill(p.label);
    if (p.id) await pot.getByRole('textbox', { name: 'Kort id for potten' }).fill(p.id);
    await pot.getByRole('textbox', { name: 'Beløp (kr)' }).fill(p.amount);
    if (p.keys.fte) await pot.getByRole('textbox', { name: 'Etter årsverk (%)' }).fill(p.keys.fte);
    if (p.keys.unit) await pot.getByRole('textbox', { name: 'Likt per enhet (%)' }).fill(p.keys.unit);
    if (p.keys.pupils) await pot.getByRole('textbox', { name: 'Etter elevtall (%)' }).fill(p.keys.pupils);
  }
  if (model.beforeSave) await model.beforeSave(editor);
  await editor.getByRole('button', { name: 'Lagre som ny modellversjon' }).click();
  const saved = models.getByText(/^Modellversjon \d+ er lagret\.$/);
  await saved.waitFor();
  return Number(/\d+/.exec((await saved.textContent()) ?? '')![0]);
}

async function fillCriterion(group: Locator, c: CriterionStep): Promise<void> {
  await group.getByRole('textbox', { name: 'Navn på kriteriet' }).fill(c.label);
  if (c.id) await group.getByRole('textbox', { name: 'Kort id (brukes i filer)' }).fill(c.id);
  await group.getByLabel('Fordeles etter').selectOption({ label: c.driver });
  for (const [stage, rate] of Object.entries(c.rates) as [Stage, RateStep][]) {
    await group.getByLabel(`Satsen for ${STAGE[stage]} gis i`).selectOption({ label: kindLabel[rate.kind] });
    await group.getByRole('textbox', { name: `Sats ${STAGE[stage]}` }).fill(rate.value);
    if (rate.kind === 'weeklyHours' && rate.uplift !== undefined)
      await group.getByRole('textbox', { name: `Påslag ${STAGE[stage]} (%)` }).fill(rate.uplift);
  }
}

/** A new scenario from a model version and a dataset (named as the selects show them), with an optional frame change. */
export async function createScenario(
  page: Page,
  { name, modelVersion, dataset, frameChange }: { name: string; modelVersion?: string; dataset?: string; frameChange?: string },
): Promise<void> {
  const form = page.getByRole('region', { name: 'Nytt scenario' });
  await form.getByRole('textbox', { name: 'Navn på nytt scenario' }).fill(name);
  if (modelVersion) await form.getByLabel('Modellversjon').selectOption({ label: modelVersion });
  if (dataset) await form.getByLabel('Datasett').selectOption({ label: dataset });
  if (frameChange !== undefined) await form.getByRole('textbox', { name: 'Rammeendring (kr, negativt for kutt)' }).fill(frameChange);
  await form.getByRole('button', { name: 'Regn ut og lagre' }).click();
  await page.getByRole('table', { name }).waitFor();
}

/** Chooses the scenario on screen (its name as the select shows it, «(Vedtatt)» included). */
export async function selectScenario(page: Page, label: string): Promise<void> {
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label });
}

/** Sets the scenario's frame: the model's sum, a fixed frame or a change (a PATCH of that alone). */
export async function setFrame(
  page: Page,
  frame: { kind: 'model' } | { kind: 'frame'; amount: string } | { kind: 'frameChange'; amount: string },
): Promise<void> {
  const settings = page.getByRole('region', { name: 'Navn og ramme' });
  const label = {
    model: 'Modellens sum (ingen fast ramme)',
    frame: 'Fast ramme som fordeles',
    frameChange: 'Endring av modellens sum',
  }[frame.kind];
  await settings.getByRole('radio', { name: label }).check();
  if (frame.kind !== 'model') {
    await settings
      .getByRole('textbox', { name: frame.kind === 'frame' ? 'Ramme (kr)' : 'Rammeendring (kr, negativt for kutt)' })
      .fill(frame.amount);
  }
  await settings.getByRole('button', { name: 'Lagre endringene' }).click();
  await settings.getByText('Scenarioet er oppdatert og regnet ut på nytt.').waitFor();
}

/** Adds adjustments (unit as named in the table, amount, reason) to the scenario on screen and saves them. */
export async function addAdjustments(page: Page, adjustments: { unit: string; amount: string; reason: string }[]): Promise<void> {
  const panel = page.getByRole('region', { name: 'Justeringer' });
  const before = await panel.getByRole('textbox', { name: /^Begrunnelse, justering \d+$/ }).count();
  for (const [i, a] of adjustments.entries()) {
    const n = before + i + 1;
    await panel.getByRole('button', { name: 'Legg til justering' }).click();
    await panel.getByLabel(`Enhet, justering ${n}`).selectOption({ label: a.unit });
    await panel.getByRole('textbox', { name: `Beløp (kr), justering ${n}` }).fill(a.amount);
    await panel.getByRole('textbox', { name: `Begrunnelse, justering ${n}` }).fill(a.reason);
  }
  await panel.getByRole('button', { name: 'Lagre justeringene' }).click();
  await panel.getByText('Scenarioet er oppdatert og regnet ut på nytt.').waitFor();
}

/** The autumn revision of the adopted scenario on screen with a dataset of new counts; waits for «what changes». */
export async function reviseAdopted(page: Page, { name, dataset }: { name: string; dataset: string }): Promise<void> {
  const panel = page.getByRole('region', { name: 'Høstrevisjon med nye elevtall' });
  await panel.getByRole('textbox', { name: 'Navn på revisjonen' }).fill(name);
  await panel.getByLabel('Nye telletall (datasett)').selectOption({ label: dataset });
  await panel.getByRole('button', { name: 'Revider' }).click();
  await panel.getByRole('table', { name: 'Hva endres for hver enhet' }).waitFor();
}

/** Runs a sensitivity sweep of one rate (the select's label, e.g. «Pr. elev – Barnetrinn (kr per enhet)») and waits for its chart. */
export async function runSweep(
  page: Page,
  { parameter, from, to, steps }: { parameter: string; from: string; to: string; steps: string },
): Promise<void> {
  const panel = page.getByRole('region', { name: 'Følsomhetsanalyse' });
  await panel.getByLabel('Sats som varieres').selectOption({ label: parameter });
  await panel.getByRole('textbox', { name: 'Fra' }).fill(from);
  await panel.getByRole('textbox', { name: 'Til' }).fill(to);
  await panel.getByRole('textbox', { name: 'Antall steg' }).fill(steps);
  await panel.getByRole('button', { name: 'Start analysen' }).click();
  await panel.getByRole('img', { name: /^Tildeling per enhet \(1000 kr\) etter / }).waitFor({ timeout: 60_000 });
}
