import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/index.js';

/** A document innsyn publishes: a generated PDF (saksframlegg, møteinnkalling, møteprotokoll) or a case's public vedlegg. */
export interface PublicDocument {
  id: string;
  kind: 'case_presentation' | 'attachment' | 'meeting_notice' | 'meeting_minutes';
  title: string;
  filename: string;
  size: number;
  sha256: string;
  createdAt: string;
  href: string;
}

/** The public documents of a case or a meeting, each a download with its size, date and SHA-256. */
export function PublicDocuments(props: { documents: PublicDocument[]; headingId: string }) {
  const { t } = useTranslation();
  if (props.documents.length === 0) return null;
  return (
    <section aria-labelledby={props.headingId}>
      <Heading level={2} data-size="sm" id={props.headingId}>
        {t('innsynDocuments.title')}
      </Heading>
      <ul>
        {props.documents.map((d) => {
          const size = Math.max(1, Math.round(d.size / 1024));
          const date = formatDate(d.createdAt);
          return (
            <li key={d.id}>
              <Link href={d.href} download={d.filename}>
                {d.title}
              </Link>{' '}
              ({d.kind === 'attachment' ? t('innsynDocuments.attachment', { size, date }) : t('innsynDocuments.file', { size, date })})
              <Paragraph data-size="sm" className="break-all">
                {t('innsynDocuments.checksum', { sha: d.sha256 })}
              </Paragraph>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
