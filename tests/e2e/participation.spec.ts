import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, journeys } from '../support/browser.js';

const base = inject('baseUrl');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** The pages around the workflow: settings, the calendar, school conferences, documents and bodies. */
describe('taking part: settings, conferences, documents and bodies', () => {
  const j = journeys(base);
  beforeAll(() => j.start());
  afterAll(() => j.close());
  const journey = (name: string, email: string) => j.open(name, email);

  it('a parent chooses a daily digest, finds a school conference in the calendar and registers for it', async () => {
    const page = await journey('p1-parent-digest-conference', 'fau.nordby@solvik.kommune.test');
    await page.getByRole('link', { name: /^Profil og varsler for/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Profil og varsler' }).waitFor();
    await page.getByRole('radio', { name: 'Ja, send meg daglig oppsummering' }).check();
    await page.getByRole('button', { name: 'Lagre innstillingene' }).click();
    await page.getByRole('status').filter({ hasText: 'Innstillingene er lagret.' }).waitFor();
    await expectAccessible(page, 'Profil og varsler');

    await page.getByRole('link', { name: 'Møter', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Møter' }).waitFor();
    await page.getByRole('button', { name: 'Kalender' }).click();
    await page.getByRole('table').waitFor();
    await expectAccessible(page, 'Møter, kalender');
    await page.getByRole('button', { name: 'Liste' }).click();
    await page.getByRole('link', { name: /Skolekonferanse: ny ressursfordelingsmodell \(nord\)/ }).click();
    await page.getByRole('heading', { level: 1, name: /Skolekonferanse: ny ressursfordelingsmodell \(nord\)/ }).waitFor();
    await page.getByRole('textbox', { name: 'Hvem kommer du for? (valgfritt)' }).fill('FAU Nordby skole');
    await page.getByRole('button', { name: 'Meld meg på' }).click();
    await page.getByText('Du er påmeldt for FAU Nordby skole.').waitFor();
    await expectAccessible(page, 'skolekonferanse med påmelding');
  });

  it('an officer attaches a document to the case, a program renamed to .pdf is refused, and the body gets a new member', async () => {
    const page = await journey('p2-officer-attachments-bodies', 'saksbehandler@solvik.kommune.test');
    await page.getByRole('link', { name: 'Saker', exact: true }).click();
    await page
      .getByRole('link', { name: /Ny ressursfordelingsmodell for grunnskolen/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Vedlegg' }).waitFor();
    const file = page.getByLabel('Legg til vedlegg');
    await file.setInputFiles({ name: 'Utredning skolestruktur.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Last opp' }).click();
    await page.getByRole('list', { name: 'Vedlegg' }).getByRole('link', { name: 'Utredning skolestruktur.pdf' }).waitFor();
    await file.setInputFiles({
      name: 'virus.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
    });
    await page.getByRole('button', { name: 'Last opp' }).click();
    await page.getByText(/Filtypen til «virus\.pdf» støttes ikke \(innholdet er EXE\)/).waitFor();
    expect(await file.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'sak med vedlegg og feilmelding');

    await page.getByRole('link', { name: 'Organer', exact: true }).click();
    await page.getByRole('link', { name: 'KFU – kommunalt foreldreutvalg' }).click();
    await page.getByRole('heading', { name: 'Legg til medlem' }).waitFor();
    await page.getByLabel('Person').selectOption({ label: 'Rektor, Nordby skole (Rektor, Nordby skole)' });
    await page.getByLabel('Representerer').selectOption({ label: 'Annet' });
    await page.getByRole('button', { name: 'Legg til', exact: true }).click();
    await page
      .getByRole('cell', { name: /Rektor, Nordby skole/ })
      .first()
      .waitFor();
    await expectAccessible(page, 'organ med medlemsadministrasjon');
  });

  it('an officer imports a workbook of more than 5 MB from the browser, and follows its progress until it is stored', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Enheter');
    sheet.addRow(['id', 'navn', 'trinn', 'elever', 'elever_store_behov', 'minoritetsspraklige']);
    // Names of random text, so the compressed workbook stays over 5 MB.
    for (let i = 0; i < 19000; i++)
      sheet.addRow([`skole-${i}`, `Skole ${i} ${randomBytes(240).toString('base64')}`, 'barnetrinn', 100 + (i % 400), i % 7, i % 30]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(buffer.byteLength).toBeGreaterThan(5 * 1024 * 1024);

    const page = await journey('p3-officer-large-workbook', 'saksbehandler@solvik.kommune.test');
    await page.getByRole('link', { name: 'Fordeling', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fordeling' }).waitFor();
    await page.locator('main a[href^="/fordeling/"]').first().click();
    await page.getByRole('heading', { level: 2, name: 'Importer datasett' }).waitFor();
    await page.getByRole('textbox', { name: 'Navn på datasettet' }).fill('Alle skoler (stor arbeidsbok)');
    await page.getByLabel('Fil (CSV, XLSX eller JSON)').setInputFiles({
      name: 'alle-skoler.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByText('Datasettet er importert.').waitFor({ timeout: 120_000 });
    await expectAccessible(page, 'fordeling etter stor import');
  }, 300_000);
});
