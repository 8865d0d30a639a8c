import { Button, Heading, Link, Paragraph, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GenerateDocument } from '@samrad/shared/contracts';
import { formatDateTime } from '../../i18n/index.js';
import { archiveUrl, documentFileUrl, useCaseDocuments, useGenerateDocument } from './api.js';

const formatSize = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} kB`;

/**
 * The case's documents as PDF/A files: every version with its checksum, buttons to make them (case
 * officers: the saksframlegg, «Innspill og behandling», each meeting's notice and protocol; anyone: the
 * receipt of their own input), and the arkivuttrekk of a closed case for case officers.
 */
export function CaseDocuments({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const documents = useCaseDocuments(caseId);
  const generate = useGenerateDocument(caseId);
  const [done, setDone] = useState('');
  const data = documents.data;

  function make(input: GenerateDocument) {
    setDone('');
    generate.mutate(input, { onSuccess: (d) => setDone(t('documents.madeOk', { title: d.title, version: d.version })) });
  }
  const pending = (input: Partial<GenerateDocument>) =>
    generate.isPending && Object.entries(input).every(([k, v]) => (generate.variables as Record<string, unknown>)[k] === v);

  return (
    <section aria-labelledby="documents-h" className="stack">
      <Heading level={2} data-size="sm" id="documents-h">
        {t('documents.title')}
      </Heading>
      <Paragraph className="muted">{t('documents.intro')}</Paragraph>
      {data && data.documents.length === 0 && <Paragraph>{t('documents.none')}</Paragraph>}
      {data && data.documents.length > 0 && (
        <ul aria-label={t('documents.title')}>
          {data.documents.map((d) => (
            <li key={d.id}>
              <Link href={documentFileUrl(d.id)} download={d.filename}>
                {d.title}
              </Link>{' '}
              <span className="muted">
                {`(${t('documents.version', { version: d.version })}, ${t('documents.made', { date: formatDateTime(d.createdAt) })}, ${formatSize(d.size)}) `}
                <abbr title={`SHA-256: ${d.sha256}`}>{t('attachments.checksum', { short: d.sha256.slice(0, 12) })}</abbr>
              </span>
            </li>
          ))}
        </ul>
      )}
      {data && (data.mayGenerate || data.myInputs.length > 0) && (
        <div className="row">
          {data.mayGenerate && (
            <>
              <Button
                variant="secondary"
                data-size="sm"
                loading={pending({ kind: 'case_presentation' })}
                onClick={() => make({ kind: 'case_presentation', caseId })}
              >
                {t('documents.makeCase')}
              </Button>
              <Button
                variant="secondary"
                data-size="sm"
                loading={pending({ kind: 'input_report' })}
                onClick={() => make({ kind: 'input_report', caseId })}
              >
                {t('documents.makeReport')}
              </Button>
              {data.meetings.map((m) => (
                <span key={m.id} className="row">
                  <Button
                    variant="secondary"
                    data-size="sm"
                    loading={pending({ kind: 'meeting_notice', meetingId: m.id })}
                    onClick={() => make({ kind: 'meeting_notice', meetingId: m.id })}
                  >
                    {t('documents.makeNotice', { meeting: m.title })}
                  </Button>
                  <Button
                    variant="secondary"
                    data-size="sm"
                    loading={pending({ kind: 'meeting_minutes', meetingId: m.id })}
                    onClick={() => make({ kind: 'meeting_minutes', meetingId: m.id })}
                  >
                    {t('documents.makeMinutes', { meeting: m.title })}
                  </Button>
                </span>
              ))}
            </>
          )}
          {data.myInputs.map((i) => (
            <Button
              key={i.id}
              variant="secondary"
              data-size="sm"
              loading={pending({ kind: 'receipt', submissionId: i.id })}
              onClick={() => make({ kind: 'receipt', submissionId: i.id })}
            >
              {t('documents.makeReceipt', { date: formatDateTime(i.submittedAt) })}
            </Button>
          ))}
        </div>
      )}
      <div role="status">{done && <Paragraph>{done}</Paragraph>}</div>
      {generate.error && <ValidationMessage>{generate.error.message}</ValidationMessage>}
      {data?.mayGenerate && (
        <div>
          <Heading level={3} data-size="xs">
            {t('documents.archive')}
          </Heading>
          {data.archivable ? (
            <>
              <Paragraph className="muted">{t('documents.archiveHint')}</Paragraph>
              <Link href={archiveUrl(caseId)} download>
                {t('documents.archiveDownload')}
              </Link>
            </>
          ) : (
            <Paragraph className="muted">{t('documents.archiveNotYet')}</Paragraph>
          )}
        </div>
      )}
    </section>
  );
}
