import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import { ANALYSIS_KINDS } from '@samrad/shared/contracts';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { useAnalysisTools } from '../../features/analysis/api.js';
import { CreateToolForm } from '../../features/analysis/ToolForms.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { useCases } from '../../features/cases/api.js';
import { useMandate } from '../../features/mandates/api.js';

/** The analysis workbench: the four tools, each under its case and mandate item; officers create new ones. */
export default function AnalysisPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const officer = hasRole(me, 'case_officer');
  const { data, isPending, error, refetch } = useAnalysisTools();
  const cases = useCases();
  const mandate = useMandate();
  return (
    <>
      <PageHeading title={t('analysis.title')}>{t('analysis.title')}</PageHeading>
      <Paragraph>{t('analysis.intro')}</Paragraph>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {data?.tools.length === 0 && <Paragraph>{t('analysis.none')}</Paragraph>}
      {ANALYSIS_KINDS.map((kind) => {
        const tools = data?.tools.filter((x) => x.kind === kind) ?? [];
        if (tools.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`kind-${kind}`}>
            <Heading level={2} data-size="sm" id={`kind-${kind}`}>
              {t(`analysis.kinds.${kind}`)}
            </Heading>
            <ul className="card-list">
              {tools.map((tool) => (
                <li key={tool.id}>
                  <Card>
                    <Heading level={3} data-size="xs">
                      <Link asChild>
                        <RouterLink to={paths.analysisTool(tool.id)}>{tool.title}</RouterLink>
                      </Link>
                    </Heading>
                    <Paragraph data-size="sm">{t('analysis.caseLine', { number: tool.caseNumber, title: tool.caseTitle })}</Paragraph>
                    <Paragraph data-size="sm">
                      {tool.mandateItem
                        ? t('analysis.itemLine', { number: tool.mandateItem.number, title: tool.mandateItem.title })
                        : t('analysis.noItem')}
                    </Paragraph>
                  </Card>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {officer && (
        <CreateToolForm
          cases={(cases.data?.cases ?? []).map((c) => ({ id: c.id, number: c.number, title: c.title }))}
          items={(mandate.data?.items ?? []).map((i) => ({ id: i.id, number: i.number, title: i.title }))}
          onCreated={(id) => void navigate(paths.analysisTool(id))}
        />
      )}
    </>
  );
}
