import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.js';
import { amountOf } from '../../lib/numbers.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useAllocationMutation, type AllocationCaseView } from './api.js';
import type { Answer } from '@samrad/shared/contracts';
import type { AdoptScenarioInput, CreateScenarioInput } from './api.js';
import { keys } from '../../lib/query-keys.js';

/** A new scenario from a model version and a dataset, with an optional frame change. */
export function NewScenarioForm({ ac, onCreated }: { ac: AllocationCaseView; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const create = useAllocationMutation(keys.allocation.detail(ac.id), (input: FormRequest<CreateScenarioInput>) =>
    api<Answer<'POST /api/allocation-cases/:id/scenarios'>>(`/api/allocation-cases/${ac.id}/scenarios`, { method: 'POST', body: input }),
  );
  const ids = {
    name: 'scenario-new-name',
    modelVersionId: 'scenario-model',
    datasetId: 'scenario-dataset',
    frameChange: 'scenario-frame-change',
  };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'name',
    values: (f) => {
      return {
        name: f.get('name'),
        modelVersionId: f.get('modelVersionId'),
        datasetId: f.get('datasetId'),
        frameChange: amountOf(f.get('frameChange')),
      };
    },
    submit: async (data) => {
      const r = (await create.mutateAsync(data)) as { id: string };
      onCreated(r.id);
    },
  });
  return (
    <section aria-labelledby="new-scenario-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="new-scenario-h">
        {t('allocation.newScenario')}
      </Heading>
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <Textfield id={ids.name} name="name" label={t('allocation.newScenarioName')} error={form.error('name')} />
        <SelectField
          id={ids.modelVersionId}
          name="modelVersionId"
          label={t('allocation.modelVersion')}
          options={ac.modelVersions.map((v) => ({ value: v.id, label: `${v.number}. ${v.label}` }))}
          error={form.error('modelVersionId')}
        />
        <SelectField
          id={ids.datasetId}
          name="datasetId"
          label={t('allocation.dataset')}
          options={ac.datasets.map((d) => ({ value: d.id, label: `${d.name} (${d.unitCount})` }))}
          error={form.error('datasetId')}
        />
        <Textfield
          id={ids.frameChange}
          name="frameChange"
          inputMode="numeric"
          label={t('allocation.frameChange')}
          error={form.error('frameChange') ?? form.error('frame')}
        />
        <div>
          <Button type="submit" loading={form.pending}>
            {t('allocation.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** A decision of the case adopts the scenario; it is then locked. */
export function AdoptForm({
  scenarioId,
  allocationId,
  decisions,
}: {
  scenarioId: string;
  allocationId: string;
  decisions: { id: string; bodyName: string; decidedOn: string }[];
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const adopt = useAllocationMutation(keys.allocation.detail(allocationId), (input: FormRequest<AdoptScenarioInput>) =>
    api(`/api/scenarios/${scenarioId}/adopt`, { method: 'POST', body: input }),
  );
  const form = useContractForm({
    fieldIds: { decisionId: 'adopt-decision' },
    fallbackPath: 'decisionId',
    values: (f) => {
      setError(null);
      return { decisionId: f.get('decisionId') };
    },
    submit: (data) => adopt.mutateAsync(data),
    // The refusal (a decision of another case, a locked scenario) is said above the form.
    onOtherError: (err) => setError((err as Error).message),
  });
  if (decisions.length === 0) return null;
  return (
    <form onSubmit={form.onSubmit} noValidate className="stack panel narrow" aria-labelledby="adopt-h">
      <Heading level={2} data-size="sm" id="adopt-h">
        {t('allocation.adopt')}
      </Heading>
      {form.summary}
      {error && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {form.done && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('allocation.adoptedDone')}</Paragraph>
        </Alert>
      )}
      <SelectField
        id="adopt-decision"
        name="decisionId"
        label={t('allocation.decision')}
        options={decisions.map((d) => ({ value: d.id, label: `${d.bodyName} ${d.decidedOn}` }))}
        error={form.error('decisionId')}
      />
      <div>
        <Button type="submit" loading={form.pending}>
          {t('allocation.adopt')}
        </Button>
      </div>
    </form>
  );
}
