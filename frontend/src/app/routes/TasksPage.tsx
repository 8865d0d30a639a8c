import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { useMe } from '../../features/auth/api.js';
import { useMandate } from '../../features/mandates/api.js';
import { StatusTag } from '../../features/mandates/StatusTag.js';
import { formatDate } from '../../i18n/index.js';

/** The start page: what the logged-in person is part of and responsible for. */
export default function TasksPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const mandate = useMandate();
  const items = mandate.data?.items ?? [];
  const mine = items.filter((i) => i.owner?.id === me?.id);
  const late = items.filter((i) => i.late);
  return (
    <>
      <PageHeading title={t('tasks.title')}>{t('tasks.title')}</PageHeading>
      <Paragraph>{t('tasks.greeting', { name: me?.name ?? '' })}</Paragraph>
      <div className="grid">
        <section aria-labelledby="my-bodies">
          <Heading level={2} data-size="sm" id="my-bodies">
            {t('tasks.myBodies')}
          </Heading>
          {me?.memberships.length ? (
            <ul>
              {me.memberships.map((m) => (
                <li key={`${m.bodyId}-${m.role}`}>
                  <Link asChild>
                    <RouterLink to={paths.body(m.bodyId)}>{m.bodyName}</RouterLink>
                  </Link>{' '}
                  – {t(`bodyRole.${m.role}`)}
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>{t('tasks.noBodies')}</Paragraph>
          )}
        </section>
        <section aria-labelledby="late-items">
          <Heading level={2} data-size="sm" id="late-items">
            {t('tasks.lateItems')}
          </Heading>
          {mandate.isPending && <Loading />}
          {mandate.error && <LoadError error={mandate.error} onRetry={() => void mandate.refetch()} />}
          {!mandate.isPending && !late.length && <Paragraph>{t('tasks.noLate')}</Paragraph>}
          <ul className="card-list">
            {late.map((i) => (
              <li key={i.id}>
                <Card>
                  <Paragraph>
                    <strong>
                      {i.number}. {i.title}
                    </strong>
                  </Paragraph>
                  <Paragraph data-size="sm">
                    {t('mandate.due')}: {formatDate(i.dueDate)} · {i.owner?.name ?? t('mandate.noOwner')}
                  </Paragraph>
                  <StatusTag item={i} />
                </Card>
              </li>
            ))}
          </ul>
        </section>
        {mine.length > 0 && (
          <section aria-labelledby="my-items">
            <Heading level={2} data-size="sm" id="my-items">
              {t('tasks.myItems')}
            </Heading>
            <ul>
              {mine.map((i) => (
                <li key={i.id}>
                  {i.number}. {i.title} – {formatDate(i.dueDate)} <StatusTag item={i} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
