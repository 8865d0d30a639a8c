import { Card, Heading, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { ToolStateList } from '../../features/analysis/ToolStates.js';
import { useMe } from '../../features/auth/api.js';
import { useMandate } from '../../features/mandates/api.js';
import { useTasks } from '../../features/tasks/api.js';
import { StatusTag } from '../../features/mandates/StatusTag.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';

/** The start page: what the logged-in person is part of and responsible for. */
export default function TasksPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const mandate = useMandate();
  const tasks = useTasks();
  const timeLeft = (iso: string) => {
    const ms = new Date(iso).getTime() - Date.now();
    const days = Math.floor(ms / 86400000);
    const hours = Math.floor((ms % 86400000) / 3600000);
    return days > 0 ? t('tasks.leftDays', { days, hours }) : t('tasks.leftHours', { hours, minutes: Math.floor((ms % 3600000) / 60000) });
  };

  const items = mandate.data?.items ?? [];
  const mine = items.filter((i) => i.owner?.id === me?.id);
  const late = items.filter((i) => i.late);
  const withTools = items.filter((i) => i.work.tools.length > 0);
  return (
    <>
      <PageHeading title={t('tasks.title')}>{t('tasks.title')}</PageHeading>
      <Paragraph>{t('tasks.greeting', { name: me?.name ?? '' })}</Paragraph>
      {!!tasks.data?.unreadNotifications && (
        <Paragraph>
          <Link asChild>
            <RouterLink to={paths.notifications}>{t('tasks.unread', { count: tasks.data.unreadNotifications })}</RouterLink>
          </Link>
        </Paragraph>
      )}
      <section aria-labelledby="open-rounds">
        <Heading level={2} data-size="sm" id="open-rounds">
          {t('tasks.openRounds')}
        </Heading>
        {tasks.isPending && <Loading />}
        {tasks.error && <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />}
        {tasks.data?.openRounds.length === 0 && <Paragraph>{t('tasks.noOpenRounds')}</Paragraph>}
        <ul className="card-list">
          {tasks.data?.openRounds.map((r) => (
            <li key={`${r.id}-${r.body?.id ?? 'me'}`}>
              <Card>
                <Paragraph>
                  <Link asChild>
                    <RouterLink to={paths.round(r.id)}>{r.title}</RouterLink>
                  </Link>
                </Paragraph>
                <Paragraph data-size="sm">
                  {r.body ? t('tasks.onBehalfOf', { body: r.body.name }) : t('tasks.personallyInvited')} ·{' '}
                  {t(`invitationStatus.${r.status}`)}
                </Paragraph>
                <Paragraph data-size="sm">
                  {t('tasks.deadline', { date: formatDateTime(r.deadline) })} · {t('tasks.timeLeft', { left: timeLeft(r.deadline) })}
                </Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      </section>
      <div className="grid">
        <section aria-labelledby="next-meetings">
          <Heading level={2} data-size="sm" id="next-meetings">
            {t('tasks.nextMeetings')}
          </Heading>
          {tasks.data?.meetings.length === 0 && <Paragraph>{t('tasks.noMeetings')}</Paragraph>}
          <ul>
            {tasks.data?.meetings.map((m) => (
              <li key={m.id}>
                <Link asChild>
                  <RouterLink to={paths.meeting(m.id)}>{`${m.bodyName}: ${m.title}`}</RouterLink>
                </Link>{' '}
                – {formatDateTime(m.startsAt)}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="recent-decisions">
          <Heading level={2} data-size="sm" id="recent-decisions">
            {t('tasks.recentDecisions')}
          </Heading>
          {tasks.data?.decisions.length === 0 && <Paragraph>{t('tasks.noDecisions')}</Paragraph>}
          <ul>
            {tasks.data?.decisions.map((d) => (
              <li key={d.id}>
                <Link asChild>
                  <RouterLink to={paths.case(d.case.id)}>{d.case.title}</RouterLink>
                </Link>{' '}
                – {d.bodyName} {d.committeeNumber ?? ''}, {formatDate(d.decidedOn)}
              </li>
            ))}
          </ul>
        </section>
        {!!tasks.data?.casesToReview?.length && (
          <section aria-labelledby="to-review">
            <Heading level={2} data-size="sm" id="to-review">
              {t('tasks.toReview')}
            </Heading>
            <ul>
              {tasks.data.casesToReview.map((c) => (
                <li key={c.id}>
                  <Link asChild>
                    <RouterLink to={paths.case(c.id)}>{`${c.number} ${c.title}`}</RouterLink>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        {!!tasks.data?.awaitingDisposition?.length && (
          <section aria-labelledby="awaiting">
            <Heading level={2} data-size="sm" id="awaiting">
              {t('tasks.awaiting')}
            </Heading>
            <ul>
              {tasks.data.awaitingDisposition.map((s) => (
                <li key={s.submissionId}>
                  <Link asChild>
                    <RouterLink to={paths.round(s.roundId)}>{s.title}</RouterLink>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        {!!tasks.data?.followUps.length && (
          <section aria-labelledby="my-follow-ups">
            <Heading level={2} data-size="sm" id="my-follow-ups">
              {t('tasks.myFollowUps')}
            </Heading>
            <ul>
              {tasks.data.followUps.map((f) => (
                <li key={f.id}>
                  <Link asChild>
                    <RouterLink to={paths.case(f.case.id)}>{f.title}</RouterLink>
                  </Link>{' '}
                  – {t('tasks.followUpOf', { case: `${f.case.number} ${f.case.title}` })}, {t('mandate.due')}: {formatDate(f.dueDate)}{' '}
                  <span className="tags">
                    <Tag data-color="neutral">{t(`followUp.statuses.${f.status}`)}</Tag>
                    {f.late && <Tag data-color="danger">{t('mandate.late')}</Tag>}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}
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
                    <Link asChild>
                      <RouterLink to={paths.mandateItem(i.id)}>{`${i.number}. ${i.title}`}</RouterLink>
                    </Link>
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
        <section aria-labelledby="item-tools">
          <Heading level={2} data-size="sm" id="item-tools">
            {t('analysisLinks.startHeading')}
          </Heading>
          {!mandate.isPending && !withTools.length && <Paragraph>{t('analysisLinks.startNone')}</Paragraph>}
          <ul className="card-list">
            {withTools.map((i) => (
              <li key={i.id}>
                <Card>
                  <Paragraph>
                    <Link asChild>
                      <RouterLink to={paths.mandateItem(i.id)}>
                        {t('analysisLinks.itemLine', { number: i.number, title: i.title })}
                      </RouterLink>
                    </Link>
                  </Paragraph>
                  <ToolStateList tools={i.work.tools} />
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
                  <Link asChild>
                    <RouterLink to={paths.mandateItem(i.id)}>{`${i.number}. ${i.title}`}</RouterLink>
                  </Link>{' '}
                  – {formatDate(i.dueDate)} <StatusTag item={i} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
