import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useBodies, useBody, type BodyMember } from '../../features/bodies/api.js';
import { AddMemberForm, CloseBody, EditBodyForm, EditMemberForm, MemberActions } from '../../features/bodies/BodyAdmin.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { useUsers } from '../../features/users/api.js';
import { formatDate } from '../../i18n/index.js';
import { ScrollBox } from '../../components/ScrollBox.js';

function representing(m: BodyMember, t: (k: string) => string) {
  const detail = [m.party, m.side, m.union, m.school].filter(Boolean).join(', ');
  return detail ? `${t(`capacity.${m.capacity}`)} (${detail})` : t(`capacity.${m.capacity}`);
}

export default function BodyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: body, isPending, error, refetch } = useBody(id);
  const { data: me } = useMe();
  const officer = hasRole(me, 'case_officer');
  const admin = hasRole(me, 'admin');
  const users = useUsers(officer);
  const bodies = useBodies();
  const [editing, setEditing] = useState<string | null>(null);
  const editedMember = body?.members.find((m) => m.id === editing);
  const open = body ? !body.closedOn : false;
  return (
    <>
      <PageHeading title={body?.name ?? t('bodies.title')}>{body?.name ?? t('bodies.title')}</PageHeading>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {body && (
        <>
          <Paragraph>
            <Tag data-color="neutral">{t(`bodyKind.${body.kind}`)}</Tag>{' '}
            {body.closedOn && <Tag data-color="warning">{t('bodies.closedOn', { date: formatDate(body.closedOn) })}</Tag>}
          </Paragraph>
          <Paragraph>{body.description}</Paragraph>
          {body.members.length === 0 ? (
            <Paragraph>{t('bodies.none')}</Paragraph>
          ) : (
            <ScrollBox label={t('bodies.members')}>
              <Table className="full-width">
                <caption>{t('bodies.members')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('bodies.person')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('bodies.role')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('bodies.capacity')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('bodies.period')}</Table.HeaderCell>
                    {officer && <Table.HeaderCell>{t('bodies.actions')}</Table.HeaderCell>}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {body.members.map((m) => (
                    <Table.Row key={m.id}>
                      <Table.Cell>
                        {m.name}
                        {m.email && <div className="muted">{m.email}</div>}
                      </Table.Cell>
                      <Table.Cell>{t(`bodyRole.${m.role}`)}</Table.Cell>
                      <Table.Cell>{representing(m, t)}</Table.Cell>
                      <Table.Cell>
                        {t('bodies.from', { date: formatDate(m.validFrom) })}
                        {m.validTo ? ` – ${formatDate(m.validTo)}` : ''}
                      </Table.Cell>
                      {officer && (
                        <Table.Cell>
                          <MemberActions bodyId={body.id} member={m} onEdit={() => setEditing(m.id)} />
                        </Table.Cell>
                      )}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollBox>
          )}
          {officer && editedMember && (
            <EditMemberForm key={editedMember.id} bodyId={body.id} member={editedMember} onClose={() => setEditing(null)} />
          )}
          {officer && open && <AddMemberForm bodyId={body.id} users={users.data?.users ?? []} />}
          {officer && open && <EditBodyForm body={body} bodies={bodies.data?.bodies ?? []} />}
          {admin && open && <CloseBody body={body} />}
        </>
      )}
    </>
  );
}
