import { Alert, Button, Checkbox, Details, Fieldset, Heading, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { FieldError } from '@samrad/shared/contracts';
import { osloLocalToIso } from '@samrad/shared/domain';
import { FormErrorSummary, fieldError } from '../../components/FormErrorSummary.js';
import { OpenInputConfirmation } from '../../components/OpenInputConfirmation.js';
import { SelectField } from '../../components/SelectField.js';
import { api, toFieldErrors, type FormRequest } from '../../lib/api.js';
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
  const [errors, setErrors] = useState<FieldError[]>([]);
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

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const local = String(f.get('closesAt') ?? '');
    let closesAt = local;
    try {
      closesAt = local ? osloLocalToIso(local) : '';
    } catch {
      // leave it to the server's message
    }
    try {
      const r = (await create.mutateAsync({
        caseId,
        title: f.get('title'),
        questions: f.get('questions'),
        closesAt,
        latePolicy: f.get('latePolicy'),
        invitedBodyIds: f.getAll('invitedBodyIds'),
        invitedUserIds: f.getAll('invitedUserIds'),
        reminderMinutes: String(f.get('reminderMinutes') ?? '')
          .split(/[,\s]+/)
          .filter(Boolean)
          .map(Number),
      })) as { id: string };
      navigate(`/innspill/${r.id}`);
    } catch (error) {
      setErrors(toFieldErrors(error, 'title'));
    }
  }

  return (
    <section aria-labelledby="new-round-h" className="panel">
      <Heading level={3} data-size="xs" id="new-round-h">
        {t('cases.newRound')}
      </Heading>
      <FormErrorSummary errors={errors} fieldIds={ids} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack">
        <Textfield id={ids.title} name="title" label={t('cases.roundTitle')} error={fieldError(errors, 'title')} />
        <Textfield
          id={ids.questions}
          name="questions"
          multiline
          rows={3}
          label={t('cases.questions')}
          error={fieldError(errors, 'questions')}
        />
        <Textfield
          id={ids.closesAt}
          name="closesAt"
          type="datetime-local"
          label={t('cases.closesAt')}
          error={fieldError(errors, 'closesAt')}
        />
        <Textfield
          id="round-reminders"
          name="reminderMinutes"
          label={t('cases.reminders')}
          description={t('cases.remindersHelp')}
          defaultValue="10080, 1440"
          error={fieldError(errors, 'reminderMinutes')}
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
          {fieldError(errors, 'invitedBodyIds') && <ValidationMessage>{fieldError(errors, 'invitedBodyIds')}</ValidationMessage>}
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
              {fieldError(errors, 'invitedUserIds') && <ValidationMessage>{fieldError(errors, 'invitedUserIds')}</ValidationMessage>}
              {users
                .filter((u) => u.status !== 'disabled')
                .map((u) => (
                  <Checkbox key={u.id} name="invitedUserIds" value={u.id} label={u.title ? `${u.name} (${u.title})` : u.name} />
                ))}
            </Fieldset>
          </Details.Content>
        </Details>
        <div>
          <Button type="submit" loading={create.isPending}>
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
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  const path = kind === 'recommendation' ? 'recommendations' : 'decisions';
  const record = useCaseMutation(kase.id, (input: FormRequest<RecommendationInput | DecisionInput>) =>
    api(`/api/cases/${kase.id}/${path}`, { method: 'POST', body: input }),
  );
  const prefix = `${kind}-form`;
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const confirm = f.get('confirmOpenInput') === 'on' ? { reason: String(f.get('confirmReason') ?? '') } : null;
    try {
      await record.mutateAsync({
        bodyId: f.get('bodyId'),
        text: f.get('text'),
        ...(kind === 'decision' ? { decidedOn: f.get('decidedOn'), confirmOpenInput: confirm } : {}),
      });
      setErrors([]);
      setDone(true);
    } catch (error) {
      setErrors(toFieldErrors(error, 'text'));
    }
  }
  // Input still open (or the server said so): the deciding vedtak needs a confirmation with a reason.
  const askConfirmation = kind === 'decision' && (!!kase.openInput || errors.some((e) => e.path.startsWith('confirmOpenInput')));
  const title = kind === 'recommendation' ? t('cases.recordRecommendation') : t('cases.recordDecision');
  return (
    <section aria-labelledby={`${prefix}-h`} className="panel">
      <Heading level={3} data-size="xs" id={`${prefix}-h`}>
        {title}
      </Heading>
      {done && (
        <Alert data-color="success" role="status">
          <Paragraph>{title} ✓</Paragraph>
        </Alert>
      )}
      <FormErrorSummary
        errors={errors}
        fieldIds={{
          bodyId: `${prefix}-body`,
          text: `${prefix}-text`,
          decidedOn: `${prefix}-date`,
          confirmOpenInput: `${prefix}-confirm`,
          'confirmOpenInput.reason': `${prefix}-confirm-reason`,
        }}
      />
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack">
        <SelectField
          id={`${prefix}-body`}
          name="bodyId"
          label={t('cases.body')}
          options={kase.route.map((r) => ({ value: r.bodyId, label: r.bodyName }))}
          error={fieldError(errors, 'bodyId')}
        />
        <Textfield
          id={`${prefix}-text`}
          name="text"
          multiline
          rows={4}
          label={kind === 'recommendation' ? t('cases.recommendationText') : t('cases.decisionText')}
          error={fieldError(errors, 'text')}
        />
        {kind === 'decision' && (
          <Textfield
            id={`${prefix}-date`}
            name="decidedOn"
            type="date"
            label={t('cases.decidedOn')}
            error={fieldError(errors, 'decidedOn')}
          />
        )}
        {askConfirmation && (
          <OpenInputConfirmation idPrefix={prefix} openInput={kase.openInput} errors={errors} reasonPath="confirmOpenInput.reason" />
        )}
        <div>
          <Button type="submit" loading={record.isPending}>
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
  const [errors, setErrors] = useState<FieldError[]>([]);
  const save = useCaseMutation(kase.id, (input: FormRequest<RouteInput>) =>
    api(`/api/cases/${kase.id}/route`, { method: 'PUT', body: input }),
  );
  const order = ['working_group', 'steering_group', 'political_committee', 'council', 'administration'];
  const candidates = bodies.filter((b) => b.kind !== 'reference_group').sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const onRoute = new Set(kase.route.map((r) => r.bodyId));
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const chosen = new FormData(e.currentTarget).getAll('bodyId') as string[];
    try {
      await save.mutateAsync({ steps: candidates.filter((b) => chosen.includes(b.id)).map((b) => ({ bodyId: b.id, meetingDate: null })) });
      setErrors([]);
    } catch (error) {
      setErrors(toFieldErrors(error, 'steps'));
    }
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack panel" aria-labelledby="route-form-legend">
      <Fieldset>
        <Fieldset.Legend id="route-form-legend">{t('cases.setRoute')}</Fieldset.Legend>
        {candidates.map((b) => (
          <Checkbox key={b.id} name="bodyId" value={b.id} label={b.name} defaultChecked={onRoute.has(b.id)} />
        ))}
        {fieldError(errors, 'steps') && <ValidationMessage>{fieldError(errors, 'steps')}</ValidationMessage>}
      </Fieldset>
      <div>
        <Button type="submit" variant="secondary" loading={save.isPending}>
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
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [access, setAccess] = useState<'public' | 'exempt'>(kase.access === 'public' ? 'exempt' : 'public');
  const [done, setDone] = useState(false);
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
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (name: string) => String(f.get(name) ?? '').trim() || null;
    try {
      await change.mutateAsync({
        version: kase.version,
        access,
        ...(access === 'exempt' ? { legalBasis: text('legalBasis'), publicTitle: text('publicTitle') } : {}),
        reason: text('reason'),
      });
      setErrors([]);
      setDone(true);
    } catch (error) {
      setDone(false);
      setErrors(toFieldErrors(error, 'access'));
    }
  }
  return (
    <section aria-labelledby="access-form-h" className="panel narrow">
      <Heading level={3} data-size="xs" id="access-form-h">
        {t('cases.changeAccess')}
      </Heading>
      {done && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('cases.accessChanged')}</Paragraph>
        </Alert>
      )}
      <FormErrorSummary errors={errors} fieldIds={ids} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack">
        <SelectField
          id={ids.access}
          name="access"
          label={t('cases.newAccess')}
          value={access}
          onChange={(e) => setAccess(e.target.value as 'public' | 'exempt')}
          error={fieldError(errors, 'access') ?? fieldError(errors, 'version')}
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
              error={fieldError(errors, 'legalBasis')}
            />
            <Textfield
              id={ids.publicTitle}
              name="publicTitle"
              label={t('cases.publicTitle')}
              defaultValue={kase.publicTitle ?? ''}
              error={fieldError(errors, 'publicTitle')}
            />
          </>
        )}
        <Textfield
          id={ids.reason}
          name="reason"
          multiline
          rows={2}
          label={access === 'public' ? t('cases.accessReason') : t('cases.accessReasonOptional')}
          error={fieldError(errors, 'reason')}
        />
        <div>
          <Button type="submit" variant="secondary" loading={change.isPending}>
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
  const [errors, setErrors] = useState<FieldError[]>([]);
  const create = useCaseMutation(caseId, (input: FormRequest<z.input<typeof createAllocationCaseSchema>>) =>
    api<Answer<'POST /api/allocation-cases'>>('/api/allocation-cases', { method: 'POST', body: input }),
  );
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      const r = (await create.mutateAsync({ caseId, title: f.get('title'), budgetYear: Number(f.get('budgetYear')) })) as { id: string };
      onCreated(r.id);
    } catch (error) {
      setErrors(toFieldErrors(error, 'title'));
    }
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack panel narrow" aria-labelledby="new-alloc-h">
      <Heading level={3} data-size="xs" id="new-alloc-h">
        {t('cases.newAllocation')}
      </Heading>
      <Textfield id="alloc-title" name="title" label={t('cases.caseTitle')} error={fieldError(errors, 'title')} />
      <Textfield
        id="alloc-year"
        name="budgetYear"
        inputMode="numeric"
        label={t('cases.budgetYear')}
        defaultValue={String(new Date().getFullYear() + 1)}
        error={fieldError(errors, 'budgetYear')}
      />
      <div>
        <Button type="submit" loading={create.isPending}>
          {t('cases.createAllocation')}
        </Button>
      </div>
    </form>
  );
}
