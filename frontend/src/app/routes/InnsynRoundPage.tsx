import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { usePublicRound } from '../../features/innsyn/api.js';
import { InnsynNav } from '../../features/innsyn/InnsynNav.js';
import { formatDateTime } from '../../i18n/index.js';
import { useInnsynLanguage } from '../useInnsynLanguage.js';

/** An input round in innsyn: its questions and the input published after the deadline, where the submitter agreed. */
export default function InnsynRoundPage() {
  const { t } = useTranslation();
  const { slug = '', id = '' } = useParams();
  useInnsynLanguage(slug);
  const { data: r, isPending, error, refetch } = usePublicRound(slug, id);
  return (
    <>
      <PageHeading title={r?.title ?? t('innsyn.round')}>{r?.title ?? t('innsyn.round')}</PageHeading>
      <InnsynNav slug={slug} />
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {r && (
        <>
          {r.case && (
            <Paragraph>
              <Link asChild>
                <RouterLink to={paths.innsynCase(slug, r.case.id)}>{`${t('innsyn.number')} ${r.case.number}: ${r.case.title}`}</RouterLink>
              </Link>
            </Paragraph>
          )}
          <Paragraph>{t('innsyn.deadline', { date: formatDateTime(r.closesAt) })}</Paragraph>
          {r.invitedBodies.length > 0 && <Paragraph>{t('innsyn.invited', { bodies: r.invitedBodies.join(', ') })}</Paragraph>}
          <Heading level={2} data-size="sm">
            {t('innsyn.questions')}
          </Heading>
          <Paragraph className="prewrap">{r.questions}</Paragraph>
          <Heading level={2} data-size="sm">
            {t('innsyn.publishedInput')}
          </Heading>
          <Paragraph data-size="sm">{r.publishAfterClose ? t('innsyn.publishRule') : t('innsyn.notPublished')}</Paragraph>
          {r.publishAfterClose && r.submissions.length === 0 && <Paragraph>{t('innsyn.noInput')}</Paragraph>}
          <ul className="card-list card-list--single">
            {r.submissions.map((s) => (
              <li key={s.id}>
                <Card>
                  <Heading level={3} data-size="xs">
                    {`${s.from} – ${formatDateTime(s.submittedAt)}`}
                  </Heading>
                  <Paragraph className="prewrap">{s.text}</Paragraph>
                  {s.outcome && <Paragraph>{`${t(`outcome.${s.outcome}`)}: ${s.reason ?? ''}`}</Paragraph>}
                </Card>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
