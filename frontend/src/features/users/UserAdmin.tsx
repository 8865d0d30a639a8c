import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { updateUserSchema } from '@samrad/shared/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContractForm, useFormErrors } from '../../lib/useContractForm.js';
import { useAnonymiseUser, useResendInvite, useUpdateUser, type UserView } from './api.js';

/** An administrator changes a person's name, title and roles (administrator, case officer). */
export function EditUserForm({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [user.id]);
  const ids = { name: 'edit-user-name', title: 'edit-user-title', isAdmin: 'edit-user-admin', isCaseOfficer: 'edit-user-officer' };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'name',
    schema: updateUserSchema,
    values: (f) => ({
      version: user.version,
      name: f.get('name'),
      title: f.get('title') ?? '',
      isAdmin: f.get('isAdmin') === 'on',
      isCaseOfficer: f.get('isCaseOfficer') === 'on',
    }),
    submit: async (data) => {
      await update.mutateAsync({ id: user.id, ...data });
      onClose();
    },
  });
  return (
    <section aria-labelledby="edit-user-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="edit-user-h" ref={heading} tabIndex={-1}>
        {t('users.editHeading', { name: user.name })}
      </Heading>
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack" key={`${user.id}-${user.version}`}>
        <Textfield id={ids.name} name="name" label={t('users.name')} defaultValue={user.name} error={form.error('name')} />
        <Textfield id={ids.title} name="title" label={t('users.jobTitle')} defaultValue={user.title} error={form.error('title')} />
        <Fieldset>
          <Fieldset.Legend>{t('users.access')}</Fieldset.Legend>
          <Checkbox id={ids.isCaseOfficer} name="isCaseOfficer" label={t('users.isCaseOfficer')} defaultChecked={user.isCaseOfficer} />
          <Checkbox id={ids.isAdmin} name="isAdmin" label={t('users.isAdmin')} defaultChecked={user.isAdmin} />
        </Fieldset>
        <div className="row">
          <Button type="submit" loading={form.pending}>
            {t('users.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('users.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * A person's actions in the list: change (opens the form), disable or enable again, and send a new
 * invitation to someone who has not accepted. An administrator is not offered to disable themselves
 * (the server refuses it, and refuses to leave the municipality without an active administrator).
 */
export function UserActions({ user, self, onEdit }: { user: UserView; self: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const resend = useResendInvite();
  const [resent, setResent] = useState(false);
  const errors = useFormErrors({ fieldIds: {}, fallbackPath: 'status' });
  const message = errors.errors[0]?.message;
  if (user.anonymised) return <span className="muted">{t('anonymise.done')}</span>;
  return (
    <div className="row">
      <Button variant="secondary" data-size="sm" onClick={onEdit}>
        {t('users.edit', { name: user.name })}
      </Button>
      {!self &&
        (user.status === 'disabled' ? (
          <Button
            variant="secondary"
            data-size="sm"
            loading={errors.pending}
            onClick={() => void errors.run(() => update.mutateAsync({ id: user.id, version: user.version, status: 'active' }))}
          >
            {t('users.enable', { name: user.name })}
          </Button>
        ) : (
          <Button
            variant="tertiary"
            data-size="sm"
            loading={errors.pending}
            onClick={() => void errors.run(() => update.mutateAsync({ id: user.id, version: user.version, status: 'disabled' }))}
          >
            {t('users.disable', { name: user.name })}
          </Button>
        ))}
      {user.status === 'invited' && (
        <Button
          variant="tertiary"
          data-size="sm"
          loading={resend.isPending}
          onClick={() => {
            setResent(false);
            void errors.run(async () => {
              await resend.mutateAsync(user.id);
              setResent(true);
            });
          }}
        >
          {t('users.resend', { name: user.name })}
        </Button>
      )}
      {!self && <AnonymiseUser user={user} />}
      {resent && (
        <Paragraph data-size="sm" role="status">
          {t('users.resent', { email: user.email })}
        </Paragraph>
      )}
      {message && (
        <Alert data-color="danger" data-size="sm">
          <Paragraph data-size="sm" role="alert">
            {message}
          </Paragraph>
        </Alert>
      )}
    </div>
  );
}

/** Anonymise a person who has left, after a confirmation that says what stays and that it cannot be undone. */
function AnonymiseUser({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const anonymise = useAnonymiseUser();
  const [asking, setAsking] = useState(false);
  const errors = useFormErrors({ fieldIds: {}, fallbackPath: 'id' });
  const message = errors.errors[0]?.message;
  if (!asking)
    return (
      <Button variant="tertiary" data-size="sm" onClick={() => setAsking(true)}>
        {t('anonymise.action', { name: user.name })}
      </Button>
    );
  return (
    <div className="stack" role="group" aria-label={t('anonymise.action', { name: user.name })}>
      <Paragraph data-size="sm">{t('anonymise.confirm', { name: user.name })}</Paragraph>
      <div className="row">
        <Button
          data-color="danger"
          data-size="sm"
          loading={errors.pending}
          onClick={() => void errors.run(() => anonymise.mutateAsync(user.id))}
        >
          {t('anonymise.confirmButton')}
        </Button>
        <Button variant="secondary" data-size="sm" onClick={() => setAsking(false)}>
          {t('anonymise.cancel')}
        </Button>
      </div>
      {message && (
        <Paragraph data-size="sm" role="alert">
          {message}
        </Paragraph>
      )}
    </div>
  );
}
