import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useContractForm } from '../../lib/useContractForm.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import type { AttendanceInput } from './api.js';
import { keys } from '../../lib/query-keys.js';

type Status = 'present' | 'absent' | 'substitute';

/** The secretary records who came: present, absent (forfall) or a substitute (vara) by name, per member. */
export function AttendanceForm(props: {
  meetingId: string;
  members: { userId: string; name: string }[];
  current: { userId: string; status: string; substituteName: string | null }[];
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Record<string, Status>>(() =>
    Object.fromEntries(props.current.map((a) => [a.userId, a.status as Status])),
  );
  const save = useInvalidatingMutation(
    (input: FormRequest<AttendanceInput>) => api(`/api/meetings/${props.meetingId}/attendance`, { method: 'PUT', body: input }),
    keys.meetings.detail(props.meetingId),
  );
  const members = [...new Map(props.members.map((m) => [m.userId, m])).values()];

  const form = useContractForm({
    fieldIds: { attendance: members[0] ? `att-${members[0].userId}-present` : '' },
    fallbackPath: 'attendance',
    values: (f) => {
      const attendance = members
        .filter((m) => status[m.userId])
        .map((m) => ({
          userId: m.userId,
          status: status[m.userId],
          substituteName: status[m.userId] === 'substitute' ? String(f.get(`sub-${m.userId}`) ?? '').trim() || null : null,
        }));
      return { attendance: attendance as AttendanceInput['attendance'] };
    },
    submit: (data) => save.mutateAsync(data),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="stack panel" aria-labelledby="attendance-form-h">
      <Heading level={3} data-size="xs" id="attendance-form-h">
        {t('meetings.recordAttendance')}
      </Heading>
      {form.summary}
      {members.map((m) => (
        <Fieldset key={m.userId}>
          <Fieldset.Legend>{m.name}</Fieldset.Legend>
          <div className="row">
            {(['present', 'absent', 'substitute'] as const).map((s) => (
              <Radio
                key={s}
                id={`att-${m.userId}-${s}`}
                name={`att-${m.userId}`}
                value={s}
                label={t(`meetings.status.${s}`)}
                checked={status[m.userId] === s}
                onChange={() => setStatus((prev) => ({ ...prev, [m.userId]: s }))}
              />
            ))}
          </div>
          {status[m.userId] === 'substitute' && (
            <Textfield
              id={`sub-${m.userId}`}
              name={`sub-${m.userId}`}
              label={t('meetings.substituteName', { name: m.name })}
              defaultValue={props.current.find((a) => a.userId === m.userId)?.substituteName ?? ''}
            />
          )}
        </Fieldset>
      ))}
      <div>
        <Button type="submit" loading={form.pending}>
          {t('meetings.saveAttendance')}
        </Button>
      </div>
      {form.done && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('meetings.attendanceSaved')}</Paragraph>
        </Alert>
      )}
    </form>
  );
}
