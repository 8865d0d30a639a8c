import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { useBodies } from '../../features/bodies/api.js';
import { NewBodyForm } from '../../features/bodies/BodyAdmin.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { formatDate } from '../../i18n/index.js';

export default function BodiesPage() {
  const { t } = useTranslation();
  const { data, isPending, error, refetch } = useBodies();
  const { data: me } = useMe();
  return (
    <>
      <PageHeading title={t('bodies.title')}>{t('bodies.title')}</PageHeading>
      <Paragraph>{t('bodies.intro')}</Paragraph>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {data?.bodies.length === 0 && <Paragraph>{t('bodies.noBodies')}</Paragraph>}
      <ul className="card-list">
        {data?.bodies.map((b) => (
          <li key={b.id}>
            <Card>
              <Heading level={2} data-size="sm">
                <Link asChild>
                  <RouterLink to={paths.body(b.id)}>{b.name}</RouterLink>
                </Link>
              </Heading>
              <Paragraph>
                <Tag data-color="neutral">{t(`bodyKind.${b.kind}`)}</Tag>{' '}
                {b.closedOn && (
                  <>
                    <Tag data-color="warning">{t('bodies.closedOn', { date: formatDate(b.closedOn) })}</Tag>{' '}
                  </>
                )}
                {t('bodies.memberCount', { count: b.memberCount })}
              </Paragraph>
              <Paragraph data-size="sm">{b.description}</Paragraph>
            </Card>
          </li>
        ))}
      </ul>
      {hasRole(me, 'case_officer') && data && <NewBodyForm bodies={data.bodies.filter((b) => !b.closedOn)} />}
    </>
  );
}
