import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { useCase } from '../../features/cases/api.js';
import { useInputTable } from '../../features/inputs/api.js';
import { InputTable } from '../../features/inputs/InputTable.js';

/** «Innspill og behandling» of one case: every input its reader may see, with how each was handled. */
export default function InputsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const officer = hasRole(me, 'case_officer');
  const summary = useInputTable(id);
  // The sections an input may have changed (only officers dispose, and they read every case).
  const kase = useCase(officer ? id : '');
  const title = summary.data ? t('inputs.pageTitle', { number: summary.data.case.number }) : t('inputs.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph className="no-print">
        <Link asChild>
          <RouterLink to={paths.case(id)}>{t('inputs.backToCase')}</RouterLink>
        </Link>
      </Paragraph>
      {summary.isPending && <Loading />}
      {summary.error && <LoadError error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.data && (
        <>
          <Paragraph>
            <strong>{summary.data.case.title}</strong>
          </Paragraph>
          <Paragraph>{t('inputs.count', { handled: summary.data.handled, total: summary.data.total })}</Paragraph>
          <InputTable caseId={id} items={summary.data.items} officer={officer} sections={kase.data?.sections ?? []} />
        </>
      )}
    </>
  );
}
