import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { startUrl, useLoginOptions } from './api.js';

export const OIDC_REFUSALS = ['state', 'provider', 'unavailable', 'token', 'claim', 'no-account', 'disabled', 'role'] as const;
type Refusal = (typeof OIDC_REFUSALS)[number];

/** Why a log-in through a provider was refused (`/logg-inn?feil=<code>`), said above the log-in form. */
export function LoginRefusal({ code }: { code: string | null }) {
  const { t } = useTranslation();
  if (!code || !(OIDC_REFUSALS as readonly string[]).includes(code)) return null;
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{t(`oidc.refused.${code as Refusal}`)}</Paragraph>
    </Alert>
  );
}

/**
 * A button per provider of each municipality that has any (or of the one in `?kommune=<slug>`). A button is a link
 * to the log-in's start: the browser goes on to the provider's own log-in page and comes back logged in.
 */
export function LoginProviders({ slug, next }: { slug: string | null; next: string | null }) {
  const { t } = useTranslation();
  const options = useLoginOptions(slug);
  const municipalities = (options.data?.municipalities ?? []).filter((m) => m.providers.length > 0);
  if (municipalities.length === 0) return null;
  const several = municipalities.length > 1;
  return (
    <section aria-labelledby="login-providers" className="stack">
      <Heading level={2} data-size="sm" id="login-providers">
        {t('oidc.loginHeading')}
      </Heading>
      {municipalities.map((m) => (
        <div key={m.slug} className="stack">
          {several && (
            <Heading level={3} data-size="xs">
              {m.name}
            </Heading>
          )}
          <div className="row">
            {m.providers.map((p) => (
              <Button key={p.id} asChild variant="secondary">
                <a href={startUrl(p.id, next)}>{t('oidc.loginWith', { name: p.name })}</a>
              </Button>
            ))}
          </div>
        </div>
      ))}
      <Paragraph data-size="sm">{t('oidc.orPassword')}</Paragraph>
    </section>
  );
}
