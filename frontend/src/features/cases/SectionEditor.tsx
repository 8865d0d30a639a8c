import { Alert, Button, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { useFormErrors } from '../../lib/useContractForm.js';
import { useCaseMutation, useSectionDiff, useSectionVersions, type CaseSection } from './api.js';
import { keys } from '../../lib/query-keys.js';
import { locale } from '../../i18n/index.js';

/** One section of the case document: its text, its history with a diff, and (for officers) editing. */
export function SectionEditor({ caseId, section, canEdit }: { caseId: string; section: CaseSection; canEdit: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(section.text);
  const [saved, setSaved] = useState<number | null>(null);
  const qc = useQueryClient();
  const [historyOpen, setHistoryOpen] = useState(false);
  const save = useCaseMutation(caseId, (input: { version: number; text: string }) =>
    api<{ version: number }>(`/api/cases/${caseId}/sections/${section.id}`, { method: 'PUT', body: input }),
  );
  const versions = useSectionVersions(caseId, section.id, historyOpen);
  const diff = useSectionDiff(caseId, section.id, section.version - 1, section.version, historyOpen && section.version > 1);
  const label = t(`sectionKind.${section.kind}`);
  const fieldId = `section-${section.id}`;
  // A 409 (someone saved first) is shown with what they saved; the editor keeps this person's text.
  const form = useFormErrors({ fieldIds: { text: fieldId, version: fieldId }, fallbackPath: 'text', onStale: true });
  const current = form.stale?.current as { version: number; text: string } | undefined;

  async function onSave() {
    setSaved(null);
    await form.run(async () => {
      const r = (await save.mutateAsync({ version: section.version, text })) as { version: number };
      setSaved(r.version);
      setEditing(false);
    });
  }

  return (
    <section aria-labelledby={`${fieldId}-h`} className="section">
      <h3 id={`${fieldId}-h`} className="ds-heading" data-size="xs">
        {label} <span className="muted">({t('cases.version', { version: section.version })})</span>
      </h3>
      {saved !== null && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('cases.saved', { version: saved })}</Paragraph>
        </Alert>
      )}
      {form.stale && (
        <Alert data-color="warning" role="alert">
          <Paragraph>{`${t('app.staleTitle')}. ${t('app.staleText')}`}</Paragraph>
          {current && (
            <>
              <Paragraph data-size="sm">{t('cases.staleCurrent', { version: current.version })}</Paragraph>
              <blockquote className="prewrap">{current.text}</blockquote>
              <Paragraph data-size="sm">{t('cases.staleKeep')}</Paragraph>
            </>
          )}
          <Button
            data-size="sm"
            variant="secondary"
            onClick={() => {
              // Fetch the new version; the editor keeps what this person wrote, now based on it.
              void qc.invalidateQueries({ queryKey: keys.cases.detail(caseId) });
              form.clearStale();
            }}
          >
            {t('app.reload')}
          </Button>
        </Alert>
      )}
      {editing ? (
        <div className="stack">
          {form.summary}
          <Textfield
            id={fieldId}
            multiline
            rows={6}
            label={label}
            value={text}
            onChange={(e) => setText(e.target.value)}
            error={form.error('text') ?? form.error('version')}
          />
          <div className="row">
            <Button onClick={() => void onSave()} loading={form.pending}>
              {t('cases.save')}
            </Button>
            <Button variant="tertiary" onClick={() => setEditing(false)}>
              {t('cases.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <>
          <Paragraph className="prewrap">{section.text || '–'}</Paragraph>
          {canEdit && (
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => {
                setText(section.text);
                setEditing(true);
              }}
              aria-label={`${t('cases.edit')}: ${label}`}
            >
              {t('cases.edit')}
            </Button>
          )}
        </>
      )}
      {section.version > 1 && (
        <Details onToggle={(e) => setHistoryOpen((e.currentTarget as HTMLDetailsElement).open)}>
          <Details.Summary>{`${t('cases.history')}: ${label}`}</Details.Summary>
          <Details.Content>
            {diff.data && (
              <>
                <Paragraph>{t('cases.compare', { from: section.version - 1, to: section.version })}</Paragraph>
                <p className="diff">
                  {diff.data.parts.map((p, i) =>
                    p.change === 'added' ? (
                      <ins key={i} title={t('cases.added')}>
                        {p.value}
                      </ins>
                    ) : p.change === 'removed' ? (
                      <del key={i} title={t('cases.removed')}>
                        {p.value}
                      </del>
                    ) : (
                      <span key={i}>{p.value}</span>
                    ),
                  )}
                </p>
              </>
            )}
            <Heading level={4} data-size="2xs">
              {t('cases.previousVersions')}
            </Heading>
            <ol>
              {/* The current version is the text above: the list holds the ones before it. */}
              {versions.data?.versions
                .filter((v) => v.version < section.version)
                .map((v) => (
                  <li key={v.version}>
                    {t('cases.version', { version: v.version })} – {v.author ?? ''} –{' '}
                    {new Date(v.createdAt).toLocaleString(locale(), { timeZone: 'Europe/Oslo' })}
                    <div className="muted prewrap">{v.text}</div>
                  </li>
                ))}
            </ol>
          </Details.Content>
        </Details>
      )}
    </section>
  );
}
