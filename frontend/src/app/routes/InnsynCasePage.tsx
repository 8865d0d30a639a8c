import { Alert, Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { usePublicCase } from '../../features/innsyn/api.js';
import { InnsynNav } from '../../features/innsyn/InnsynNav.js';
import { PublicDocuments } from '../../features/innsyn/PublicDocuments.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { useInnsynLanguage } from '../useInnsynLanguage.js';

/** A public case in innsyn (sections, its public documents, route, innstilling, vedtak, rounds, meetings); an exempt one by its public title and basis. */
export default function InnsynCasePage() {
  const { t } = useTranslation();
  const { slug = '', id = '' } = useParams();
  useInnsynLanguage(slug);
  const { data: c, isPending, error, refetch } = usePublicCase(slug, id);
  const title = c ? `${t('innsyn.number')} ${c.number}: ${c.title}` : t('innsyn.caseTitle');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <InnsynNav slug={slug} />
      {isPending && <Loading />}
      {error && (
        <LoadError error={error} onRetry={() => void refetch()} back={{ to: paths.innsynHome(slug), label: t('innsyn.nav.cases') }} />
      )}
      {c?.exempt && (
        <Alert data-color="warning">
          <Paragraph>{t('innsyn.exemptCase', { basis: c.legalBasis ?? '' })}</Paragraph>
        </Alert>
      )}
      {c && !c.exempt && (
        <div className="stack">
          <Paragraph>
            {t('innsyn.status')}: {t(`caseStatus.${c.status}`)}
            {c.mandateItem && ` · ${t('innsyn.mandateItem', { number: c.mandateItem.number, title: c.mandateItem.title })}`}
          </Paragraph>
          <section aria-labelledby="innsyn-sections">
            <Heading level={2} data-size="sm" id="innsyn-sections">
              {t('innsyn.presentation')}
            </Heading>
            {c.sections.map((s) => (
              <div key={s.kind}>
                <Heading level={3} data-size="xs">
                  {t(`sectionKind.${s.kind}`)}
                </Heading>
                <Paragraph className="prewrap">{s.text || t('innsyn.emptySection')}</Paragraph>
              </div>
            ))}
          </section>
          <PublicDocuments documents={c.documents} headingId="innsyn-documents" />
          {c.route.length > 0 && (
            <section aria-labelledby="innsyn-route">
              <Heading level={2} data-size="sm" id="innsyn-route">
                {t('innsyn.route')}
              </Heading>
              <ol>
                {c.route.map((r, i) => (
                  <li key={i}>
                    {r.bodyName}
                    {r.committeeNumber && ` (${r.committeeNumber})`}
                    {r.meetingDate && ` – ${formatDate(r.meetingDate)}`}
                  </li>
                ))}
              </ol>
            </section>
          )}
          {c.recommendations.map((r, i) => (
            <section key={i} aria-label={t('innsyn.recommendation', { body: r.bodyName })}>
              <Heading level={2} data-size="sm">
                {t('innsyn.recommendation', { body: r.bodyName })}
              </Heading>
              <Paragraph className="prewrap">{r.text}</Paragraph>
            </section>
          ))}
          {c.decisions.map((d) => (
            <Card key={d.id}>
              <Heading level={2} data-size="sm">
                {t('innsyn.decision', { body: d.bodyName, number: d.committeeNumber ?? '', date: formatDate(d.decidedOn) })}
              </Heading>
              <Paragraph className="prewrap">{d.text}</Paragraph>
              {d.motions.length > 0 && (
                <ul aria-label={t('decisions.motions')}>
                  {d.motions.map((m, i) => (
                    <li key={i}>
                      {t('decisions.vote', {
                        motion: m.motion,
                        for: m.for,
                        against: m.against,
                        blank: m.blank,
                        result: m.adopted ? t('decisions.adopted') : t('decisions.rejected'),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          ))}
          {c.rounds.length > 0 && (
            <section aria-labelledby="innsyn-rounds">
              <Heading level={2} data-size="sm" id="innsyn-rounds">
                {t('innsyn.rounds')}
              </Heading>
              <ul>
                {c.rounds.map((r) => (
                  <li key={r.id}>
                    <Link asChild>
                      <RouterLink to={paths.innsynRound(slug, r.id)}>{r.title}</RouterLink>
                    </Link>{' '}
                    ({t('innsyn.deadline', { date: formatDateTime(r.closesAt) })})
                  </li>
                ))}
              </ul>
            </section>
          )}
          {c.scenarios.length > 0 && (
            <section aria-labelledby="innsyn-scenarios">
              <Heading level={2} data-size="sm" id="innsyn-scenarios">
                {t('innsyn.scenarios')}
              </Heading>
              <ul>
                {c.scenarios.map((s) => (
                  <li key={s.id}>
                    <Link asChild>
                      <RouterLink to={paths.innsynScenario(slug, s.id)}>{`${s.allocationTitle}: ${s.name}`}</RouterLink>
                    </Link>
                    {s.adopted && ` (${t('innsyn.adoptedScenario')})`}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {c.meetings.length > 0 && (
            <section aria-labelledby="innsyn-meetings">
              <Heading level={2} data-size="sm" id="innsyn-meetings">
                {t('innsyn.caseMeetings')}
              </Heading>
              <ul>
                {c.meetings.map((m) => (
                  <li key={m.id}>
                    <Link asChild>
                      <RouterLink to={paths.innsynMeeting(slug, m.id)}>{`${m.bodyName}: ${m.title}`}</RouterLink>
                    </Link>{' '}
                    ({formatDateTime(m.startsAt)})
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      )}
    </>
  );
}
