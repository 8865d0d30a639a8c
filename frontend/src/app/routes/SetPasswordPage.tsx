import { Alert, Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { acceptInviteRequestSchema, parseWith, type FieldError } from '@samrad/shared/contracts';
import { FormErrorSummary, fieldError } from '../../components/FormErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { meKey } from '../../features/auth/api.js';
import { ApiError, api } from '../../lib/api.js';

const FIELD_IDS = { password: 'new-password', token: 'new-password' };

/** Accepting an invitation and resetting a password both set a password from a mailed link. */
export default function SetPasswordPage({ mode }: { mode: 'invite' | 'reset' }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const title = mode === 'invite' ? t('invite.title') : t('reset.title');

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = parseWith(acceptInviteRequestSchema, { token, password: new FormData(e.currentTarget).get('password') });
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors([]);
    setBusy(true);
    try {
      await api(mode === 'invite' ? '/api/auth/accept-invite' : '/api/auth/reset-password', { method: 'POST', body: parsed.data });
      if (mode === 'invite') {
        await qc.invalidateQueries({ queryKey: meKey });
        navigate(paths.home, { replace: true });
      } else setDone(true);
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.fieldErrors.length
          ? error.fieldErrors
          : [{ path: 'password', message: (error as Error).message }],
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <PageHeading title={title}>{title}</PageHeading>
      {!token && (
        <Alert data-color="warning">
          <Paragraph>{t('invite.missingToken')}</Paragraph>
        </Alert>
      )}
      {done ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('reset.done')}</Paragraph>
          <Link asChild>
            <RouterLink to={paths.login}>{t('reset.toLogin')}</RouterLink>
          </Link>
        </Alert>
      ) : (
        <>
          {mode === 'invite' && <Paragraph>{t('invite.intro')}</Paragraph>}
          <FormErrorSummary errors={errors} fieldIds={FIELD_IDS} />
          <form onSubmit={onSubmit} noValidate className="stack">
            <Textfield
              id={FIELD_IDS.password}
              name="password"
              type="password"
              autoComplete="new-password"
              label={t('invite.password')}
              description={t('invite.passwordHelp')}
              error={fieldError(errors, 'password') ?? fieldError(errors, 'token')}
            />
            <div>
              <Button type="submit" loading={busy} disabled={!token}>
                {mode === 'invite' ? t('invite.submit') : t('reset.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
