import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { AdoptionForm, Adoptions, Assessments } from '../../features/analysis/AdoptionAndAssessment.js';
import { useAnalysisTool, useAnalysisVersions, type SavingsInput, type ToolView } from '../../features/analysis/api.js';
import { PeersView, SavingsView, SfoView, StructureView } from '../../features/analysis/ResultViews.js';
import { PeersForm } from '../../features/analysis/PeersForm.js';
import { SfoForm } from '../../features/analysis/SfoForm.js';
import { StructureForm } from '../../features/analysis/StructureForm.js';
import { TargetsForm } from '../../features/analysis/TargetsForm.js';
import { AnalysisComments, MeasureForm } from '../../features/analysis/ToolForms.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { useCase } from '../../features/cases/api.js';
import { useMandate } from '../../features/mandates/api.js';
import { dateTimeFormat } from '../../i18n/index.js';
import { useUsers } from '../../features/users/api.js';

const dateTime = dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' });

function Result({ tool }: { tool: ToolView }) {
  switch (tool.kind) {
    case 'savings':
      return <SavingsView result={(tool as ToolView<'savings'>).result} measures={(tool.input as unknown as SavingsInput).measures} />;
    case 'sfo':
      return <SfoView result={(tool as ToolView<'sfo'>).result} />;
    case 'structure':
      return <StructureView result={(tool as ToolView<'structure'>).result} />;
    case 'peers':
      return <PeersView result={(tool as ToolView<'peers'>).result} />;
  }
}

/** The officer's forms for the tool's input: each saves the whole input as a new version, recomputed. */
function InputForms({
  tool,
  items,
  people,
  adopted,
}: {
  tool: ToolView;
  items: { id: string; number: number; title: string }[];
  people: { id: string; name: string; title: string }[];
  adopted: boolean;
}) {
  if (adopted && tool.kind !== 'savings') return null;
  switch (tool.kind) {
    case 'savings':
      return (
        <>
          {!adopted && <TargetsForm tool={tool as ToolView<'savings'>} />}
          <MeasureForm tool={tool as ToolView<'savings'>} items={items} people={people} />
        </>
      );
    case 'sfo':
      return <SfoForm tool={tool as ToolView<'sfo'>} />;
    case 'structure':
      return <StructureForm tool={tool as ToolView<'structure'>} />;
    case 'peers':
      return <PeersForm tool={tool as ToolView<'peers'>} />;
  }
}

/** One tool of the workbench: its result, the officer's editing, versions, comments and the XLSX export. */
export default function AnalysisToolPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data: me } = useMe();
  const officer = hasRole(me, 'case_officer');
  const canComment = officer || hasRole(me, 'member');
  const { data: tool, isPending, error, refetch } = useAnalysisTool(id);
  const versions = useAnalysisVersions(id);
  const mandate = useMandate();
  const kase = useCase(officer ? (tool?.caseId ?? '') : '');
  const users = useUsers(officer);
  const people = (users.data?.users ?? []).filter((u) => u.status !== 'disabled');
  const items = (mandate.data?.items ?? []).map((i) => ({ id: i.id, number: i.number, title: i.title }));
  if (isPending) return <Loading />;
  if (error || !tool) return <LoadError error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <PageHeading title={tool.title}>{tool.title}</PageHeading>
      <Paragraph>
        <Link asChild>
          <RouterLink to={paths.analysis}>{t('analysis.back')}</RouterLink>
        </Link>
      </Paragraph>
      <Paragraph data-size="sm">
        {t(`analysis.kinds.${tool.kind}`)} ·{' '}
        <Link asChild>
          <RouterLink to={paths.case(tool.caseId)}>{t('analysis.caseLine', { number: tool.caseNumber, title: tool.caseTitle })}</RouterLink>
        </Link>{' '}
        ·{' '}
        {tool.mandateItem
          ? t('analysis.itemLine', { number: tool.mandateItem.number, title: tool.mandateItem.title })
          : t('analysis.noItem')}
      </Paragraph>
      <Paragraph data-size="sm">
        {t('analysis.versionLine', { version: tool.version, date: dateTime.format(new Date(tool.updatedAt)) })} ·{' '}
        <Link href={`/api/analysis-tools/${tool.id}/export.xlsx`} download>
          {t('analysis.exportXlsx')}
        </Link>
      </Paragraph>
      <Result tool={tool} />
      <Adoptions tool={tool} />
      <Assessments tool={tool} />
      {officer && <AdoptionForm tool={tool} decisions={kase.data?.decisions ?? []} />}
      {/* An adopted scenario is read-only (the server refuses a change). */}
      {officer && <InputForms tool={tool} items={items} people={people} adopted={tool.adoptions.some((a) => a.measureId === null)} />}
      <AnalysisComments tool={tool} canComment={canComment} />
      <section aria-labelledby="versions-h">
        <Heading level={2} data-size="sm" id="versions-h">
          {t('analysis.versions')}
        </Heading>
        <ul>
          {versions.data?.versions.map((v) => (
            <li key={v.version}>
              {t('analysis.versionItem', {
                version: v.version,
                date: dateTime.format(new Date(v.createdAt)),
                author: v.author ? `, ${v.author}` : '',
              })}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
