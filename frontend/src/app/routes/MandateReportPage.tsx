import { Button, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { useMandateReport } from '../../features/mandates/api.js';
import { formatDate } from '../../i18n/index.js';
import { ScrollBox } from '../../components/ScrollBox.js';

/** The mandate's final report: what was decided under each item, and how far each vedtak has come. Printable. */
export default function MandateReportPage() {
  const { t } = useTranslation();
  const { data: report, isPending, error, refetch } = useMandateReport();
  const title = report ? t('report.titleOf', { title: report.mandate.title }) : t('report.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {report === null && <Paragraph>{t('mandate.none')}</Paragraph>}
      {report && (
        <>
          <Paragraph className="no-print">
            <Link asChild>
              <RouterLink to={paths.mandate}>{t('report.back')}</RouterLink>
            </Link>
          </Paragraph>
          <div className="no-print">
            <Button variant="secondary" onClick={() => window.print()}>
              {t('report.print')}
            </Button>
          </div>
          <Paragraph>{t('mandate.endDate', { date: formatDate(report.mandate.endDate) })}</Paragraph>
          {report.items.length === 0 && <Paragraph>{t('mandate.noItems')}</Paragraph>}
          {report.items.map((item) => (
            <section key={item.id} aria-labelledby={`report-item-${item.id}`} className="report-item">
              <Heading level={2} data-size="sm" id={`report-item-${item.id}`}>
                {`${item.number}. ${item.title}`}
              </Heading>
              <Paragraph data-size="sm">
                {t('report.itemLine', {
                  status: t(`status.${item.status}`),
                  owner: item.owner ? item.owner.name : t('mandate.noOwner'),
                  due: formatDate(item.dueDate),
                })}
              </Paragraph>
              {item.cases.length === 0 && <Paragraph>{t('report.noCases')}</Paragraph>}
              {item.cases.map((c) => (
                <article key={c.id} className="panel">
                  <Heading level={3} data-size="xs">
                    <Link asChild>
                      <RouterLink to={paths.case(c.id)}>{`${c.number} ${c.title}`}</RouterLink>
                    </Link>{' '}
                    <span className="muted">({t(`caseStatus.${c.status}`)})</span>
                  </Heading>
                  {c.exemptBasis && <Paragraph data-size="sm">{t('report.withheld', { basis: c.exemptBasis })}</Paragraph>}
                  {c.decisions.length === 0 && <Paragraph data-size="sm">{t('report.noDecisions')}</Paragraph>}
                  {c.decisions.map((d) => (
                    <div key={d.id} className="stack">
                      <Heading level={4} data-size="2xs">
                        {t('report.decision', { body: d.body, committeeNumber: d.committeeNumber ?? '', date: formatDate(d.decidedOn) })}
                      </Heading>
                      {d.text !== null && <Paragraph className="prewrap">{d.text}</Paragraph>}
                      {d.text !== null && d.tasks.length === 0 && <Paragraph data-size="sm">{t('report.noTasks')}</Paragraph>}
                      {d.tasks.length > 0 && (
                        <ScrollBox label={t('report.tasksCaption', { body: d.body })}>
                          <Table className="full-width">
                            <caption>{t('report.tasksCaption', { body: d.body })}</caption>
                            <Table.Head>
                              <Table.Row>
                                <Table.HeaderCell>{t('followUp.task')}</Table.HeaderCell>
                                <Table.HeaderCell>{t('followUp.owner')}</Table.HeaderCell>
                                <Table.HeaderCell>{t('followUp.due')}</Table.HeaderCell>
                                <Table.HeaderCell>{t('followUp.status')}</Table.HeaderCell>
                              </Table.Row>
                            </Table.Head>
                            <Table.Body>
                              {d.tasks.map((task) => (
                                <Table.Row key={task.id}>
                                  <Table.Cell>{task.title}</Table.Cell>
                                  <Table.Cell>{task.owner?.name ?? t('mandate.noOwner')}</Table.Cell>
                                  <Table.Cell>{formatDate(task.dueDate)}</Table.Cell>
                                  <Table.Cell>
                                    {t(`followUp.statuses.${task.status}`)}
                                    {task.late && ` – ${t('mandate.late')}`}
                                  </Table.Cell>
                                </Table.Row>
                              ))}
                            </Table.Body>
                          </Table>
                        </ScrollBox>
                      )}
                    </div>
                  ))}
                </article>
              ))}
            </section>
          ))}
        </>
      )}
    </>
  );
}
