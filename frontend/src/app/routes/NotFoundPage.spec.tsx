import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

describe('Pages that do not exist', () => {
  it('an unknown address gets a page that says so', async () => {
    server.use(http.get('/api/auth/me', () => HttpResponse.json(MEMBER)));
    renderRoute('/finnes-ikke');
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Fant ikke siden');
  });
});
