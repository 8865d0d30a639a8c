import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { commentSchema } from '@samrad/shared/contracts';
import { SelectField } from '../../components/SelectField.js';
import { api } from '../../lib/api.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { useCaseComments, useCaseMutation, type CaseSection } from './api.js';
import type { CommentInput } from './api.js';
import { locale } from '../../i18n/index.js';

/** The case's comment stream; members comment on the case or a section, and anyone may reply. */
export function CaseComments({ caseId, sections, canComment }: { caseId: string; sections: CaseSection[]; canComment: boolean }) {
  const { t } = useTranslation();
  const { data } = useCaseComments(caseId);
  const add = useCaseMutation(caseId, (input: CommentInput) => api(`/api/cases/${caseId}/comments`, { method: 'POST', body: input }));
  const sectionName = (id: string | null) => {
    const s = sections.find((x) => x.id === id);
    return s ? t(`sectionKind.${s.kind}`) : null;
  };

  const form = useContractForm({
    fieldIds: { text: 'comment-text', sectionId: 'comment-section' },
    fallbackPath: 'text',
    schema: commentSchema,
    values: (f) => ({ text: String(f.get('text') ?? ''), sectionId: (f.get('sectionId') as string) || null }),
    resetOnDone: true,
    submit: (data) => add.mutateAsync(data),
  });

  return (
    <section aria-labelledby="comments-h">
      <Heading level={2} data-size="sm" id="comments-h">
        {t('cases.comments')}
      </Heading>
      {data?.comments.length === 0 && <Paragraph>{t('cases.noComments')}</Paragraph>}
      <ul className="comment-list">
        {data?.comments.map((c) => (
          <li key={c.id} className={c.parentId ? 'comment comment--reply' : 'comment'}>
            <Paragraph data-size="sm">
              <strong>{c.author.name}</strong>
              {sectionName(c.sectionId) ? ` – ${t('cases.commentOn', { section: sectionName(c.sectionId) })}` : ''} ·{' '}
              {new Date(c.createdAt).toLocaleString(locale(), { timeZone: 'Europe/Oslo' })}
            </Paragraph>
            <Paragraph className="prewrap">{c.text}</Paragraph>
          </li>
        ))}
      </ul>
      {canComment && (
        <form onSubmit={form.onSubmit} className="stack narrow" noValidate>
          <SelectField
            id="comment-section"
            name="sectionId"
            label={t('cases.commentSection')}
            options={[
              { value: '', label: t('cases.noMandateItem') },
              ...sections.map((s) => ({ value: s.id, label: t(`sectionKind.${s.kind}`) })),
            ]}
          />
          <Textfield id="comment-text" name="text" multiline rows={3} label={t('cases.commentLabel')} error={form.error('text')} />
          <div>
            <Button type="submit" loading={form.pending}>
              {t('cases.addComment')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
