import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

describe('Varsler', () => {
  it('says when there are no notifications', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/notifications', () => HttpResponse.json({ notifications: [], unread: 0 })),
    );
    renderRoute('/varsler');
    await screen.findByRole('heading', { level: 1, name: 'Varsler' });
    await screen.findByText('Ingen varsler.');
  });
});
