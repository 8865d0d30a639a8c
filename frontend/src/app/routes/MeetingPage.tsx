import { Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { api } from '../../lib/api.js';
import { when } from './MeetingsPage.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { useCases } from '../../features/cases/api.js';
import { useBody } from '../../features/bodies/api.js';
import { AgendaForms, MinutesForm } from '../../features/meetings/MeetingForms.js';
import { AttendanceForm } from '../../features/meetings/AttendanceForm.js';
import { ConferencePanel } from '../../features/meetings/ConferencePanel.js';
import { ItemProtocol } from '../../features/meetings/Protocol.js';
import { ProtocolApproval } from '../../features/meetings/ProtocolApproval.js';
import { StatementForm } from '../../features/meetings/StatementForm.js';
import { ImpartialityPanel, useMeetingImpartiality } from '../../features/meetings/ImpartialityPanel.js';
import { keys } from '../../lib/query-keys.js';
import type { Answer } from '@samrad/shared/contracts';

/** The meeting, as the API answers it (the shared response contract). */
type MeetingView = Answer<'GET /api/meetings/:id'>;

export default function MeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const {
    data: m,
    isPending,
    error,
    refetch,
  } = useQuery({ queryKey: keys.meetings.detail(id), queryFn: () => api<MeetingView>(`/api/meetings/${id}`) });
  const title = m ? `${m.body.name}: ${m.title}` : t('meetings.title');
  const { data: me } = useMe();
  const officer = hasRole(me, 'case_officer');
  const cases = useCases();
  const body = useBody(officer && m ? m.body.id : '');
  const impartiality = useMeetingImpartiality(id);
  /** Who met (members present, and the substitutes by name): the names dissens is recorded for. */
  // An approved protocol is locked: no form changes it until the officer reopens it.
  const locked = !!m?.minutesApproval;
  const met = (m?.attendance ?? []).flatMap((a) =>
    a.status === 'present' ? [a.name] : a.status === 'substitute' && a.substituteName ? [a.substituteName] : [],
  );
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {m && (
        <>
          <Paragraph>
            {m.kind !== 'ordinary' && <Tag data-color="info">{t(`meetings.kind.${m.kind}`)}</Tag>} {when(m.startsAt)} ·{' '}
            {m.place ?? m.videoLink} {!m.open && <Tag data-color="warning">{t('meetings.closedMeeting', { basis: m.closedBasis })}</Tag>}
          </Paragraph>
          {m.administrationPosition && <Paragraph className="prewrap">{m.administrationPosition}</Paragraph>}
          <section aria-labelledby="agenda-h">
            <Heading level={2} data-size="sm" id="agenda-h">
              {t('meetings.agenda')}
            </Heading>
            {m.agenda.length === 0 && <Paragraph>{t('meetings.noAgenda')}</Paragraph>}
            <ol>
              {m.agenda.map((a) => (
                <li key={a.id}>
                  <Link asChild>
                    <RouterLink to={`/saker/${a.case.id}`}>{`${a.committeeNumber ?? ''} ${a.case.title}`}</RouterLink>
                  </Link>
                  {a.minutes && (
                    <>
                      <Heading level={3} data-size="2xs">
                        {t('meetings.minutes')}
                      </Heading>
                      <Paragraph className="prewrap">{a.minutes}</Paragraph>
                    </>
                  )}
                  {a.exemptBasis && <Paragraph>{t('meetings.exempt', { basis: a.exemptBasis })}</Paragraph>}
                  {a.decision?.text && (
                    <Paragraph className="prewrap">
                      <strong>{t('cases.decisions')}:</strong> {a.decision.text}
                    </Paragraph>
                  )}
                  {a.decision?.openInputReason && (
                    <Paragraph className="prewrap">{t('lifecycle.openInputReason', { reason: a.decision.openInputReason })}</Paragraph>
                  )}
                  <ItemProtocol item={a} statements={m.statements} body={m.body.name} />
                  {impartiality.data && m.mayDecide && !a.exemptBasis && !locked && (
                    <ImpartialityPanel
                      meetingId={m.id}
                      item={{ id: a.id, title: a.case.title }}
                      data={impartiality.data}
                      voted={!!a.decision}
                    />
                  )}
                  {officer && !locked && !a.decision && (
                    <MinutesForm
                      meetingId={m.id}
                      itemId={a.id}
                      title={a.case.title}
                      decides={m.mayDecide ?? m.kind === 'ordinary'}
                      openInput={a.openInput ?? null}
                      names={a.eligibleVoters.length > 0 ? a.eligibleVoters.map((v) => v.name) : met}
                      voting={{ eligible: a.eligibleVoters, excluded: a.excludedVoters }}
                    />
                  )}
                </li>
              ))}
            </ol>
            {officer && !m.agendaPublished && (
              <Paragraph data-size="sm">
                {new Date(m.agendaDueAt) > new Date()
                  ? t('meetings.autoPublish', { date: when(m.agendaDueAt) })
                  : t('meetings.publishDue', { date: when(m.agendaDueAt) })}
              </Paragraph>
            )}
            {officer && !locked && (
              <AgendaForms meetingId={m.id} cases={(cases.data?.cases ?? []).filter((c) => c.readable)} published={m.agendaPublished} />
            )}
          </section>
          {m.conference && <ConferencePanel meetingId={m.id} conference={m.conference} agenda={m.agenda} officer={officer} />}
          {(m.attendance.length > 0 || (officer && m.kind !== 'school_conference')) && (
            <section aria-labelledby="att-h">
              <Heading level={2} data-size="sm" id="att-h">
                {t('meetings.attendance')}
              </Heading>
              {m.attendance.length === 0 && <Paragraph>{t('meetings.noAttendance')}</Paragraph>}
              <ul>
                {m.attendance.map((a) => (
                  <li key={a.userId}>
                    {a.status === 'substitute'
                      ? t('meetings.substituteFor', { name: a.substituteName, member: a.name })
                      : `${a.name}: ${t(`meetings.${a.status}`)}`}
                  </li>
                ))}
              </ul>
              {m.agenda.some((a) => a.excludedVoters.length > 0 || a.eligibleVoters.some((v) => v.substitute && !met.includes(v.name))) && (
                <ul aria-label={t('impartiality.heading')}>
                  {m.agenda.flatMap((a) => {
                    const label = a.committeeNumber ?? a.case.number;
                    return [
                      ...a.excludedVoters.map((x) => (
                        <li key={`${a.id}-${x.userId}`}>{t('impartiality.leftItem', { name: x.name, item: label })}</li>
                      )),
                      ...a.eligibleVoters
                        .filter((v) => v.substitute && !met.includes(v.name))
                        .map((v) => (
                          <li key={`${a.id}-${v.userId}-sub`}>{t('impartiality.substituteItem', { name: v.name, item: label })}</li>
                        )),
                    ];
                  })}
                </ul>
              )}
              {officer && !locked && body.data && (
                <AttendanceForm
                  meetingId={m.id}
                  members={body.data.members}
                  current={m.attendance}
                  agenda={m.agenda.map((a) => ({
                    id: a.id,
                    title: a.case.title,
                    committeeNumber: a.committeeNumber,
                    absences: a.absences,
                  }))}
                />
              )}
            </section>
          )}
          {m.statements.some((s) => !s.agendaItemId) && (
            <section aria-labelledby="st-h">
              <Heading level={2} data-size="sm" id="st-h">
                {t('meetings.statementsWholeMeeting')}
              </Heading>
              {m.statements
                .filter((s) => !s.agendaItemId)
                .map((s) => (
                  <Paragraph key={s.id} className="prewrap">
                    <strong>{`${s.union} (${s.author}):`}</strong> {s.text}
                  </Paragraph>
                ))}
            </section>
          )}
          {m.kind !== 'school_conference' && (
            <ProtocolApproval
              meetingId={m.id}
              approval={m.minutesApproval}
              officer={officer}
              held={m.agendaPublished && new Date(m.startsAt) <= new Date()}
            />
          )}
          {m.myStatementUnion && !locked && (
            <StatementForm
              meetingId={m.id}
              union={m.myStatementUnion}
              agenda={m.agenda.map((a) => ({ id: a.id, title: a.case.title, number: a.committeeNumber }))}
            />
          )}
        </>
      )}
    </>
  );
}
