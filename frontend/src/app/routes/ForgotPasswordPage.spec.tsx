import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

describe('Glemt passord', () => {
  it('asking for a reset link always answers the same, and a bad e-mail gets a field error', async () => {
    let asked: unknown;
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json({ message: 'Du må logge inn' }, { status: 401 })),
      http.post('/api/auth/request-reset', async ({ request }) => {
        asked = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    renderRoute('/glemt-passord');
    const email = await screen.findByRole('textbox', { name: 'E-postadresse' });
    await userEvent.type(email, 'ikke-en-adresse');
    await userEvent.click(screen.getByRole('button'));
    await screen.findAllByText('Skriv inn en gyldig e-postadresse');
    await userEvent.clear(email);
    await userEvent.type(email, 'fau.nordby@solvik.kommune.test');
    await userEvent.click(screen.getByRole('button'));
    await waitFor(() => expect(asked).toEqual({ email: 'fau.nordby@solvik.kommune.test' }));
  });
});
