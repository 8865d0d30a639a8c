import { Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from './api.js';

type Item = MeetingDetail['agenda'][number];
type Motion = NonNullable<Item['decision']>['motions'][number];

type T = ReturnType<typeof useTranslation>['t'];
const votes = (t: T, v: { for: number; against: number; blank: number }) =>
  t('meetings.protocol.voteLine', { for: v.for, against: v.against, blank: v.blank });

/** One motion in the protocol: who proposed it, its text, the votes (by party where recorded) and the outcome in words. */
function MotionEntry({ m, n }: { m: Motion; n: number }) {
  const { t } = useTranslation();
  const who = [m.proposedBy, m.party && `(${m.party})`].filter(Boolean).join(' ');
  return (
    <li>
      <Paragraph className="prewrap">
        <strong>{who ? t('meetings.protocol.motionBy', { n, who }) : t('meetings.protocol.motionN', { n })}:</strong> {m.motion}
      </Paragraph>
      <Paragraph data-size="sm">
        {votes(t, m)}{' '}
        <Tag data-color={m.adopted ? 'success' : 'neutral'}>
          {m.adopted ? t('meetings.protocol.wasAdopted') : t('meetings.protocol.notAdopted')}
        </Tag>
      </Paragraph>
      {m.byParty.length > 0 && (
        <ul aria-label={t('meetings.protocol.byPartyOf', { n })}>
          {m.byParty.map((p) => (
            <li key={p.party}>{`${p.party}: ${votes(t, p)}`}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Impartiality in the protocol: who declared what, the body's decision, who left and the substitute who took the seat. */
export function ImpartialityProtocol({ item, body }: { item: Item; body: string }) {
  const { t } = useTranslation();
  if (item.impartiality.length === 0) return null;
  return (
    <>
      <Heading level={4} data-size="2xs">
        {t('impartiality.heading')}
      </Heading>
      {item.impartiality.map((x, i) => (
        <Paragraph key={i}>
          {[
            t(x.declaredBy === 'self' ? 'impartiality.declaredSelf' : 'impartiality.declaredByOfficer', {
              name: x.name,
              basis: t(`impartiality.basis.${x.legalBasis}`),
              reason: x.reason,
            }) + (/[.!?]$/.test(x.reason) ? '' : '.'),
            x.decision === 'pending' ? t('impartiality.pending') : t('impartiality.decided', { body, text: x.decisionText ?? '' }),
            x.decision === 'disqualified' ? t('impartiality.left', { name: x.name }) : '',
            x.decision === 'not_disqualified' ? t('impartiality.stayed', { name: x.name }) : '',
            x.substituteName ? t('impartiality.substitute', { name: x.substituteName }) : '',
          ]
            .filter(Boolean)
            .join(' ')}
        </Paragraph>
      ))}
    </>
  );
}

/** An agenda item's protocol beyond the minutes: impartiality, the vote, dissens and who was not there for the case. */
export function ItemProtocol({ item, statements, body }: { item: Item; statements: MeetingDetail['statements']; body: string }) {
  const { t } = useTranslation();
  const motions = item.decision?.motions ?? [];
  const mine = statements.filter((s) => s.agendaItemId === item.id);
  return (
    <>
      <ImpartialityProtocol item={item} body={body} />
      {item.absences.length > 0 && (
        <Paragraph>
          {t('meetings.protocol.absentFromItem')}{' '}
          {item.absences.map((a) => `${a.name} (${t(`meetings.protocol.reason.${a.reason}`)}${a.note ? `: ${a.note}` : ''})`).join('; ')}
        </Paragraph>
      )}
      {motions.length > 0 && (
        <>
          <Heading level={4} data-size="2xs">
            {t('meetings.protocol.vote')}
          </Heading>
          <ol aria-label={t('meetings.protocol.voteOn', { title: item.case.title })}>
            {motions.map((m, i) => (
              <MotionEntry key={i} m={m} n={i + 1} />
            ))}
          </ol>
          {item.voters.length > 0 && (
            <Paragraph data-size="sm">{t('impartiality.votedList', { names: item.voters.map((v) => v.name).join(', ') })}</Paragraph>
          )}
        </>
      )}
      {item.dissent.length > 0 && (
        <>
          <Heading level={4} data-size="2xs">
            {t('meetings.protocol.dissent')}
          </Heading>
          <ul>
            {item.dissent.map((d, i) => (
              <li key={i} className="prewrap">
                {d.reason ? `${d.name}: ${d.reason}` : d.name}
              </li>
            ))}
          </ul>
        </>
      )}
      {mine.length > 0 && (
        <>
          <Heading level={4} data-size="2xs">
            {t('meetings.statements')}
          </Heading>
          {mine.map((s) => (
            <Paragraph key={s.id} className="prewrap">
              <strong>{`${s.union} (${s.author}):`}</strong> {s.text}
            </Paragraph>
          ))}
        </>
      )}
    </>
  );
}
