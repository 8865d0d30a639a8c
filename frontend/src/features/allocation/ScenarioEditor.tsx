import { amountOf } from '../../lib/numbers.js';
import { Alert, Button, Details, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useContractForm, useFormErrors } from '../../lib/useContractForm.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useAllocationMutation, useUpdateScenario, type ScenarioView } from './api.js';
import { StaleNotice } from './StaleNotice.js';
import type { LiveScenario } from './liveScenario.js';
import { rateValue } from './rateEdits.js';
import type { Answer } from '@samrad/shared/contracts';
import type { CreateScenarioInput } from './api.js';
import { keys } from '../../lib/query-keys.js';

/** «Prøv et scenario»: a frame change and rates tried live; an officer saves the result as a new scenario. */
export function ScenarioEditor({
  allocationId,
  scenario,
  edit,
  canSave,
  onSaved,
  onMessage,
  onReload,
}: {
  allocationId: string;
  scenario: ScenarioView;
  edit: LiveScenario;
  canSave: boolean;
  onSaved: (id: string) => void;
  onMessage: (message: { kind: 'success' | 'danger'; text: string }) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { frameChange, setFrameChange, rateEdits, setRateEdits, overrides, live } = edit;
  const save = useAllocationMutation(keys.allocation.detail(allocationId), (input: FormRequest<CreateScenarioInput>) =>
    api<Answer<'POST /api/allocation-cases/:id/scenarios'>>(`/api/allocation-cases/${allocationId}/scenarios`, {
      method: 'POST',
      body: input,
    }),
  );
  /** The scenario's own overrides with this person's rates on top. */
  const mergedOverrides = () =>
    [
      ...(scenario.overrides ?? []).filter(
        (o) => !(Array.isArray(overrides) && overrides.some((n) => n.criterion === o.criterion && n.stage === o.stage)),
      ),
      ...(Array.isArray(overrides) ? overrides : []),
    ] as NonNullable<CreateScenarioInput['overrides']>;
  const form = useContractForm({
    // The frame change and rates are checked live above; what the server refuses of them is listed in the summary.
    fieldIds: { name: 'scenario-name', frameChange: 'frame-change', frame: 'frame-change' },
    fallbackPath: 'name',
    values: (f) => ({
      name: f.get('name'),
      modelVersionId: scenario.modelVersionId,
      datasetId: scenario.datasetId,
      // The new scenario is the one on screen: the base scenario's frame, overrides and adjustments,
      // with this person's frame change and rates on top.
      ...(frameChange.trim() === ''
        ? { frame: scenario.frame ?? null, frameChange: scenario.frameChange }
        : { frame: null, frameChange: amountOf(frameChange) }),
      overrides: mergedOverrides(),
      adjustments: scenario.adjustments ?? [],
    }),
    submit: async (data) => {
      const r = await save.mutateAsync(data);
      edit.reset();
      onSaved(r.id);
      onMessage({ kind: 'success', text: t('allocation.saved') });
    },
    // A refusal that names no field (a locked scenario, no access) is the page's message.
    onOtherError: (error) => onMessage({ kind: 'danger', text: (error as Error).message }),
  });
  // The same rates and frame change saved into this scenario (a new version of it): a PATCH of those alone.
  const update = useUpdateScenario(allocationId, scenario.id);
  const inPlace = useFormErrors({
    fieldIds: { overrides: 'frame-change', frameChange: 'frame-change' },
    fallbackPath: 'overrides',
    onStale: true,
  });
  const saveHere = () =>
    void inPlace.run(async () => {
      const body = {
        version: scenario.version,
        overrides: mergedOverrides(),
        ...(frameChange.trim() === '' ? {} : { frameChange: amountOf(frameChange) }),
      };
      await update.mutateAsync(body);
      edit.reset();
      onMessage({ kind: 'success', text: t('allocation.updated') });
    });
  return (
    <section aria-labelledby="editor-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="editor-h">
        {t('allocation.editor')}
      </Heading>
      <Paragraph data-size="sm">{t('allocation.editorHelp')}</Paragraph>
      {scenario.adopted && (
        <Alert data-color="info">
          <Paragraph>{t('allocation.locked')}</Paragraph>
        </Alert>
      )}
      <Textfield
        id="frame-change"
        inputMode="numeric"
        label={t('allocation.frameChange')}
        value={frameChange}
        onChange={(e) => setFrameChange(e.target.value)}
        error={live?.error}
      />
      <Details>
        <Details.Summary>{t('allocation.editRates')}</Details.Summary>
        <Details.Content>
          {scenario.input.criteria.map((c) => (
            <Fieldset key={c.id}>
              <Fieldset.Legend>{c.label}</Fieldset.Legend>
              <div className="row">
                {(Object.entries(c.rate) as [string, Parameters<typeof rateValue>[0]][]).map(([stage, rate]) => {
                  const current = rateValue(rate);
                  const key = `${c.id}:${stage}`;
                  return (
                    <Textfield
                      key={key}
                      id={`rate-${c.id}-${stage}`}
                      inputMode="decimal"
                      label={t('allocation.rateLabel', {
                        stage: t(`allocation.stage.${stage}`),
                        unit: t(`allocation.rateUnit.${current.unit}`),
                      })}
                      value={rateEdits[key] ?? String(current.value).replace('.', ',')}
                      onChange={(e) => setRateEdits((prev) => ({ ...prev, [key]: e.target.value }))}
                      error={
                        'invalid' in overrides && overrides.invalid.key === key ? t('allocation.invalidRate', overrides.invalid) : undefined
                      }
                    />
                  );
                })}
              </div>
            </Fieldset>
          ))}
        </Details.Content>
      </Details>
      {canSave && live?.result && !scenario.adopted && (
        <div className="stack">
          <StaleNotice
            stale={inPlace.stale}
            onReload={() => {
              inPlace.clearStale();
              onReload();
            }}
          />
          {inPlace.summary}
          <div>
            <Button type="button" variant="secondary" loading={inPlace.pending} onClick={saveHere}>
              {t('allocation.saveInScenario', { name: scenario.name })}
            </Button>
          </div>
        </div>
      )}
      {canSave && live?.result && (
        <form onSubmit={form.onSubmit} className="stack" noValidate>
          {form.summary}
          <Textfield id="scenario-name" name="name" label={t('allocation.newScenarioName')} error={form.error('name')} />
          <div>
            <Button type="submit" loading={form.pending}>
              {t('allocation.saveScenario')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
