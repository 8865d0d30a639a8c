import { Details, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { paths } from '../../config/paths.js';
import { ContinuousInputForm } from '../../features/inputs/ContinuousInputForm.js';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { useBodies } from '../../features/bodies/api.js';
import { AccessTag } from '../../features/cases/AccessTag.js';
import { useCase, useCaseAttachments, useInputSummary } from '../../features/cases/api.js';
import { CaseComments } from '../../features/cases/CaseComments.js';
import { CaseEditDetails } from '../../features/cases/CaseEditForm.js';
import { CaseReferenceList } from '../../features/cases/CaseReferences.js';
import { useMandate } from '../../features/mandates/api.js';
import { CaseHistory } from '../../features/cases/CaseHistory.js';
import { CaseLifecycle } from '../../features/cases/CaseLifecycle.js';
import { CaseStatements } from '../../features/meetings/CaseStatements.js';
import { CaseImpartiality } from '../../features/meetings/CaseImpartiality.js';
import { AccessForm, NewAllocationCaseForm, NewRoundForm, RecordForm, RouteForm } from '../../features/cases/OfficerForms.js';
import { useAllocationCases } from '../../features/allocation/api.js';
import { SectionEditor } from '../../features/cases/SectionEditor.js';
import { AttachmentList } from '../../components/AttachmentList.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { useUsers } from '../../features/users/api.js';
import { FollowUpPanel } from '../../features/follow-ups/FollowUpPanel.js';
import { keys } from '../../lib/query-keys.js';
import { CaseDocuments } from '../../features/documents/CaseDocuments.js';

export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const officer = hasRole(me, 'case_officer');
  const { data: kase, isPending, error, refetch } = useCase(id);
  const bodies = useBodies();
  const summary = useInputSummary(id);
  const allocations = useAllocationCases();
  const attachments = useCaseAttachments(id);
  const users = useUsers(officer);
  const mandate = useMandate();
  const navigate = useNavigate();
  const allocation = allocations.data?.allocationCases.find((a) => a.caseId === id);
  const title = kase ? `${t('cases.number')} ${kase.number}: ${kase.title}` : t('cases.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} back={{ to: paths.cases, label: t('cases.toCases') }} />}
      {kase && (
        <>
          <Paragraph className="tags">
            <AccessTag access={kase.access} legalBasis={kase.legalBasis} />
            <Tag data-color="info">
              {kase.phase.body ? t('lifecycle.beforeBody', { body: kase.phase.body.name }) : t(`caseStatus.${kase.status}`)}
            </Tag>
            {kase.mandateItem && (
              <span className="muted">{`${t('cases.mandateItem')} ${kase.mandateItem.number}: ${kase.mandateItem.title}`}</span>
            )}
          </Paragraph>
          <CaseReferenceList references={kase.references} />
          {officer && <CaseEditDetails kase={kase} mandateItems={mandate.data?.items ?? []} />}
          {officer && (
            <Details>
              <Details.Summary>{t('cases.accessSection')}</Details.Summary>
              <Details.Content>
                <AccessForm kase={kase} />
              </Details.Content>
            </Details>
          )}
          <CaseLifecycle kase={kase} />
          <section aria-labelledby="doc-h">
            <Heading level={2} data-size="sm" id="doc-h">
              {t('cases.document')}
            </Heading>
            {kase.sections.map((s) => (
              <SectionEditor key={s.id} caseId={kase.id} section={s} canEdit={officer} />
            ))}
          </section>
          <section aria-labelledby="attachments-h">
            <Heading level={2} data-size="sm" id="attachments-h">
              {t('attachments.title')}
            </Heading>
            {attachments.data && (
              <AttachmentList
                attachments={attachments.data.attachments}
                label={t('attachments.title')}
                queryKey={keys.cases.attachments(id)}
                uploadPath={officer ? `/api/cases/${id}/attachments` : undefined}
                canRemove={officer}
                publicity
              />
            )}
          </section>
          <CaseDocuments caseId={kase.id} />
          <section aria-labelledby="route-h">
            <Heading level={2} data-size="sm" id="route-h">
              {t('cases.route')}
            </Heading>
            <Table>
              <caption className="visually-hidden">{t('cases.route')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('cases.body')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('cases.committeeNumber')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('cases.meetingDate')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {kase.route.map((r) => (
                  <Table.Row key={r.bodyId}>
                    <Table.Cell>{r.bodyName}</Table.Cell>
                    <Table.Cell>{r.committeeNumber ?? '–'}</Table.Cell>
                    <Table.Cell>{formatDate(r.meetingDate) || '–'}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            {officer && bodies.data && <RouteForm kase={kase} bodies={bodies.data.bodies} />}
          </section>
          <section aria-labelledby="alloc-h">
            <Heading level={2} data-size="sm" id="alloc-h">
              {t('cases.allocation')}
            </Heading>
            {allocation ? (
              <Link asChild>
                <RouterLink to={`/fordeling/${allocation.id}`}>{allocation.title}</RouterLink>
              </Link>
            ) : officer ? (
              <NewAllocationCaseForm caseId={kase.id} onCreated={(a) => navigate(`/fordeling/${a}`)} />
            ) : (
              <Paragraph>–</Paragraph>
            )}
          </section>
          <section aria-labelledby="rounds-h">
            <Heading level={2} data-size="sm" id="rounds-h">
              {t('cases.rounds')}
            </Heading>
            {kase.rounds.length === 0 && <Paragraph>{t('cases.noRounds')}</Paragraph>}
            <ul>
              {kase.rounds.map((r) => (
                <li key={r.id}>
                  <Link asChild>
                    <RouterLink to={`/innspill/${r.id}`}>{r.title}</RouterLink>
                  </Link>{' '}
                  – {t('rounds.deadline', { date: formatDateTime(r.closesAt) })}{' '}
                  <Tag data-color={r.open ? 'success' : 'neutral'}>{r.open ? t('cases.open') : t('cases.closed')}</Tag>
                </li>
              ))}
            </ul>
            {officer && bodies.data && <NewRoundForm caseId={kase.id} bodies={bodies.data.bodies} users={users.data?.users ?? []} />}
          </section>
          <section aria-labelledby="summary-h">
            <Heading level={2} data-size="sm" id="summary-h">
              {t('cases.summary')}
            </Heading>
            {summary.data && <Paragraph>{t('cases.summaryCount', { handled: summary.data.handled, total: summary.data.total })}</Paragraph>}
            <Link asChild>
              <RouterLink to={paths.caseInputs(kase.id)}>{t('inputs.openTable')}</RouterLink>
            </Link>
          </section>
          {hasRole(me, 'member') && me && <ContinuousInputForm scope={{ caseId: kase.id }} bodies={me.memberships} />}
          <section aria-labelledby="rec-h">
            <Heading level={2} data-size="sm" id="rec-h">
              {t('cases.recommendations')} {t('app.and')} {t('cases.decisions').toLowerCase()}
            </Heading>
            {kase.recommendations.map((r) => (
              <article key={r.id} className="panel">
                <Heading level={3} data-size="xs">{`${t('cases.recommendations')} – ${r.bodyName}`}</Heading>
                <Paragraph className="prewrap">{r.text}</Paragraph>
              </article>
            ))}
            {kase.decisions.map((d) => (
              <article key={d.id} className="panel">
                <Heading
                  level={3}
                  data-size="xs"
                >{`${t('cases.decisions')} – ${d.bodyName} ${d.committeeNumber ?? ''} (${formatDate(d.decidedOn)})`}</Heading>
                <Paragraph className="prewrap">{d.text}</Paragraph>
                {d.openInputReason && (
                  <Paragraph className="prewrap">{t('lifecycle.openInputReason', { reason: d.openInputReason })}</Paragraph>
                )}
              </article>
            ))}
            {officer && kase.route.length > 0 && (
              <>
                <RecordForm kase={kase} kind="recommendation" />
                {/* A vedtak is made by the body the case is before (the lifecycle refuses it otherwise). */}
                {kase.status === 'before_body' && <RecordForm kase={kase} kind="decision" />}
              </>
            )}
          </section>
          <FollowUpPanel caseId={kase.id} officer={officer} people={users.data?.users} />
          <CaseStatements caseId={kase.id} />
          <CaseImpartiality caseId={kase.id} officer={officer} />
          <CaseComments caseId={kase.id} sections={kase.sections} canComment={hasRole(me, 'member') || officer} />
          {officer && <CaseHistory caseId={kase.id} />}
        </>
      )}
    </>
  );
}
