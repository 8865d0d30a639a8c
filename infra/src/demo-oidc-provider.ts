// The typings of oidc-provider (it ships none), also for the browser journey that imports this file.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./oidc-provider.d.ts" />
/**
 * The demo OpenID provider of `npm start` (and of the browser journey): a real OpenID Connect provider
 * (`oidc-provider`) on this machine, so the log-in page's provider button can be tried. Its own log-in page asks for
 * an e-mail address only and vouches for it (a demo person's address logs that person in): never for production —
 * `npm start` starts it only outside NODE_ENV=production, and oidc-provider is a development dependency.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

export const DEMO_OIDC_CLIENT_ID = 'samrad-demo';
export const DEMO_OIDC_NAME = 'Demo-innlogging';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string) {
  return `<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1e1e1e}
label{display:block;font-weight:600;margin:1rem 0 .25rem}input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;border:1px solid #555;border-radius:4px}
button{font:inherit;margin-top:1rem;padding:.6rem 1.2rem;background:#0a4e8f;color:#fff;border:0;border-radius:4px;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid #f9b000;outline-offset:2px}.note{background:#fff4d6;padding:.75rem;border-radius:4px}</style></head>
<body><main>${body}</main></body></html>`;
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Starts the demo provider on `port` (0: a free one) for Samråd at `appUrl`; answers its issuer and a stop function. */
export async function startDemoOidcProvider(options: { port: number; appUrl: string; host?: string }) {
  const appUrl = options.appUrl.replace(/\/$/, '');
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'demo', alg: 'RS256', use: 'sig' };
  const route: { provider?: Provider; handler?: (req: IncomingMessage, res: ServerResponse) => void } = {};

  const server = createServer((req, res) => {
    void (async () => {
      const provider = route.provider!;
      const url = new URL(req.url ?? '/', 'http://demo');
      const interaction = /^\/interaction\/([\w-]+)(\/login)?$/.exec(url.pathname);
      if (!interaction) return route.handler!(req, res);
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === 'POST' && interaction[2]) {
          const email = (await formBody(req)).get('email')?.trim().toLowerCase() ?? '';
          if (!/^[^@\s]+@[^@\s]+$/.test(email)) {
            res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
            return res.end(loginPage(details.uid, 'Skriv inn en e-postadresse, f.eks. saksbehandler@solvik.kommune.test.'));
          }
          return await provider.interactionFinished(req, res, { login: { accountId: email } }, { mergeWithLastSubmission: false });
        }
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(loginPage(details.uid));
      } catch (error) {
        res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          page(
            'Demo-innlogging',
            `<h1>Demo-innlogging</h1><p>Innloggingen er utløpt (${escape((error as Error).message)}). Gå tilbake til Samråd og prøv igjen.</p>`,
          ),
        );
      }
    })();
  });
  const loginPage = (uid: string, error?: string) =>
    page(
      'Demo-innlogging',
      `<h1>Demo-innlogging</h1>
<p class="note">Bare for utvikling og demo: denne innloggingstjenesten går god for e-postadressen du skriver, uten passord.</p>
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="email">E-postadresse</label>
${error ? `<p id="email-error" role="alert">${escape(error)}</p>` : ''}
<input id="email" name="email" type="email" autocomplete="username" required${error ? ' aria-describedby="email-error" aria-invalid="true"' : ''}>
<button type="submit">Logg inn</button>
</form>`,
    );

  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: DEMO_OIDC_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [`${appUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${appUrl}/logg-inn`],
        backchannel_logout_uri: `${appUrl}/api/auth/oidc/backchannel-logout`,
        backchannel_logout_session_required: true,
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['samrad-demo-oidc-cookie-key'] },
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: {
      devInteractions: { enabled: false },
      backchannelLogout: { enabled: true },
      // The log-out confirmation, in Norwegian: `form` is the provider's own form (its xsrf token), the buttons submit it.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: { body: string }, form: string) => {
          ctx.body = page(
            'Logg ut av demo-innloggingen',
            `<h1>Logg ut av demo-innloggingen?</h1>${form}
<p>Du er logget ut av Samråd. Vil du også logge ut av demo-innloggingen?</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, logg ut</button>
<button type="submit" form="op.logoutForm">Nei, bare av Samråd</button>`,
          );
        },
      },
    },
    ttl: { Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600, Interaction: 600, AuthorizationCode: 60 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    // Samråd runs on this machine: the back-channel log-out goes to a loopback address.
    fetch: (url: string, init: RequestInit & { dispatcher?: unknown }) => {
      delete init.dispatcher;
      return fetch(url, init);
    },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true, name: id }),
    }),
    // Samråd is this provider's own client: no consent page.
    loadExistingGrant: async (ctx: { oidc: { client: { clientId: string }; session: { accountId: string } } }) => {
      const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name']);
      await grant.save();
      return grant;
    },
  });
  route.provider = provider;
  route.handler = provider.callback();
  return { issuer, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
