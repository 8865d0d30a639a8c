import { Details, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';
import type { Answer } from '@samrad/shared/contracts';

type AuditEvent = Answer<'GET /api/audit/:entityType/:entityId'>['events'][number];

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '–' : typeof v === 'string' ? v : JSON.stringify(v));

/** The case's audit history (who changed what, when), loaded when opened. For the administration. */
export function CaseHistory({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: keys.cases.history(caseId),
    queryFn: () => api<{ events: AuditEvent[] }>(`/api/audit/case/${caseId}`),
    enabled: open,
  });
  return (
    <Details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <Details.Summary>{t('cases.auditHistory')}</Details.Summary>
      <Details.Content>
        {history.isPending && open && <Paragraph>{t('app.loading')}</Paragraph>}
        {history.error && <Paragraph role="alert">{history.error.message}</Paragraph>}
        <ol>
          {history.data?.events.map((e) => (
            <li key={e.id}>
              <strong>{`${formatDateTime(e.at)} – ${t(`cases.audit.${e.action}`)} ${e.actor?.name ? t('cases.auditBy', { name: e.actor.name }) : ''}`}</strong>
              <ul>
                {Object.entries(e.changes).map(([field, c]) => (
                  <li key={field}>{`${field}: ${show(c.before)} → ${show(c.after)}`}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      </Details.Content>
    </Details>
  );
}
