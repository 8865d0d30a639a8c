import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

describe('Fordeling list', () => {
  it('lists allocation cases, and says so when there are none', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/allocation-cases', () => HttpResponse.json({ allocationCases: [] })),
    );
    renderRoute('/fordeling');
    await screen.findByText('Ingen fordelingssaker.');
  });
});
