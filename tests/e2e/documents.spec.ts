import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, expectAccessible, journeys } from '../support/browser.js';

const base = inject('baseUrl');
const OFFICER = 'saksbehandler@solvik.kommune.test';
const MEMBER = 'fau.nordby@solvik.kommune.test';
const CASE = 'Tiltak for økte inntekter i oppvekstsektoren';
const SHOTS = join(ARTIFACTS, 'dokumenter');

/** Case documents as PDF/A files on the case page: an officer makes them, a member downloads them. */
describe('case documents (PDF/A) on the case page', () => {
  const j = journeys(base);
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
    return j.start();
  });
  afterAll(() => j.close());

  it('an officer makes the saksframlegg and the meeting’s protocol; a member downloads the PDF', { timeout: 300_000 }, async () => {
    const page = await j.open('documents-officer', OFFICER);
    await page.getByRole('link', { name: 'Saker', exact: true }).click();
    await page
      .getByRole('link', { name: new RegExp(CASE) })
      .first()
      .click();
    const section = page.getByRole('region', { name: 'Dokumenter (PDF)' });
    await section.getByRole('button', { name: 'Lag saksframlegg' }).click();
    await section
      .getByRole('status')
      .getByText(/Saksframlegg – sak \d+\/\d+ .* er laget \(versjon \d+\)\./)
      .waitFor();
    await section.getByRole('button', { name: 'Lag møteprotokoll: Møte i Driftsutvalget' }).click();
    await section
      .getByRole('status')
      .getByText(/Møteprotokoll – Driftsutvalget .* er laget/)
      .waitFor();
    await section
      .getByRole('list', { name: 'Dokumenter (PDF)' })
      .getByRole('link', { name: /Møteprotokoll – Driftsutvalget/ })
      .first()
      .waitFor();
    await section.getByText('Arkivuttrekk kan lastes ned når saken er avsluttet.').waitFor();
    await expectAccessible(page, 'sak med dokumenter (saksbehandler)');
    await section.screenshot({ path: join(SHOTS, 'saksbehandler.png') });

    const member = await j.open('documents-member', MEMBER);
    await member.goto(page.url());
    const list = member.getByRole('region', { name: 'Dokumenter (PDF)' }).getByRole('list', { name: 'Dokumenter (PDF)' });
    const link = list.getByRole('link', { name: new RegExp(`Saksframlegg – sak .* ${CASE}`) }).first();
    await link.waitFor();
    expect(await member.getByRole('button', { name: 'Lag saksframlegg' }).count()).toBe(0);
    await expectAccessible(member, 'sak med dokumenter (medlem)');
    await member.getByRole('region', { name: 'Dokumenter (PDF)' }).screenshot({ path: join(SHOTS, 'medlem.png') });
    const [download] = await Promise.all([member.waitForEvent('download'), link.click()]);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^saksframlegg-\d+-\d+-v\d+\.pdf$/);
  });
});
