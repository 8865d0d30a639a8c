import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@samrad/shared/contracts';
import { FormErrorSummary, fieldError } from '../../components/FormErrorSummary.js';
import { SelectField } from '../../components/SelectField.js';
import { api, toFieldErrors, type FormRequest } from '../../lib/api.js';
import { useAllocationMutation, type AllocationCaseView } from './api.js';
import type { Answer } from '@samrad/shared/contracts';
import type { AdoptScenarioInput, CreateScenarioInput } from './api.js';
import { keys } from '../../lib/query-keys.js';

/** A new scenario from a model version and a dataset, with an optional frame change. */
export function NewScenarioForm({ ac, onCreated }: { ac: AllocationCaseView; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const create = useAllocationMutation(keys.allocation.detail(ac.id), (input: FormRequest<CreateScenarioInput>) =>
    api<Answer<'POST /api/allocation-cases/:id/scenarios'>>(`/api/allocation-cases/${ac.id}/scenarios`, { method: 'POST', body: input }),
  );
  const ids = {
    name: 'scenario-new-name',
    modelVersionId: 'scenario-model',
    datasetId: 'scenario-dataset',
    frameChange: 'scenario-frame-change',
  };
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const change = String(f.get('frameChange') ?? '')
      .replace(/\s/g, '')
      .replace(',', '.');
    try {
      const r = (await create.mutateAsync({
        name: f.get('name'),
        modelVersionId: f.get('modelVersionId'),
        datasetId: f.get('datasetId'),
        frameChange: change === '' ? null : Number(change),
      })) as { id: string };
      setErrors([]);
      onCreated(r.id);
    } catch (error) {
      setErrors(toFieldErrors(error, 'name'));
    }
  }
  return (
    <section aria-labelledby="new-scenario-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="new-scenario-h">
        {t('allocation.newScenario')}
      </Heading>
      <FormErrorSummary errors={errors} fieldIds={ids} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack">
        <Textfield id={ids.name} name="name" label={t('allocation.newScenarioName')} error={fieldError(errors, 'name')} />
        <SelectField
          id={ids.modelVersionId}
          name="modelVersionId"
          label={t('allocation.modelVersion')}
          options={ac.modelVersions.map((v) => ({ value: v.id, label: `${v.number}. ${v.label}` }))}
          error={fieldError(errors, 'modelVersionId')}
        />
        <SelectField
          id={ids.datasetId}
          name="datasetId"
          label={t('allocation.dataset')}
          options={ac.datasets.map((d) => ({ value: d.id, label: `${d.name} (${d.unitCount})` }))}
          error={fieldError(errors, 'datasetId')}
        />
        <Textfield
          id={ids.frameChange}
          name="frameChange"
          inputMode="numeric"
          label={t('allocation.frameChange')}
          error={fieldError(errors, 'frameChange') ?? fieldError(errors, 'frame')}
        />
        <div>
          <Button type="submit" loading={create.isPending}>
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
  const [done, setDone] = useState(false);
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    try {
      await adopt.mutateAsync({ decisionId: new FormData(e.currentTarget).get('decisionId') });
      setDone(true);
      setError(null);
    } catch (err) {
      setError((err as Error).message);
    }
  }
  if (decisions.length === 0) return null;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack panel narrow" aria-labelledby="adopt-h">
      <Heading level={2} data-size="sm" id="adopt-h">
        {t('allocation.adopt')}
      </Heading>
      {error && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {done && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('allocation.adoptedDone')}</Paragraph>
        </Alert>
      )}
      <SelectField
        id="adopt-decision"
        name="decisionId"
        label={t('allocation.decision')}
        options={decisions.map((d) => ({ value: d.id, label: `${d.bodyName} ${d.decidedOn}` }))}
      />
      <div>
        <Button type="submit" loading={adopt.isPending}>
          {t('allocation.adopt')}
        </Button>
      </div>
    </form>
  );
}
