import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { declarationSchema, IMPARTIALITY_BASES, impartialityDecisionSchema, type Answer } from '@samrad/shared/contracts';
import type { z } from 'zod';
import { SelectField } from '../../components/SelectField.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';
import { useContractForm } from '../../lib/useContractForm.js';

export type MeetingImpartiality = Answer<'GET /api/meetings/:id/impartiality'>;
type Declaration = MeetingImpartiality['declarations'][number];

/** A meeting's declarations and what the caller may do (refreshed with the meeting). */
export const useMeetingImpartiality = (meetingId: string) =>
  useQuery({
    queryKey: [...keys.meetings.detail(meetingId), 'impartiality'],
    queryFn: () => api<MeetingImpartiality>(`/api/meetings/${meetingId}/impartiality`),
  });

/**
 * «Habilitet» for one agenda item: the declarations and the body's decisions; a member declares for themselves, the
 * officer records for anyone and records the body's decision with the substitute called in. Gone once the case is
 * voted on (the API refuses it too; the protocol states it then).
 */
export function ImpartialityPanel(props: {
  meetingId: string;
  item: { id: string; title: string };
  data: MeetingImpartiality;
  voted: boolean;
}) {
  const { t } = useTranslation();
  const mine = props.data.declarations.filter((d) => d.agendaItemId === props.item.id);
  const headingId = `imp-h-${props.item.id}`;
  // Once the case is voted on, the protocol states it (ImpartialityProtocol); nothing more may be declared or decided.
  if (props.voted || (mine.length === 0 && !props.data.mayDeclare && !props.data.mayRecord)) return null;
  return (
    <section aria-labelledby={headingId} className="panel">
      <Heading level={3} data-size="2xs" id={headingId}>
        {t('impartiality.headingFor', { title: props.item.title })}
      </Heading>
      {mine.length === 0 && <Paragraph data-size="sm">{t('impartiality.none')}</Paragraph>}
      <ul>
        {mine.map((d) => (
          <li key={d.id}>
            <Paragraph>
              {t(d.declaredBy === 'self' ? 'impartiality.declaredSelf' : 'impartiality.declaredByOfficer', {
                name: d.person.name,
                basis: t(`impartiality.basis.${d.legalBasis}`),
                reason: d.reason,
              })}{' '}
              <Tag data-color={d.decision === 'disqualified' ? 'warning' : d.decision === 'pending' ? 'neutral' : 'success'}>
                {t(`impartiality.status.${d.decision}`)}
              </Tag>
            </Paragraph>
            {d.decisionText && <Paragraph data-size="sm">{d.decisionText}</Paragraph>}
            {d.substitute && <Paragraph data-size="sm">{t('impartiality.substitute', { name: d.substitute.name })}</Paragraph>}
            {props.data.mayRecord && <DecisionForm meetingId={props.meetingId} declaration={d} substitutes={props.data.substitutes} />}
          </li>
        ))}
      </ul>
      {(props.data.mayRecord || props.data.mayDeclare) && (
        <DeclarationForm meetingId={props.meetingId} itemId={props.item.id} people={props.data.mayRecord ? props.data.people : null} />
      )}
    </section>
  );
}

const basisOptions = (t: ReturnType<typeof useTranslation>['t']) => [
  { value: '', label: t('impartiality.chooseBasis') },
  ...IMPARTIALITY_BASES.map((b) => ({ value: b, label: t(`impartiality.basis.${b}`) })),
];

/** A member's declaration for themselves, or (with `people`) the officer's for anyone in the meeting. */
function DeclarationForm(props: { meetingId: string; itemId: string; people: { id: string; name: string }[] | null }) {
  const { t } = useTranslation();
  const save = useInvalidatingMutation(
    (input: FormRequest<z.input<typeof declarationSchema>>) =>
      api<Answer<'POST /api/meetings/:id/impartiality'>>(`/api/meetings/${props.meetingId}/impartiality`, { method: 'POST', body: input }),
    keys.meetings.detail(props.meetingId),
  );
  const prefix = `declare-${props.itemId}`;
  const ids = { userId: `${prefix}-user`, reason: `${prefix}-reason`, legalBasis: `${prefix}-basis`, agendaItemId: `${prefix}-reason` };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'reason',
    schema: declarationSchema,
    values: (f) => ({
      agendaItemId: props.itemId,
      userId: props.people ? f.get('userId') || null : null,
      reason: f.get('reason'),
      legalBasis: f.get('legalBasis'),
    }),
    submit: (data) => save.mutateAsync(data),
    resetOnDone: true,
  });
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      className="stack"
      aria-label={t(props.people ? 'impartiality.record' : 'impartiality.declareSelf')}
    >
      <Heading level={4} data-size="2xs">
        {t(props.people ? 'impartiality.record' : 'impartiality.declareSelf')}
      </Heading>
      {form.summary}
      {props.people && (
        <SelectField
          id={ids.userId}
          name="userId"
          label={t('impartiality.person')}
          options={props.people.map((p) => ({ value: p.id, label: p.name }))}
          error={form.error('userId')}
        />
      )}
      <SelectField
        id={ids.legalBasis}
        name="legalBasis"
        label={t('impartiality.legalBasis')}
        options={basisOptions(t)}
        error={form.error('legalBasis')}
      />
      <Textfield id={ids.reason} name="reason" multiline rows={2} label={t('impartiality.reason')} error={form.error('reason')} />
      <div>
        <Button type="submit" variant="secondary" loading={form.pending}>
          {t(props.people ? 'impartiality.submitRecord' : 'impartiality.submitDeclare')}
        </Button>
      </div>
      {form.done && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('impartiality.saved')}</Paragraph>
        </Alert>
      )}
    </form>
  );
}

/** The officer records the body's decision on a declaration, and the substitute called in when disqualified. */
function DecisionForm(props: { meetingId: string; declaration: Declaration; substitutes: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const d = props.declaration;
  const save = useInvalidatingMutation(
    (input: FormRequest<z.input<typeof impartialityDecisionSchema>>) =>
      api<Answer<'PUT /api/meetings/:id/impartiality/:declarationId/decision'>>(
        `/api/meetings/${props.meetingId}/impartiality/${d.id}/decision`,
        { method: 'PUT', body: input },
      ),
    keys.meetings.detail(props.meetingId),
  );
  const prefix = `decide-${d.id}`;
  const ids = { decision: `${prefix}-decision`, decisionText: `${prefix}-text`, substituteUserId: `${prefix}-substitute` };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'decisionText',
    schema: impartialityDecisionSchema,
    values: (f) => ({
      decision: f.get('decision'),
      decisionText: f.get('decisionText'),
      substituteUserId: f.get('substituteUserId') || null,
    }),
    submit: (data) => save.mutateAsync(data),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="stack" aria-label={t('impartiality.decideFor', { name: d.person.name })}>
      {form.summary}
      <SelectField
        id={ids.decision}
        name="decision"
        label={t('impartiality.decision')}
        defaultValue={d.decision === 'pending' ? 'disqualified' : d.decision}
        options={(['disqualified', 'not_disqualified'] as const).map((v) => ({ value: v, label: t(`impartiality.status.${v}`) }))}
        error={form.error('decision')}
      />
      <Textfield
        id={ids.decisionText}
        name="decisionText"
        multiline
        rows={2}
        defaultValue={d.decisionText ?? ''}
        label={t('impartiality.decisionText')}
        error={form.error('decisionText')}
      />
      <SelectField
        id={ids.substituteUserId}
        name="substituteUserId"
        label={t('impartiality.substituteCalled')}
        defaultValue={d.substitute?.id ?? ''}
        options={[{ value: '', label: t('impartiality.noSubstitute') }, ...props.substitutes.map((s) => ({ value: s.id, label: s.name }))]}
        error={form.error('substituteUserId')}
      />
      <div>
        <Button type="submit" variant="secondary" loading={form.pending}>
          {t('impartiality.saveDecision')}
        </Button>
      </div>
    </form>
  );
}
