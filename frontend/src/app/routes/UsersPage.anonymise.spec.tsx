import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const ADMIN = { ...ME, id: 'u-admin', name: 'Systemadministrator', roles: ['member', 'case_officer', 'admin'] };
const base = { title: '', isAdmin: false, isCaseOfficer: false, version: 1, anonymised: false };

describe('Brukere: anonymising a person who has left (#21)', () => {
  it('asks first, then shows the person by the label the server gave; an anonymised person has no actions', async () => {
    const users = [
      { ...base, id: 'u-admin', name: 'Systemadministrator', email: 'admin@solvik.kommune.test', status: 'active', isAdmin: true },
      { ...base, id: 'u-left', name: 'Forelder som sluttet', email: 'forelder@solvik.kommune.test', status: 'disabled' },
    ];
    const calls: string[] = [];
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(ADMIN)),
      http.get('/api/users', () => HttpResponse.json({ users })),
      http.post('/api/users/:id/anonymise', ({ params }) => {
        calls.push(String(params.id));
        const done = {
          ...users[1]!,
          name: 'Tidligere medlem (FAU)',
          email: 'anonymisert-u-left@samrad.invalid',
          anonymised: true,
          version: 2,
        };
        users[1] = done;
        return HttpResponse.json(done);
      }),
    );
    renderRoute('/brukere');
    // Not offered for oneself.
    const own = (await screen.findByRole('cell', { name: /^Systemadministrator/ })).closest('tr')!;
    expect(within(own).queryByRole('button', { name: /^Anonymiser/ })).toBeNull();

    await userEvent.click(await screen.findByRole('button', { name: 'Anonymiser Forelder som sluttet' }));
    expect(screen.getByText(/Dette kan ikke angres\./)).toBeTruthy();
    expect(calls).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: 'Ja, anonymiser' }));
    const row = (await screen.findByRole('cell', { name: /^Tidligere medlem \(FAU\)/ })).closest('tr')!;
    expect(calls).toEqual(['u-left']);
    expect(within(row).getByText('Anonymisert')).toBeTruthy();
    expect(within(row).queryByRole('button')).toBeNull();
  });
});
