import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import {
  MANDATE_ITEM_STATUSES,
  createMandateItemSchema,
  createMandateSchema,
  updateMandateItemSchema,
  updateMandateSchema,
  type Answer,
} from '@samrad/shared/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField.js';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';
import { useContractForm, useFormErrors } from '../../lib/useContractForm.js';
import type { DecisionOption, MandateItemView, MandateView, Person } from './api.js';

const text = (f: FormData, name: string) => {
  const v = String(f.get(name) ?? '').trim();
  return v === '' ? null : v;
};
const personLabel = (p: Person) => (p.title ? `${p.name} (${p.title})` : p.name);

/**
 * Officers create the mandate, or edit it: its title, description and end date, and the vedtak that
 * adopted it — a vedtak in Samråd (a link), or one taken before Samråd as text (body, case number, date).
 */
export function MandateForm({
  mandate,
  bodies,
  decisions,
}: {
  mandate?: MandateView;
  bodies: { id: string; name: string }[];
  decisions: DecisionOption[];
}) {
  const { t } = useTranslation();
  const save = useInvalidatingMutation(
    (input: unknown) =>
      mandate
        ? api<Answer<'PATCH /api/mandates/:id'>>(`/api/mandates/${mandate.id}`, { method: 'PATCH', body: input })
        : api<Answer<'POST /api/mandates'>>('/api/mandates', { method: 'POST', body: input }),
    keys.mandate,
  );
  const prefix = mandate ? 'mandate-edit' : 'mandate-new';
  const ids = {
    title: `${prefix}-title`,
    description: `${prefix}-description`,
    endDate: `${prefix}-end`,
    adoptedDecisionId: `${prefix}-decision`,
    adoptedByBodyId: `${prefix}-body`,
    adoptedCaseNumber: `${prefix}-case-number`,
    adoptedDate: `${prefix}-date`,
  };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'title',
    onStale: !!mandate,
    schema: (mandate ? updateMandateSchema : createMandateSchema) as typeof createMandateSchema,
    values: (f) => ({
      ...(mandate ? { version: mandate.version } : {}),
      title: f.get('title'),
      description: f.get('description') ?? '',
      endDate: f.get('endDate'),
      adoptedDecisionId: text(f, 'adoptedDecisionId'),
      adoptedByBodyId: text(f, 'adoptedByBodyId'),
      adoptedCaseNumber: text(f, 'adoptedCaseNumber'),
      adoptedDate: text(f, 'adoptedDate'),
    }),
    submit: (data) => save.mutateAsync(data),
  });
  const headingId = `${prefix}-h`;
  return (
    <section aria-labelledby={headingId} className="panel narrow">
      <Heading level={2} data-size="sm" id={headingId}>
        {mandate ? t('mandate.form.editTitle') : t('mandate.form.newTitle')}
      </Heading>
      {form.summary}
      {form.stale && (
        <Alert data-color="warning">
          <Paragraph>{t('mandate.form.stale')}</Paragraph>
        </Alert>
      )}
      {form.done && mandate && <Paragraph role="status">{t('mandate.form.saved')}</Paragraph>}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <Textfield id={ids.title} name="title" label={t('mandate.form.title')} defaultValue={mandate?.title} error={form.error('title')} />
        <Textfield
          id={ids.description}
          name="description"
          multiline
          rows={4}
          label={t('mandate.form.description')}
          defaultValue={mandate?.description}
          error={form.error('description')}
        />
        <Textfield
          id={ids.endDate}
          name="endDate"
          type="date"
          label={t('mandate.form.endDate')}
          defaultValue={mandate?.endDate}
          error={form.error('endDate')}
        />
        <fieldset className="stack">
          <legend>{t('mandate.form.adoptedLegend')}</legend>
          <SelectField
            id={ids.adoptedDecisionId}
            name="adoptedDecisionId"
            label={t('mandate.form.adoptedDecision')}
            defaultValue={mandate?.adoptedDecisionId ?? ''}
            options={[{ value: '', label: t('mandate.form.noDecision') }, ...decisions.map((d) => ({ value: d.id, label: d.label }))]}
            error={form.error('adoptedDecisionId')}
          />
          <Paragraph data-size="sm">{t('mandate.form.beforeSamrad')}</Paragraph>
          <SelectField
            id={ids.adoptedByBodyId}
            name="adoptedByBodyId"
            label={t('mandate.form.adoptedBy')}
            defaultValue={mandate?.adoptedByBodyId ?? ''}
            options={[{ value: '', label: t('mandate.form.noBody') }, ...bodies.map((b) => ({ value: b.id, label: b.name }))]}
            error={form.error('adoptedByBodyId')}
          />
          <Textfield
            id={ids.adoptedCaseNumber}
            name="adoptedCaseNumber"
            label={t('mandate.form.caseNumber')}
            description={t('mandate.form.caseNumberHelp')}
            defaultValue={mandate?.adoptedCaseNumber ?? ''}
            error={form.error('adoptedCaseNumber')}
          />
          <Textfield
            id={ids.adoptedDate}
            name="adoptedDate"
            type="date"
            label={t('mandate.form.adoptedDate')}
            defaultValue={mandate?.adoptedDate ?? ''}
            error={form.error('adoptedDate')}
          />
        </fieldset>
        <div>
          <Button type="submit" loading={form.pending}>
            {mandate ? t('mandate.form.save') : t('mandate.form.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Officers add an item to the mandate, or edit one: number, title, description, owner, due date (and status when editing). */
export function MandateItemForm({
  mandateId,
  item,
  people,
  nextNumber = 1,
}: {
  mandateId: string;
  item?: MandateItemView;
  people: Person[];
  nextNumber?: number;
}) {
  const { t } = useTranslation();
  const save = useInvalidatingMutation(
    (input: unknown) =>
      item
        ? api<Answer<'PATCH /api/mandates/:id/items/:itemId'>>(`/api/mandates/${mandateId}/items/${item.id}`, {
            method: 'PATCH',
            body: input,
          })
        : api<Answer<'POST /api/mandates/:id/items'>>(`/api/mandates/${mandateId}/items`, { method: 'POST', body: input }),
    keys.mandate,
  );
  const prefix = item ? `item-${item.id}` : 'item-new';
  const ids = {
    number: `${prefix}-number`,
    title: `${prefix}-title`,
    description: `${prefix}-description`,
    ownerId: `${prefix}-owner`,
    dueDate: `${prefix}-due`,
    status: `${prefix}-status`,
  };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'title',
    onStale: !!item,
    resetOnDone: !item,
    schema: (item ? updateMandateItemSchema : createMandateItemSchema) as typeof createMandateItemSchema,
    values: (f) => {
      const n = String(f.get('number') ?? '').trim();
      return {
        ...(item ? { version: item.version, status: f.get('status') } : {}),
        number: n === '' ? undefined : Number(n),
        title: f.get('title'),
        description: f.get('description') ?? '',
        ownerId: text(f, 'ownerId'),
        dueDate: text(f, 'dueDate'),
      };
    },
    submit: (data) => save.mutateAsync(data),
  });
  // Owners come from the administration (case officers and administrators), shown with their title.
  const owners = people.filter((p) => p.status !== 'disabled' && (p.isCaseOfficer || p.isAdmin));
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      className="stack"
      aria-label={item ? t('mandate.form.editItemNamed', { title: item.title }) : t('mandate.form.newItem')}
    >
      {form.summary}
      {form.stale && (
        <Alert data-color="warning">
          <Paragraph>{t('mandate.form.stale')}</Paragraph>
        </Alert>
      )}
      <Textfield
        id={ids.number}
        name="number"
        type="number"
        label={t('mandate.form.number')}
        defaultValue={String(item?.number ?? nextNumber)}
        error={form.error('number')}
      />
      <Textfield id={ids.title} name="title" label={t('mandate.form.itemTitle')} defaultValue={item?.title} error={form.error('title')} />
      <Textfield
        id={ids.description}
        name="description"
        multiline
        rows={3}
        label={t('mandate.form.description')}
        defaultValue={item?.description}
        error={form.error('description')}
      />
      <SelectField
        id={ids.ownerId}
        name="ownerId"
        label={t('mandate.owner')}
        defaultValue={item?.owner?.id ?? ''}
        options={[{ value: '', label: t('mandate.noOwner') }, ...owners.map((p) => ({ value: p.id, label: personLabel(p) }))]}
        error={form.error('ownerId')}
      />
      <Textfield
        id={ids.dueDate}
        name="dueDate"
        type="date"
        label={t('mandate.due')}
        defaultValue={item?.dueDate ?? ''}
        error={form.error('dueDate')}
      />
      {item && (
        <SelectField
          id={ids.status}
          name="status"
          label={t('mandate.status')}
          defaultValue={item.status}
          options={MANDATE_ITEM_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          error={form.error('status')}
        />
      )}
      {form.done && item && <Paragraph role="status">{t('mandate.form.saved')}</Paragraph>}
      <div>
        <Button type="submit" loading={form.pending}>
          {item ? t('mandate.form.saveItem') : t('mandate.form.addItem')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Move an item up or down, and close it. Both buttons stay in place at the ends of the list
 * (aria-disabled, not removed), so the keyboard focus stays on the button that was pressed.
 */
export function ItemActions({ mandateId, items, index }: { mandateId: string; items: MandateItemView[]; index: number }) {
  const { t } = useTranslation();
  const item = items[index]!;
  const errors = useFormErrors({ fieldIds: {}, fallbackPath: `order-${item.id}` });
  const reorder = useInvalidatingMutation(
    (itemIds: string[]) =>
      api<Answer<'PUT /api/mandates/:id/item-order'>>(`/api/mandates/${mandateId}/item-order`, { method: 'PUT', body: { itemIds } }),
    keys.mandate,
  );
  const close = useInvalidatingMutation(
    () =>
      api<Answer<'PATCH /api/mandates/:id/items/:itemId'>>(`/api/mandates/${mandateId}/items/${item.id}`, {
        method: 'PATCH',
        body: { version: item.version, status: 'done' },
      }),
    keys.mandate,
  );
  const move = (by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= items.length) return;
    const ids = items.map((i) => i.id);
    [ids[index], ids[to]] = [ids[to]!, ids[index]!];
    void errors.run(() => reorder.mutateAsync(ids));
  };
  const first = index === 0;
  const last = index === items.length - 1;
  return (
    <div className="stack">
      <div className="row">
        <Button
          variant="tertiary"
          data-size="sm"
          aria-disabled={first || undefined}
          aria-label={t('mandate.moveUp', { title: item.title })}
          onClick={() => move(-1)}
        >
          {t('mandate.up')}
        </Button>
        <Button
          variant="tertiary"
          data-size="sm"
          aria-disabled={last || undefined}
          aria-label={t('mandate.moveDown', { title: item.title })}
          onClick={() => move(1)}
        >
          {t('mandate.down')}
        </Button>
        {item.status !== 'done' && (
          <Button
            variant="secondary"
            data-size="sm"
            aria-label={t('mandate.closeItem', { title: item.title })}
            onClick={() => void errors.run(() => close.mutateAsync())}
          >
            {t('mandate.close')}
          </Button>
        )}
      </div>
      {errors.errors.length > 0 && (
        <Paragraph role="alert" data-size="sm">
          {errors.errors.map((e) => e.message).join(' ')}
        </Paragraph>
      )}
    </div>
  );
}
