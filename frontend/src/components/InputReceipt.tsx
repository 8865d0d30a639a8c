import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '@samrad/shared/contracts';
import { editSubmissionSchema } from '@samrad/shared/contracts';
import { formatDateTime } from '../i18n/index.js';
import { api } from '../lib/api.js';
import { useInvalidatingMutation } from '../lib/query.js';
import { useContractForm } from '../lib/useContractForm.js';

export type InputReceiptView = Answer<'POST /api/inputs'>;

/**
 * What a form for an input shows once it is sent (a round's answer, continuous input, input from a
 * school conference): the receipt (number, time, version, checksum), and the way to change it, which
 * stores a new version (`PUT /api/submissions/:id`) and shows its receipt. Not an empty form.
 */
export function InputReceipt(props: {
  receipt: InputReceiptView;
  /** The text as sent, to start the change from. */
  text: string;
  /** Query keys to refresh after a change. */
  refresh?: (readonly unknown[])[];
  /** «Gi et nytt innspill»: back to an empty form. */
  onAnother?: () => void;
  /** The input can no longer be changed (a round's deadline has passed). */
  locked?: boolean;
  /** Show the text as sent (not where the page lists the input itself, as a round does). */
  showText?: boolean;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const [receipt, setReceipt] = useState(props.receipt);
  const [text, setText] = useState(props.text);
  const [editing, setEditing] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [receipt]);
  const edit = useInvalidatingMutation(
    (input: { version: number; text: string }) =>
      api<Answer<'PUT /api/submissions/:id'>>(`/api/submissions/${receipt.id}`, { method: 'PUT', body: input }),
    ...(props.refresh ?? []),
  );
  const fieldId = `${props.idPrefix}-edit`;
  const form = useContractForm({
    fieldIds: { text: fieldId, version: fieldId, deadline: fieldId },
    fallbackPath: 'text',
    schema: editSubmissionSchema,
    values: (f) => ({ version: receipt.version, text: f.get('text') }),
    submit: async (data) => {
      const next = await edit.mutateAsync({ version: data.version, text: data.text });
      setText(data.text);
      setReceipt(next);
      setEditing(false);
    },
  });

  return (
    <div className="stack">
      <Alert data-color={receipt.late ? 'warning' : 'success'}>
        <Heading level={3} data-size="xs" tabIndex={-1} ref={heading}>
          {t('inputs.receiptTitle')}
        </Heading>
        <Paragraph>{t('inputs.receiptNumber', { id: receipt.id })}</Paragraph>
        <Paragraph>{t('inputs.receiptTime', { date: formatDateTime(receipt.submittedAt), version: receipt.version })}</Paragraph>
        <Paragraph data-size="sm" className="break-all">
          {t('inputs.receiptHash', { hash: receipt.sha256 })}
        </Paragraph>
        {receipt.late && <Paragraph>{t('inputs.receiptLate')}</Paragraph>}
        {receipt.duplicate && <Paragraph>{t('inputs.receiptDuplicate')}</Paragraph>}
      </Alert>
      {!editing && props.showText !== false && <Paragraph className="prewrap">{text}</Paragraph>}
      {editing ? (
        <form onSubmit={form.onSubmit} noValidate className="stack">
          {form.summary}
          <Textfield
            id={fieldId}
            name="text"
            multiline
            rows={5}
            label={t('inputs.editLabel')}
            defaultValue={text}
            error={form.error('text') ?? form.error('version') ?? form.error('deadline')}
          />
          <div className="row">
            <Button type="submit" loading={form.pending}>
              {t('inputs.saveEdit')}
            </Button>
            <Button type="button" variant="tertiary" onClick={() => setEditing(false)}>
              {t('inputs.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div className="row">
          {!props.locked && (
            <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
              {t('inputs.edit')}
            </Button>
          )}
          {props.onAnother && (
            <Button type="button" variant="tertiary" onClick={props.onAnother}>
              {t('inputs.another')}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
