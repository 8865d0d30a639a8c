import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useAllocationCases } from '../../features/allocation/api.js';

export default function AllocationListPage() {
  const { t } = useTranslation();
  const { data, isPending, error, refetch } = useAllocationCases();
  return (
    <>
      <PageHeading title={t('allocation.title')}>{t('allocation.title')}</PageHeading>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {data?.allocationCases.length === 0 && <Paragraph>{t('allocation.none')}</Paragraph>}
      <ul className="card-list">
        {data?.allocationCases.map((a) => (
          <li key={a.id}>
            <Card>
              <Heading level={2} data-size="xs">
                <Link asChild>
                  <RouterLink to={`/fordeling/${a.id}`}>{a.title}</RouterLink>
                </Link>
              </Heading>
              <Paragraph data-size="sm">{t('allocation.budgetYear', { year: a.budgetYear })}</Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
