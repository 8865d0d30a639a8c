import { Alert, Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseWith, requestResetSchema, type FieldError } from '@samrad/shared/contracts';
import { FormErrorSummary, fieldError } from '../../components/FormErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ApiError, api } from '../../lib/api.js';

const FIELD_IDS = { email: 'reset-email' };

export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sent, setSent] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = parseWith(requestResetSchema, { email: new FormData(e.currentTarget).get('email') });
    if (!parsed.ok) return setErrors(parsed.errors);
    try {
      await api('/api/auth/request-reset', { method: 'POST', body: parsed.data });
      setErrors([]);
      setSent(true);
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.fieldErrors.length ? error.fieldErrors : [{ path: 'email', message: (error as Error).message }],
      );
    }
  }

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
          <FormErrorSummary errors={errors} fieldIds={FIELD_IDS} />
          <form onSubmit={onSubmit} noValidate className="stack">
            <Textfield
              id={FIELD_IDS.email}
              name="email"
              type="email"
              autoComplete="email"
              label={t('login.email')}
              error={fieldError(errors, 'email')}
            />
            <div>
              <Button type="submit">{t('reset.requestSubmit')}</Button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
