import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { revisionSchema, type Answer } from '@samrad/shared/contracts';
import { SelectField } from '../../components/SelectField.js';
import { api, type FormRequest } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { useAllocationMutation, type AllocationCaseView, type ScenarioView } from './api.js';
import { ComparisonSection } from './ComparisonSection.js';

type RevisionInput = { name: string; datasetId: string };

/**
 * The autumn revision: the adopted scenario's frame redistributed with new (October) counts, saved as
 * a new scenario, and what changes for each unit shown at once.
 */
export function RevisionPanel({ ac, scenario, onOpen }: { ac: AllocationCaseView; scenario: ScenarioView; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const [made, setMade] = useState<(Answer<'POST /api/scenarios/:id/revisions'> & { name: string }) | null>(null);
  const revise = useAllocationMutation(keys.allocation.detail(ac.id), (input: FormRequest<RevisionInput>) =>
    api<Answer<'POST /api/scenarios/:id/revisions'>>(`/api/scenarios/${scenario.id}/revisions`, { method: 'POST', body: input }),
  );
  const ids = { name: 'revision-name', datasetId: 'revision-dataset' };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'name',
    schema: revisionSchema,
    values: (f) => ({ name: String(f.get('name') ?? ''), datasetId: String(f.get('datasetId') ?? '') }),
    submit: async (data) => {
      const r = await revise.mutateAsync(data);
      setMade({ ...r, name: data.name });
    },
  });
  const others = ac.datasets.filter((d) => d.id !== scenario.datasetId);
  return (
    <section aria-labelledby="revision-h" className="panel">
      <Heading level={2} data-size="sm" id="revision-h">
        {t('allocation.revision')}
      </Heading>
      <Paragraph data-size="sm">{t('allocation.revisionHelp')}</Paragraph>
      {others.length === 0 ? (
        <Paragraph>{t('allocation.revisionNeedsData')}</Paragraph>
      ) : (
        <form onSubmit={form.onSubmit} noValidate className="stack narrow">
          {form.summary}
          <Textfield
            id={ids.name}
            name="name"
            label={t('allocation.revisionName')}
            defaultValue={t('allocation.revisionDefaultName', { name: scenario.name })}
            error={form.error('name')}
          />
          <SelectField
            id={ids.datasetId}
            name="datasetId"
            label={t('allocation.revisionDataset')}
            options={others.map((d) => ({ value: d.id, label: `${d.name} (${d.unitCount})` }))}
            error={form.error('datasetId')}
          />
          <div>
            <Button type="submit" loading={form.pending}>
              {t('allocation.revise')}
            </Button>
          </div>
        </form>
      )}
      {made && (
        <>
          <ComparisonSection
            units={made.changes}
            totals={made.totals}
            scenarioName={made.name}
            againstName={scenario.name}
            heading={t('allocation.whatChanges')}
          />
          <div>
            <Button variant="secondary" onClick={() => onOpen(made.id)}>
              {t('allocation.openRevision', { name: made.name })}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
