import { Button, Field, Input, Label, Link, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentMeta } from '@samrad/shared/contracts';
import { api } from '../lib/api.js';
import { useInvalidatingMutation } from '../lib/query.js';
import { useFormErrors } from '../lib/useContractForm.js';
import { numberFormat } from '../i18n/index.js';
import { AttachmentPublicity } from './AttachmentPublicity.js';

const megabytes = numberFormat({ maximumFractionDigits: 1 });

const formatSize = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${megabytes.format(bytes / 1024 / 1024)} MB`;

/** A list of attachments with download links, and (when allowed) a file field to add one and buttons to remove. */
export function AttachmentList(props: {
  attachments: (AttachmentMeta & { public?: boolean; legalBasis?: string | null })[];
  /** A case's attachments: each says whether it is public in innsyn; `canRemove` (the officer) may change it. */
  publicity?: boolean;
  uploadPath?: string;
  canRemove?: boolean;
  queryKey: readonly unknown[];
  label: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // One field: whatever the server refuses (type, size, access) is said on it, and it takes the focus.
  const form = useFormErrors({ fieldIds: { file: `${id}-file` }, fallbackPath: 'file' });
  const error = form.errors[0]?.message;
  const upload = useInvalidatingMutation(
    (file: File) => api(`${props.uploadPath}?filename=${encodeURIComponent(file.name)}`, { method: 'POST', body: file }),
    props.queryKey,
  );
  const remove = useInvalidatingMutation(
    (attachmentId: string) => api(`/api/attachments/${attachmentId}`, { method: 'DELETE' }),
    props.queryKey,
  );

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      form.setErrors([{ path: 'file', message: t('attachments.chooseFile') }]);
      input.current?.focus();
      return;
    }
    if (await form.run(() => upload.mutateAsync(file))) {
      if (input.current) input.current.value = '';
    } else input.current?.focus();
  }

  return (
    <div className="stack">
      {props.attachments.length === 0 ? (
        <Paragraph className="muted">{t('attachments.none')}</Paragraph>
      ) : (
        <ul aria-label={props.label}>
          {props.attachments.map((a) => (
            <li key={a.id}>
              <Link href={`/api/attachments/${a.id}`} download={a.filename}>
                {a.filename}
              </Link>{' '}
              <span className="muted">
                {`(${formatSize(a.size)}) `}
                <abbr title={`SHA-256: ${a.sha256}`}>{t('attachments.checksum', { short: a.sha256.slice(0, 12) })}</abbr>
              </span>{' '}
              {props.publicity && a.public !== undefined && (
                <AttachmentPublicity
                  attachment={{ id: a.id, filename: a.filename, public: a.public, legalBasis: a.legalBasis ?? null }}
                  canChange={!!props.canRemove}
                  queryKey={props.queryKey}
                />
              )}{' '}
              {props.canRemove && (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  loading={remove.isPending && remove.variables === a.id}
                  onClick={() => remove.mutate(a.id)}
                >
                  {t('attachments.remove', { name: a.filename })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {remove.error && <ValidationMessage>{remove.error.message}</ValidationMessage>}
      {props.uploadPath && (
        <form onSubmit={(e) => void onSubmit(e)} className="row" noValidate>
          <Field>
            <Label htmlFor={`${id}-file`}>{t('attachments.add')}</Label>
            <Paragraph data-size="sm" className="muted" id={`${id}-hint`}>
              {t('attachments.hint')}
            </Paragraph>
            <Input
              id={`${id}-file`}
              ref={input}
              type="file"
              accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.doc,.xls,.ppt,.png,.jpg,.jpeg,.gif,.webp"
              aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
              aria-invalid={error ? true : undefined}
            />
            {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
          </Field>
          <Button type="submit" variant="secondary" loading={form.pending}>
            {t('attachments.upload')}
          </Button>
        </form>
      )}
    </div>
  );
}
