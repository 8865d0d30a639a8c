import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { Answer } from '@samrad/shared/contracts';
import { formatDateTime } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';

/** The protokolltilførsler from drøftingsmøter that had the case on their agenda, on the case page (nothing when there are none). */
export function CaseStatements({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: keys.meetings.caseStatements(caseId),
    queryFn: () => api<Answer<'GET /api/cases/:id/statements'>>(`/api/cases/${caseId}/statements`),
  });
  if (!data || data.statements.length === 0) return null;
  return (
    <section aria-labelledby="case-statements-h">
      <Heading level={2} data-size="sm" id="case-statements-h">
        {t('meetings.statements')}
      </Heading>
      {data.statements.map((s) => (
        <article key={s.id} className="panel">
          <Heading level={3} data-size="2xs">
            {`${s.union} – ${s.author}`}
          </Heading>
          <Paragraph data-size="sm">
            <Link asChild>
              <RouterLink
                to={`/moter/${s.meeting.id}`}
              >{`${s.meeting.body}: ${s.meeting.title} (${formatDateTime(s.meeting.startsAt)})`}</RouterLink>
            </Link>
            {!s.aboutCase && ` – ${t('meetings.statementForm.aboutWholeMeeting')}`}
          </Paragraph>
          <Paragraph className="prewrap">{s.text}</Paragraph>
        </article>
      ))}
    </section>
  );
}
