import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError, NotificationSettings } from '@samrad/shared/contracts';
import { FormErrorSummary, fieldError } from '../../components/FormErrorSummary.js';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useMe } from '../../features/auth/api.js';
import { ChangePasswordForm } from '../../features/auth/ChangePasswordForm.js';
import { api, toFieldErrors } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';

const SETTINGS_KEY = keys.notificationSettings;

/** Profile: who I am here, and how I want to be notified (e-mail per notice, daily digest). */
export default function ProfilePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: () => api<NotificationSettings>('/api/me/notification-settings') });
  const save = useInvalidatingMutation(
    (input: NotificationSettings) => api<NotificationSettings>('/api/me/notification-settings', { method: 'PUT', body: input }),
    SETTINGS_KEY,
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setSaved(false);
    try {
      await save.mutateAsync({
        emailNotifications: form.get('emailNotifications') === 'on',
        digest: form.get('digest') === 'daily' ? 'daily' : 'off',
      });
      setErrors([]);
      setSaved(true);
    } catch (error) {
      setErrors(toFieldErrors(error, 'digest'));
    }
  }

  return (
    <>
      <PageHeading title={t('profile.title')}>{t('profile.title')}</PageHeading>
      {me && (
        <Paragraph>
          {me.name}
          {me.title ? ` – ${me.title}` : ''}
          <br />
          {me.email}
        </Paragraph>
      )}
      <section aria-labelledby="settings-h">
        <Heading level={2} data-size="sm" id="settings-h">
          {t('profile.notifications')}
        </Heading>
        {settings.isPending && <Loading />}
        {settings.error && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
        {settings.data && (
          <form onSubmit={(e) => void onSubmit(e)} className="stack" noValidate>
            <FormErrorSummary errors={errors} fieldIds={{ emailNotifications: 'settings-email', digest: 'settings-digest-off' }} />
            <Fieldset>
              <Fieldset.Legend>{t('profile.emailLegend')}</Fieldset.Legend>
              <Fieldset.Description>{t('profile.emailDescription')}</Fieldset.Description>
              <Checkbox
                id="settings-email"
                name="emailNotifications"
                label={t('profile.emailEach')}
                defaultChecked={settings.data.emailNotifications}
              />
              {fieldError(errors, 'emailNotifications') && (
                <ValidationMessage>{fieldError(errors, 'emailNotifications')}</ValidationMessage>
              )}
            </Fieldset>
            <Fieldset>
              <Fieldset.Legend>{t('profile.digestLegend')}</Fieldset.Legend>
              <Fieldset.Description>{t('profile.digestDescription')}</Fieldset.Description>
              <Radio
                id="settings-digest-off"
                name="digest"
                value="off"
                label={t('profile.digestOff')}
                defaultChecked={settings.data.digest === 'off'}
              />
              <Radio
                id="settings-digest-daily"
                name="digest"
                value="daily"
                label={t('profile.digestDaily')}
                defaultChecked={settings.data.digest === 'daily'}
              />
              {fieldError(errors, 'digest') && <ValidationMessage>{fieldError(errors, 'digest')}</ValidationMessage>}
            </Fieldset>
            <div>
              <Button type="submit" loading={save.isPending}>
                {t('profile.save')}
              </Button>
            </div>
            {saved && (
              <Alert data-color="success" role="status">
                {t('profile.saved')}
              </Alert>
            )}
          </form>
        )}
      </section>
      <ChangePasswordForm />
    </>
  );
}
