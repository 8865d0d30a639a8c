import { Button, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentPublicitySchema } from '@samrad/shared/contracts';
import { api } from '../lib/api.js';
import { useInvalidatingMutation } from '../lib/query.js';
import { useContractForm, useFormErrors } from '../lib/useContractForm.js';

/**
 * Whether a case attachment is public in innsyn (offentleglova § 3) or exempt with its legal basis: shown to everyone
 * who sees the list; the case officer may change it (`PUT /api/attachments/:id/publicity`: that alone changes).
 */
export function AttachmentPublicity(props: {
  attachment: { id: string; filename: string; public: boolean; legalBasis: string | null };
  canChange: boolean;
  queryKey: readonly unknown[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const a = props.attachment;
  const [exempting, setExempting] = useState(false);
  const change = useInvalidatingMutation(
    (body: { public: boolean; legalBasis: string | null }) => api(`/api/attachments/${a.id}/publicity`, { method: 'PUT', body }),
    props.queryKey,
  );
  const form = useContractForm({
    fieldIds: { legalBasis: `${id}-basis` },
    fallbackPath: 'legalBasis',
    schema: attachmentPublicitySchema,
    values: (f) => ({ public: false, legalBasis: (f.get('legalBasis') as string) || null }),
    submit: async (data) => {
      await change.mutateAsync(data);
      setExempting(false);
    },
  });
  // Making it public again is one button: whatever the server refuses is said beside it.
  const publish = useFormErrors({ fieldIds: { public: `${id}-publish` }, fallbackPath: 'public' });

  return (
    <>
      <Tag data-color={a.public ? 'success' : 'warning'} data-size="sm">
        {a.public ? t('attachments.public') : t('attachments.exempt', { basis: a.legalBasis ?? '' })}
      </Tag>{' '}
      {props.canChange && a.public && !exempting && (
        <Button variant="tertiary" data-size="sm" onClick={() => setExempting(true)}>
          {t('attachments.makeExempt', { name: a.filename })}
        </Button>
      )}
      {props.canChange && !a.public && (
        <Button
          id={`${id}-publish`}
          variant="tertiary"
          data-size="sm"
          loading={publish.pending}
          onClick={() => void publish.run(() => change.mutateAsync({ public: true, legalBasis: null }))}
        >
          {t('attachments.makePublic', { name: a.filename })}
        </Button>
      )}
      {exempting && (
        <form onSubmit={form.onSubmit} className="row" noValidate aria-label={t('attachments.exemptForm', { name: a.filename })}>
          <Textfield
            id={`${id}-basis`}
            name="legalBasis"
            label={t('attachments.legalBasis')}
            description={t('attachments.legalBasisHint')}
            error={form.error('legalBasis')}
          />
          <Button type="submit" variant="secondary" data-size="sm" loading={form.pending}>
            {t('attachments.saveExempt')}
          </Button>
          <Button variant="tertiary" data-size="sm" onClick={() => setExempting(false)}>
            {t('cases.cancel')}
          </Button>
        </form>
      )}
      {publish.errors[0] && <ValidationMessage>{publish.errors[0].message}</ValidationMessage>}
    </>
  );
}
