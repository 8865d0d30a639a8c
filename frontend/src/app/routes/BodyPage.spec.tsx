import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

describe('Organer: administration', () => {
  const BODY = {
    id: 'b1',
    kind: 'working_group',
    name: 'Arbeidsgruppen',
    description: 'Drøfter det administrasjonen forbereder.',
    parentId: null,
    memberCount: 1,
    version: 1,
    members: [
      {
        id: 'ms1',
        userId: 'u1',
        name: 'Hovedtillitsvalgt, Utdanningsforbundet',
        title: '',
        role: 'member',
        capacity: 'union_representative',
        party: null,
        side: null,
        union: 'Utdanningsforbundet',
        school: null,
        validFrom: '2026-01-01',
        validTo: null,
        version: 3,
      },
    ],
  };

  it('an officer adds a member (a politician needs a side) and ends a membership', async () => {
    const calls: { method: string; body: unknown }[] = [];
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(ME)),
      http.get('/api/bodies/b1', () => HttpResponse.json(BODY)),
      http.get('/api/users', () =>
        HttpResponse.json({
          users: [
            {
              id: 'u7',
              name: 'Kommunestyremedlem, posisjon',
              title: '',
              email: 'k@x',
              status: 'active',
              isAdmin: false,
              isCaseOfficer: false,
              version: 1,
            },
          ],
        }),
      ),
      http.post('/api/bodies/b1/members', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        calls.push({ method: 'POST', body });
        return body.side
          ? HttpResponse.json({ id: 'ms2', version: 1 }, { status: 201 })
          : HttpResponse.json(
              { errors: [{ path: 'side', message: 'En politiker må ha side (posisjon eller opposisjon)' }] },
              { status: 400 },
            );
      }),
      http.patch('/api/bodies/b1/members/ms1', async ({ request }) => {
        calls.push({ method: 'PATCH', body: await request.json() });
        return HttpResponse.json({ id: 'ms1', version: 4 });
      }),
    );
    renderRoute('/organer/b1');
    await screen.findByRole('heading', { level: 1, name: 'Arbeidsgruppen' });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Parti' }), 'Parti A');
    await userEvent.click(screen.getByRole('button', { name: 'Legg til' }));
    expect(await screen.findByRole('link', { name: 'En politiker må ha side (posisjon eller opposisjon)' })).toHaveProperty(
      'hash',
      '#member-side',
    );
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Side' }), 'Posisjon');
    await userEvent.click(screen.getByRole('button', { name: 'Legg til' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    await userEvent.click(screen.getByRole('button', { name: 'Avslutt medlemskapet til Hovedtillitsvalgt, Utdanningsforbundet i dag' }));
    await waitFor(() => expect(calls.map((c) => c.method)).toEqual(['POST', 'POST', 'PATCH']));
    expect(calls[0]!.body).toMatchObject({ userId: 'u7', role: 'chair', capacity: 'politician', party: 'Parti A', side: null });
    expect(calls[1]!.body).toMatchObject({ userId: 'u7', capacity: 'politician', party: 'Parti A', side: 'posisjon' });
    expect(calls[2]!.body).toMatchObject({ version: 3, validTo: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('members see the list but no administration', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/bodies/b1', () => HttpResponse.json(BODY)),
    );
    renderRoute('/organer/b1');
    await screen.findByRole('cell', { name: /Hovedtillitsvalgt, Utdanningsforbundet/ });
    expect(screen.queryByRole('heading', { name: 'Legg til medlem' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Avslutt medlemskapet/ })).toBeNull();
  });
});
