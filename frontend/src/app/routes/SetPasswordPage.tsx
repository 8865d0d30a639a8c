import { Alert, Button, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { acceptInviteRequestSchema } from '@samrad/shared/contracts';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { meKey } from '../../features/auth/api.js';
import { api } from '../../lib/api.js';
import { useContractForm } from '../../lib/useContractForm.js';

const FIELD_IDS = { password: 'new-password', token: 'new-password' };

/** Accepting an invitation and resetting a password both set a password from a mailed link. */
export default function SetPasswordPage({ mode }: { mode: 'invite' | 'reset' }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [done, setDone] = useState(false);
  const title = mode === 'invite' ? t('invite.title') : t('reset.title');
  const form = useContractForm({
    fieldIds: FIELD_IDS,
    fallbackPath: 'password',
    schema: acceptInviteRequestSchema,
    values: (f) => ({ token, password: f.get('password') }),
    submit: async (data) => {
      await api(mode === 'invite' ? '/api/auth/accept-invite' : '/api/auth/reset-password', { method: 'POST', body: data });
      if (mode === 'invite') {
        await qc.invalidateQueries({ queryKey: meKey });
        navigate(paths.home, { replace: true });
      } else setDone(true);
    },
  });

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
          {form.summary}
          <form onSubmit={form.onSubmit} noValidate className="stack">
            <Textfield
              id={FIELD_IDS.password}
              name="password"
              type="password"
              autoComplete="new-password"
              label={t('invite.password')}
              description={t('invite.passwordHelp')}
              error={form.error('password') ?? form.error('token')}
            />
            <div>
              <Button type="submit" loading={form.pending} disabled={!token}>
                {mode === 'invite' ? t('invite.submit') : t('reset.submit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
