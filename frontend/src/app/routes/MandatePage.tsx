import { Alert, Details, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { Link as RouterLink } from 'react-router';
import { paths } from '../../config/paths.js';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useMandate, type MandateItemView } from '../../features/mandates/api.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { MandateItemInput } from '../../features/inputs/ContinuousInputForm.js';
import { MandateTimeline } from '../../features/mandates/MandateTimeline.js';
import { StatusTag } from '../../features/mandates/StatusTag.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';

/** What is going on under a mandate item: its cases, input rounds and meetings, as links. */
function ItemWork({ work, title }: { work: NonNullable<MandateItemView['work']>; title: string }) {
  const { t } = useTranslation();
  if (work.cases.length + work.rounds.length + work.meetings.length === 0) return null;
  return (
    <Details>
      <Details.Summary>
        {t('mandate.work', {
          title,
          parts: [
            t('mandate.caseCount', { count: work.cases.length }),
            t('mandate.roundCount', { count: work.rounds.length }),
            t('mandate.meetingCount', { count: work.meetings.length }),
          ].join(', '),
        })}
      </Details.Summary>
      <Details.Content>
        {work.cases.length > 0 && (
          <>
            <Heading level={3} data-size="2xs">
              {t('mandate.cases')}
            </Heading>
            <ul>
              {work.cases.map((c) => (
                <li key={c.id}>
                  <Link asChild>
                    <RouterLink to={paths.case(c.id)}>{`${c.number} ${c.title}`}</RouterLink>
                  </Link>{' '}
                  <span className="muted">({t(`caseStatus.${c.status}`)})</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {work.rounds.length > 0 && (
          <>
            <Heading level={3} data-size="2xs">
              {t('mandate.rounds')}
            </Heading>
            <ul>
              {work.rounds.map((r) => (
                <li key={r.id}>
                  <Link asChild>
                    <RouterLink to={paths.round(r.id)}>{r.title}</RouterLink>
                  </Link>{' '}
                  <span className="muted">
                    ({r.open ? t('mandate.roundOpen', { date: formatDateTime(r.closesAt) }) : t('mandate.roundClosed')})
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
        {work.meetings.length > 0 && (
          <>
            <Heading level={3} data-size="2xs">
              {t('mandate.meetings')}
            </Heading>
            <ul>
              {work.meetings.map((m) => (
                <li key={m.id}>
                  <Link asChild>
                    <RouterLink to={paths.meeting(m.id)}>{`${m.bodyName}: ${m.title}`}</RouterLink>
                  </Link>{' '}
                  <span className="muted">({formatDateTime(m.startsAt)})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Details.Content>
    </Details>
  );
}

export default function MandatePage() {
  const { t } = useTranslation();
  const { data: mandate, isPending, error, refetch } = useMandate();
  const { data: me } = useMe();
  return (
    <>
      <PageHeading title={t('mandate.title')}>{mandate?.title ?? t('mandate.title')}</PageHeading>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {mandate === null && <Paragraph>{t('mandate.none')}</Paragraph>}
      {mandate && (
        <>
          <Paragraph>{mandate.description}</Paragraph>
          {mandate.adoptedBy && mandate.adoptedCaseNumber && (
            <Paragraph>
              {t('mandate.adoptedBy', {
                body: mandate.adoptedBy.name,
                caseNumber: mandate.adoptedCaseNumber,
                date: formatDate(mandate.adoptedDate),
              })}
            </Paragraph>
          )}
          <Paragraph>
            <strong>{t('mandate.endDate', { date: formatDate(mandate.endDate) })}</strong>
          </Paragraph>
          {mandate.items.some((i) => i.late) && (
            <Alert data-color="warning">
              <Paragraph>{t('mandate.lateCount', { count: mandate.items.filter((i) => i.late).length })}</Paragraph>
            </Alert>
          )}
          <MandateTimeline items={mandate.items} endDate={mandate.endDate} />
          <Heading level={2} data-size="md">
            {t('mandate.items')}
          </Heading>
          <Table className="full-width">
            <caption className="visually-hidden">{t('mandate.items')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('mandate.number')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mandate.item')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mandate.owner')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mandate.due')}</Table.HeaderCell>
                <Table.HeaderCell>{t('mandate.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {mandate.items.map((i) => (
                <Table.Row key={i.id} className={i.late ? 'row--late' : undefined}>
                  <Table.Cell>{i.number}</Table.Cell>
                  <Table.Cell>
                    <strong>{i.title}</strong>
                    <div className="muted">{i.description}</div>
                    {i.work && <ItemWork work={i.work} title={i.title} />}
                    {me && hasRole(me, 'member') && <MandateItemInput mandateItemId={i.id} title={i.title} bodies={me.memberships} />}
                  </Table.Cell>
                  <Table.Cell>{i.owner?.name ?? t('mandate.noOwner')}</Table.Cell>
                  <Table.Cell>{formatDate(i.dueDate)}</Table.Cell>
                  <Table.Cell>
                    <StatusTag item={i} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </>
      )}
    </>
  );
}
