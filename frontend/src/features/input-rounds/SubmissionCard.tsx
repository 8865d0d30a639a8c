import { Alert, Button, Card, Details, Paragraph, Switch, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editSubmissionSchema, dispositionSchema } from '@samrad/shared/contracts';
import { SelectField } from '../../components/SelectField.js';
import { formatDateTime } from '../../i18n/index.js';
import { useContractForm, useFormErrors } from '../../lib/useContractForm.js';
import { api, type FormRequest } from '../../lib/api.js';
import { AttachmentList } from '../../components/AttachmentList.js';
import { useRoundMutation, useVersions, type SubmissionView } from './api.js';
import type { DispositionInput, EditSubmissionInput } from './api.js';
import { keys } from '../../lib/query-keys.js';

/** One submission: its text and version history, editing for its author, disposition for the officer. */
export function SubmissionCard(props: {
  roundId: string;
  submission: SubmissionView;
  mine: boolean;
  open: boolean;
  officer: boolean;
  sections: { id: string; kind: string }[];
}) {
  const { t } = useTranslation();
  const s = props.submission;
  const [editing, setEditing] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const versions = useVersions(s.id, historyOpen);
  const edit = useRoundMutation(props.roundId, (input: FormRequest<EditSubmissionInput>) =>
    api(`/api/submissions/${s.id}`, { method: 'PUT', body: input }),
  );
  const dispose = useRoundMutation(props.roundId, (input: FormRequest<DispositionInput>) =>
    api(`/api/submissions/${s.id}/disposition`, { method: 'PUT', body: input }),
  );
  // The author gives or withdraws consent to publish in innsyn at any time; innsyn follows at once.
  const consent = useRoundMutation(props.roundId, (publishConsent: boolean) =>
    api(`/api/submissions/${s.id}/publish-consent`, { method: 'PUT', body: { publishConsent } }),
  );
  const who = s.body ? t('rounds.forBody', { author: s.author.name, body: s.body.name }) : t('rounds.by', { author: s.author.name });
  const prefix = `sub-${s.id}`;
  const consentErrors = useFormErrors({ fieldIds: { publishConsent: `${prefix}-consent` }, fallbackPath: 'publishConsent' });

  const editForm = useContractForm({
    fieldIds: { text: `${prefix}-edit` },
    fallbackPath: 'text',
    schema: editSubmissionSchema,
    values: (f) => ({ version: s.version, text: f.get('text') }),
    submit: async (data) => {
      await edit.mutateAsync(data);
      setEditing(false);
    },
  });
  const disposeForm = useContractForm({
    fieldIds: { outcome: `${prefix}-outcome`, reason: `${prefix}-reason`, sectionId: `${prefix}-section` },
    fallbackPath: 'reason',
    schema: dispositionSchema,
    values: (f) => ({ outcome: f.get('outcome'), reason: f.get('reason'), sectionId: (f.get('sectionId') as string) || null }),
    submit: (data) => dispose.mutateAsync(data),
  });

  return (
    <Card>
      <Paragraph data-size="sm">
        <strong>{who}</strong> · {formatDateTime(s.submittedAt)} · {`v${s.version}`}{' '}
        {s.late && <Tag data-color="warning">{t('rounds.late')}</Tag>}
      </Paragraph>
      {editing ? (
        <form onSubmit={editForm.onSubmit} className="stack" noValidate>
          <Textfield
            id={`${prefix}-edit`}
            name="text"
            multiline
            rows={5}
            label={t('rounds.editSubmission')}
            defaultValue={s.text}
            // Whatever the server refuses (the text, a stale version, a closed round) is said on the one field.
            error={editForm.errors[0]?.message}
          />
          <div className="row">
            <Button type="submit" loading={editForm.pending}>
              {t('rounds.saveEdit')}
            </Button>
            <Button variant="tertiary" onClick={() => setEditing(false)}>
              {t('cases.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <Paragraph className="prewrap">{s.text}</Paragraph>
      )}
      {(s.attachments.length > 0 || (props.mine && props.open)) && (
        <AttachmentList
          attachments={s.attachments}
          label={t('attachments.title')}
          queryKey={keys.rounds.detail(props.roundId)}
          uploadPath={props.mine && props.open ? `/api/submissions/${s.id}/attachments` : undefined}
          canRemove={props.mine && props.open}
        />
      )}
      {props.mine && s.publishConsent !== null && (
        <div>
          <Switch
            id={`${prefix}-consent`}
            label={t('rounds.publishConsent')}
            description={t('rounds.publishConsentChange')}
            checked={s.publishConsent}
            disabled={consentErrors.pending}
            onChange={(e) => void consentErrors.run(() => consent.mutateAsync(e.target.checked))}
          />
          {consentErrors.errors[0] && <ValidationMessage>{consentErrors.errors[0].message}</ValidationMessage>}
        </div>
      )}
      {props.mine && props.open && !editing && (
        <div>
          <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
            {t('rounds.editSubmission')}
          </Button>
        </div>
      )}
      {s.version > 1 && (
        <Details onToggle={(e) => setHistoryOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <Details.Summary>{t('rounds.versions')}</Details.Summary>
          <Details.Content>
            <ol>
              {/* The versions before this one: the current text is shown above, not again here. */}
              {versions.data?.versions
                .filter((v) => v.version < s.version)
                .map((v) => (
                  <li key={v.version}>
                    {`v${v.version}`} – {formatDateTime(v.createdAt)}
                    <div className="prewrap">{v.text}</div>
                  </li>
                ))}
            </ol>
          </Details.Content>
        </Details>
      )}
      <Paragraph data-size="sm">
        <strong>{t('rounds.disposition')}:</strong>{' '}
        {s.disposition
          ? `${t(`outcome.${s.disposition.outcome}`)}. ${s.disposition.reason}${s.disposition.sectionKind ? ` (${t(`sectionKind.${s.disposition.sectionKind}`)})` : ''}`
          : t('rounds.notHandled')}
      </Paragraph>
      {props.officer && (
        <form onSubmit={disposeForm.onSubmit} className="stack" noValidate aria-label={`${t('rounds.recordDisposition')}: ${who}`}>
          {disposeForm.errors.length > 0 && !editing && (
            <Alert data-color="danger">
              <Paragraph>{disposeForm.errors.map((x) => x.message).join(' ')}</Paragraph>
            </Alert>
          )}
          <SelectField
            id={`${prefix}-outcome`}
            name="outcome"
            label={t('rounds.outcome')}
            defaultValue={s.disposition?.outcome ?? 'noted'}
            options={['adopted', 'partly_adopted', 'not_adopted', 'noted'].map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
          />
          <Textfield
            id={`${prefix}-reason`}
            name="reason"
            label={t('rounds.reason')}
            defaultValue={s.disposition?.reason ?? ''}
            error={disposeForm.error('reason')}
          />
          <SelectField
            id={`${prefix}-section`}
            name="sectionId"
            label={t('rounds.affectedSection')}
            options={[
              { value: '', label: t('rounds.none') },
              ...props.sections.map((x) => ({ value: x.id, label: t(`sectionKind.${x.kind}`) })),
            ]}
          />
          <div>
            <Button type="submit" variant="secondary" loading={disposeForm.pending}>
              {t('rounds.recordDisposition')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
