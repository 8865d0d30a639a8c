import { Alert, Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { loginRequestSchema, parseWith, type FieldError } from '@samrad/shared/contracts';
import { FormErrorSummary, fieldError } from '../../components/FormErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { afterLogin, paths } from '../../config/paths.js';
import { useLogin } from '../../features/auth/api.js';
import { ApiError } from '../../lib/api.js';

const FIELD_IDS = { email: 'login-email', password: 'login-password' };

export default function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = parseWith(loginRequestSchema, { email: form.get('email'), password: form.get('password') });
    setMessage(null);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors([]);
    try {
      await login.mutateAsync(parsed.data);
      const next = afterLogin(params.get('neste'));
      if (next.serverPage) window.location.assign(next.path);
      else navigate(next.path, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length) setErrors(error.fieldErrors);
      else setMessage(error instanceof Error ? error.message : t('login.failed'));
    }
  }

  return (
    <div className="narrow">
      <PageHeading title={t('login.title')}>{t('login.title')}</PageHeading>
      <Paragraph>{t('app.tagline')}</Paragraph>
      <FormErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      {message && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate className="stack">
        <Textfield
          id={FIELD_IDS.email}
          name="email"
          type="email"
          autoComplete="username"
          label={t('login.email')}
          error={fieldError(errors, 'email')}
        />
        <Textfield
          id={FIELD_IDS.password}
          name="password"
          type="password"
          autoComplete="current-password"
          label={t('login.password')}
          error={fieldError(errors, 'password')}
        />
        <div>
          <Button type="submit" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </div>
      </form>
      <Paragraph>
        <Link asChild>
          <RouterLink to={paths.forgotPassword}>{t('login.forgot')}</RouterLink>
        </Link>
      </Paragraph>
    </div>
  );
}
