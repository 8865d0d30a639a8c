import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import type { AttendanceInput } from './api.js';
import { keys } from '../../lib/query-keys.js';

type Status = 'present' | 'absent' | 'substitute';
type Reason = 'disqualified' | 'left';

/**
 * The secretary records who came: present, absent (forfall) or a substitute (vara) by name, per member;
 * and, per case on the agenda, who of those who met was not there for it (inhabil, or left the meeting).
 */
export function AttendanceForm(props: {
  meetingId: string;
  members: { userId: string; name: string }[];
  current: { userId: string; status: string; substituteName: string | null }[];
  agenda?: {
    id: string;
    title: string;
    committeeNumber: string | null;
    absences: { userId: string; reason: Reason; note: string | null }[];
  }[];
}) {
  const { t } = useTranslation();
  const agenda = props.agenda ?? [];
  const [status, setStatus] = useState<Record<string, Status>>(() =>
    Object.fromEntries(props.current.map((a) => [a.userId, a.status as Status])),
  );
  const [away, setAway] = useState<Record<string, Reason | ''>>(() =>
    Object.fromEntries(agenda.flatMap((i) => i.absences.map((a) => [`${i.id}:${a.userId}`, a.reason]))),
  );
  const save = useInvalidatingMutation(
    (input: FormRequest<AttendanceInput>) => api(`/api/meetings/${props.meetingId}/attendance`, { method: 'PUT', body: input }),
    keys.meetings.detail(props.meetingId),
  );
  const members = [...new Map(props.members.map((m) => [m.userId, m])).values()];
  const met = members.filter((m) => status[m.userId] === 'present' || status[m.userId] === 'substitute');

  const fieldIds: Record<string, string> = { attendance: members[0] ? `att-${members[0].userId}-present` : '' };
  members
    .filter((m) => status[m.userId])
    .forEach((m, i) => {
      fieldIds[`attendance.${i}.substituteName`] = `sub-${m.userId}`;
    });
  const form = useContractForm({
    fieldIds,
    fallbackPath: 'attendance',
    values: (f) => {
      const attendance = members
        .filter((m) => status[m.userId])
        .map((m) => ({
          userId: m.userId,
          status: status[m.userId],
          substituteName: status[m.userId] === 'substitute' ? String(f.get(`sub-${m.userId}`) ?? '').trim() || null : null,
        }));
      const itemAbsences = agenda.flatMap((item) =>
        met.flatMap((m) => {
          const reason = away[`${item.id}:${m.userId}`];
          if (!reason) return [];
          const note = String(f.get(`away-${item.id}-${m.userId}-note`) ?? '').trim();
          return [{ itemId: item.id, userId: m.userId, reason, note: note || null }];
        }),
      );
      return { attendance: attendance as AttendanceInput['attendance'], ...(agenda.length ? { itemAbsences } : {}) };
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
              error={form.errors.find((e) => fieldIds[e.path] === `sub-${m.userId}`)?.message}
            />
          )}
        </Fieldset>
      ))}
      {agenda.length > 0 && met.length > 0 && (
        <Fieldset>
          <Fieldset.Legend>{t('meetings.itemAbsence.title')}</Fieldset.Legend>
          <Fieldset.Description>{t('meetings.itemAbsence.hint')}</Fieldset.Description>
          {agenda.map((item) => (
            <Fieldset key={item.id}>
              <Fieldset.Legend>{`${item.committeeNumber ?? ''} ${item.title}`.trim()}</Fieldset.Legend>
              {met.map((m) => {
                const key = `${item.id}:${m.userId}`;
                const current = agenda.find((i) => i.id === item.id)?.absences.find((a) => a.userId === m.userId);
                return (
                  <div className="row" key={key}>
                    <SelectField
                      id={`away-${item.id}-${m.userId}`}
                      name={`away-${item.id}-${m.userId}`}
                      label={t('meetings.itemAbsence.member', { name: m.name })}
                      value={away[key] ?? ''}
                      onChange={(e) => {
                        // Read now: the event's target is gone by the time the state updater runs.
                        const reason = e.currentTarget.value as Reason | '';
                        setAway((prev) => ({ ...prev, [key]: reason }));
                      }}
                      options={[
                        { value: '', label: t('meetings.itemAbsence.took') },
                        { value: 'disqualified', label: t('meetings.itemAbsence.disqualified') },
                        { value: 'left', label: t('meetings.itemAbsence.left') },
                      ]}
                    />
                    {away[key] && (
                      <Textfield
                        name={`away-${item.id}-${m.userId}-note`}
                        label={t('meetings.itemAbsence.note', { name: m.name })}
                        defaultValue={current?.note ?? ''}
                      />
                    )}
                  </div>
                );
              })}
            </Fieldset>
          ))}
        </Fieldset>
      )}
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
