import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const PARENT = '7d0f6c5e-7a8e-4a5b-9c1d-2e3f4a5b6c7d';

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

  it('an officer edits a membership (capacity, union, term) and the body itself', async () => {
    const calls: { url: string; body: unknown }[] = [];
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(ME)),
      http.get('/api/bodies/b1', () => HttpResponse.json(BODY)),
      http.get('/api/bodies', () =>
        HttpResponse.json({ bodies: [{ ...BODY, id: PARENT, name: 'Driftsutvalget', kind: 'political_committee' }] }),
      ),
      http.get('/api/users', () => HttpResponse.json({ users: [] })),
      http.patch('/api/bodies/b1/members/ms1', async ({ request }) => {
        calls.push({ url: 'member', body: await request.json() });
        return HttpResponse.json({ id: 'ms1', version: 4 });
      }),
      http.patch('/api/bodies/b1', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        calls.push({ url: 'body', body });
        return HttpResponse.json({ ...BODY, ...body, version: 2 });
      }),
    );
    renderRoute('/organer/b1');
    await userEvent.click(await screen.findByRole('button', { name: 'Endre medlemskapet til Hovedtillitsvalgt, Utdanningsforbundet' }));
    const form = (
      await screen.findByRole('heading', { level: 2, name: 'Endre medlemskapet til Hovedtillitsvalgt, Utdanningsforbundet' })
    ).closest('section')!;
    const union = within(form).getByRole('textbox', { name: 'Fagforening' });
    expect(union).toHaveProperty('value', 'Utdanningsforbundet');
    await userEvent.clear(union);
    await userEvent.type(union, 'Fagforbundet');
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Rolle' }), 'Nestleder');
    await userEvent.type(within(form).getByLabelText('Til dato (valgfritt)'), '2027-07-31');
    await userEvent.click(within(form).getByRole('button', { name: 'Lagre medlemskapet' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toEqual({
      version: 3,
      role: 'deputy_chair',
      capacity: 'union_representative',
      party: null,
      side: null,
      union: 'Fagforbundet',
      school: null,
      validFrom: '2026-01-01',
      validTo: '2027-07-31',
    });

    const bodyForm = screen.getByRole('heading', { level: 2, name: 'Endre organet' }).closest('section')!;
    const name = within(bodyForm).getByRole('textbox', { name: 'Navn på organet' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Arbeidsgruppen for skolestruktur');
    await userEvent.selectOptions(within(bodyForm).getByRole('combobox', { name: 'Hører under' }), 'Driftsutvalget');
    await userEvent.click(within(bodyForm).getByRole('button', { name: 'Lagre organet' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.body).toEqual({
      version: 1,
      kind: 'working_group',
      name: 'Arbeidsgruppen for skolestruktur',
      description: 'Drøfter det administrasjonen forbereder.',
      parentId: PARENT,
    });
    // Officers do not close bodies; that is the administrator's.
    expect(screen.queryByRole('heading', { name: 'Legg ned organet' })).toBeNull();
  });

  it('an administrator closes a body after confirming; a closed body is shown as closed, without the forms', async () => {
    let closed = false;
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json({ ...ME, roles: ['member', 'case_officer', 'admin'] })),
      http.get('/api/bodies/b1', () => HttpResponse.json({ ...BODY, closedOn: closed ? '2026-12-04' : null })),
      http.get('/api/bodies', () => HttpResponse.json({ bodies: [] })),
      http.get('/api/users', () => HttpResponse.json({ users: [] })),
      http.delete('/api/bodies/b1', () => {
        closed = true;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderRoute('/organer/b1');
    await userEvent.click(await screen.findByRole('button', { name: 'Legg ned Arbeidsgruppen' }));
    expect(closed).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'Ja, legg ned Arbeidsgruppen' }));
    expect(await screen.findByText('Lagt ned 4. desember 2026')).toBeTruthy();
    expect(closed).toBe(true);
    expect(screen.queryByRole('heading', { name: 'Legg til medlem' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Endre organet' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Legg ned organet' })).toBeNull();
    // Its members and their history are still there.
    expect(screen.getByRole('cell', { name: /^Hovedtillitsvalgt, Utdanningsforbundet/ })).toBeTruthy();
  });
});
