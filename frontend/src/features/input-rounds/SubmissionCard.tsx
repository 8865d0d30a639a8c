import { Alert, Button, Card, Details, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@samrad/shared/contracts';
import { fieldError } from '../../components/FormErrorSummary.js';
import { SelectField } from '../../components/SelectField.js';
import { formatDateTime } from '../../i18n/index.js';
import { ApiError, api, type FormRequest } from '../../lib/api.js';
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
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [historyOpen, setHistoryOpen] = useState(false);
  const versions = useVersions(s.id, historyOpen);
  const edit = useRoundMutation(props.roundId, (input: FormRequest<EditSubmissionInput>) =>
    api(`/api/submissions/${s.id}`, { method: 'PUT', body: input }),
  );
  const dispose = useRoundMutation(props.roundId, (input: FormRequest<DispositionInput>) =>
    api(`/api/submissions/${s.id}/disposition`, { method: 'PUT', body: input }),
  );
  const who = s.body ? t('rounds.forBody', { author: s.author.name, body: s.body.name }) : t('rounds.by', { author: s.author.name });
  const prefix = `sub-${s.id}`;

  async function onEdit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    try {
      await edit.mutateAsync({ version: s.version, text: new FormData(e.currentTarget).get('text') });
      setEditing(false);
      setErrors([]);
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.fieldErrors.length
          ? error.fieldErrors.map((x) => ({ ...x, path: 'text' }))
          : [{ path: 'text', message: (error as Error).message }],
      );
    }
  }
  async function onDispose(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      await dispose.mutateAsync({ outcome: f.get('outcome'), reason: f.get('reason'), sectionId: (f.get('sectionId') as string) || null });
      setErrors([]);
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.fieldErrors.length ? error.fieldErrors : [{ path: 'reason', message: (error as Error).message }],
      );
    }
  }

  return (
    <Card>
      <Paragraph data-size="sm">
        <strong>{who}</strong> · {formatDateTime(s.submittedAt)} · {`v${s.version}`}{' '}
        {s.late && <Tag data-color="warning">{t('rounds.late')}</Tag>}
      </Paragraph>
      {editing ? (
        <form onSubmit={(e) => void onEdit(e)} className="stack" noValidate>
          <Textfield
            id={`${prefix}-edit`}
            name="text"
            multiline
            rows={5}
            label={t('rounds.editSubmission')}
            defaultValue={s.text}
            error={fieldError(errors, 'text')}
          />
          <div className="row">
            <Button type="submit" loading={edit.isPending}>
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
              {versions.data?.versions.map((v) => (
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
        <form onSubmit={(e) => void onDispose(e)} className="stack" noValidate aria-label={`${t('rounds.recordDisposition')}: ${who}`}>
          {errors.length > 0 && !editing && (
            <Alert data-color="danger">
              <Paragraph>{errors.map((x) => x.message).join(' ')}</Paragraph>
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
            error={fieldError(errors, 'reason')}
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
            <Button type="submit" variant="secondary" loading={dispose.isPending}>
              {t('rounds.recordDisposition')}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
