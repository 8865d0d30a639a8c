import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  OPEN_DATA_LICENCE,
  publicCaseDetailResponseSchema,
  publicCaseListResponseSchema,
  publicDecisionListResponseSchema,
  publicMeetingDetailResponseSchema,
  publicMunicipalitiesResponseSchema,
} from '@samrad/shared/contracts';
import type { LanguageForm } from '@samrad/shared/i18n';
import { LANGUAGE_STORAGE_KEY, setLanguage } from '../../i18n/index.js';
import { json } from '../../testing/contracts.js';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

/*
 * Innsyn as a visitor without an account sees it: every page answered by msw with the public API's contracts
 * (`json` parses each fixture with its response schema), and no session (`/api/auth/me` is a 401).
 */

const SOLVIK = { slug: 'solvik-kommune', name: 'Solvik kommune', contactEmail: 'postmottak@solvik.kommune.test' };

function visitor(languageForm: LanguageForm = 'nb') {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json({ message: 'Du må logge inn' }, { status: 401 })),
    http.get('/api/public/municipalities', () =>
      json(publicMunicipalitiesResponseSchema, { municipalities: [{ ...SOLVIK, languageForm }] }),
    ),
  );
}

const CASES = {
  municipality: { ...SOLVIK, languageForm: 'nb' as const },
  licence: OPEN_DATA_LICENCE,
  cases: [
    {
      id: 'c1',
      number: '2026/12',
      title: 'Ny ressursfordelingsmodell',
      status: 'decided' as const,
      exempt: false,
      legalBasis: null,
      updatedAt: '2026-11-05T10:00:00.000Z',
    },
    {
      id: 'c2',
      number: '2026/14',
      title: 'Personalsak ved en skole',
      status: 'in_preparation' as const,
      exempt: true,
      legalBasis: 'offl. § 25',
      updatedAt: '2026-11-06T10:00:00.000Z',
    },
  ],
};

const vote = { for: 25, against: 8, blank: 0 };
const CASE = {
  exempt: false as const,
  id: 'c1',
  number: '2026/12',
  title: 'Ny ressursfordelingsmodell',
  status: 'decided' as const,
  mandateItem: { id: 'mi1', number: 3, title: 'Ressursfordeling' },
  sections: [
    { kind: 'background' as const, text: 'Skolene har ulike behov.', updatedAt: '2026-10-01T10:00:00.000Z' },
    { kind: 'proposal' as const, text: '', updatedAt: '2026-10-01T10:00:00.000Z' },
  ],
  route: [{ bodyName: 'Kommunestyret', committeeNumber: '41/26', meetingDate: '2026-11-05' }],
  recommendations: [{ bodyName: 'Kommunestyret', text: 'Rådmannen tilrår modellen.', recordedAt: '2026-10-20T10:00:00.000Z' }],
  decisions: [
    {
      id: 'd1',
      bodyName: 'Kommunestyret',
      committeeNumber: '41/26',
      decidedOn: '2026-11-05',
      text: 'Kommunestyret vedtar ny ressursmodell.',
      motions: [{ motion: 'Innstillingen', proposedBy: 'Representant', party: 'Parti A', ...vote, byParty: [], adopted: true }],
    },
  ],
  rounds: [{ id: 'r1', title: 'Innspill til modellen', closesAt: '2026-09-30T21:59:00.000Z', open: false }],
  meetings: [{ id: 'mt1', title: 'Møte 5/2026', startsAt: '2026-11-05T16:00:00.000Z', bodyName: 'Kommunestyret' }],
  documents: [
    {
      id: 'doc1',
      kind: 'case_presentation' as const,
      title: 'Saksframlegg – sak 2026/12 Ny ressursfordelingsmodell',
      filename: 'saksframlegg-2026-12.pdf',
      size: 48_128,
      sha256: 'a'.repeat(64),
      createdAt: '2026-10-02T10:00:00.000Z',
      href: '/api/public/solvik-kommune/documents/doc1/file',
    },
  ],
  scenarios: [{ id: 's1', name: 'Hovedscenario', adopted: true, allocationTitle: 'Skolebudsjett 2027', budgetYear: 2027 }],
};

beforeEach(async () => {
  localStorage.removeItem(LANGUAGE_STORAGE_KEY);
  await setLanguage('nb');
});
afterEach(async () => {
  localStorage.removeItem(LANGUAGE_STORAGE_KEY);
  await setLanguage('nb');
});

describe('Innsyn', () => {
  it('the case register lists public and exempt cases, searches by ?q= and offers the open data', async () => {
    visitor();
    const seen: string[] = [];
    server.use(
      http.get('/api/public/:slug/cases', ({ request, params }) => {
        seen.push(`${String(params.slug)}${new URL(request.url).search}`);
        return json(publicCaseListResponseSchema, CASES);
      }),
    );
    const { router } = renderRoute('/innsyn/solvik-kommune');
    await screen.findByRole('heading', { level: 1, name: 'Innsyn i saker – Solvik kommune' });
    const table = screen.getByRole('table', { name: 'Saker' });
    expect(within(table).getByRole('link', { name: 'Ny ressursfordelingsmodell' }).getAttribute('href')).toBe(
      '/innsyn/solvik-kommune/saker/c1',
    );
    expect(within(table).getByText('Unntatt offentlighet (offl. § 25)')).toBeTruthy();
    expect(within(table).getByText('Vedtatt')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Saker som CSV' }).getAttribute('href')).toBe('/api/public/solvik-kommune/cases.csv');
    expect(screen.getByRole('link', { name: 'Abonner på møtekalenderen (iCalendar)' }).getAttribute('href')).toBe(
      '/api/public/solvik-kommune/meetings.ics',
    );

    await userEvent.type(screen.getByRole('searchbox', { name: 'Søkeord eller saksnummer' }), '2026/12');
    await userEvent.click(within(screen.getByRole('form', { name: 'Søk i saker' })).getByRole('button', { name: 'Søk' }));
    await waitFor(() => expect(router.state.location.search).toBe('?q=2026%2F12'));
    await waitFor(() => expect(seen.at(-1)).toBe('solvik-kommune?q=2026%2F12'));
    expect(document.documentElement.lang).toBe('nb');
  });

  it('an unknown municipality is a load error with the way back to the municipalities', async () => {
    visitor();
    server.use(http.get('/api/public/:slug/cases', () => HttpResponse.json({ message: 'Fant ikke kommunen' }, { status: 404 })));
    renderRoute('/innsyn/ingen-kommune');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Fant ikke kommunen');
    expect(within(alert).getByRole('link', { name: 'Innsyn' }).getAttribute('href')).toBe('/innsyn');
    // A 404 is final: no retry button, no register.
    expect(within(alert).queryByRole('button', { name: 'Prøv igjen' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('a public case shows its sections, route, innstilling, vedtak with votes, rounds, scenarios and meetings', async () => {
    visitor();
    server.use(http.get('/api/public/solvik-kommune/cases/c1', () => json(publicCaseDetailResponseSchema, CASE)));
    renderRoute('/innsyn/solvik-kommune/saker/c1');
    await screen.findByRole('heading', { level: 1, name: 'Sak 2026/12: Ny ressursfordelingsmodell' });
    expect(screen.getByText(/Status: Vedtatt · Mandatpunkt 3: Ressursfordeling/)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Bakgrunn' })).toBeTruthy();
    expect(screen.getByText('Skolene har ulike behov.')).toBeTruthy();
    // An empty section says so rather than showing nothing under its heading.
    expect(screen.getByRole('heading', { level: 3, name: 'Forslag til vedtak' }).nextElementSibling?.textContent).toContain('(tom)');
    expect(screen.getByRole('heading', { level: 2, name: 'Innstilling til Kommunestyret' })).toBeTruthy();
    // Its public documents: each a download with its size, date and checksum.
    const documents = screen.getByRole('region', { name: 'Dokumenter' });
    const doc = within(documents).getByRole('link', { name: 'Saksframlegg – sak 2026/12 Ny ressursfordelingsmodell' });
    expect(doc.getAttribute('href')).toBe('/api/public/solvik-kommune/documents/doc1/file');
    expect(doc.getAttribute('download')).toBe('saksframlegg-2026-12.pdf');
    expect(documents.textContent).toContain('PDF, 47 kB, laget 2. oktober 2026');
    expect(documents.textContent).toContain(`Kontrollsum (SHA-256): ${'a'.repeat(64)}`);
    expect(screen.getByText('Kommunestyret vedtar ny ressursmodell.')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Forslag og avstemning' }).textContent).toContain('Innstillingen');
    expect(screen.getByRole('link', { name: 'Innspill til modellen' }).getAttribute('href')).toBe('/innsyn/solvik-kommune/innspill/r1');
    expect(screen.getByRole('link', { name: 'Skolebudsjett 2027: Hovedscenario' }).getAttribute('href')).toBe(
      '/innsyn/solvik-kommune/fordeling/s1',
    );
    expect(screen.getByRole('link', { name: 'Kommunestyret: Møte 5/2026' }).getAttribute('href')).toBe('/innsyn/solvik-kommune/moter/mt1');
  });

  it('an exempt case shows only its public title and the legal basis', async () => {
    visitor();
    server.use(
      http.get('/api/public/solvik-kommune/cases/c2', () =>
        json(publicCaseDetailResponseSchema, {
          exempt: true,
          id: 'c2',
          number: '2026/14',
          title: 'Personalsak ved en skole',
          legalBasis: 'offl. § 25',
          status: 'in_preparation',
        }),
      ),
    );
    renderRoute('/innsyn/solvik-kommune/saker/c2');
    await screen.findByRole('heading', { level: 1, name: 'Sak 2026/14: Personalsak ved en skole' });
    expect(screen.getByText('Saken er unntatt offentlighet etter offl. § 25. Bare den offentlige tittelen vises.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Saksframlegg' })).toBeNull();
    expect(screen.queryByRole('heading', { name: /Vedtak i/ })).toBeNull();
  });

  it('an open meeting shows its agenda, the protocol item by item (an exempt item withheld) and the attendance', async () => {
    visitor();
    server.use(
      http.get('/api/public/solvik-kommune/meetings/mt1', () =>
        json(publicMeetingDetailResponseSchema, {
          id: 'mt1',
          title: 'Møte 5/2026',
          bodyName: 'Kommunestyret',
          startsAt: '2026-11-05T16:00:00.000Z',
          endsAt: null,
          place: 'Kommunestyresalen',
          agendaPublished: true,
          agenda: [
            {
              position: 1,
              committeeNumber: '41/26',
              case: { id: 'c1', number: '2026/12', title: 'Ny ressursfordelingsmodell' },
              minutes: 'Saken ble drøftet.',
              decision: { text: 'Kommunestyret vedtar ny ressursmodell.', motions: [] },
              exemptBasis: null,
            },
            {
              position: 2,
              committeeNumber: '42/26',
              case: { id: 'c2', number: '2026/14', title: 'Personalsak ved en skole' },
              minutes: null,
              decision: { text: null, motions: [] },
              exemptBasis: 'offl. § 25',
            },
          ],
          attendance: [{ name: 'Representant 1', status: 'present', substituteName: null }],
          statements: [],
          minutesApprovedAt: '2026-11-12T10:00:00.000Z',
          documents: [
            {
              id: 'doc9',
              kind: 'meeting_minutes',
              title: 'Møteprotokoll – Kommunestyret 2026-11-05',
              filename: 'moteprotokoll-kommunestyret-2026-11-05-v1.pdf',
              size: 40960,
              sha256: 'b'.repeat(64),
              createdAt: '2026-11-12T10:05:00.000Z',
              href: '/api/public/solvik-kommune/documents/doc9/file',
            },
          ],
        }),
      ),
    );
    renderRoute('/innsyn/solvik-kommune/moter/mt1');
    await screen.findByRole('heading', { level: 1, name: 'Kommunestyret: Møte 5/2026' });
    expect(screen.getByText(/Kommunestyresalen/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Sak 2026/12: Ny ressursfordelingsmodell' }).getAttribute('href')).toBe(
      '/innsyn/solvik-kommune/saker/c1',
    );
    expect(screen.getByText('Saken ble drøftet.')).toBeTruthy();
    expect(screen.getByText('Kommunestyret vedtar ny ressursmodell.')).toBeTruthy();
    expect(screen.getByText('Unntatt offentlighet etter offl. § 25.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Oppmøte' })).toBeTruthy();
    expect(screen.getByText(/Representant 1/)).toBeTruthy();
    expect(screen.queryByText('Sakslisten er ikke publisert ennå.')).toBeNull();
    // The approved protocol, and its PDF to download.
    expect(screen.getByText(/^Protokollen ble godkjent /)).toBeTruthy();
    const documents = screen.getByRole('region', { name: 'Dokumenter' });
    expect(within(documents).getByRole('link', { name: 'Møteprotokoll – Kommunestyret 2026-11-05' }).getAttribute('href')).toBe(
      '/api/public/solvik-kommune/documents/doc9/file',
    );
  });

  it('the decisions register shows each vedtak with its case, an exempt one by its basis, and searches', async () => {
    visitor();
    const seen: string[] = [];
    server.use(
      http.get('/api/public/solvik-kommune/decisions', ({ request }) => {
        seen.push(new URL(request.url).search);
        return json(publicDecisionListResponseSchema, {
          licence: OPEN_DATA_LICENCE,
          decisions: [
            {
              id: 'd1',
              bodyName: 'Kommunestyret',
              committeeNumber: '41/26',
              decidedOn: '2026-11-05',
              text: 'Kommunestyret vedtar ny ressursmodell.',
              exemptBasis: null,
              case: { id: 'c1', number: '2026/12', title: 'Ny ressursfordelingsmodell', exempt: false },
            },
            {
              id: 'd2',
              bodyName: 'Kommunestyret',
              committeeNumber: '42/26',
              decidedOn: '2026-11-05',
              text: null,
              exemptBasis: 'offl. § 25',
              case: { id: 'c2', number: '2026/14', title: 'Personalsak ved en skole', exempt: true },
            },
          ],
        });
      }),
    );
    renderRoute('/innsyn/solvik-kommune/vedtak');
    await screen.findByText('Kommunestyret vedtar ny ressursmodell.');
    expect(screen.getByRole('heading', { level: 1, name: 'Vedtak' })).toBeTruthy();
    expect(screen.getByText(/offl\. § 25/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Personalsak ved en skole/ }).getAttribute('href')).toBe('/innsyn/solvik-kommune/saker/c2');
    expect(screen.getByRole('link', { name: 'Vedtak som JSON' }).getAttribute('href')).toBe('/api/public/solvik-kommune/decisions.json');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Søkeord eller saksnummer' }), 'ressursmodell');
    await userEvent.click(within(screen.getByRole('form', { name: 'Søk i vedtak' })).getByRole('button', { name: 'Søk' }));
    await waitFor(() => expect(seen.at(-1)).toBe('?q=ressursmodell'));
  });

  it("a nynorsk municipality's innsyn is in nynorsk for a visitor without a language of their own", async () => {
    visitor('nn');
    server.use(http.get('/api/public/solvik-kommune/cases', () => json(publicCaseListResponseSchema, CASES)));
    renderRoute('/innsyn/solvik-kommune');
    await waitFor(() => expect(document.documentElement.lang).toBe('nn'));
    expect(await screen.findByRole('link', { name: 'Hopp til hovudinnhaldet' })).toBeTruthy();
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Språk' }).value).toBe('nn');
  });

  it("a visitor's own choice in this browser wins over the municipality's målform", async () => {
    await setLanguage('en', { remember: true });
    visitor('nn');
    let answered = false;
    server.use(
      http.get('/api/public/solvik-kommune/cases', () => {
        answered = true;
        return json(publicCaseListResponseSchema, CASES);
      }),
    );
    renderRoute('/innsyn/solvik-kommune');
    await waitFor(() => expect(answered).toBe(true));
    await screen.findByRole('link', { name: 'Skip to main content' });
    expect(document.documentElement.lang).toBe('en');
  });
});
