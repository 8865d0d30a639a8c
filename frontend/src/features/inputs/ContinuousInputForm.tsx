import { Button, Details, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { continuousInputSchema, type Answer } from '@samrad/shared/contracts';
import { InputReceipt, type InputReceiptView } from '../../components/InputReceipt.js';
import { SelectField } from '../../components/SelectField.js';
import { formatDateTime } from '../../i18n/index.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { useMyInputs, type ContinuousInput, type InputScope, type InputView } from './api.js';

/**
 * Continuous input (løpende innspill) on a case or a mandate item, at any time: for one of the
 * person's bodies or in their own capacity. Once sent it shows the receipt and the way to change it;
 * below, the person's own inputs here (of every kind) with how each was handled.
 */
export function ContinuousInputForm(props: {
  scope: InputScope;
  bodies: { bodyId: string; bodyName: string }[];
  /** 2 on a page's own level (the case page); 3 inside another section (a mandate item). */
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const scopeId = props.scope.caseId ?? props.scope.mandateItemId;
  const prefix = `continuous-${scopeId}`;
  const [sent, setSent] = useState<{ receipt: InputReceiptView; text: string } | null>(null);
  // One key per attempt: a double click or a retried request stores one input.
  const [idempotencyKey, setKey] = useState(() => crypto.randomUUID());
  const mine = useMyInputs(props.scope);
  const refresh = [keys.inputs.mine(props.scope), ...(props.scope.caseId ? [keys.cases.summary(props.scope.caseId)] : [])];
  const give = useInvalidatingMutation(
    (input: FormRequest<ContinuousInput>) => api<Answer<'POST /api/inputs'>>(`/api/inputs`, { method: 'POST', body: input }),
    ...refresh,
  );
  const form = useContractForm({
    fieldIds: { text: `${prefix}-text`, bodyId: `${prefix}-body`, caseId: `${prefix}-text`, mandateItemId: `${prefix}-text` },
    fallbackPath: 'text',
    schema: continuousInputSchema,
    values: (f) => ({
      caseId: props.scope.caseId ?? null,
      mandateItemId: props.scope.mandateItemId ?? null,
      bodyId: (f.get('bodyId') as string) || null,
      text: f.get('text'),
      idempotencyKey,
    }),
    submit: async (data) => {
      const receipt = await give.mutateAsync(data);
      setSent({ receipt, text: data.text });
      setKey(crypto.randomUUID());
    },
  });
  const headingId = `${prefix}-h`;

  return (
    <section aria-labelledby={headingId} className="stack panel narrow">
      <Heading level={props.headingLevel ?? 2} data-size="sm" id={headingId}>
        {props.scope.caseId ? t('inputs.give') : t('inputs.giveOnItem')}
      </Heading>
      {sent ? (
        <InputReceipt
          key={sent.receipt.id}
          idPrefix={prefix}
          receipt={sent.receipt}
          text={sent.text}
          refresh={refresh}
          onAnother={() => setSent(null)}
        />
      ) : (
        <form onSubmit={form.onSubmit} noValidate className="stack">
          <Paragraph data-size="sm">{t('inputs.giveHint')}</Paragraph>
          {form.summary}
          <SelectField
            id={`${prefix}-body`}
            name="bodyId"
            label={t('inputs.onBehalfOf')}
            options={[...props.bodies.map((b) => ({ value: b.bodyId, label: b.bodyName })), { value: '', label: t('inputs.ownCapacity') }]}
            error={form.error('bodyId')}
          />
          <Textfield
            id={`${prefix}-text`}
            name="text"
            multiline
            rows={5}
            label={t('inputs.text')}
            error={form.error('text') ?? form.error('caseId') ?? form.error('mandateItemId')}
          />
          <div>
            <Button type="submit" loading={form.pending}>
              {t('inputs.send')}
            </Button>
          </div>
        </form>
      )}
      {mine.data && mine.data.items.length > 0 && <MyInputs items={mine.data.items} headingLevel={props.headingLevel} />}
    </section>
  );
}

/** The person's own inputs with their handling: what the officer decided, and why. */
export function MyInputs(props: { items: InputView[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <Heading level={props.headingLevel === 3 ? 4 : 3} data-size="xs">
        {t('inputs.mine')}
      </Heading>
      <ul className="plain-list stack">
        {props.items.map((s) => (
          <li key={s.id}>
            <Paragraph data-size="sm">
              <Tag data-color="neutral">{t(`inputs.kinds.${s.kind}`)}</Tag> {formatDateTime(s.submittedAt)} · {`v${s.version}`}
              {s.body ? ` · ${s.body.name}` : ''}
            </Paragraph>
            <Paragraph className="prewrap">{s.text}</Paragraph>
            <Paragraph data-size="sm">
              {s.disposition ? (
                <>
                  <strong>{t('inputs.handling', { outcome: t(`outcome.${s.disposition.outcome}`), reason: s.disposition.reason })}</strong>
                  {s.disposition.sectionKind &&
                    ` ${t('inputs.handlingSection', { section: t(`sectionKind.${s.disposition.sectionKind}`) })}`}
                </>
              ) : (
                t('inputs.awaiting')
              )}
            </Paragraph>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Continuous input on a mandate item, behind a disclosure: the form (and the person's own inputs on the
 * item) load only when it is opened, so a mandate with many items asks nothing until then.
 */
export function MandateItemInput(props: { mandateItemId: string; title: string; bodies: { bodyId: string; bodyName: string }[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <Details.Summary>{`${t('inputs.giveOnItem')}: ${props.title}`}</Details.Summary>
      <Details.Content>
        {open && <ContinuousInputForm scope={{ mandateItemId: props.mandateItemId }} bodies={props.bodies} headingLevel={3} />}
      </Details.Content>
    </Details>
  );
}
