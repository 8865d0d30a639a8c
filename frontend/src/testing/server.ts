import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/**
 * The API at the HTTP boundary; each test declares the answers it needs. The answers every log-in page and every
 * administrator's municipality page ask for (no OpenID providers) are the defaults, so tests of other things need not.
 */
export const server = setupServer(
  http.get('/api/auth/oidc/options', () => HttpResponse.json({ municipalities: [] })),
  http.get('/api/oidc-providers', () =>
    HttpResponse.json({ providers: [], passwordLogin: true, redirectUri: 'http://localhost:3000/api/auth/oidc/callback' }),
  ),
);
