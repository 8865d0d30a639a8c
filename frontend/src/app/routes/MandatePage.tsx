import { Alert, Details, Heading, Link, Paragraph, Table } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import type { Answer } from '@samrad/shared/contracts';
import { useEffect } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { paths } from '../../config/paths.js';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { ToolStateList } from '../../features/analysis/ToolStates.js';
import { useBodies } from '../../features/bodies/api.js';
import { useMandate, type MandateItemView } from '../../features/mandates/api.js';
import { ItemActions, MandateForm, MandateItemForm } from '../../features/mandates/MandateForms.js';
import { MandateItemInput } from '../../features/inputs/ContinuousInputForm.js';
import { useUsers } from '../../features/users/api.js';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';
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

/** The decisions register as options for the vedtak that adopted the mandate (officers only). */
function useDecisionOptions(enabled: boolean) {
  return useQuery({
    queryKey: keys.decisions.search(''),
    queryFn: () => api<Answer<'GET /api/decisions'>>('/api/decisions'),
    enabled,
  });
}

export default function MandatePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const officer = hasRole(me, 'case_officer');
  const { data: mandate, isPending, error, refetch } = useMandate();
  const bodies = useBodies();
  const users = useUsers(officer);
  const decisions = useDecisionOptions(officer);
  const { hash } = useLocation();
  const people = users.data?.users ?? [];
  const bodyList = bodies.data?.bodies ?? [];
  const decisionOptions = (decisions.data?.decisions ?? []).map((d) => ({
    id: d.id,
    label: `${d.body.name} ${d.committeeNumber ?? ''} (${formatDate(d.decidedOn)}): ${d.case.number} ${d.case.title}`,
  }));
  // A link to an item (/mandat#punkt-<id>, from the start page) scrolls to it once the items are there.
  useEffect(() => {
    if (!mandate || !hash.startsWith('#punkt-')) return;
    document.getElementById(hash.slice(1))?.scrollIntoView?.({ block: 'center' });
  }, [mandate, hash]);
  const nextNumber = Math.max(0, ...(mandate?.items ?? []).map((i) => i.number)) + 1;
  return (
    <>
      <PageHeading title={t('mandate.title')}>{mandate?.title ?? t('mandate.title')}</PageHeading>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {mandate === null &&
        (officer ? (
          <>
            <Paragraph>{t('mandate.noneOfficer')}</Paragraph>
            <MandateForm bodies={bodyList} decisions={decisionOptions} />
          </>
        ) : (
          <Paragraph>{t('mandate.none')}</Paragraph>
        ))}
      {mandate && (
        <>
          <Paragraph className="prewrap">{mandate.description}</Paragraph>
          {mandate.adoptedDecision && (
            <Paragraph>
              {t('mandate.adoptedByDecision', {
                body: mandate.adoptedDecision.body,
                committeeNumber: mandate.adoptedDecision.committeeNumber ?? '',
                date: formatDate(mandate.adoptedDecision.decidedOn),
              })}{' '}
              <Link asChild>
                <RouterLink to={paths.case(mandate.adoptedDecision.case.id)}>
                  {`${mandate.adoptedDecision.case.number} ${mandate.adoptedDecision.case.title}`}
                </RouterLink>
              </Link>
            </Paragraph>
          )}
          {!mandate.adoptedDecision && mandate.adoptedBy && mandate.adoptedCaseNumber && (
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
          <Paragraph>
            <Link asChild>
              <RouterLink to={paths.mandateReport}>{t('mandate.reportLink')}</RouterLink>
            </Link>
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
          {mandate.items.length === 0 && <Paragraph>{officer ? t('mandate.noItemsOfficer') : t('mandate.noItems')}</Paragraph>}
          {mandate.items.length > 0 && (
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t('mandate.items')}>
              <Table className="full-width">
                <caption className="visually-hidden">{t('mandate.items')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('mandate.number')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('mandate.item')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('mandate.owner')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('mandate.due')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('mandate.status')}</Table.HeaderCell>
                    {officer && <Table.HeaderCell>{t('mandate.actions')}</Table.HeaderCell>}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {mandate.items.map((i, index) => (
                    <Table.Row key={i.id} id={`punkt-${i.id}`} className={i.late ? 'row--late' : undefined}>
                      <Table.Cell>{i.number}</Table.Cell>
                      <Table.Cell>
                        <strong>{i.title}</strong>
                        <div className="muted">{i.description}</div>
                        {i.work.tools.length > 0 && (
                          <section aria-label={t('analysisLinks.toolsOf', { title: i.title })} className="item-tools">
                            <Heading level={3} data-size="2xs">
                              {t('analysisLinks.heading')}
                            </Heading>
                            <ToolStateList tools={i.work.tools} />
                          </section>
                        )}
                        {i.work && <ItemWork work={i.work} title={i.title} />}
                        {me && hasRole(me, 'member') && <MandateItemInput mandateItemId={i.id} title={i.title} bodies={me.memberships} />}
                        {officer && (
                          <Details>
                            <Details.Summary>{t('mandate.form.editItemNamed', { title: i.title })}</Details.Summary>
                            <Details.Content>
                              <MandateItemForm mandateId={mandate.id} item={i} people={people} />
                            </Details.Content>
                          </Details>
                        )}
                      </Table.Cell>
                      <Table.Cell>
                        {i.owner ? (i.owner.title ? `${i.owner.name} (${i.owner.title})` : i.owner.name) : t('mandate.noOwner')}
                      </Table.Cell>
                      <Table.Cell>{formatDate(i.dueDate)}</Table.Cell>
                      <Table.Cell>
                        <StatusTag item={i} />
                      </Table.Cell>
                      {officer && (
                        <Table.Cell>
                          <ItemActions mandateId={mandate.id} items={mandate.items} index={index} />
                        </Table.Cell>
                      )}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          {officer && (
            <>
              <section aria-labelledby="new-item-h" className="panel narrow">
                <Heading level={2} data-size="sm" id="new-item-h">
                  {t('mandate.form.newItem')}
                </Heading>
                <MandateItemForm key={nextNumber} mandateId={mandate.id} people={people} nextNumber={nextNumber} />
              </section>
              <Details>
                <Details.Summary>{t('mandate.form.editTitle')}</Details.Summary>
                <Details.Content>
                  <MandateForm key={mandate.version} mandate={mandate} bodies={bodyList} decisions={decisionOptions} />
                </Details.Content>
              </Details>
            </>
          )}
        </>
      )}
    </>
  );
}
