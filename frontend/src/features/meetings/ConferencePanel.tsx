import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registrationSchema } from '@samrad/shared/contracts';
import { InputReceipt, type InputReceiptView } from '../../components/InputReceipt.js';
import { SelectField } from '../../components/SelectField.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import type { Answer } from '@samrad/shared/contracts';
import type { ConferenceInput } from './api.js';
import { keys } from '../../lib/query-keys.js';
import { ScrollBox } from '../../components/ScrollBox.js';

export interface ConferenceView {
  registrationOpen: boolean;
  inputOpen: boolean;
  registrationCount: number;
  registered: boolean;
  myRepresenting: string | null;
  registrations: { userId: string; name: string; title: string; representing: string | null }[] | null;
}

/** A school conference: registration for everyone, the list for officers, and inputs from the hall that join the case. */
export function ConferencePanel(props: {
  meetingId: string;
  conference: ConferenceView;
  agenda: { case: { id: string; number: string; title: string } }[];
  officer: boolean;
}) {
  const { t } = useTranslation();
  const c = props.conference;
  const key = keys.meetings.detail(props.meetingId);
  // Once sent, the form gives way to the receipt and the way to change the input (a new version).
  const [receipt, setReceipt] = useState<{ receipt: InputReceiptView; text: string } | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const register = useInvalidatingMutation(
    (input: { representing: string | null }) => api(`/api/meetings/${props.meetingId}/registrations/me`, { method: 'PUT', body: input }),
    key,
  );
  const unregister = useInvalidatingMutation(() => api(`/api/meetings/${props.meetingId}/registrations/me`, { method: 'DELETE' }), key);
  const give = useInvalidatingMutation(
    (input: FormRequest<ConferenceInput>) =>
      api<Answer<'POST /api/meetings/:id/inputs'>>(`/api/meetings/${props.meetingId}/inputs`, { method: 'POST', body: input }),
    key,
  );

  const registration = useContractForm({
    fieldIds: { representing: 'conference-representing', meeting: 'conference-representing' },
    fallbackPath: 'representing',
    schema: registrationSchema,
    values: (f) => ({ representing: String(f.get('representing') ?? '').trim() || null }),
    submit: (data) => register.mutateAsync(data),
  });
  const input = useContractForm({
    fieldIds: { caseId: 'conference-case', text: 'conference-text', meeting: 'conference-text' },
    fallbackPath: 'text',
    values: (f) => ({ caseId: f.get('caseId'), text: f.get('text'), idempotencyKey }),
    submit: async (data) => {
      setReceipt({ receipt: await give.mutateAsync(data), text: String(data.text) });
      setIdempotencyKey(crypto.randomUUID());
    },
  });

  return (
    <section aria-labelledby="conference-h" className="stack">
      <Heading level={2} data-size="sm" id="conference-h">
        {t('conference.title')}
      </Heading>
      <Paragraph>{t('conference.count', { count: c.registrationCount })}</Paragraph>
      {c.registered && (
        <Alert data-color="success">
          <Paragraph>
            {c.myRepresenting ? t('conference.registeredFor', { representing: c.myRepresenting }) : t('conference.registered')}
          </Paragraph>
        </Alert>
      )}
      {c.registrationOpen ? (
        <form onSubmit={registration.onSubmit} noValidate className="stack narrow">
          {registration.summary}
          <Textfield
            id="conference-representing"
            name="representing"
            label={t('conference.representing')}
            description={t('conference.representingHint')}
            defaultValue={c.myRepresenting ?? ''}
            error={registration.error('representing') ?? registration.error('meeting')}
          />
          <div className="row">
            <Button type="submit" loading={registration.pending}>
              {c.registered ? t('conference.update') : t('conference.register')}
            </Button>
            {c.registered && (
              <Button variant="secondary" loading={unregister.isPending} onClick={() => unregister.mutate(undefined as never)}>
                {t('conference.unregister')}
              </Button>
            )}
          </div>
        </form>
      ) : (
        <Paragraph className="muted">{t('conference.registrationClosed')}</Paragraph>
      )}
      {c.registrations && (
        <ScrollBox label={t('conference.registrations')}>
          <Table>
            <caption>{t('conference.registrations')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('conference.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('conference.representingColumn')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {c.registrations.map((g) => (
                <Table.Row key={g.userId}>
                  <Table.Cell>{g.name}</Table.Cell>
                  <Table.Cell>{g.representing ?? '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollBox>
      )}
      {c.inputOpen && (c.registered || props.officer) && props.agenda.length > 0 && receipt && (
        <section className="stack panel narrow" aria-labelledby="conference-input-h">
          <Heading level={3} data-size="xs" id="conference-input-h">
            {t('conference.inputTitle')}
          </Heading>
          <InputReceipt
            key={receipt.receipt.id}
            idPrefix="conference-receipt"
            receipt={receipt.receipt}
            text={receipt.text}
            refresh={[key]}
            onAnother={() => setReceipt(null)}
          />
        </section>
      )}
      {c.inputOpen && (c.registered || props.officer) && props.agenda.length > 0 && !receipt && (
        <form onSubmit={input.onSubmit} noValidate className="stack panel narrow" aria-labelledby="conference-input-h">
          <Heading level={3} data-size="xs" id="conference-input-h">
            {t('conference.inputTitle')}
          </Heading>
          <Paragraph data-size="sm">{t('conference.inputHint')}</Paragraph>
          {input.summary}
          <SelectField
            id="conference-case"
            name="caseId"
            label={t('conference.case')}
            options={props.agenda.map((a) => ({ value: a.case.id, label: `${a.case.number} ${a.case.title}` }))}
            error={input.error('caseId')}
          />
          <Textfield
            id="conference-text"
            name="text"
            multiline
            rows={4}
            label={t('conference.input')}
            error={input.error('text') ?? input.error('meeting')}
          />
          <div>
            <Button type="submit" loading={input.pending}>
              {t('conference.send')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
