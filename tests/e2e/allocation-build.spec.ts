import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, expectAccessible as checkAccessible, journeys } from '../support/browser.js';
import { createCase } from './steps/cases.js';
import { createModelVersion, createScenario, importOwnSpreadsheet, type CriterionStep } from './steps/allocation.js';

const base = inject('baseUrl');
const OFFICER = 'saksbehandler@solvik.kommune.test';
/** The 2009 model's units and counts (calendar-year averages of the two school years), and the report's Figur 4-1. */
const GRIMSTAD = JSON.parse(readFileSync(new URL('../fixtures/grimstad-2009.input.json', import.meta.url), 'utf8')) as {
  units: { id: string; name: string; school: string; stage: 'barnetrinn' | 'ungdomstrinn'; counts: Record<string, number> }[];
};
const FIGURE = JSON.parse(readFileSync(new URL('../fixtures/grimstad-2009.figur-4-1.json', import.meta.url), 'utf8')) as {
  tolerance: number;
  averageTolerance: number;
  units: Record<string, Record<string, number>>;
  average: Record<string, number>;
};

/** A valid organisation number (MOD11 check digit) for each school; a 1-10 school's two units share one. */
function orgNumber(school: string): string {
  const schools = [...new Set(GRIMSTAD.units.map((u) => u.school))];
  for (let base = 86400000 + schools.indexOf(school) * 10; ; base++) {
    const digits = String(base);
    const sum = [3, 2, 7, 6, 5, 4, 3, 2].reduce((s, w, i) => s + w * Number(digits[i]), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return `${digits}${check}`;
  }
}

/**
 * The municipality's own spreadsheet, written now from the fixture: its own headers and column order, an
 * organisation number instead of an id, and the two school years apart. The model weights them 7/12 (the
 * spring, school year 2008/09) and 5/12 (the autumn, 2009/10); pupils and senior hours differ between the
 * years so that only those weights give back the fixture's budget-year counts: (7(c − 5) + 5(c + 7)) / 12 = c.
 */
async function ownSpreadsheet(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('GSI 2008 og 2009');
  sheet.addRow([
    'Skole',
    'Enhet',
    'Org.nr.',
    'Trinn',
    'Elevtall 1.10.2008',
    'Elevtall 1.10.2009',
    'Elever med svært store behov',
    'Særskilt norskopplæring',
    'Seniortimer 2008/09',
    'Seniortimer 2009/10',
    'Kontaktperson',
  ]);
  for (const u of GRIMSTAD.units) {
    const c = u.counts;
    sheet.addRow([
      u.school,
      u.name,
      orgNumber(u.school),
      u.stage === 'barnetrinn' ? 'Barnetrinn' : 'Ungdomstrinn',
      c.pupils! - 5,
      c.pupils! + 7,
      c.highNeedsPupils,
      c.minorityPupils,
      c.seniorReducedHours! + 5,
      c.seniorReducedHours! - 7,
      'rektor',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The 2009 model's criteria as the officer enters them (Tabell 4-1 and 4-2 of the report). */
const CRITERIA: CriterionStep[] = [
  {
    label: 'Pr. elev',
    id: 'perPupil',
    driver: 'Per elev',
    rates: { barnetrinn: { kind: 'nok', value: '44 240' }, ungdomstrinn: { kind: 'nok', value: '57 090' } },
  },
  {
    label: 'Pr. skole',
    id: 'perUnit',
    driver: 'Per enhet (skole)',
    rates: { barnetrinn: { kind: 'nok', value: '930 400' }, ungdomstrinn: { kind: 'nok', value: '600 400' } },
  },
  {
    label: 'Elever med svært store behov',
    id: 'highNeeds',
    driver: 'Per elev med svært store behov',
    // 14.4 weekly hours plus 20 % for SFO on barnetrinn, 16.4 on ungdomstrinn.
    rates: {
      barnetrinn: { kind: 'weeklyHours', value: '14,4', uplift: '20' },
      ungdomstrinn: { kind: 'weeklyHours', value: '16,4' },
    },
  },
  {
    label: 'Minoritetsspråklige elever',
    id: 'minority',
    driver: 'Per minoritetsspråklig elev',
    rates: { barnetrinn: { kind: 'weeklyHours', value: '1,5' }, ungdomstrinn: { kind: 'weeklyHours', value: '1,5' } },
  },
  {
    label: 'Redusert leseplikt, seniorer',
    id: 'seniorReduction',
    driver: 'Per time redusert leseplikt (seniorer)',
    rates: { barnetrinn: { kind: 'annualHours', value: '1' }, ungdomstrinn: { kind: 'annualHours', value: '1' } },
  },
];

/** axe on the page, and a screenshot of it kept in test-results/e2e/grimstad-i-nettleseren (to look at, not compared). */
async function expectAccessible(page: Page, where: string): Promise<void> {
  await checkAccessible(page, where);
  mkdirSync(join(ARTIFACTS, 'grimstad-i-nettleseren'), { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, 'grimstad-i-nettleseren', `${where.replace(/[^\p{L}\d]+/gu, '-')}.png`), fullPage: true });
}

/** A whole-krone cell as the table shows it («44 240», «−1 200») as a number. */
const kroner = (text: string | null) => Number((text ?? '').replace(/[\s\u00a0]/g, '').replace('−', '-'));

describe('journey 1: the Grimstad 2009 model built in the browser from an empty allocation case', () => {
  const j = journeys(base);
  beforeAll(() => j.start());
  afterAll(() => j.close());

  it('an officer builds the model in the editor alone, imports the counts from the municipality’s own XLSX, and reproduces Figur 4-1', async () => {
    const page = await j.open('a2-allocation-build-grimstad', OFFICER);
    await createCase(page, { title: 'Ressursfordeling skolene 2009 (Grimstad-modellen)' });
    await page.getByRole('textbox', { name: 'Tittel', exact: true }).fill('Grimstad 2009 bygget i nettleseren');
    await page.getByRole('textbox', { name: 'Budsjettår' }).fill('2009');
    await page.getByRole('button', { name: 'Opprett fordelingssak' }).click();
    await page.getByRole('heading', { level: 1, name: 'Grimstad 2009 bygget i nettleseren' }).waitFor();
    await page.getByText('Fordelingssaken har ingen modellversjon ennå.').waitFor();
    await expectAccessible(page, 'tom fordelingssak');

    // The counts first, from the municipality's own spreadsheet: its columns mapped to Samråd's fields.
    await importOwnSpreadsheet(page, {
      name: 'GSI 2008 og 2009',
      file: {
        name: 'gsi-2008-2009.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await ownSpreadsheet(),
      },
      mapping: {
        'Navn på enheten': 'Enhet',
        Skole: 'Skole',
        Organisasjonsnummer: 'Org.nr.',
        'Trinn (barnetrinn eller ungdomstrinn)': 'Trinn',
        'Elever, vår 2009 (skoleåret 2008/09)': 'Elevtall 1.10.2008',
        'Elever, høst 2009 (skoleåret 2009/10)': 'Elevtall 1.10.2009',
        'Elever med svært store behov, hele budsjettåret': 'Elever med svært store behov',
        'Minoritetsspråklige elever, hele budsjettåret': 'Særskilt norskopplæring',
        'Timer redusert leseplikt (seniorer), vår 2009 (skoleåret 2008/09)': 'Seniortimer 2008/09',
        'Timer redusert leseplikt (seniorer), høst 2009 (skoleåret 2009/10)': 'Seniortimer 2009/10',
      },
      beforeImport: async (fields) => {
        // The column nobody needs is named as left out; the template's «Skole» was chosen by its header.
        await fields.getByText('Kolonner som ikke brukes: Kontaktperson').waitFor();
        await expectAccessible(page, 'kolonnekobling');
      },
    });
    await page.getByText('Datasettet er importert (10 enheter).').waitFor();
    await expectAccessible(page, 'fordelingssak med datasett');

    // The model through the editor alone; its live preview works on the dataset before any scenario exists.
    const number = await createModelVersion(page, {
      label: 'Grimstad 2009',
      stages: ['barnetrinn', 'ungdomstrinn'],
      teachingWeeks: '38',
      hourCost: { barnetrinn: '765,8', ungdomstrinn: '881,6' },
      countWeights: ['7', '5'],
      criteria: CRITERIA,
      beforeSave: async (editor) => {
        const preview = editor.getByRole('table', { name: 'Forhåndsvisning med elevtallene i «GSI 2008 og 2009»' });
        await preview.waitFor();
        // Jappa's minority amount: 48 pupils × 1.5 weekly hours × 38 weeks × 765.80 kr.
        await expect
          .poll(async () => (await preview.getByRole('row', { name: /^Jappa / }).textContent()) ?? '')
          .toContain(new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 }).format(48 * 1.5 * 38 * 765.8));
        await expectAccessible(editor.page(), 'modellredigering med forhåndsvisning');
      },
    });
    expect(number).toBe(1);

    await createScenario(page, { name: 'Budsjett 2009' });
    await page.getByRole('switch', { name: 'Vis kroner per elev' }).check();
    const table = page.getByRole('table', { name: 'Budsjett 2009' });
    await table.getByRole('rowheader', { name: 'Gjennomsnitt per elev' }).waitFor();
    await expectAccessible(page, 'scenario fra modell bygget i nettleseren');

    // Figur 4-1 to the report's rounding (NOK 1,000 per pupil, two decimals), read from the table on screen.
    const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
    const column = (criterion: string) => headers.indexOf(CRITERIA.find((c) => c.id === criterion)!.label);
    const figure = async (row: string) => {
      const cells = await table
        .getByRole('row', { name: new RegExp(`^${row} `) })
        .locator('th, td')
        .allTextContents();
      return (criterion: string) => kroner(cells[column(criterion)]!) / 1000;
    };
    const off: string[] = [];
    for (const [unitId, expected] of Object.entries(FIGURE.units)) {
      const name = GRIMSTAD.units.find((u) => u.id === unitId)!.name;
      const shown = await figure(name);
      for (const [criterion, thousands] of Object.entries(expected)) {
        // The table shows whole kroner: half a krone more than the figure's tolerance.
        if (Math.abs(shown(criterion) - thousands) > FIGURE.tolerance + 0.0005)
          off.push(`${name} ${criterion}: ${shown(criterion)} mot ${thousands}`);
      }
    }
    const average = await figure('Gjennomsnitt per elev');
    for (const [criterion, thousands] of Object.entries(FIGURE.average))
      if (Math.abs(average(criterion) - thousands) > FIGURE.averageTolerance + 0.0005)
        off.push(`gjennomsnitt ${criterion}: ${average(criterion)} mot ${thousands}`);
    expect(off).toEqual([]);
    expect(Object.keys(FIGURE.units)).toHaveLength(10);
  }, 600_000);
});
