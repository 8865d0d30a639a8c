import { Alert, Button, Checkbox, Details, Fieldset, Heading, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeAccessSchema } from '@samrad/shared/contracts';
import { useNavigate } from 'react-router';
import { OpenInputConfirmation } from '../../components/OpenInputConfirmation.js';
import { SelectField } from '../../components/SelectField.js';
import { osloIsoOrAsIs, useContractForm } from '../../lib/useContractForm.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useCaseMutation, type CaseView } from './api.js';
import type { z } from 'zod';
import type { Answer, createAllocationCaseSchema } from '@samrad/shared/contracts';
import type { ChangeAccessInput, CreateRoundInput, DecisionInput, RecommendationInput, RouteInput } from './api.js';

/** Someone who can be invited in their own right. */
export interface Person {
  id: string;
  name: string;
  title: string;
  status: string;
}

/** The officer opens an input round on the case: question, deadline in Oslo time, invited bodies. */
export function NewRoundForm({
  caseId,
  bodies,
  users,
}: {
  caseId: string;
  bodies: { id: string; name: string; kind: string }[];
  users: Person[];
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCaseMutation(caseId, (input: FormRequest<CreateRoundInput>) =>
    api<Answer<'POST /api/rounds'>>('/api/rounds', { method: 'POST', body: input }),
  );
  const ids = {
    title: 'round-title',
    questions: 'round-questions',
    closesAt: 'round-closes',
    invitedBodyIds: 'round-invite',
    invitedUserIds: 'round-invite-persons',
  };

  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'title',
    values: (f) => ({
      caseId,
      title: f.get('title'),
      questions: f.get('questions'),
      closesAt: osloIsoOrAsIs(f.get('closesAt')),
      latePolicy: f.get('latePolicy'),
      invitedBodyIds: f.getAll('invitedBodyIds'),
      invitedUserIds: f.getAll('invitedUserIds'),
      reminderMinutes: String(f.get('reminderMinutes') ?? '')
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(Number),
    }),
    submit: async (data) => {
      const r = (await create.mutateAsync(data)) as { id: string };
      navigate(`/innspill/${r.id}`);
    },
  });

  return (
    <section aria-labelledby="new-round-h" className="panel">
      <Heading level={3} data-size="xs" id="new-round-h">
        {t('cases.newRound')}
      </Heading>
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <Textfield id={ids.title} name="title" label={t('cases.roundTitle')} error={form.error('title')} />
        <Textfield id={ids.questions} name="questions" multiline rows={3} label={t('cases.questions')} error={form.error('questions')} />
        <Textfield id={ids.closesAt} name="closesAt" type="datetime-local" label={t('cases.closesAt')} error={form.error('closesAt')} />
        <Textfield
          id="round-reminders"
          name="reminderMinutes"
          label={t('cases.reminders')}
          description={t('cases.remindersHelp')}
          defaultValue="10080, 1440"
          error={form.error('reminderMinutes')}
        />
        <SelectField
          id="round-late"
          name="latePolicy"
          label={t('cases.latePolicy')}
          options={[
            { value: 'refuse', label: t('cases.lateRefuse') },
            { value: 'accept_late', label: t('cases.lateAccept') },
          ]}
        />
        <Fieldset id={ids.invitedBodyIds} tabIndex={-1}>
          <Fieldset.Legend>{t('cases.invite')}</Fieldset.Legend>
          {form.error('invitedBodyIds') && <ValidationMessage>{form.error('invitedBodyIds')}</ValidationMessage>}
          {bodies
            .filter((b) => b.kind === 'reference_group' || b.kind === 'working_group')
            .map((b) => (
              <Checkbox key={b.id} name="invitedBodyIds" value={b.id} label={b.name} />
            ))}
        </Fieldset>
        <Details>
          <Details.Summary>{t('cases.invitePersons')}</Details.Summary>
          <Details.Content>
            <Fieldset id="round-invite-persons" tabIndex={-1}>
              <Fieldset.Legend>{t('cases.invitePersonsLegend')}</Fieldset.Legend>
              <Fieldset.Description>{t('cases.invitePersonsHint')}</Fieldset.Description>
              {form.error('invitedUserIds') && <ValidationMessage>{form.error('invitedUserIds')}</ValidationMessage>}
              {users
                .filter((u) => u.status !== 'disabled')
                .map((u) => (
                  <Checkbox key={u.id} name="invitedUserIds" value={u.id} label={u.title ? `${u.name} (${u.title})` : u.name} />
                ))}
            </Fieldset>
          </Details.Content>
        </Details>
        <div>
          <Button type="submit" loading={form.pending}>
            {t('cases.openRound')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Innstilling or vedtak for a body on the route. */
export function RecordForm({ kase, kind }: { kase: CaseView; kind: 'recommendation' | 'decision' }) {
  const { t } = useTranslation();
  const path = kind === 'recommendation' ? 'recommendations' : 'decisions';
  const record = useCaseMutation(kase.id, (input: FormRequest<RecommendationInput | DecisionInput>) =>
    api(`/api/cases/${kase.id}/${path}`, { method: 'POST', body: input }),
  );
  const prefix = `${kind}-form`;
  const form = useContractForm({
    fieldIds: {
      bodyId: `${prefix}-body`,
      text: `${prefix}-text`,
      decidedOn: `${prefix}-date`,
      confirmOpenInput: `${prefix}-confirm`,
      'confirmOpenInput.reason': `${prefix}-confirm-reason`,
    },
    fallbackPath: 'text',
    values: (f) => {
      const confirm = f.get('confirmOpenInput') === 'on' ? { reason: String(f.get('confirmReason') ?? '') } : null;
      return {
        bodyId: f.get('bodyId'),
        text: f.get('text'),
        ...(kind === 'decision' ? { decidedOn: f.get('decidedOn'), confirmOpenInput: confirm } : {}),
      };
    },
    submit: (data) => record.mutateAsync(data),
  });
  // Input still open (or the server said so): the deciding vedtak needs a confirmation with a reason.
  const askConfirmation = kind === 'decision' && (!!kase.openInput || form.errors.some((e) => e.path.startsWith('confirmOpenInput')));
  const title = kind === 'recommendation' ? t('cases.recordRecommendation') : t('cases.recordDecision');
  return (
    <section aria-labelledby={`${prefix}-h`} className="panel">
      <Heading level={3} data-size="xs" id={`${prefix}-h`}>
        {title}
      </Heading>
      {form.done && (
        <Alert data-color="success" role="status">
          <Paragraph>{title} ✓</Paragraph>
        </Alert>
      )}
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <SelectField
          id={`${prefix}-body`}
          name="bodyId"
          label={t('cases.body')}
          options={kase.route.map((r) => ({ value: r.bodyId, label: r.bodyName }))}
          error={form.error('bodyId')}
        />
        <Textfield
          id={`${prefix}-text`}
          name="text"
          multiline
          rows={4}
          label={kind === 'recommendation' ? t('cases.recommendationText') : t('cases.decisionText')}
          error={form.error('text')}
        />
        {kind === 'decision' && (
          <Textfield id={`${prefix}-date`} name="decidedOn" type="date" label={t('cases.decidedOn')} error={form.error('decidedOn')} />
        )}
        {askConfirmation && (
          <OpenInputConfirmation idPrefix={prefix} openInput={kase.openInput} errors={form.errors} reasonPath="confirmOpenInput.reason" />
        )}
        <div>
          <Button type="submit" loading={form.pending}>
            {title}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** The planned route (saksgang): the bodies the case passes, in order. */
export function RouteForm({ kase, bodies }: { kase: CaseView; bodies: { id: string; name: string; kind: string }[] }) {
  const { t } = useTranslation();
  const save = useCaseMutation(kase.id, (input: FormRequest<RouteInput>) =>
    api(`/api/cases/${kase.id}/route`, { method: 'PUT', body: input }),
  );
  const order = ['working_group', 'steering_group', 'political_committee', 'council', 'administration'];
  const candidates = bodies.filter((b) => b.kind !== 'reference_group').sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const onRoute = new Set(kase.route.map((r) => r.bodyId));
  const form = useContractForm({
    fieldIds: { steps: 'route-form-legend' },
    fallbackPath: 'steps',
    values: (f) => {
      const chosen = f.getAll('bodyId');
      return { steps: candidates.filter((b) => chosen.includes(b.id)).map((b) => ({ bodyId: b.id, meetingDate: null })) };
    },
    submit: (data) => save.mutateAsync(data),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="stack panel" aria-labelledby="route-form-legend">
      <Fieldset>
        <Fieldset.Legend id="route-form-legend">{t('cases.setRoute')}</Fieldset.Legend>
        {candidates.map((b) => (
          <Checkbox key={b.id} name="bodyId" value={b.id} label={b.name} defaultChecked={onRoute.has(b.id)} />
        ))}
        {form.error('steps') && <ValidationMessage>{form.error('steps')}</ValidationMessage>}
      </Fieldset>
      <div>
        <Button type="submit" variant="secondary" loading={form.pending}>
          {t('cases.saveRoute')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The officer changes the case's access level (its own action, never part of an edit): to exempt with a
 * legal basis and a screened public title, back to public with a reason.
 */
export function AccessForm({ kase }: { kase: CaseView }) {
  const { t } = useTranslation();
  const [access, setAccess] = useState<'public' | 'exempt'>(kase.access === 'public' ? 'exempt' : 'public');
  const change = useCaseMutation(kase.id, (input: FormRequest<ChangeAccessInput>) =>
    api<Answer<'POST /api/cases/:id/access'>>(`/api/cases/${kase.id}/access`, { method: 'POST', body: input }),
  );
  const ids = {
    access: 'access-level',
    legalBasis: 'access-basis',
    publicTitle: 'access-public-title',
    reason: 'access-reason',
    version: 'access-level',
  };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'access',
    schema: changeAccessSchema,
    values: (f) => {
      const text = (name: string) => String(f.get(name) ?? '').trim() || null;
      return {
        version: kase.version,
        access,
        ...(access === 'exempt' ? { legalBasis: text('legalBasis'), publicTitle: text('publicTitle') } : {}),
        reason: text('reason'),
      };
    },
    submit: (data) => change.mutateAsync(data),
  });
  return (
    <section aria-labelledby="access-form-h" className="panel narrow">
      <Heading level={3} data-size="xs" id="access-form-h">
        {t('cases.changeAccess')}
      </Heading>
      {form.done && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('cases.accessChanged')}</Paragraph>
        </Alert>
      )}
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <SelectField
          id={ids.access}
          name="access"
          label={t('cases.newAccess')}
          value={access}
          onChange={(e) => setAccess(e.target.value as 'public' | 'exempt')}
          error={form.error('access') ?? form.error('version')}
          options={[
            { value: 'exempt', label: t('cases.exemptTitle') },
            { value: 'public', label: t('cases.public') },
          ]}
        />
        {access === 'exempt' && (
          <>
            <Textfield
              id={ids.legalBasis}
              name="legalBasis"
              label={t('cases.legalBasis')}
              defaultValue={kase.legalBasis ?? ''}
              error={form.error('legalBasis')}
            />
            <Textfield
              id={ids.publicTitle}
              name="publicTitle"
              label={t('cases.publicTitle')}
              defaultValue={kase.publicTitle ?? ''}
              error={form.error('publicTitle')}
            />
          </>
        )}
        <Textfield
          id={ids.reason}
          name="reason"
          multiline
          rows={2}
          label={access === 'public' ? t('cases.accessReason') : t('cases.accessReasonOptional')}
          error={form.error('reason')}
        />
        <div>
          <Button type="submit" variant="secondary" loading={form.pending}>
            {t('cases.saveAccess')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Start an allocation case (fordelingssak) on this case. */
export function NewAllocationCaseForm({ caseId, onCreated }: { caseId: string; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const create = useCaseMutation(caseId, (input: FormRequest<z.input<typeof createAllocationCaseSchema>>) =>
    api<Answer<'POST /api/allocation-cases'>>('/api/allocation-cases', { method: 'POST', body: input }),
  );
  const form = useContractForm({
    fieldIds: { title: 'alloc-title', budgetYear: 'alloc-year' },
    fallbackPath: 'title',
    values: (f) => ({ caseId, title: f.get('title'), budgetYear: Number(f.get('budgetYear')) }),
    submit: async (data) => {
      const r = (await create.mutateAsync(data)) as { id: string };
      onCreated(r.id);
    },
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="stack panel narrow" aria-labelledby="new-alloc-h">
      <Heading level={3} data-size="xs" id="new-alloc-h">
        {t('cases.newAllocation')}
      </Heading>
      {form.summary}
      <Textfield id="alloc-title" name="title" label={t('cases.caseTitle')} error={form.error('title')} />
      <Textfield
        id="alloc-year"
        name="budgetYear"
        inputMode="numeric"
        label={t('cases.budgetYear')}
        defaultValue={String(new Date().getFullYear() + 1)}
        error={form.error('budgetYear')}
      />
      <div>
        <Button type="submit" loading={form.pending}>
          {t('cases.createAllocation')}
        </Button>
      </div>
    </form>
  );
}
