import { Alert, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useMandate } from '../../features/mandates/api.js';
import { MandateTimeline } from '../../features/mandates/MandateTimeline.js';
import { StatusTag } from '../../features/mandates/StatusTag.js';
import { formatDate } from '../../i18n/index.js';

export default function MandatePage() {
  const { t } = useTranslation();
  const { data: mandate, isPending, error, refetch } = useMandate();
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
            <Paragraph>{t('mandate.adoptedBy', { body: mandate.adoptedBy.name, caseNumber: mandate.adoptedCaseNumber, date: formatDate(mandate.adoptedDate) })}</Paragraph>
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
