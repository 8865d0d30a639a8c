import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reopenMinutesSchema } from '@samrad/shared/contracts';
import { formatDateTime } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';
import { useContractForm, useFormErrors } from '../../lib/useContractForm.js';

/**
 * The protocol's approval (godkjenning): who approved it and when, or that it is not approved yet. The case officer
 * approves it once the meeting is held (it is locked from then on, and innsyn shows an open meeting's protocol), and
 * may reopen it for a correction with a reason (audited).
 */
export function ProtocolApproval(props: {
  meetingId: string;
  approval: { at: string; by: string } | null;
  officer: boolean;
  /** The agenda is published and the meeting has begun: the protocol may be approved. */
  held: boolean;
}) {
  const { t } = useTranslation();
  const [reopening, setReopening] = useState(false);
  const approve = useInvalidatingMutation(
    () => api(`/api/meetings/${props.meetingId}/minutes/approval`, { method: 'POST' }),
    keys.meetings.all,
  );
  const reopen = useInvalidatingMutation(
    (body: { reason: string }) => api(`/api/meetings/${props.meetingId}/minutes/reopening`, { method: 'POST', body }),
    keys.meetings.all,
  );
  const approveErrors = useFormErrors({ fieldIds: { '': 'approve-minutes' }, fallbackPath: '' });
  const form = useContractForm({
    fieldIds: { reason: 'reopen-reason' },
    fallbackPath: 'reason',
    schema: reopenMinutesSchema,
    values: (f) => ({ reason: f.get('reason') }),
    submit: async (data) => {
      await reopen.mutateAsync(data);
      setReopening(false);
    },
  });
  return (
    <section aria-labelledby="approval-h">
      <Heading level={2} data-size="sm" id="approval-h">
        {t('meetings.approval.title')}
      </Heading>
      {props.approval ? (
        <Paragraph>{t('meetings.approval.approved', { date: formatDateTime(props.approval.at), name: props.approval.by })}</Paragraph>
      ) : (
        <Paragraph>{t('meetings.approval.notApproved')}</Paragraph>
      )}
      {props.officer && !props.approval && props.held && (
        <div className="stack">
          <Paragraph data-size="sm">{t('meetings.approval.hint')}</Paragraph>
          {approveErrors.errors[0] && <Alert data-color="danger">{approveErrors.errors[0].message}</Alert>}
          <div>
            <Button
              id="approve-minutes"
              loading={approveErrors.pending}
              onClick={() => void approveErrors.run(() => approve.mutateAsync())}
            >
              {t('meetings.approval.approve')}
            </Button>
          </div>
        </div>
      )}
      {props.officer && props.approval && !reopening && (
        <Button variant="secondary" onClick={() => setReopening(true)}>
          {t('meetings.approval.reopen')}
        </Button>
      )}
      {reopening && (
        <form onSubmit={form.onSubmit} noValidate className="stack narrow" aria-label={t('meetings.approval.reopen')}>
          {form.summary}
          <Textfield
            id="reopen-reason"
            name="reason"
            multiline
            rows={3}
            label={t('meetings.approval.reason')}
            description={t('meetings.approval.reasonHint')}
            error={form.error('reason')}
          />
          <div className="row">
            <Button type="submit" loading={form.pending}>
              {t('meetings.approval.reopenSubmit')}
            </Button>
            <Button variant="tertiary" onClick={() => setReopening(false)}>
              {t('cases.cancel')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
