import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MEMBER, caseApi } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const doc = (over: Record<string, unknown>) => ({
  id: 'd1',
  kind: 'case_presentation',
  title: 'Saksframlegg – sak 2026/12 Ny ressursfordelingsmodell',
  filename: 'saksframlegg-2026-12-v2.pdf',
  mediaType: 'application/pdf',
  size: 30720,
  sha256: 'cd'.repeat(32),
  version: 2,
  language: 'nb',
  caseId: 'c1',
  meetingId: null,
  submissionId: null,
  createdAt: '2026-11-20T09:00:00.000Z',
  createdBy: 'Rådgiver, oppvekst',
  ...over,
});

function documentsApi(answer: Record<string, unknown>) {
  server.use(
    http.get('/api/cases/c1/documents', () =>
      HttpResponse.json({ documents: [], meetings: [], myInputs: [], mayGenerate: false, archivable: false, ...answer }),
    ),
  );
}

describe('Sak: dokumenter som PDF og arkivuttrekk', () => {
  it('a member downloads the documents and makes the receipt of their own input, but no case document or arkivuttrekk', async () => {
    caseApi(MEMBER);
    documentsApi({
      documents: [doc({}), doc({ id: 'd0', version: 1, filename: 'saksframlegg-2026-12-v1.pdf' })],
      myInputs: [{ id: 's1', submittedAt: '2026-11-21T10:00:00.000Z' }],
    });
    let sent: unknown;
    server.use(
      http.post('/api/documents', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(
          doc({ id: 'd9', kind: 'receipt', title: 'Kvittering for innspill s1', version: 1, caseId: 'c1', submissionId: 's1' }),
          { status: 201 },
        );
      }),
    );
    renderRoute('/saker/c1');
    const list = await screen.findByRole('list', { name: 'Dokumenter (PDF)' }, { timeout: 5000 });
    const links = within(list).getAllByRole('link', { name: 'Saksframlegg – sak 2026/12 Ny ressursfordelingsmodell' });
    expect(links.map((l) => (l as HTMLAnchorElement).pathname)).toEqual(['/api/documents/d1/file', '/api/documents/d0/file']);
    expect(within(list).getByText(/versjon 2/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lag saksframlegg' })).toBeNull();
    expect(screen.queryByRole('link', { name: /arkivuttrekk/i })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: /Lag kvittering for innspillet ditt/ }));
    expect(await screen.findByText('Kvittering for innspill s1 er laget (versjon 1).')).toBeTruthy();
    expect(sent).toEqual({ kind: 'receipt', submissionId: 's1' });
  });

  it('an officer makes the saksframlegg and a meeting’s protocol; a refusal shows the server’s message; the arkivuttrekk waits for a closed case', async () => {
    caseApi(ME);
    documentsApi({ mayGenerate: true, meetings: [{ id: 'm1', title: 'Møte i Driftsutvalget', startsAt: '2026-11-25T16:00:00.000Z' }] });
    const sent: unknown[] = [];
    server.use(
      http.post('/api/documents', async ({ request }) => {
        const body = (await request.json()) as { kind: string };
        sent.push(body);
        if (body.kind === 'input_report')
          return HttpResponse.json(
            { errors: [{ path: 'kind', message: '«Innspill og behandling» lagres som dokument bare for offentlige saker.' }] },
            { status: 400 },
          );
        return HttpResponse.json(doc({ id: 'd5', kind: body.kind, title: 'Møteprotokoll – Driftsutvalget 2026-11-25', version: 1 }), {
          status: 201,
        });
      }),
    );
    renderRoute('/saker/c1');
    await userEvent.click(await screen.findByRole('button', { name: 'Lag møteprotokoll: Møte i Driftsutvalget' }, { timeout: 5000 }));
    expect(await screen.findByText('Møteprotokoll – Driftsutvalget 2026-11-25 er laget (versjon 1).')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Lag «Innspill og behandling»' }));
    expect(await screen.findByText('«Innspill og behandling» lagres som dokument bare for offentlige saker.')).toBeTruthy();
    expect(sent).toEqual([
      { kind: 'meeting_minutes', meetingId: 'm1' },
      { kind: 'input_report', caseId: 'c1' },
    ]);
    expect(screen.getByText('Arkivuttrekk kan lastes ned når saken er avsluttet.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Last ned arkivuttrekk/ })).toBeNull();
  });

  it('an officer downloads the arkivuttrekk of a closed case', async () => {
    caseApi(ME);
    documentsApi({ mayGenerate: true, archivable: true });
    renderRoute('/saker/c1');
    const link = await screen.findByRole('link', { name: 'Last ned arkivuttrekk (NOARK 5, zip)' }, { timeout: 5000 });
    expect((link as HTMLAnchorElement).pathname).toBe('/api/cases/c1/arkivuttrekk');
  });
});
