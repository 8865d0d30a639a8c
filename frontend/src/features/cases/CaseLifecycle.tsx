import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import { useFormErrors } from '../../lib/useContractForm.js';
import { useCaseMutation, type CaseView } from './api.js';

/**
 * The case's lifecycle: every phase it has entered with its date (the current one marked), and for
 * the officer the manual moves the lifecycle allows now (the API lists them in `allowedMoves`).
 */
export function CaseLifecycle({ kase }: { kase: CaseView }) {
  const { t } = useTranslation();
  const form = useFormErrors({ fieldIds: { to: 'move-reason', reason: 'move-reason' }, fallbackPath: 'to' });
  const [moved, setMoved] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const move = useCaseMutation(kase.id, (input: { to: string; reason: string | null }) =>
    api(`/api/cases/${kase.id}/moves`, { method: 'POST', body: input }),
  );
  const phaseName = (phase: string, body: { name: string } | null | undefined) =>
    phase === 'before_body' && body ? t('lifecycle.beforeBody', { body: body.name }) : t(`caseStatus.${phase}`);

  async function onMove(to: string, label: string) {
    const done = await form.run(() => move.mutateAsync({ to, reason: reason.trim() || null }));
    setMoved(done ? label : null);
    if (done) setReason('');
  }

  const last = kase.phases.length - 1;
  return (
    <section aria-labelledby="lifecycle-h">
      <Heading level={2} data-size="sm" id="lifecycle-h">
        {t('lifecycle.title')}
      </Heading>
      <ol className="lifecycle" aria-label={t('lifecycle.phases')}>
        {kase.phases.map((p, i) => (
          <li key={`${p.phase}-${p.enteredAt}-${i}`} aria-current={i === last ? 'step' : undefined}>
            <strong>{phaseName(p.phase, p.body)}</strong> {i === last && <Tag data-color="success">{t('lifecycle.current')}</Tag>}{' '}
            <span className="muted">
              {t('lifecycle.enteredAt', { date: formatDateTime(p.enteredAt) })}
              {p.actor ? ` ${t('lifecycle.by', { name: p.actor })}` : ''}
            </span>
            {p.reason && <Paragraph className="prewrap">{p.reason}</Paragraph>}
          </li>
        ))}
      </ol>
      {kase.allowedMoves.length > 0 && (
        <div className="panel stack" role="group" aria-labelledby="moves-h">
          <Heading level={3} data-size="xs" id="moves-h">
            {t('lifecycle.moves')}
          </Heading>
          {moved && (
            <Alert data-color="success" role="status">
              <Paragraph>{t('lifecycle.moved', { phase: moved })}</Paragraph>
            </Alert>
          )}
          {form.summary}
          <Textfield
            id="move-reason"
            label={t('lifecycle.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={form.error('reason') ?? form.error('to')}
          />
          <div className="row">
            {kase.allowedMoves.map((m) => {
              const label = m.back ? t(`lifecycle.back.${m.to}`) : t(`lifecycle.move.${m.to}`, { body: m.body ?? '' });
              return (
                <Button
                  key={m.to}
                  variant={m.back ? 'secondary' : 'primary'}
                  loading={move.isPending && move.variables?.to === m.to}
                  onClick={() => void onMove(m.to, phaseName(m.to, m.body ? { name: m.body } : null))}
                >
                  {label}
                </Button>
              );
            })}
          </div>
        </div>
      )}
    </section>
  );
}
