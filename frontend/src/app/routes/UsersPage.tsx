import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inviteUserSchema } from '@samrad/shared/contracts';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useInviteUser, useUsers } from '../../features/users/api.js';
import { EditUserForm, UserActions } from '../../features/users/UserAdmin.js';
import { useMe } from '../../features/auth/api.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { ScrollBox } from '../../components/ScrollBox.js';

const FIELD_IDS = { name: 'invite-name', email: 'invite-email', title: 'invite-title' };

export default function UsersPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const invite = useInviteUser();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const { data: me } = useMe();
  const editedUser = users.data?.users.find((u) => u.id === editing);
  const form = useContractForm({
    fieldIds: FIELD_IDS,
    fallbackPath: 'email',
    schema: inviteUserSchema,
    values: (f) => ({
      name: f.get('name'),
      email: f.get('email'),
      title: f.get('title') ?? '',
      isAdmin: f.get('isAdmin') === 'on',
      isCaseOfficer: f.get('isCaseOfficer') === 'on',
    }),
    resetOnDone: true,
    submit: async (data) => {
      await invite.mutateAsync(data);
      setSentTo(data.email);
    },
  });

  const statusText = { invited: t('users.statusInvited'), active: t('users.statusActive'), disabled: t('users.statusDisabled') };
  return (
    <>
      <PageHeading title={t('users.title')}>{t('users.title')}</PageHeading>
      <Paragraph data-size="sm">
        {/* The job board is a page of its own, outside the app; only the installation's operators get in. */}
        <a href="/drift/jobber/">{t('users.jobBoard')}</a>
      </Paragraph>
      <section aria-labelledby="invite-heading" className="narrow">
        <Heading level={2} data-size="sm" id="invite-heading">
          {t('users.invite')}
        </Heading>
        {form.summary}
        {form.done && sentTo && (
          <Alert data-color="success" role="status">
            <Paragraph>{t('users.sent', { email: sentTo })}</Paragraph>
          </Alert>
        )}
        <form onSubmit={form.onSubmit} noValidate className="stack">
          <Textfield id={FIELD_IDS.name} name="name" label={t('users.name')} error={form.error('name')} />
          <Textfield id={FIELD_IDS.email} name="email" type="email" label={t('users.email')} error={form.error('email')} />
          <Textfield
            id={FIELD_IDS.title}
            name="title"
            label={t('users.jobTitle')}
            description={t('users.jobTitleHelp')}
            error={form.error('title')}
          />
          <Fieldset>
            <Fieldset.Legend>{t('users.access')}</Fieldset.Legend>
            <Checkbox name="isCaseOfficer" label={t('users.isCaseOfficer')} />
            <Checkbox name="isAdmin" label={t('users.isAdmin')} />
          </Fieldset>
          <div>
            <Button type="submit" loading={form.pending}>
              {t('users.send')}
            </Button>
          </div>
        </form>
      </section>
      {users.isPending && <Loading />}
      {users.error && <LoadError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <ScrollBox label={t('users.title')}>
          <Table className="full-width">
            <caption>{t('users.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('users.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('users.email')}</Table.HeaderCell>
                <Table.HeaderCell>{t('users.access')}</Table.HeaderCell>
                <Table.HeaderCell>{t('users.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('users.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {users.data.users.map((u) => (
                <Table.Row key={u.id}>
                  <Table.Cell>
                    {u.name}
                    <div className="muted">{u.title}</div>
                  </Table.Cell>
                  <Table.Cell>{u.email}</Table.Cell>
                  <Table.Cell>
                    {[u.isAdmin && t('users.isAdmin'), u.isCaseOfficer && t('users.isCaseOfficer')].filter(Boolean).join(', ') || '–'}
                  </Table.Cell>
                  <Table.Cell>
                    {statusText[u.status]}
                    {u.status === 'invited' && <div className="muted">{t('users.invitedHelp')}</div>}
                  </Table.Cell>
                  <Table.Cell>
                    <UserActions user={u} self={u.id === me?.id} onEdit={() => setEditing(u.id)} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollBox>
      )}
      {editedUser && <EditUserForm key={editedUser.id} user={editedUser} onClose={() => setEditing(null)} />}
    </>
  );
}
