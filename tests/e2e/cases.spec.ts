import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, journeys } from '../support/browser.js';
import {
  addReference,
  attachDocument,
  caseReferences,
  createCase,
  editCase,
  moveCase,
  recordRecommendation,
  setRoute,
} from './steps/cases.js';

const base = inject('baseUrl');
const OFFICER = 'saksbehandler@solvik.kommune.test';

/** The case steps of tests/e2e/steps/cases.ts, proved on the demo municipality. */
describe('a case officer creates, edits and moves a case through the web app', () => {
  const j = journeys(base);
  beforeAll(() => j.start());
  afterAll(() => j.close());

  it(
    'creates a case with references, edits it, attaches a document, sets the route and moves it before the body',
    { timeout: 300_000 },
    async () => {
      const page = await j.open('cases-steps', OFFICER);
      const earlier = await createCase(page, { title: 'Skolegrenser i Solvik (tidligere sak)' });
      const earlierNumber = /Saksnr\. (\d+\/\d+)/.exec((await page.getByRole('heading', { level: 1 }).innerText()) ?? '')![1]!;

      const url = await createCase(page, { title: 'Ny skolestruktur', references: ['sak 7/21'] });
      expect(url).toMatch(/\/saker\/[0-9a-f-]{36}$/);
      await expectAccessible(page, 'sak med referanser');
      await editCase(page, { title: 'Ny skolestruktur i Solvik', addReferences: [`sak ${earlierNumber}`] });
      await page.getByRole('heading', { level: 1, name: /Ny skolestruktur i Solvik$/ }).waitFor();
      const refs = await caseReferences(page);
      expect(refs[0]).toEqual({ text: 'sak 7/21', href: null });
      expect(refs[1]!.href).toBe(new URL(earlier).pathname);
      // The edit form validates per field before sending.
      await addReference(page.getByRole('region', { name: 'Rediger saken' }), 'sak 7/21');
      await page.getByRole('button', { name: 'Lagre endringene' }).click();
      await page.getByRole('link', { name: 'Referansen står allerede i listen' }).waitFor();
      await expectAccessible(page, 'redigering av sak');

      const dir = mkdtempSync(join(tmpdir(), 'samrad-e2e-'));
      const file = join(dir, 'Utredning skolestruktur.pdf');
      writeFileSync(file, '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
      await attachDocument(page, file);

      await moveCase(page, 'Start utredningen');
      await setRoute(page, ['Driftsutvalget']);
      await recordRecommendation(page, { body: 'Driftsutvalget', text: 'Administrasjonen innstiller på ny skolestruktur.' });
      await moveCase(page, 'Send til behandling i Driftsutvalget');
      await page.getByRole('list', { name: 'Fasene saken har vært i' }).getByText('Til behandling i Driftsutvalget').waitFor();
      await expectAccessible(page, 'sak til behandling');
    },
  );
});
