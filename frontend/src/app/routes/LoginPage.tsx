import { Alert, Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { loginRequestSchema } from '@samrad/shared/contracts';
import { PageHeading } from '../../components/PageHeading.js';
import { afterLogin, paths } from '../../config/paths.js';
import { useLogin } from '../../features/auth/api.js';
import { LoginProviders, LoginRefusal } from '../../features/oidc/LoginProviders.js';
import { useContractForm } from '../../lib/useContractForm.js';

const FIELD_IDS = { email: 'login-email', password: 'login-password' };

export default function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [message, setMessage] = useState<string | null>(null);
  const form = useContractForm({
    fieldIds: FIELD_IDS,
    fallbackPath: 'email',
    schema: loginRequestSchema,
    values: (f) => {
      setMessage(null);
      return { email: f.get('email'), password: f.get('password') };
    },
    submit: async (data) => {
      await login.mutateAsync(data);
      const next = afterLogin(params.get('neste'));
      if (next.serverPage) window.location.assign(next.path);
      else navigate(next.path, { replace: true });
    },
    // A refused log-in names no field: it is said once, above the form.
    onOtherError: (error) => setMessage(error instanceof Error ? error.message : t('login.failed')),
  });

  return (
    <div className="narrow">
      <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
      <Paragraph>{t('app.tagline')}</Paragraph>
      <LoginRefusal code={params.get('feil')} />
      <LoginProviders slug={params.get('kommune')} next={params.get('neste')} />
      {form.summary}
      {message && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <Textfield
          id={FIELD_IDS.email}
          name="email"
          type="email"
          autoComplete="username"
          label={t('login.email')}
          error={form.error('email')}
        />
        <Textfield
          id={FIELD_IDS.password}
          name="password"
          type="password"
          autoComplete="current-password"
          label={t('login.password')}
          error={form.error('password')}
        />
        <div>
          <Button type="submit" loading={form.pending}>
            {t('login.submit')}
          </Button>
        </div>
      </form>
      <Paragraph>
        <Link asChild>
          <RouterLink to={paths.forgotPassword}>{t('login.forgot')}</RouterLink>
        </Link>
      </Paragraph>
      <section aria-labelledby="login-who" className="stack">
        <Heading level={2} data-size="sm" id="login-who">
          {t('login.whoHeading')}
        </Heading>
        <Paragraph>{t('login.who')}</Paragraph>
        <Paragraph>
          {t('login.publicNeedsNone')}{' '}
          <Link asChild>
            <RouterLink to={paths.innsyn}>{t('login.toInnsyn')}</RouterLink>
          </Link>
        </Paragraph>
      </section>
    </div>
  );
}
