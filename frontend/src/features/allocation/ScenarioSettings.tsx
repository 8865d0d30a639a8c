import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateScenarioSchema } from '@samrad/shared/contracts';
import { amountOf } from '../../lib/numbers.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { useUpdateScenario, type ScenarioView, type UpdateScenarioInput } from './api.js';
import { StaleNotice } from './StaleNotice.js';

type FrameKind = 'model' | 'frame' | 'frameChange';

/**
 * The scenario's name and its frame: the model's own sum, a fixed frame, or a change to the model's sum.
 * A PATCH sends only what changed; a stale version (409) is said with the server's Norwegian message.
 */
export function ScenarioSettings({
  allocationId,
  scenario,
  onReload,
  onSaved,
}: {
  allocationId: string;
  scenario: ScenarioView;
  onReload: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateScenario(allocationId, scenario.id);
  const initialKind: FrameKind = scenario.frame !== null ? 'frame' : scenario.frameChange !== null ? 'frameChange' : 'model';
  const [kind, setKind] = useState<FrameKind>(initialKind);
  const [nothing, setNothing] = useState(false);
  const ids = { name: 'settings-name', frame: 'settings-amount', frameChange: 'settings-amount', version: 'settings-name' };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'name',
    onStale: true,
    schema: updateScenarioSchema,
    values: (f): UpdateScenarioInput => {
      const patch: UpdateScenarioInput = { version: scenario.version };
      const name = String(f.get('name') ?? '');
      if (name !== scenario.name) patch.name = name;
      const amount = kind === 'model' ? null : amountOf(f.get('amount'));
      const frame = kind === 'frame' ? (amount ?? '') : null;
      const frameChange = kind === 'frameChange' ? (amount ?? '') : null;
      if (frame !== scenario.frame) patch.frame = frame as number | null;
      if (frameChange !== scenario.frameChange) patch.frameChange = frameChange as number | null;
      // One of the two replaces the other on the server; send only the one chosen.
      if (kind === 'frame' && patch.frame !== undefined) delete patch.frameChange;
      if (kind === 'frameChange' && patch.frameChange !== undefined) delete patch.frame;
      return patch;
    },
    submit: async (data) => {
      if (Object.keys(data).length === 1) {
        setNothing(true);
        return;
      }
      setNothing(false);
      await update.mutateAsync(data);
      onSaved();
    },
  });
  // An empty amount is a missing amount, not «no frame».
  const amountError = form.error('frame') ?? form.error('frameChange');
  return (
    <section aria-labelledby="settings-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="settings-h">
        {t('allocation.settings')}
      </Heading>
      <StaleNotice
        stale={form.stale}
        onReload={() => {
          form.clearStale();
          onReload();
        }}
      />
      {form.summary}
      {form.done && !nothing && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('allocation.updated')}</Paragraph>
        </Alert>
      )}
      {nothing && (
        <Alert data-color="info" role="status">
          <Paragraph>{t('allocation.nothingChanged')}</Paragraph>
        </Alert>
      )}
      <form onSubmit={form.onSubmit} noValidate className="stack" key={`${scenario.id}:${scenario.version}`}>
        <Textfield id={ids.name} name="name" label={t('allocation.scenarioName')} defaultValue={scenario.name} error={form.error('name')} />
        <Fieldset>
          <Fieldset.Legend>{t('allocation.frameKind')}</Fieldset.Legend>
          {(['model', 'frame', 'frameChange'] as const).map((k) => (
            <Radio
              key={k}
              name="frameKind"
              value={k}
              label={t(`allocation.frameKinds.${k}`)}
              checked={kind === k}
              onChange={() => setKind(k)}
            />
          ))}
        </Fieldset>
        {kind !== 'model' && (
          <Textfield
            key={kind}
            id={ids.frame}
            name="amount"
            inputMode="numeric"
            label={kind === 'frame' ? t('allocation.frameAmount') : t('allocation.frameChange')}
            defaultValue={String((kind === 'frame' ? scenario.frame : scenario.frameChange) ?? '')}
            error={amountError}
          />
        )}
        <div>
          <Button type="submit" loading={form.pending}>
            {t('allocation.saveChanges')}
          </Button>
        </div>
      </form>
    </section>
  );
}
