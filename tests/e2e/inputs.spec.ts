import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, journeys } from '../support/browser.js';
import { dispose, editSentInput, filterInputTable, giveContinuousInput, openInputTable, seeOwnHandling } from './steps/inputs.js';

const base = inject('baseUrl');
const CASE_TITLE = 'Ny ressursfordelingsmodell for grunnskolen';

/** Continuous input with its receipt and a new version; the officer's disposition in «Innspill og behandling»; the author sees it. */
describe('input from everyone who has a say, and «Innspill og behandling»', () => {
  const j = journeys(base);
  beforeAll(() => j.start());
  afterAll(() => j.close());
  let caseUrl = '';
  const text = `Løpende innspill fra FAU ${Date.now()}: husk skyss for de minste.`;

  it('a parent gives continuous input on a case, gets the receipt and makes a new version', async () => {
    const page = await j.open('i1-continuous-input', 'fau.nordby@solvik.kommune.test');
    await page.getByRole('link', { name: 'Saker', exact: true }).click();
    await page.getByRole('link', { name: CASE_TITLE }).first().click();
    await page.getByRole('heading', { level: 1, name: new RegExp(CASE_TITLE) }).waitFor();
    caseUrl = page.url();
    const first = await giveContinuousInput(page, { text: 'Første tanke.' });
    expect(first.number).toMatch(/^[0-9a-f-]{36}$/);
    const second = await editSentInput(page, text);
    expect(second.number).toBe(first.number);
    expect(second.received).toMatch(/\(versjon 2\)\.$/);
    await expectAccessible(page, 'sak med kvittering for løpende innspill');
  }, 240_000);

  it('the officer disposes of it in «Innspill og behandling», filters, and exports the table', async () => {
    const page = await j.open('i2-dispose', 'saksbehandler@solvik.kommune.test');
    await openInputTable(page, { caseUrl });
    await filterInputTable(page, { kind: 'Løpende innspill' });
    await dispose(page, {
      inputText: text,
      outcome: 'Delvis tatt til følge',
      reason: 'Skyss tas med i vurderingen.',
      section: 'Vurdering',
    });
    await expectAccessible(page, 'Innspill og behandling (saksbehandler)');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned som Excel (XLSX)' }).click(),
    ]);
    const wb = new ExcelJS.Workbook();
    const file = await readFile((await download.path())!);
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const rows: string[] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).map((v) => String(v ?? '')).join(' | ')));
    expect(rows.find((r) => r.includes(text))).toMatch(
      /Løpende innspill .* Delvis tatt til følge \| Skyss tas med i vurderingen\. \| Vurdering$/,
    );
    expect(rows.some((r) => r.includes('| Innspillsrunde |'))).toBe(false);
  }, 240_000);

  it('the parent sees the handling of their input', async () => {
    const page = await j.open('i3-see-handling', 'fau.nordby@solvik.kommune.test');
    await seeOwnHandling(page, { caseUrl, outcome: 'Delvis tatt til følge', reason: 'Skyss tas med i vurderingen.' });
    await expectAccessible(page, 'sak med behandlet innspill');
  }, 240_000);
});
