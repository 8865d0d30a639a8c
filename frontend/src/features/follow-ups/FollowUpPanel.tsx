import { Alert, Button, Details, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { FOLLOW_UP_STATUSES, createFollowUpSchema, updateFollowUpSchema, type Answer } from '@samrad/shared/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.js';
import { formatDate } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { useCaseFollowUps, type FollowUpView } from './api.js';
import { ScrollBox } from '../../components/ScrollBox.js';

type Person = { id: string; name: string; title: string; status?: string };

const text = (f: FormData, name: string) => {
  const v = String(f.get(name) ?? '').trim();
  return v === '' ? null : v;
};

/** Add a follow-up task to a vedtak, or edit one (status, owner, due date, notes). Officers only. */
function FollowUpForm({ caseId, decisionId, task, people }: { caseId: string; decisionId: string; task?: FollowUpView; people: Person[] }) {
  const { t } = useTranslation();
  const save = useInvalidatingMutation(
    (input: unknown) =>
      task
        ? api<Answer<'PATCH /api/follow-ups/:id'>>(`/api/follow-ups/${task.id}`, { method: 'PATCH', body: input })
        : api<Answer<'POST /api/decisions/:id/follow-ups'>>(`/api/decisions/${decisionId}/follow-ups`, { method: 'POST', body: input }),
    keys.followUps(caseId),
    keys.tasks,
    keys.mandateReport,
  );
  const prefix = task ? `follow-up-${task.id}` : `follow-up-new-${decisionId}`;
  const ids = {
    title: `${prefix}-title`,
    ownerId: `${prefix}-owner`,
    dueDate: `${prefix}-due`,
    status: `${prefix}-status`,
    notes: `${prefix}-notes`,
  };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'title',
    onStale: !!task,
    resetOnDone: !task,
    schema: (task ? updateFollowUpSchema : createFollowUpSchema) as typeof createFollowUpSchema,
    values: (f) => ({
      ...(task ? { version: task.version } : {}),
      title: f.get('title'),
      ownerId: text(f, 'ownerId'),
      dueDate: text(f, 'dueDate'),
      status: f.get('status'),
      notes: f.get('notes') ?? '',
    }),
    submit: (data) => save.mutateAsync(data),
  });
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      className="stack"
      aria-label={task ? t('followUp.editNamed', { title: task.title }) : t('followUp.add')}
    >
      {form.summary}
      {form.stale && (
        <Alert data-color="warning">
          <Paragraph>{t('followUp.stale')}</Paragraph>
        </Alert>
      )}
      <Textfield id={ids.title} name="title" label={t('followUp.task')} defaultValue={task?.title} error={form.error('title')} />
      <SelectField
        id={ids.ownerId}
        name="ownerId"
        label={t('followUp.owner')}
        defaultValue={task?.owner?.id ?? ''}
        options={[
          { value: '', label: t('mandate.noOwner') },
          ...people
            .filter((p) => p.status !== 'disabled')
            .map((p) => ({ value: p.id, label: p.title ? `${p.name} (${p.title})` : p.name })),
        ]}
        error={form.error('ownerId')}
      />
      <Textfield
        id={ids.dueDate}
        name="dueDate"
        type="date"
        label={t('followUp.due')}
        defaultValue={task?.dueDate ?? ''}
        error={form.error('dueDate')}
      />
      <SelectField
        id={ids.status}
        name="status"
        label={t('followUp.status')}
        defaultValue={task?.status ?? 'not_started'}
        options={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: t(`followUp.statuses.${s}`) }))}
        error={form.error('status')}
      />
      <Textfield
        id={ids.notes}
        name="notes"
        multiline
        rows={3}
        label={t('followUp.notes')}
        defaultValue={task?.notes}
        error={form.error('notes')}
      />
      {form.done && task && <Paragraph role="status">{t('followUp.saved')}</Paragraph>}
      <div>
        <Button type="submit" loading={form.pending}>
          {task ? t('followUp.save') : t('followUp.addButton')}
        </Button>
      </div>
    </form>
  );
}

/**
 * The follow-up of a case's vedtak, under the case's decisions: each vedtak's tasks (owner, due date,
 * status, notes) for everyone who may read the case; officers add and edit them.
 */
export function FollowUpPanel({ caseId, officer, people = [] }: { caseId: string; officer: boolean; people?: Person[] }) {
  const { t } = useTranslation();
  const { data } = useCaseFollowUps(caseId);
  if (!data || data.decisions.length === 0) return null;
  return (
    <section aria-labelledby="follow-up-h">
      <Heading level={2} data-size="sm" id="follow-up-h">
        {t('followUp.title')}
      </Heading>
      {data.decisions.map((d) => {
        const name = `${d.body.name} ${d.committeeNumber ?? ''} (${formatDate(d.decidedOn)})`;
        return (
          <article key={d.id} className="panel" aria-labelledby={`follow-up-${d.id}`}>
            <Heading level={3} data-size="xs" id={`follow-up-${d.id}`}>
              {t('followUp.ofDecision', { decision: name })}
            </Heading>
            {d.tasks.length === 0 ? (
              <Paragraph>{t('followUp.none')}</Paragraph>
            ) : (
              <ScrollBox label={t('followUp.ofDecision', { decision: name })}>
                <Table className="full-width">
                  <caption className="visually-hidden">{t('followUp.ofDecision', { decision: name })}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t('followUp.task')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('followUp.owner')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('followUp.due')}</Table.HeaderCell>
                      <Table.HeaderCell>{t('followUp.status')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {d.tasks.map((task) => (
                      <Table.Row key={task.id}>
                        <Table.Cell>
                          <strong>{task.title}</strong>
                          {task.notes && <div className="muted prewrap">{task.notes}</div>}
                          {officer && (
                            <Details>
                              <Details.Summary>{t('followUp.editNamed', { title: task.title })}</Details.Summary>
                              <Details.Content>
                                <FollowUpForm caseId={caseId} decisionId={d.id} task={task} people={people} />
                              </Details.Content>
                            </Details>
                          )}
                        </Table.Cell>
                        <Table.Cell>
                          {task.owner
                            ? task.owner.title
                              ? `${task.owner.name} (${task.owner.title})`
                              : task.owner.name
                            : t('mandate.noOwner')}
                        </Table.Cell>
                        <Table.Cell>{formatDate(task.dueDate)}</Table.Cell>
                        <Table.Cell>
                          <span className="tags">
                            <Tag data-color={task.status === 'done' ? 'success' : task.status === 'in_progress' ? 'info' : 'neutral'}>
                              {t(`followUp.statuses.${task.status}`)}
                            </Tag>
                            {task.late && <Tag data-color="danger">{t('mandate.late')}</Tag>}
                          </span>
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </ScrollBox>
            )}
            {officer && (
              <Details>
                <Details.Summary>{t('followUp.addTo', { decision: name })}</Details.Summary>
                <Details.Content>
                  <FollowUpForm caseId={caseId} decisionId={d.id} people={people} />
                </Details.Content>
              </Details>
            )}
          </article>
        );
      })}
    </section>
  );
}
