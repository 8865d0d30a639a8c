import { Alert, Button, Checkbox, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FieldError } from '@samrad/shared/contracts';
import { osloLocalToIso } from '@samrad/shared/domain';
import { FormErrorSummary, fieldError } from '../../components/FormErrorSummary.js';
import { OpenInputConfirmation } from '../../components/OpenInputConfirmation.js';
import { SelectField } from '../../components/SelectField.js';
import { api, toFieldErrors, type FormRequest } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import type { Answer } from '@samrad/shared/contracts';
import type { AgendaItemInput, CreateMeetingInput, MinutesInput } from './api.js';
import { keys } from '../../lib/query-keys.js';

const useMeetingMutation = <T,>(key: readonly unknown[], fn: (input: T) => Promise<unknown>) => useInvalidatingMutation(fn, key);

export function NewMeetingForm({ bodies }: { bodies: { id: string; name: string; kind: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const create = useMeetingMutation(keys.meetings.all, (input: FormRequest<CreateMeetingInput>) =>
    api<Answer<'POST /api/meetings'>>('/api/meetings', { method: 'POST', body: input }),
  );
  const ids = {
    bodyId: 'meeting-body',
    kind: 'meeting-kind',
    title: 'meeting-title',
    startsAt: 'meeting-starts',
    place: 'meeting-place',
    closedBasis: 'meeting-closed-basis',
  };
  const [closed, setClosed] = useState(false);
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const local = String(f.get('startsAt') ?? '');
    let startsAt = local;
    try {
      startsAt = local ? osloLocalToIso(local) : '';
    } catch {
      // the server names the problem
    }
    try {
      const open = f.get('open') !== 'closed';
      const r = (await create.mutateAsync({
        bodyId: f.get('bodyId'),
        kind: f.get('kind') || 'ordinary',
        title: f.get('title'),
        startsAt,
        place: f.get('place') || null,
        open,
        closedBasis: open ? null : f.get('closedBasis') || null,
      })) as { id: string };
      navigate(`/moter/${r.id}`);
    } catch (error) {
      setErrors(toFieldErrors(error, 'title'));
    }
  }
  return (
    <section aria-labelledby="new-meeting-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="new-meeting-h">
        {t('meetings.newMeeting')}
      </Heading>
      <FormErrorSummary errors={errors} fieldIds={ids} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack">
        <SelectField
          id={ids.bodyId}
          name="bodyId"
          label={t('meetings.body')}
          options={bodies.map((b) => ({ value: b.id, label: b.name }))}
          error={fieldError(errors, 'bodyId')}
        />
        <SelectField
          id={ids.kind}
          name="kind"
          label={t('meetings.kindLabel')}
          options={(['ordinary', 'school_conference', 'consultation'] as const).map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
          error={fieldError(errors, 'kind')}
        />
        <Textfield id={ids.title} name="title" label={t('meetings.meetingTitle')} error={fieldError(errors, 'title')} />
        <Textfield
          id={ids.startsAt}
          name="startsAt"
          type="datetime-local"
          label={t('meetings.startsAt')}
          error={fieldError(errors, 'startsAt')}
        />
        <Textfield id={ids.place} name="place" label={t('meetings.place')} error={fieldError(errors, 'place')} />
        <Checkbox
          name="open"
          value="closed"
          label={t('meetings.closedCheckbox')}
          checked={closed}
          onChange={(e) => setClosed(e.currentTarget.checked)}
        />
        {closed && (
          <Textfield
            id={ids.closedBasis}
            name="closedBasis"
            label={t('meetings.closedBasis')}
            description={t('meetings.closedBasisHint')}
            error={fieldError(errors, 'closedBasis')}
          />
        )}
        <div>
          <Button type="submit" loading={create.isPending}>
            {t('meetings.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export function AgendaForms({
  meetingId,
  cases,
  published,
}: {
  meetingId: string;
  cases: { id: string; number: string; title: string }[];
  published: boolean;
}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  const add = useMeetingMutation(keys.meetings.detail(meetingId), (input: FormRequest<AgendaItemInput>) =>
    api(`/api/meetings/${meetingId}/agenda`, { method: 'POST', body: input }),
  );
  const publish = useMeetingMutation(keys.meetings.detail(meetingId), () => api(`/api/meetings/${meetingId}/publish`, { method: 'POST' }));
  async function onAdd(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    try {
      await add.mutateAsync({ caseId: new FormData(e.currentTarget).get('caseId') });
      setErrors([]);
    } catch (error) {
      setErrors(toFieldErrors(error, 'caseId'));
    }
  }
  return (
    <div className="panel narrow">
      <form onSubmit={(e) => void onAdd(e)} noValidate className="stack">
        <SelectField
          id="agenda-case"
          name="caseId"
          label={t('meetings.addItem')}
          options={cases.map((c) => ({ value: c.id, label: `${c.number} ${c.title}` }))}
          error={fieldError(errors, 'caseId')}
        />
        <div>
          <Button type="submit" variant="secondary" loading={add.isPending}>
            {t('meetings.add')}
          </Button>
        </div>
      </form>
      {!published && (
        <Button onClick={() => void publish.mutateAsync(undefined as never).then(() => setDone(true))}>{t('meetings.publish')}</Button>
      )}
      {done && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('meetings.published')}</Paragraph>
        </Alert>
      )}
    </div>
  );
}

/** Minutes per agenda item and, where the body decides, its vedtak (a school conference only minutes). */
export function MinutesForm({
  meetingId,
  itemId,
  title,
  decides = true,
  openInput = null,
}: {
  meetingId: string;
  itemId: string;
  title: string;
  decides?: boolean;
  openInput?: string | null;
}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const save = useMeetingMutation(keys.meetings.detail(meetingId), (input: FormRequest<MinutesInput>) =>
    api(`/api/meetings/${meetingId}/agenda/${itemId}/minutes`, { method: 'PUT', body: input }),
  );
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const decision = String(f.get('decision') ?? '').trim();
    const confirmOpenInput = f.get('confirmOpenInput') === 'on' ? { reason: String(f.get('confirmReason') ?? '') } : null;
    try {
      await save.mutateAsync({ minutes: f.get('minutes'), decision: decision ? { text: decision, motions: [], confirmOpenInput } : null });
      setErrors([]);
    } catch (error) {
      setErrors(toFieldErrors(error, 'minutes'));
    }
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack panel" aria-label={t('meetings.minutesFor', { title })}>
      <Textfield
        id={`minutes-${itemId}`}
        name="minutes"
        multiline
        rows={3}
        label={t('meetings.minutesText')}
        error={fieldError(errors, 'minutes')}
      />
      {decides && (
        <Textfield
          id={`decision-${itemId}`}
          name="decision"
          multiline
          rows={3}
          label={t('meetings.decisionText')}
          error={fieldError(errors, 'decision.text') ?? fieldError(errors, 'bodyId') ?? fieldError(errors, 'decision')}
        />
      )}
      {/* Input still open (or the server said so): deciding needs a confirmation with a reason. */}
      {decides && (!!openInput || errors.some((e) => e.path === 'confirmOpenInput')) && (
        <OpenInputConfirmation
          idPrefix={`minutes-${itemId}`}
          openInput={openInput}
          errors={errors}
          reasonPath="decision.confirmOpenInput.reason"
        />
      )}
      <div>
        <Button type="submit" loading={save.isPending}>
          {decides ? t('meetings.saveMinutes') : t('meetings.saveMinutesOnly')}
        </Button>
      </div>
    </form>
  );
}
