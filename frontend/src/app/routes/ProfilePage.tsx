import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notificationSettingsSchema, type NotificationSettings } from '@samrad/shared/contracts';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useMe } from '../../features/auth/api.js';
import { ChangePasswordForm } from '../../features/auth/ChangePasswordForm.js';
import { CalendarFeeds } from '../../features/innsyn/CalendarFeeds.js';
import { MyData } from '../../features/personal-data/MyData.js';
import { api } from '../../lib/api.js';
import { useContractForm } from '../../lib/useContractForm.js';
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
  const form = useContractForm({
    fieldIds: { emailNotifications: 'settings-email', digest: 'settings-digest-off' },
    fallbackPath: 'digest',
    schema: notificationSettingsSchema,
    values: (f) => ({ emailNotifications: f.get('emailNotifications') === 'on', digest: f.get('digest') === 'daily' ? 'daily' : 'off' }),
    submit: (data) => save.mutateAsync(data),
  });

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
          <form onSubmit={form.onSubmit} className="stack" noValidate>
            {form.summary}
            <Fieldset>
              <Fieldset.Legend>{t('profile.emailLegend')}</Fieldset.Legend>
              <Fieldset.Description>{t('profile.emailDescription')}</Fieldset.Description>
              <Checkbox
                id="settings-email"
                name="emailNotifications"
                label={t('profile.emailEach')}
                defaultChecked={settings.data.emailNotifications}
              />
              {form.error('emailNotifications') && <ValidationMessage>{form.error('emailNotifications')}</ValidationMessage>}
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
              {form.error('digest') && <ValidationMessage>{form.error('digest')}</ValidationMessage>}
            </Fieldset>
            <div>
              <Button type="submit" loading={form.pending}>
                {t('profile.save')}
              </Button>
            </div>
            {form.done && (
              <Alert data-color="success" role="status">
                {t('profile.saved')}
              </Alert>
            )}
          </form>
        )}
      </section>
      <CalendarFeeds />
      <ChangePasswordForm />
      <MyData />
    </>
  );
}
