import { useState } from 'react';
import { MonthCalendar } from '../../features/meetings/MonthCalendar.js';
import { Button, Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { api } from '../../lib/api.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { useBodies } from '../../features/bodies/api.js';
import { NewMeetingForm } from '../../features/meetings/MeetingForms.js';
import { keys } from '../../lib/query-keys.js';
import type { Answer } from '@samrad/shared/contracts';
import { locale } from '../../i18n/index.js';

/** A meeting in the list, as the API answers it (the shared response contract). */
export type MeetingSummary = Answer<'GET /api/meetings'>['meetings'][number];

export const when = (iso: string) =>
  new Date(iso).toLocaleString(locale(), { timeZone: 'Europe/Oslo', dateStyle: 'full', timeStyle: 'short' });

export default function MeetingsPage() {
  const { t } = useTranslation();
  const { data, isPending, error, refetch } = useQuery({
    queryKey: keys.meetings.all,
    queryFn: () => api<{ meetings: MeetingSummary[] }>('/api/meetings'),
  });
  const { data: me } = useMe();
  const bodies = useBodies();
  const [view, setView] = useState<'list' | 'calendar'>('list');
  return (
    <>
      <PageHeading title={t('meetings.title')}>{t('meetings.title')}</PageHeading>
      <Paragraph>
        <Link href="/api/calendar.ics">{t('meetings.subscribe')}</Link>
      </Paragraph>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {data?.meetings.length === 0 && <Paragraph>{t('meetings.none')}</Paragraph>}
      <div className="row" role="group" aria-label={t('calendar.view')}>
        <Button
          variant={view === 'list' ? 'primary' : 'secondary'}
          data-size="sm"
          aria-pressed={view === 'list'}
          onClick={() => setView('list')}
        >
          {t('calendar.list')}
        </Button>
        <Button
          variant={view === 'calendar' ? 'primary' : 'secondary'}
          data-size="sm"
          aria-pressed={view === 'calendar'}
          onClick={() => setView('calendar')}
        >
          {t('calendar.calendar')}
        </Button>
      </div>
      {view === 'calendar' && data && <MonthCalendar meetings={data.meetings} />}
      <ul className="card-list" hidden={view !== 'list'}>
        {data?.meetings.map((m) => (
          <li key={m.id}>
            <Card>
              <Heading level={2} data-size="xs">
                <Link asChild>
                  <RouterLink to={`/moter/${m.id}`}>{`${m.body.name}: ${m.title}`}</RouterLink>
                </Link>
              </Heading>
              <Paragraph data-size="sm">
                {when(m.startsAt)} · {m.place ?? m.videoLink}
              </Paragraph>
              {!m.open && <Tag data-color="warning">{t('meetings.closedMeeting', { basis: m.closedBasis })}</Tag>}
            </Card>
          </li>
        ))}
      </ul>
      {hasRole(me, 'case_officer') && bodies.data && <NewMeetingForm bodies={bodies.data.bodies} />}
    </>
  );
}
