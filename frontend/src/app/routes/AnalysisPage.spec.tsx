import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const TOOL = {
  id: 'a1',
  kind: 'peers',
  title: 'KOSTRA 2008: sammenligning med andre kommuner',
  caseId: 'c1',
  caseNumber: '2026/12',
  caseTitle: 'Ny ressursfordelingsmodell',
  mandateItem: { id: 'i3', number: 3, title: 'Ressursfordeling' },
  version: 1,
  updatedAt: '2026-11-20T09:00:00.000Z',
};

function api(me: object) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(me)),
    http.get('/api/analysis-tools', () => HttpResponse.json({ tools: [TOOL] })),
    http.get('/api/cases', () =>
      HttpResponse.json({
        cases: [
          {
            id: 'c1',
            number: '2026/12',
            title: 'Ny ressursfordelingsmodell',
            status: 'in_preparation',
            access: 'public',
            mandateItemId: 'i3',
            updatedAt: '2026-11-20T09:00:00.000Z',
            readable: true,
          },
        ],
      }),
    ),
    http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
  );
}

describe('Analyse: the workbench', () => {
  it('a member reads the tools under their kind, case and mandate item, and has no create form', async () => {
    api(MEMBER);
    renderRoute('/analyse');
    expect((await screen.findByRole('link', { name: TOOL.title })).getAttribute('href')).toBe('/analyse/a1');
    expect(screen.getByRole('heading', { level: 2, name: 'Sammenligning med andre kommuner (KOSTRA)' })).toBeTruthy();
    expect(screen.getByText('Mandatpunkt 3: Ressursfordeling')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Ny analyse' })).toBeNull();
  });

  it('an officer creates a savings plan from the template and sees the server’s field errors', async () => {
    api(ME);
    let sent: Record<string, unknown> | undefined;
    server.use(
      http.post('/api/analysis-tools', async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        if (!sent.title) return HttpResponse.json({ errors: [{ path: 'title', message: 'Tittelen må fylles ut' }] }, { status: 400 });
        return HttpResponse.json({ id: 'a2', version: 1 }, { status: 201 });
      }),
    );
    renderRoute('/analyse');
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Ny analyse' });
    await waitFor(() => expect(screen.getByRole('option', { name: '2026/12 Ny ressursfordelingsmodell' })).toBeTruthy());
    await user.selectOptions(screen.getByLabelText('Sak'), 'c1');
    await user.click(screen.getByRole('button', { name: 'Opprett analysen' }));
    expect(await screen.findAllByText('Tittelen må fylles ut')).not.toHaveLength(0);
    await user.type(screen.getByLabelText('Tittel'), 'Innsparingskrav 2010–2011');
    await user.type(screen.getByLabelText('Første år med innsparingskrav'), '2010');
    await user.type(screen.getByLabelText('Innsparingskrav det året (kr)'), '4300000');
    await user.click(screen.getByRole('button', { name: 'Opprett analysen' }));
    await waitFor(() =>
      expect(sent).toEqual({
        kind: 'savings',
        caseId: 'c1',
        mandateItemId: null,
        title: 'Innsparingskrav 2010–2011',
        input: { targets: [{ year: 2010, amount: '4300000' }], measures: [] },
      }),
    );
  });
});
