import { Alert, Button, Details, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { updateCaseSchema, type Answer } from '@samrad/shared/contracts';
import { SelectField } from '../../components/SelectField.js';
import { api, type FormRequest } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { useCaseMutation, type CaseView } from './api.js';
import { ReferencesField, referenceFieldIds } from './CaseReferences.js';

type UpdateCaseInput = z.input<typeof updateCaseSchema>;

const IDS = { title: 'case-edit-title', mandateItemId: 'case-edit-item', version: 'case-edit-title', ...referenceFieldIds('case-edit') };

/**
 * The officer edits the case: its title, its mandate item and its references to earlier cases and
 * decisions. Only the fields that changed are sent (a PATCH changes only what it is sent); when someone
 * else saved first (409) the form says so and keeps what this person wrote.
 */
export function CaseEditForm({ kase, mandateItems }: { kase: CaseView; mandateItems: { id: string; number: number; title: string }[] }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [nothing, setNothing] = useState(false);
  const save = useCaseMutation(kase.id, (input: FormRequest<UpdateCaseInput>) =>
    api<Answer<'PATCH /api/cases/:id'>>(`/api/cases/${kase.id}`, { method: 'PATCH', body: input }),
  );
  const form = useContractForm({
    fieldIds: IDS,
    fallbackPath: 'title',
    schema: updateCaseSchema,
    onStale: true,
    values: (f) => {
      const title = String(f.get('title') ?? '');
      const mandateItemId = String(f.get('mandateItemId') ?? '') || null;
      const references = f.getAll('references').map(String);
      const stored = kase.references.map((r) => r.text);
      return {
        version: kase.version,
        ...(title !== kase.title ? { title } : {}),
        ...(mandateItemId !== (kase.mandateItem?.id ?? null) ? { mandateItemId } : {}),
        ...(references.length !== stored.length || references.some((r, i) => r !== stored[i]) ? { references } : {}),
      };
    },
    submit: async (data) => {
      setNothing(Object.keys(data).length === 1);
      if (Object.keys(data).length > 1) await save.mutateAsync(data);
    },
  });
  // The case's own item is offered even when it is not in the current mandate's list.
  const items =
    kase.mandateItem && !mandateItems.some((i) => i.id === kase.mandateItem?.id) ? [kase.mandateItem, ...mandateItems] : mandateItems;
  return (
    <section aria-labelledby="case-edit-h" className="panel narrow">
      <Heading level={3} data-size="xs" id="case-edit-h">
        {t('cases.editCase')}
      </Heading>
      {form.done && (
        <Alert data-color={nothing ? 'info' : 'success'} role="status">
          <Paragraph>{nothing ? t('cases.nothingChanged') : t('cases.caseSaved')}</Paragraph>
        </Alert>
      )}
      {form.stale && (
        <Alert data-color="warning" role="alert">
          <Heading level={4} data-size="2xs">
            {t('app.staleTitle')}
          </Heading>
          <Paragraph>{t('app.staleText')}</Paragraph>
          <Paragraph data-size="sm">{t('cases.staleCaseKeep')}</Paragraph>
          <Button
            data-size="sm"
            variant="secondary"
            onClick={() => {
              // The case as it is now; the form keeps what this person wrote, now based on it.
              void qc.invalidateQueries({ queryKey: keys.cases.detail(kase.id) });
              form.clearStale();
            }}
          >
            {t('app.reload')}
          </Button>
        </Alert>
      )}
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <Textfield id={IDS.title} name="title" label={t('cases.editTitle')} defaultValue={kase.title} error={form.error('title')} />
        <SelectField
          id={IDS.mandateItemId}
          name="mandateItemId"
          label={t('cases.mandateItem')}
          defaultValue={kase.mandateItem?.id ?? ''}
          error={form.error('mandateItemId')}
          options={[
            { value: '', label: t('cases.noMandateItem') },
            ...items.map((i) => ({ value: i.id, label: `${i.number}. ${i.title}` })),
          ]}
        />
        <ReferencesField idPrefix="case-edit" initial={kase.references.map((r) => r.text)} error={form.error} />
        <div>
          <Button type="submit" loading={form.pending}>
            {t('cases.saveCase')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** «Rediger saken», folded away on the case page until the officer opens it. */
export function CaseEditDetails(props: { kase: CaseView; mandateItems: { id: string; number: number; title: string }[] }) {
  const { t } = useTranslation();
  return (
    <Details>
      <Details.Summary>{t('cases.editCase')}</Details.Summary>
      <Details.Content>
        <CaseEditForm {...props} />
      </Details.Content>
    </Details>
  );
}
