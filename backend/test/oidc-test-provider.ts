import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';

/** A change made to the ID token the provider sends (signed again with the provider's own key), to test refusals. */
export type Tamper = { iss?: string; aud?: string; exp?: number; iat?: number } | null;

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The next ID tokens the token endpoint sends are changed so, until set back to null. */
  tamper: (change: Tamper) => void;
  close: () => Promise<void>;
}

/**
 * A real OpenID provider (`oidc-provider`, the certified Node implementation) on a free local port, with one confidential
 * client for Samråd. Its development log-in form accepts any account name; `accounts` gives each one its claims (an
 * unknown name is a person with no claims but `sub`). Consent is given in advance for the client (a first-party client).
 */
export async function startTestProvider(options: {
  appUrl: string;
  backchannelUrl: string;
  accounts: Record<string, Record<string, unknown>>;
  clientId: string;
}): Promise<TestProvider> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `key-${options.clientId}`;
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  void publicKey;
  let tamper: Tamper = null;
  const route: { handler?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const server: Server = createServer((req, res) => {
    if (tamper && req.method === 'POST' && req.url?.startsWith('/token')) {
      const change = tamper;
      const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
      (res as { end: unknown }).end = (chunk?: unknown) => {
        void (async () => {
          const answer = JSON.parse(String(chunk)) as { id_token?: string };
          if (answer.id_token) {
            const claims = { ...decodeJwt(answer.id_token), ...change };
            answer.id_token = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
          }
          const text = JSON.stringify(answer);
          res.setHeader('content-length', Buffer.byteLength(text));
          end(text);
        })();
        return res;
      };
    }
    route.handler!(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientSecret = `secret-${options.clientId}-0123456789abcdef0123456789abcdef`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: clientSecret,
        redirect_uris: [`${options.appUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${options.appUrl}/logg-inn`],
        backchannel_logout_uri: options.backchannelUrl,
        backchannel_logout_session_required: true,
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-provider-cookie-key-0123456789'] },
    ttl: { Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600, Interaction: 600, AuthorizationCode: 60 },
    pkce: { required: () => true },
    // Samråd runs on this machine: the back-channel log-out goes to a loopback address, which the provider's
    // protection against server-side request forgery would refuse.
    fetch: (url: string, init: RequestInit & { dispatcher?: unknown }) => {
      delete init.dispatcher;
      return fetch(url, init);
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
      pid: ['pid'],
    },
    scopes: ['openid', 'email', 'profile', 'pid'],
    features: {
      devInteractions: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      backchannelLogout: { enabled: true },
    },
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, ...(options.accounts[id] ?? {}) }),
    }),
    // A first-party client: the person is not asked to consent to the scopes.
    loadExistingGrant: async (ctx: {
      oidc: { client: { clientId: string }; session: { accountId: string; grantIdFor: (id: string) => string | undefined } };
    }) => {
      const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile pid');
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'given_name', 'family_name', 'pid']);
      await grant.save();
      return grant;
    },
  });
  provider.on('backchannel.error', (_ctx, error) => console.error('back-channel log-out failed', error));
  route.handler = provider.callback();
  return {
    issuer,
    clientId: options.clientId,
    clientSecret,
    tamper: (change) => {
      tamper = change;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's cookies, per host (enough for the provider's and Samråd's cookies). */
export class CookieJar {
  private readonly cookies = new Map<string, Map<string, string>>();
  store(url: string, res: Response) {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map<string, string>();
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
      else jar.set(name, value);
    }
    this.cookies.set(host, jar);
  }
  header(url: string): string {
    return [...(this.cookies.get(new URL(url).host) ?? new Map<string, string>()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(url: string, name: string) {
    return this.cookies.get(new URL(url).host)?.get(name);
  }
}
