import { Button, Heading, Textfield } from '@digdir/designsystemet-react';
import { osloLocalToIso } from '@samrad/shared/domain';
import type { FieldError } from '@samrad/shared/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary, fieldError } from '../../components/FormErrorSummary.js';
import { SelectField } from '../../components/SelectField.js';
import { api, toFieldErrors, type FormRequest } from '../../lib/api.js';
import { useRoundMutation } from './api.js';
import type { ExtensionInput } from './api.js';

/** The officer grants an invited body a later deadline of its own (in Oslo time). */
export function ExtensionForm({ roundId, bodies }: { roundId: string; bodies: { bodyId: string; bodyName: string }[] }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const extend = useRoundMutation(roundId, (input: FormRequest<ExtensionInput>) =>
    api(`/api/rounds/${roundId}/extensions`, { method: 'POST', body: input }),
  );
  const ids = { bodyId: 'extension-body', until: 'extension-until' };
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const local = String(f.get('until') ?? '');
    let until = local;
    try {
      until = local ? osloLocalToIso(local) : '';
    } catch {
      // the server names the problem
    }
    setDone(null);
    try {
      await extend.mutateAsync({ bodyId: f.get('bodyId'), until });
      setErrors([]);
      setDone(bodies.find((b) => b.bodyId === f.get('bodyId'))?.bodyName ?? '');
    } catch (error) {
      setErrors(toFieldErrors(error, 'until'));
    }
  }
  return (
    <section aria-labelledby="extension-h" className="panel narrow">
      <Heading level={3} data-size="xs" id="extension-h">
        {t('rounds.grantExtension')}
      </Heading>
      <FormErrorSummary errors={errors} fieldIds={ids} />
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack">
        <SelectField
          id={ids.bodyId}
          name="bodyId"
          label={t('cases.body')}
          options={bodies.map((b) => ({ value: b.bodyId, label: b.bodyName }))}
          error={fieldError(errors, 'bodyId')}
        />
        <Textfield
          id={ids.until}
          name="until"
          type="datetime-local"
          label={t('rounds.extensionUntil')}
          error={fieldError(errors, 'until')}
        />
        <div>
          <Button type="submit" variant="secondary" loading={extend.isPending}>
            {t('rounds.grant')}
          </Button>
        </div>
        {done !== null && <p role="status">{t('rounds.extensionGranted', { body: done })}</p>}
      </form>
    </section>
  );
}
