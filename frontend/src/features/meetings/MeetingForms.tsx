import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { minutesSchema } from '@samrad/shared/contracts';
import { useNavigate } from 'react-router';
import { OpenInputConfirmation } from '../../components/OpenInputConfirmation.js';
import { SelectField } from '../../components/SelectField.js';
import { osloIsoOrAsIs, useContractForm } from '../../lib/useContractForm.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import type { Answer } from '@samrad/shared/contracts';
import type { AgendaItemInput, CreateMeetingInput, MinutesInput } from './api.js';
import { keys } from '../../lib/query-keys.js';
import { DissentFields, dissentFieldId, MotionFields, motionFieldId, readDissent, readMotions, useRows } from './MotionFields.js';

const useMeetingMutation = <T,>(key: readonly unknown[], fn: (input: T) => Promise<unknown>) => useInvalidatingMutation(fn, key);

export function NewMeetingForm({ bodies }: { bodies: { id: string; name: string; kind: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
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
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'title',
    values: (f) => {
      const open = f.get('open') !== 'closed';
      return {
        bodyId: f.get('bodyId'),
        kind: f.get('kind') || 'ordinary',
        title: f.get('title'),
        startsAt: osloIsoOrAsIs(f.get('startsAt')),
        place: f.get('place') || null,
        open,
        closedBasis: open ? null : f.get('closedBasis') || null,
      };
    },
    submit: async (data) => {
      const r = (await create.mutateAsync(data)) as { id: string };
      navigate(`/moter/${r.id}`);
    },
  });
  return (
    <section aria-labelledby="new-meeting-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="new-meeting-h">
        {t('meetings.newMeeting')}
      </Heading>
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <SelectField
          id={ids.bodyId}
          name="bodyId"
          label={t('meetings.body')}
          options={bodies.map((b) => ({ value: b.id, label: b.name }))}
          error={form.error('bodyId')}
        />
        <SelectField
          id={ids.kind}
          name="kind"
          label={t('meetings.kindLabel')}
          options={(['ordinary', 'school_conference', 'consultation'] as const).map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
          error={form.error('kind')}
        />
        <Textfield id={ids.title} name="title" label={t('meetings.meetingTitle')} error={form.error('title')} />
        <Textfield id={ids.startsAt} name="startsAt" type="datetime-local" label={t('meetings.startsAt')} error={form.error('startsAt')} />
        <Textfield id={ids.place} name="place" label={t('meetings.place')} error={form.error('place')} />
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
            error={form.error('closedBasis')}
          />
        )}
        <div>
          <Button type="submit" loading={form.pending}>
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
  const [done, setDone] = useState(false);
  const add = useMeetingMutation(keys.meetings.detail(meetingId), (input: FormRequest<AgendaItemInput>) =>
    api(`/api/meetings/${meetingId}/agenda`, { method: 'POST', body: input }),
  );
  const publish = useMeetingMutation(keys.meetings.detail(meetingId), () => api(`/api/meetings/${meetingId}/publish`, { method: 'POST' }));
  const form = useContractForm({
    fieldIds: { caseId: 'agenda-case' },
    fallbackPath: 'caseId',
    values: (f) => ({ caseId: f.get('caseId') }),
    submit: (data) => add.mutateAsync(data),
  });
  return (
    <div className="panel narrow">
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <SelectField
          id="agenda-case"
          name="caseId"
          label={t('meetings.addItem')}
          options={cases.map((c) => ({ value: c.id, label: `${c.number} ${c.title}` }))}
          error={form.error('caseId')}
        />
        <div>
          <Button type="submit" variant="secondary" loading={form.pending}>
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

/**
 * Minutes per agenda item and, where the body decides, its vedtak: the motions put to the vote with their
 * votes, the adopted one (whose text becomes the vedtak, not typed twice), and dissens. Without a vote
 * the vedtak is written as text. A school conference and a drøftingsmøte record minutes only.
 */
export function MinutesForm({
  meetingId,
  itemId,
  title,
  decides = true,
  openInput = null,
  names = [],
  voting = { eligible: [], excluded: [] },
}: {
  meetingId: string;
  itemId: string;
  title: string;
  decides?: boolean;
  openInput?: string | null;
  /** Who met (for the dissens names). */
  names?: string[];
  /** Who may vote in the case, and who met but may not (the disqualified greyed out with the reason). */
  voting?: {
    eligible: { userId: string; name: string }[];
    excluded: { userId: string; name: string; reason: string; note: string | null }[];
  };
}) {
  const { t } = useTranslation();
  const save = useMeetingMutation(keys.meetings.detail(meetingId), (input: FormRequest<MinutesInput>) =>
    api(`/api/meetings/${meetingId}/agenda/${itemId}/minutes`, { method: 'PUT', body: input }),
  );
  const prefix = `minutes-${itemId}`;
  const motions = useRows();
  const dissent = useRows();
  const [byParty, setByPartyRows] = useState<Record<number, number[]>>({});
  const setByParty = (motion: number, rows: number[]) => setByPartyRows((prev) => ({ ...prev, [motion]: rows }));
  const fieldIds: Record<string, string> = {
    minutes: prefix,
    'decision.text': `decision-${itemId}`,
    'decision.motions': motionFieldId(prefix, 0, 'adopted'),
    confirmOpenInput: `${prefix}-confirm`,
    'decision.confirmOpenInput.reason': `${prefix}-confirm-reason`,
  };
  motions.rows.forEach((_, i) => {
    for (const f of ['motion', 'proposedBy', 'party', 'for', 'against', 'blank', 'byParty'])
      fieldIds[`decision.motions.${i}.${f}`] = motionFieldId(prefix, i, f);
  });
  dissent.rows.forEach((_, i) => {
    for (const f of ['name', 'reason']) fieldIds[`decision.dissent.${i}.${f}`] = dissentFieldId(prefix, i, f);
  });
  const form = useContractForm({
    fieldIds,
    fallbackPath: 'minutes',
    schema: minutesSchema,
    values: (f) => {
      const text = String(f.get('decision') ?? '').trim();
      const voted = readMotions(f, prefix, motions.rows, byParty);
      const dissens = readDissent(f, prefix, dissent.rows);
      const confirmOpenInput = f.get('confirmOpenInput') === 'on' ? { reason: String(f.get('confirmReason') ?? '') } : null;
      const voterIds = f.getAll('voterIds').map(String);
      const decision =
        voted.length > 0
          ? { motions: voted, dissent: dissens, voterIds, confirmOpenInput }
          : text
            ? { text, motions: [], ...(dissens.length ? { dissent: dissens } : {}), confirmOpenInput }
            : null;
      return { minutes: f.get('minutes'), decision };
    },
    submit: (data) => save.mutateAsync(data),
  });
  const errors = form.errors;
  return (
    <form onSubmit={form.onSubmit} noValidate className="stack panel" aria-label={t('meetings.minutesFor', { title })}>
      {form.summary}
      <Textfield id={prefix} name="minutes" multiline rows={3} label={t('meetings.minutesText')} error={form.error('minutes')} />
      {decides && <MotionFields prefix={prefix} rows={motions} byParty={byParty} setByParty={setByParty} error={form.error} />}
      {decides && form.error('decision.motions') && (
        <ValidationMessage id={`${prefix}-motions-error`}>{form.error('decision.motions')}</ValidationMessage>
      )}
      {decides && motions.rows.length === 0 && (
        <Textfield
          id={`decision-${itemId}`}
          name="decision"
          multiline
          rows={3}
          label={t('meetings.decisionText')}
          description={t('meetings.protocol.decisionWithoutVote')}
          error={form.error('decision.text') ?? form.error('bodyId') ?? form.error('decision')}
        />
      )}
      {decides && motions.rows.length > 0 && <Paragraph data-size="sm">{t('meetings.protocol.decisionFromVote')}</Paragraph>}
      {decides && motions.rows.length > 0 && (form.error('decision.text') ?? form.error('bodyId') ?? form.error('decision')) && (
        <ValidationMessage>{form.error('decision.text') ?? form.error('bodyId') ?? form.error('decision')}</ValidationMessage>
      )}
      {decides && motions.rows.length > 0 && voting.eligible.length + voting.excluded.length > 0 && (
        <Fieldset>
          <Fieldset.Legend>{t('impartiality.voters')}</Fieldset.Legend>
          <Fieldset.Description>{t('impartiality.votersHint')}</Fieldset.Description>
          {voting.eligible.map((v) => (
            <Checkbox key={v.userId} name="voterIds" value={v.userId} defaultChecked label={v.name} />
          ))}
          {voting.excluded.map((v) => (
            <Checkbox
              key={v.userId}
              value={v.userId}
              disabled
              label={t('impartiality.voterExcluded', {
                name: v.name,
                why: v.reason === 'disqualified' ? t('impartiality.whyDisqualified', { note: v.note ?? '' }) : t('impartiality.whyLeft'),
              })}
            />
          ))}
          {form.error('decision.voterIds') && <ValidationMessage>{form.error('decision.voterIds')}</ValidationMessage>}
        </Fieldset>
      )}
      {decides && <DissentFields prefix={prefix} rows={dissent} names={names} error={form.error} />}
      {/* Input still open (or the server said so): deciding needs a confirmation with a reason. */}
      {decides && (!!openInput || errors.some((e) => e.path === 'confirmOpenInput')) && (
        <OpenInputConfirmation idPrefix={prefix} openInput={openInput} errors={errors} reasonPath="decision.confirmOpenInput.reason" />
      )}
      <div>
        <Button type="submit" loading={form.pending}>
          {decides ? t('meetings.saveMinutes') : t('meetings.saveMinutesOnly')}
        </Button>
      </div>
    </form>
  );
}
