import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitInput } from '@samrad/shared/engine';
import type { AllocationCaseView } from './api.js';
import { ModelEditor } from './ModelEditor.js';
import { draftFrom, emptyDraft } from './modelDraft.js';

type Open = { mode: 'view'; versionId: string } | { mode: 'new'; fromVersionId: string | null };

/**
 * The case's model versions: each can be read; an officer writes a new one in the editor (blank, or a
 * copy of an existing one). A version adopted by a decision is read-only and can be copied.
 */
export function ModelVersionsSection({
  ac,
  canEdit,
  preview,
  previewLoading = false,
}: {
  ac: AllocationCaseView;
  canEdit: boolean;
  /** The units the editor previews with: the scenario on screen's, or the newest dataset's before any scenario. */
  preview: { name: string; units: UnitInput[] } | null;
  previewLoading?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const version = (id: string | null) => ac.modelVersions.find((v) => v.id === id);
  const shown = open?.mode === 'view' ? version(open.versionId) : open?.mode === 'new' ? version(open.fromVersionId) : undefined;
  return (
    <section aria-labelledby="models-h" className="panel">
      <Heading level={2} data-size="sm" id="models-h">
        {t('allocation.model.title')}
      </Heading>
      {saved !== null && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('allocation.model.saved', { number: saved })}</Paragraph>
        </Alert>
      )}
      {ac.modelVersions.length === 0 ? (
        <Paragraph>{t('allocation.model.none')}</Paragraph>
      ) : (
        <Table>
          <caption className="visually-hidden">{t('allocation.model.title')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('allocation.model.number')}</Table.HeaderCell>
              <Table.HeaderCell>{t('allocation.model.label')}</Table.HeaderCell>
              <Table.HeaderCell>{t('allocation.model.status')}</Table.HeaderCell>
              <Table.HeaderCell>
                <span className="visually-hidden">{t('allocation.model.actions')}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {ac.modelVersions.map((v) => (
              <Table.Row key={v.id}>
                <Table.Cell>{v.number}</Table.Cell>
                <Table.HeaderCell scope="row">{v.label}</Table.HeaderCell>
                <Table.Cell>
                  {v.adoptedByDecisionId ? <Tag data-color="success">{t('allocation.adopted')}</Tag> : t('allocation.model.notAdopted')}
                </Table.Cell>
                <Table.Cell>
                  <div className="row">
                    <Button variant="tertiary" data-size="sm" onClick={() => setOpen({ mode: 'view', versionId: v.id })}>
                      {t('allocation.model.show', { number: v.number })}
                    </Button>
                    {canEdit && (
                      <Button variant="tertiary" data-size="sm" onClick={() => setOpen({ mode: 'new', fromVersionId: v.id })}>
                        {t('allocation.model.copy', { number: v.number })}
                      </Button>
                    )}
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {canEdit && (
        <div>
          <Button variant="secondary" onClick={() => setOpen({ mode: 'new', fromVersionId: null })}>
            {t('allocation.model.new')}
          </Button>
        </div>
      )}
      {open && (
        <ModelEditor
          key={JSON.stringify(open)}
          allocationId={ac.id}
          initial={shown ? draftFrom(shown.model) : emptyDraft()}
          initialLabel={open.mode === 'view' ? (shown?.label ?? '') : shown ? t('allocation.model.copyLabel', { label: shown.label }) : ''}
          // A saved version never changes (an adopted one is also locked): it is read, and copied to change it.
          readOnly={open.mode === 'view'}
          adopted={!!shown?.adoptedByDecisionId}
          onCopy={canEdit && open.mode === 'view' ? () => setOpen({ mode: 'new', fromVersionId: open.versionId }) : undefined}
          preview={preview}
          previewLoading={previewLoading}
          onSaved={(v) => {
            setSaved(v.number);
            setOpen(null);
          }}
          onCancel={() => setOpen(null)}
        />
      )}
    </section>
  );
}
