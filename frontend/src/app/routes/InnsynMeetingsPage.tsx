import { Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { meetingsCalendar, usePublicMeetings } from '../../features/innsyn/api.js';
import { InnsynNav, OpenData } from '../../features/innsyn/InnsynNav.js';
import { formatDateTime } from '../../i18n/index.js';
import { useInnsynLanguage } from '../useInnsynLanguage.js';

/** The open meetings (a closed meeting is not listed), with the calendar subscription. */
export default function InnsynMeetingsPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  useInnsynLanguage(slug);
  const { data, isPending, error, refetch } = usePublicMeetings(slug);
  return (
    <>
      <PageHeading title={t('innsyn.meetingsTitle')}>{t('innsyn.meetingsTitle')}</PageHeading>
      <InnsynNav slug={slug} />
      <Paragraph>
        {t('innsyn.calendarHint')} <Link href={meetingsCalendar(slug)}>{t('innsyn.calendarLink')}</Link>
      </Paragraph>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {data?.meetings.length === 0 && <Paragraph>{t('innsyn.noMeetings')}</Paragraph>}
      {data && data.meetings.length > 0 && (
        <div className="table-scroll">
          <Table>
            <caption className="visually-hidden">{t('innsyn.meetingsTitle')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('innsyn.when')}</Table.HeaderCell>
                <Table.HeaderCell>{t('innsyn.meeting')}</Table.HeaderCell>
                <Table.HeaderCell>{t('innsyn.place')}</Table.HeaderCell>
                <Table.HeaderCell>{t('innsyn.agenda')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.meetings.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{formatDateTime(m.startsAt)}</Table.Cell>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={paths.innsynMeeting(slug, m.id)}>{`${m.bodyName}: ${m.title}`}</RouterLink>
                    </Link>
                  </Table.Cell>
                  <Table.Cell>{m.place ?? ''}</Table.Cell>
                  <Table.Cell>{m.agendaPublished ? t('innsyn.agendaPublished') : t('innsyn.agendaNotYet')}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <OpenData slug={slug} register="meetings" />
    </>
  );
}
