import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestResetSchema } from '@samrad/shared/contracts';
import { PageHeading } from '../../components/PageHeading.js';
import { api } from '../../lib/api.js';
import { useContractForm } from '../../lib/useContractForm.js';

const FIELD_IDS = { email: 'reset-email' };

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const form = useContractForm({
    fieldIds: FIELD_IDS,
    fallbackPath: 'email',
    schema: requestResetSchema,
    values: (f) => ({ email: f.get('email') }),
    submit: async (data) => {
      await api('/api/auth/request-reset', { method: 'POST', body: data });
      setSent(true);
    },
  });

  return (
    <div className="narrow">
      <PageHeading title={t('reset.requestTitle')}>{t('reset.requestTitle')}</PageHeading>
      {sent ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('reset.requestSent')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('reset.requestIntro')}</Paragraph>
          {form.summary}
          <form onSubmit={form.onSubmit} noValidate className="stack">
            <Textfield
              id={FIELD_IDS.email}
              name="email"
              type="email"
              autoComplete="email"
              label={t('login.email')}
              error={form.error('email')}
            />
            <div>
              <Button type="submit" loading={form.pending}>
                {t('reset.requestSubmit')}
              </Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
