import { Alert, Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordSchema, parseWith, type FieldError } from '@samrad/shared/contracts';
import { FormErrorSummary, fieldError } from '../../components/FormErrorSummary.js';
import { toFieldErrors } from '../../lib/api.js';
import { useChangePassword } from './api.js';

const FIELD_IDS = { currentPassword: 'current-password', password: 'changed-password' };

/** Changing one's own password: the current one, and a new one that the server finds hard enough to guess. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formElement = e.currentTarget;
    const form = new FormData(formElement);
    setDone(false);
    const parsed = parseWith(changePasswordSchema, { currentPassword: form.get('currentPassword'), password: form.get('password') });
    if (!parsed.ok) return setErrors(parsed.errors);
    try {
      await change.mutateAsync(parsed.data);
      setErrors([]);
      setDone(true);
      formElement.reset();
    } catch (error) {
      setErrors(toFieldErrors(error, 'password'));
    }
  }

  return (
    <section aria-labelledby="password-h">
      <Heading level={2} data-size="sm" id="password-h">
        {t('profile.passwordHeading')}
      </Heading>
      <form onSubmit={(e) => void onSubmit(e)} className="stack" noValidate>
        <FormErrorSummary errors={errors} fieldIds={FIELD_IDS} />
        <Textfield
          id={FIELD_IDS.currentPassword}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t('profile.currentPassword')}
          error={fieldError(errors, 'currentPassword')}
        />
        <Textfield
          id={FIELD_IDS.password}
          name="password"
          type="password"
          autoComplete="new-password"
          label={t('profile.newPassword')}
          description={t('invite.passwordHelp')}
          error={fieldError(errors, 'password')}
        />
        <div>
          <Button type="submit" loading={change.isPending}>
            {t('profile.changePassword')}
          </Button>
        </div>
        {done && (
          <Alert data-color="success" role="status">
            {t('profile.passwordChanged')}
          </Alert>
        )}
      </form>
    </section>
  );
}
