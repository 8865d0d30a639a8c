import { Link, Paragraph, Switch } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllocationResult } from '@samrad/shared/engine';
import { Link as RouterLink, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { Figure41Chart } from '../../features/allocation/Figure41Chart.js';
import { ResultTable } from '../../features/allocation/ResultTable.js';
import { usePublicScenario } from '../../features/innsyn/api.js';
import { InnsynNav } from '../../features/innsyn/InnsynNav.js';
import { useInnsynLanguage } from '../useInnsynLanguage.js';

/** An allocation scenario of a public case in innsyn: the stored result as the table and the chart (Figur 4-1). */
export default function InnsynScenarioPage() {
  const { t } = useTranslation();
  const { slug = '', id = '' } = useParams();
  useInnsynLanguage(slug);
  const { data: s, isPending, error, refetch } = usePublicScenario(slug, id);
  const [perPupil, setPerPupil] = useState(false);
  const title = s ? `${s.allocationTitle}: ${s.name}` : t('innsyn.scenario');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <InnsynNav slug={slug} />
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {s && (
        <div className="stack">
          <Paragraph>
            <Link asChild>
              <RouterLink to={paths.innsynCase(slug, s.case.id)}>{`${t('innsyn.number')} ${s.case.number}: ${s.case.title}`}</RouterLink>
            </Link>
            {` · ${t('innsyn.budgetYear', { year: s.budgetYear })}`}
            {s.adopted && ` · ${t('innsyn.adoptedScenario')}`}
          </Paragraph>
          <Switch label={t('allocation.showPerPupil')} checked={perPupil} onChange={(e) => setPerPupil(e.target.checked)} />
          <ResultTable result={s.result as AllocationResult} perPupil={perPupil} caption={s.name} />
          <Figure41Chart
            result={s.result as AllocationResult}
            title={t('allocation.chart')}
            description={t('allocation.chartDescription')}
            axisLabel={t('allocation.chartAxis')}
          />
        </div>
      )}
    </>
  );
}
