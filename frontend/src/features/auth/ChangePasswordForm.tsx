import { Alert, Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { changePasswordSchema } from '@samrad/shared/contracts';
import { useContractForm } from '../../lib/useContractForm.js';
import { useChangePassword } from './api.js';

const FIELD_IDS = { currentPassword: 'current-password', password: 'changed-password' };

/** Changing one's own password: the current one, and a new one that the server finds hard enough to guess. */
export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useContractForm({
    fieldIds: FIELD_IDS,
    fallbackPath: 'password',
    schema: changePasswordSchema,
    values: (f) => ({ currentPassword: f.get('currentPassword'), password: f.get('password') }),
    resetOnDone: true,
    submit: (data) => change.mutateAsync(data),
  });

  return (
    <section aria-labelledby="password-h">
      <Heading level={2} data-size="sm" id="password-h">
        {t('profile.passwordHeading')}
      </Heading>
      <form onSubmit={form.onSubmit} className="stack" noValidate>
        {form.summary}
        <Textfield
          id={FIELD_IDS.currentPassword}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t('profile.currentPassword')}
          error={form.error('currentPassword')}
        />
        <Textfield
          id={FIELD_IDS.password}
          name="password"
          type="password"
          autoComplete="new-password"
          label={t('profile.newPassword')}
          description={t('invite.passwordHelp')}
          error={form.error('password')}
        />
        <div>
          <Button type="submit" loading={form.pending}>
            {t('profile.changePassword')}
          </Button>
        </div>
        {form.done && (
          <Alert data-color="success" role="status">
            {t('profile.passwordChanged')}
          </Alert>
        )}
      </form>
    </section>
  );
}
