import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { statementSchema, type Answer } from '@samrad/shared/contracts';
import { SelectField } from '../../components/SelectField.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';
import { useContractForm } from '../../lib/useContractForm.js';
import type { StatementInput } from './api.js';

/**
 * A union representative on the meeting's body writes a protokolltilførsel in a drøftingsmøte, about one
 * case on the agenda or the whole meeting. Shown only to those the meeting says may write one.
 */
export function StatementForm(props: { meetingId: string; union: string; agenda: { id: string; title: string; number: string | null }[] }) {
  const { t } = useTranslation();
  const save = useInvalidatingMutation(
    (input: FormRequest<StatementInput>) =>
      api<Answer<'POST /api/meetings/:id/statements'>>(`/api/meetings/${props.meetingId}/statements`, { method: 'POST', body: input }),
    keys.meetings.all,
  );
  const ids = { text: 'statement-text', agendaItemId: 'statement-item' };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'text',
    schema: statementSchema,
    values: (f) => ({ text: f.get('text'), agendaItemId: f.get('agendaItemId') || null }),
    submit: (data) => save.mutateAsync(data),
    resetOnDone: true,
  });
  return (
    <section aria-labelledby="statement-form-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="statement-form-h">
        {t('meetings.statementForm.title')}
      </Heading>
      <Paragraph data-size="sm">{t('meetings.statementForm.hint', { union: props.union })}</Paragraph>
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <SelectField
          id={ids.agendaItemId}
          name="agendaItemId"
          label={t('meetings.statementForm.about')}
          options={[
            { value: '', label: t('meetings.statementForm.wholeMeeting') },
            ...props.agenda.map((a) => ({ value: a.id, label: `${a.number ?? ''} ${a.title}`.trim() })),
          ]}
          error={form.error('agendaItemId')}
        />
        <Textfield
          id={ids.text}
          name="text"
          multiline
          rows={5}
          label={t('meetings.statementForm.text', { union: props.union })}
          error={form.error('text')}
        />
        <div>
          <Button type="submit" loading={form.pending}>
            {t('meetings.statementForm.submit')}
          </Button>
        </div>
        {form.done && (
          <Alert data-color="success" role="status">
            <Paragraph>{t('meetings.statementForm.saved')}</Paragraph>
          </Alert>
        )}
      </form>
    </section>
  );
}
