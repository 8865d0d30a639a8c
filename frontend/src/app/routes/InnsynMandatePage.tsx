import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { usePublicMandates } from '../../features/innsyn/api.js';
import { InnsynNav } from '../../features/innsyn/InnsynNav.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { useInnsynLanguage } from '../useInnsynLanguage.js';

/** The mandate and its progress: each item's status and due date, its public cases and its input rounds. */
export default function InnsynMandatePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  useInnsynLanguage(slug);
  const { data, isPending, error, refetch } = usePublicMandates(slug);
  return (
    <>
      <PageHeading title={t('innsyn.mandateTitle')}>{t('innsyn.mandateTitle')}</PageHeading>
      <InnsynNav slug={slug} />
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {data?.mandates.length === 0 && <Paragraph>{t('innsyn.noMandate')}</Paragraph>}
      {data?.mandates.map((m) => (
        <section key={m.id} aria-labelledby={`mandat-${m.id}`}>
          <Heading level={2} data-size="sm" id={`mandat-${m.id}`}>
            {m.title}
          </Heading>
          {m.description && <Paragraph className="prewrap">{m.description}</Paragraph>}
          <ol className="card-list card-list--single">
            {m.items.map((i) => (
              <li key={i.id} id={`punkt-${i.id}`}>
                <Card>
                  <Heading level={3} data-size="xs">
                    {`${i.number}. ${i.title}`}
                  </Heading>
                  <Paragraph data-size="sm">
                    <Tag data-color={i.status === 'done' ? 'success' : i.late ? 'danger' : 'info'}>{t(`status.${i.status}`)}</Tag>
                    {i.dueDate && ` ${t('innsyn.due', { date: formatDate(i.dueDate) })}`}
                    {i.late && ` · ${t('innsyn.late')}`}
                  </Paragraph>
                  {i.description && <Paragraph className="prewrap">{i.description}</Paragraph>}
                  {i.cases.length > 0 && (
                    <ul aria-label={t('innsyn.itemCases')}>
                      {i.cases.map((c) => (
                        <li key={c.id}>
                          <Link asChild>
                            <RouterLink to={paths.innsynCase(slug, c.id)}>{`${t('innsyn.number')} ${c.number}: ${c.title}`}</RouterLink>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                  {i.rounds.length > 0 && (
                    <ul aria-label={t('innsyn.rounds')}>
                      {i.rounds.map((r) => (
                        <li key={r.id}>
                          <Link asChild>
                            <RouterLink to={paths.innsynRound(slug, r.id)}>{r.title}</RouterLink>
                          </Link>{' '}
                          ({t('innsyn.deadline', { date: formatDateTime(r.closesAt) })})
                        </li>
                      ))}
                    </ul>
                  )}
                </Card>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
