import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { usePublicMunicipalities } from '../../features/innsyn/api.js';

/** Innsyn without an account: the municipalities on this installation, each with its public registers. */
export default function InnsynPage() {
  const { t } = useTranslation();
  const { data, isPending, error, refetch } = usePublicMunicipalities();
  return (
    <>
      <PageHeading title={t('innsyn.title')}>{t('innsyn.title')}</PageHeading>
      <Paragraph>{t('innsyn.intro')}</Paragraph>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      <ul className="card-list card-list--single">
        {data?.municipalities.map((m) => (
          <li key={m.slug}>
            <Card>
              <Heading level={2} data-size="xs">
                <Link asChild>
                  <RouterLink to={paths.innsynHome(m.slug)}>{m.name}</RouterLink>
                </Link>
              </Heading>
              <Paragraph data-size="sm">{t('innsyn.municipalityHint')}</Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
