import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.js';
import { osloIsoOrAsIs, useContractForm } from '../../lib/useContractForm.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useRoundMutation } from './api.js';
import type { ExtensionInput } from './api.js';

/** The officer grants an invited body a later deadline of its own (in Oslo time). */
export function ExtensionForm({ roundId, bodies }: { roundId: string; bodies: { bodyId: string; bodyName: string }[] }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  const extend = useRoundMutation(roundId, (input: FormRequest<ExtensionInput>) =>
    api(`/api/rounds/${roundId}/extensions`, { method: 'POST', body: input }),
  );
  const ids = { bodyId: 'extension-body', until: 'extension-until' };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'until',
    values: (f) => ({ bodyId: f.get('bodyId'), until: osloIsoOrAsIs(f.get('until')) }),
    submit: async (data) => {
      await extend.mutateAsync(data);
      setDone(bodies.find((b) => b.bodyId === data.bodyId)?.bodyName ?? '');
    },
  });
  return (
    <section aria-labelledby="extension-h" className="panel narrow">
      <Heading level={3} data-size="xs" id="extension-h">
        {t('rounds.grantExtension')}
      </Heading>
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <SelectField
          id={ids.bodyId}
          name="bodyId"
          label={t('cases.body')}
          options={bodies.map((b) => ({ value: b.bodyId, label: b.bodyName }))}
          error={form.error('bodyId')}
        />
        <Textfield id={ids.until} name="until" type="datetime-local" label={t('rounds.extensionUntil')} error={form.error('until')} />
        <div>
          <Button type="submit" variant="secondary" loading={form.pending}>
            {t('rounds.grant')}
          </Button>
        </div>
        {form.done && done !== null && <p role="status">{t('rounds.extensionGranted', { body: done })}</p>}
      </form>
    </section>
  );
}
