import { Alert, Button, Checkbox, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { submissionSchema } from '@samrad/shared/contracts';
import { Link as RouterLink, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { SelectField } from '../../components/SelectField.js';
import { AttachmentList } from '../../components/AttachmentList.js';
import { InputReceipt } from '../../components/InputReceipt.js';
import { ExtensionForm } from '../../features/input-rounds/ExtensionForm.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { useCase } from '../../features/cases/api.js';
import { useRound, useRoundMutation, type Receipt } from '../../features/input-rounds/api.js';
import { SubmissionCard } from '../../features/input-rounds/SubmissionCard.js';
import { formatDateTime } from '../../i18n/index.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { api, type FormRequest } from '../../lib/api.js';
import type { NoCommentInput, SubmissionInput } from '../../features/input-rounds/api.js';
import { keys } from '../../lib/query-keys.js';
import { ScrollBox } from '../../components/ScrollBox.js';

export default function RoundPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const officer = hasRole(me, 'case_officer');
  const { data: round, isPending, error, refetch } = useRound(id);
  const kase = useCase(round?.caseId ?? '');
  // Once sent, the form gives way to the receipt and the way to change the input (a new version).
  const [receipt, setReceipt] = useState<{ receipt: Receipt; text: string } | null>(null);
  const [noCommentFor, setNoCommentFor] = useState<string | null>(null);
  // One key per attempt: a double click or a retried request stores one submission.
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  const submit = useRoundMutation(id, (input: FormRequest<SubmissionInput>) =>
    api<Receipt>(`/api/rounds/${id}/submissions`, { method: 'POST', body: input }),
  );
  const noComment = useRoundMutation(id, (input: FormRequest<NoCommentInput>) =>
    api(`/api/rounds/${id}/no-comment`, { method: 'POST', body: input }),
  );
  // A draft kept in this browser until it is sent: people write in the evening and come back.
  const draftKey = `samrad:utkast:${id}`;
  const [draft, setDraft] = useState(() => localStorage.getItem(draftKey) ?? '');
  const [draftSaved, setDraftSaved] = useState<Date | null>(null);
  function saveDraft() {
    localStorage.setItem(draftKey, draft);
    setDraftSaved(new Date());
  }
  const myInvited = useMemo(() => round?.invitations.filter((i) => round.myBodyIds.includes(i.bodyId)) ?? [], [round]);

  const form = useContractForm({
    fieldIds: { text: 'input-text', bodyId: 'input-body', deadline: 'input-text' },
    fallbackPath: 'text',
    schema: submissionSchema,
    values: (f) => ({
      text: f.get('text'),
      bodyId: (f.get('bodyId') as string) || null,
      idempotencyKey,
      publishConsent: f.get('publishConsent') === 'on',
    }),
    submit: async (data) => {
      setReceipt({ receipt: (await submit.mutateAsync(data)) as Receipt, text: data.text });
      setKey(crypto.randomUUID());
      localStorage.removeItem(draftKey);
      setDraft('');
      setDraftSaved(null);
    },
  });

  async function onNoComment(bodyId: string | null, bodyName: string) {
    if (await form.run(() => noComment.mutateAsync({ bodyId }))) setNoCommentFor(bodyName);
  }

  return (
    <>
      <PageHeading title={round?.title ?? ''}>{round?.title ?? ''}</PageHeading>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {round && (
        <>
          {round.case && !kase.data && <Paragraph>{`${t('cases.number')} ${round.case.number}: ${round.case.title}`}</Paragraph>}
          {round.caseId && kase.data && (
            <Paragraph>
              <Link asChild>
                <RouterLink to={`/saker/${round.caseId}`}>{`${t('cases.number')} ${kase.data.number}: ${kase.data.title}`}</RouterLink>
              </Link>
            </Paragraph>
          )}
          <Paragraph className="prewrap">{round.questions}</Paragraph>
          {(round.documents.length > 0 || officer) && (
            <section aria-labelledby="documents-h">
              <Heading level={2} data-size="sm" id="documents-h">
                {t('rounds.documents')}
              </Heading>
              <AttachmentList
                attachments={round.documents}
                label={t('rounds.documents')}
                queryKey={keys.rounds.detail(round.id)}
                uploadPath={officer ? `/api/rounds/${round.id}/documents` : undefined}
                canRemove={officer}
              />
            </section>
          )}
          <Paragraph>
            <strong>{t('rounds.deadline', { date: formatDateTime(round.closesAt) })}</strong>{' '}
            <Tag data-color={round.open ? 'success' : 'neutral'}>{round.open ? t('cases.open') : t('cases.closed')}</Tag>
          </Paragraph>
          <section aria-labelledby="invited-h">
            <Heading level={2} data-size="sm" id="invited-h">
              {t('rounds.invited')}
            </Heading>
            <ScrollBox label={t('rounds.invited')}>
              <Table>
                <caption className="visually-hidden">{t('rounds.invited')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('cases.body')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('rounds.status')}</Table.HeaderCell>
                    {round.remindersSent && <Table.HeaderCell>{t('rounds.reminders')}</Table.HeaderCell>}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {round.invitations.map((i) => (
                    <Table.Row key={i.bodyId}>
                      <Table.Cell>{i.bodyName}</Table.Cell>
                      <Table.Cell>
                        {t(`invitationStatus.${i.status}`)}
                        {i.extendedUntil ? ` – ${t('rounds.extended', { body: i.bodyName, date: formatDateTime(i.extendedUntil) })}` : ''}
                      </Table.Cell>
                      {round.remindersSent && (
                        <Table.Cell>
                          {round.remindersSent
                            .filter((r) => r.bodyId === i.bodyId)
                            .map((r) => formatDateTime(r.sentAt))
                            .join(', ') || t('rounds.noReminders')}
                        </Table.Cell>
                      )}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </ScrollBox>
          </section>
          {noCommentFor && (
            <Alert data-color="success" role="status">
              <Paragraph>{t('rounds.noCommentDone', { body: noCommentFor })}</Paragraph>
            </Alert>
          )}
          {officer && round.open && round.invitations.some((i) => i.status === 'not_answered') && (
            <ExtensionForm roundId={round.id} bodies={round.invitations.filter((i) => i.status === 'not_answered')} />
          )}
          {round.invitedPersons.length > 0 && (
            <section aria-labelledby="persons-h">
              <Heading level={2} data-size="sm" id="persons-h">
                {t('rounds.invitedPersons')}
              </Heading>
              <ul>
                {round.invitedPersons.map((p) => (
                  <li key={p.userId}>{`${p.name}${p.title ? ` (${p.title})` : ''}: ${t(`invitationStatus.${p.status}`)}`}</li>
                ))}
              </ul>
            </section>
          )}
          {(myInvited.length > 0 || round.invitedMe) && (round.open || round.latePolicy === 'accept_late') && (
            <section aria-labelledby="your-input-h" className="panel narrow">
              <Heading level={2} data-size="sm" id="your-input-h">
                {t('rounds.yourInput')}
              </Heading>
              {receipt ? (
                <InputReceipt
                  key={receipt.receipt.id}
                  idPrefix="round-receipt"
                  receipt={receipt.receipt}
                  text={receipt.text}
                  refresh={[keys.rounds.detail(round.id)]}
                  locked={!round.open}
                  showText={false}
                  onAnother={() => setReceipt(null)}
                />
              ) : (
                <>
                  {form.summary}
                  <form onSubmit={form.onSubmit} noValidate className="stack">
                    <SelectField
                      id="input-body"
                      name="bodyId"
                      label={t('rounds.onBehalfOf')}
                      options={[
                        ...myInvited.map((i) => ({ value: i.bodyId, label: i.bodyName })),
                        { value: '', label: round.invitedMe ? t('rounds.personallyInvited') : t('rounds.ownCapacity') },
                      ]}
                    />
                    <Textfield
                      id="input-text"
                      name="text"
                      multiline
                      rows={6}
                      label={t('rounds.text')}
                      description={t('rounds.draftHint')}
                      value={draft}
                      onChange={(e) => setDraft(e.target.value)}
                      error={form.error('text') ?? form.error('deadline')}
                    />
                    {round.publishAfterClose && (
                      <Checkbox
                        id="input-publish-consent"
                        name="publishConsent"
                        label={t('rounds.publishConsent')}
                        description={t('rounds.publishConsentHint')}
                        error={form.error('publishConsent')}
                      />
                    )}
                    {draftSaved && (
                      <Paragraph role="status" data-size="sm">
                        {t('rounds.draftSaved', { time: formatDateTime(draftSaved.toISOString()) })}
                      </Paragraph>
                    )}
                    <div className="row">
                      <Button type="submit" loading={submit.isPending}>
                        {t('rounds.submit')}
                      </Button>
                      <Button type="button" variant="secondary" onClick={saveDraft}>
                        {t('rounds.saveDraft')}
                      </Button>
                      {myInvited
                        .filter((i) => i.status === 'not_answered')
                        .map((i) => (
                          <Button key={i.bodyId} variant="secondary" onClick={() => void onNoComment(i.bodyId, i.bodyName)}>
                            {t('rounds.noComment', { body: i.bodyName })}
                          </Button>
                        ))}
                      {round.invitedPersons.some((p) => p.userId === me?.id && p.status === 'not_answered') && (
                        <Button variant="secondary" onClick={() => void onNoComment(null, t('rounds.yourself'))}>
                          {t('rounds.noCommentSelf')}
                        </Button>
                      )}
                    </div>
                  </form>
                </>
              )}
            </section>
          )}
          <section aria-labelledby="subs-h">
            <Heading level={2} data-size="sm" id="subs-h">
              {t('rounds.submissions')}
            </Heading>
            {round.submissions.length === 0 && <Paragraph>{t('rounds.noSubmissions')}</Paragraph>}
            <ul className="card-list card-list--single">
              {round.submissions.map((s) => (
                <li key={s.id}>
                  <SubmissionCard
                    roundId={round.id}
                    submission={s}
                    mine={s.author.id === me?.id}
                    open={round.open}
                    officer={officer}
                    sections={kase.data?.sections ?? []}
                  />
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
