import { Card, Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { usePublicMeeting } from '../../features/innsyn/api.js';
import { InnsynNav } from '../../features/innsyn/InnsynNav.js';
import { PublicDocuments } from '../../features/innsyn/PublicDocuments.js';
import { formatDateTime } from '../../i18n/index.js';
import { useInnsynLanguage } from '../useInnsynLanguage.js';

/**
 * An open meeting: its published agenda (saksliste) and, once approved, item by item the protocol (an exempt case's
 * withheld), with the published møteinnkalling and møteprotokoll as PDF.
 */
export default function InnsynMeetingPage() {
  const { t } = useTranslation();
  const { slug = '', id = '' } = useParams();
  useInnsynLanguage(slug);
  const { data: m, isPending, error, refetch } = usePublicMeeting(slug, id);
  const title = m ? `${m.bodyName}: ${m.title}` : t('innsyn.meeting');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <InnsynNav slug={slug} />
      {isPending && <Loading />}
      {error && (
        <LoadError
          error={error}
          onRetry={() => void refetch()}
          back={{ to: paths.innsynMeetings(slug), label: t('innsyn.nav.meetings') }}
        />
      )}
      {m && (
        <div className="stack">
          <Paragraph>
            {formatDateTime(m.startsAt)}
            {m.place && ` · ${m.place}`}
          </Paragraph>
          <Paragraph>
            {m.minutesApprovedAt
              ? t('innsyn.minutesApproved', { date: formatDateTime(m.minutesApprovedAt) })
              : t('innsyn.minutesNotApproved')}
          </Paragraph>
          <PublicDocuments documents={m.documents} headingId="innsyn-meeting-documents" />
          <Heading level={2} data-size="sm">
            {t('innsyn.agenda')}
          </Heading>
          {!m.agendaPublished && <Paragraph>{t('innsyn.agendaNotYet')}</Paragraph>}
          <ol className="card-list card-list--single">
            {m.agenda.map((a) => (
              <li key={a.position}>
                <Card>
                  <Heading level={3} data-size="xs">
                    {a.committeeNumber ? `${a.committeeNumber} ` : ''}
                    <Link asChild>
                      <RouterLink
                        to={paths.innsynCase(slug, a.case.id)}
                      >{`${t('innsyn.number')} ${a.case.number}: ${a.case.title}`}</RouterLink>
                    </Link>
                  </Heading>
                  {a.exemptBasis && <Paragraph>{t('innsyn.exemptItem', { basis: a.exemptBasis })}</Paragraph>}
                  {a.minutes && (
                    <>
                      <Heading level={4} data-size="2xs">
                        {t('innsyn.minutes')}
                      </Heading>
                      <Paragraph className="prewrap">{a.minutes}</Paragraph>
                    </>
                  )}
                  {a.decision?.text && (
                    <>
                      <Heading level={4} data-size="2xs">
                        {t('innsyn.decisionText')}
                      </Heading>
                      <Paragraph className="prewrap">{a.decision.text}</Paragraph>
                    </>
                  )}
                </Card>
              </li>
            ))}
          </ol>
          {m.attendance.length > 0 && (
            <section aria-labelledby="innsyn-attendance">
              <Heading level={2} data-size="sm" id="innsyn-attendance">
                {t('innsyn.attendance')}
              </Heading>
              <ul>
                {m.attendance.map((a, i) => (
                  <li key={i}>
                    {a.name}: {t(`meetings.status.${a.status}`)}
                    {a.substituteName && ` (${a.substituteName})`}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {m.statements.length > 0 && (
            <section aria-labelledby="innsyn-statements">
              <Heading level={2} data-size="sm" id="innsyn-statements">
                {t('innsyn.statements')}
              </Heading>
              {m.statements.map((s, i) => (
                <Paragraph key={i} className="prewrap">
                  {s.union ? `${s.union}: ` : ''}
                  {s.text}
                </Paragraph>
              ))}
            </section>
          )}
        </div>
      )}
    </>
  );
}
