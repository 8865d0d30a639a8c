import { Alert, Button, Heading, Link, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { z } from 'zod';
import { assignOfficerSchema, IMPARTIALITY_BASES, officerDisqualificationSchema, type Answer } from '@samrad/shared/contracts';
import { SelectField } from '../../components/SelectField.js';
import { formatDate } from '../../i18n/index.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';
import { useContractForm } from '../../lib/useContractForm.js';

type CaseImpartialityView = Answer<'GET /api/cases/:id/impartiality'>;

/**
 * The case's register of impartiality: each declaration in a meeting with the body's decision, and the officers
 * disqualified from preparing it. An officer records an officer's disqualification and gives the case to another.
 */
export function CaseImpartiality({ caseId, officer }: { caseId: string; officer: boolean }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: [...keys.cases.detail(caseId), 'impartiality'],
    queryFn: () => api<CaseImpartialityView>(`/api/cases/${caseId}/impartiality`),
  });
  if (!data) return null;
  const empty = data.declarations.length === 0 && data.officerDisqualifications.length === 0;
  if (empty && !officer) return null;
  return (
    <section aria-labelledby="impartiality-h">
      <Heading level={2} data-size="sm" id="impartiality-h">
        {t('impartiality.register')}
      </Heading>
      {data.needsReassignment && (
        <Alert data-color="warning">
          <Paragraph>{t('impartiality.needsReassignment')}</Paragraph>
        </Alert>
      )}
      {empty && <Paragraph>{t('impartiality.registerEmpty')}</Paragraph>}
      <ul>
        {data.declarations.map((d) => (
          <li key={d.id}>
            <Paragraph>
              <Link asChild>
                <RouterLink to={`/moter/${d.meeting.id}`}>
                  {t('impartiality.registerMeeting', {
                    body: d.meeting.body,
                    meeting: d.meeting.title,
                    date: formatDate(d.meeting.startsAt),
                  })}
                </RouterLink>
              </Link>
              {': '}
              {t(d.declaredBy === 'self' ? 'impartiality.declaredSelf' : 'impartiality.declaredByOfficer', {
                name: d.person.name,
                basis: t(`impartiality.basis.${d.legalBasis}`),
                reason: d.reason,
              })}{' '}
              <Tag data-color={d.decision === 'disqualified' ? 'warning' : d.decision === 'pending' ? 'neutral' : 'success'}>
                {t(`impartiality.status.${d.decision}`)}
              </Tag>
            </Paragraph>
            {d.decisionText && (
              <Paragraph data-size="sm">{t('impartiality.decided', { body: d.meeting.body, text: d.decisionText })}</Paragraph>
            )}
            {d.substitute && <Paragraph data-size="sm">{t('impartiality.substitute', { name: d.substitute.name })}</Paragraph>}
          </li>
        ))}
        {data.officerDisqualifications.map((o) => (
          <li key={o.id}>
            {t('impartiality.officerDisqualified', {
              name: o.officer.name,
              basis: t(`impartiality.basis.${o.legalBasis}`),
              reason: o.reason,
              by: o.decidedBy,
            })}
          </li>
        ))}
      </ul>
      {officer && data.officers.length > 0 && (
        <>
          <OfficerDisqualificationForm caseId={caseId} officers={data.officers} />
          <AssignOfficerForm caseId={caseId} officers={data.officers} />
        </>
      )}
    </section>
  );
}

function OfficerDisqualificationForm({ caseId, officers }: { caseId: string; officers: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const save = useInvalidatingMutation(
    (input: FormRequest<z.input<typeof officerDisqualificationSchema>>) =>
      api(`/api/cases/${caseId}/officer-disqualifications`, { method: 'POST', body: input }),
    keys.cases.detail(caseId),
  );
  const ids = { userId: 'officer-disq-user', reason: 'officer-disq-reason', legalBasis: 'officer-disq-basis' };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'reason',
    schema: officerDisqualificationSchema,
    values: (f) => ({ userId: f.get('userId'), reason: f.get('reason'), legalBasis: f.get('legalBasis') }),
    submit: (data) => save.mutateAsync(data),
    resetOnDone: true,
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="stack panel narrow" aria-label={t('impartiality.disqualifyOfficer')}>
      <Heading level={3} data-size="2xs">
        {t('impartiality.disqualifyOfficer')}
      </Heading>
      {form.summary}
      <SelectField
        id={ids.userId}
        name="userId"
        label={t('impartiality.officer')}
        options={officers.map((o) => ({ value: o.id, label: o.name }))}
        error={form.error('userId')}
      />
      <SelectField
        id={ids.legalBasis}
        name="legalBasis"
        label={t('impartiality.legalBasis')}
        options={[
          { value: '', label: t('impartiality.chooseBasis') },
          ...IMPARTIALITY_BASES.map((b) => ({ value: b, label: t(`impartiality.basis.${b}`) })),
        ]}
        error={form.error('legalBasis')}
      />
      <Textfield id={ids.reason} name="reason" multiline rows={2} label={t('impartiality.reason')} error={form.error('reason')} />
      <div>
        <Button type="submit" variant="secondary" loading={form.pending}>
          {t('impartiality.submitRecord')}
        </Button>
      </div>
    </form>
  );
}

function AssignOfficerForm({ caseId, officers }: { caseId: string; officers: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const save = useInvalidatingMutation(
    (input: FormRequest<z.input<typeof assignOfficerSchema>>) => api(`/api/cases/${caseId}/officer`, { method: 'PUT', body: input }),
    keys.cases.detail(caseId),
  );
  const ids = { officerId: 'assign-officer' };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'officerId',
    schema: assignOfficerSchema,
    values: (f) => ({ officerId: f.get('officerId') }),
    submit: (data) => save.mutateAsync(data),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="stack panel narrow" aria-label={t('impartiality.assignOfficer')}>
      <Heading level={3} data-size="2xs">
        {t('impartiality.assignOfficer')}
      </Heading>
      {form.summary}
      <SelectField
        id={ids.officerId}
        name="officerId"
        label={t('impartiality.officerId')}
        options={officers.map((o) => ({ value: o.id, label: o.name }))}
        error={form.error('officerId')}
      />
      <div>
        <Button type="submit" variant="secondary" loading={form.pending}>
          {t('impartiality.assign')}
        </Button>
      </div>
    </form>
  );
}
