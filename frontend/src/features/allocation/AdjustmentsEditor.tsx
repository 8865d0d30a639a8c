import { Alert, Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateScenarioSchema } from '@samrad/shared/contracts';
import { SelectField } from '../../components/SelectField.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { useUpdateScenario, type ScenarioView } from './api.js';
import { signed } from './format.js';
import { amountOf } from '../../lib/numbers.js';
import { StaleNotice } from './StaleNotice.js';

interface Row {
  key: number;
  unit: string;
  amount: string;
  reason: string;
}

let nextKey = 1;
const rowsOf = (scenario: ScenarioView): Row[] =>
  scenario.adjustments.map((a) => ({ key: nextKey++, unit: a.unit, amount: String(a.amount), reason: a.reason }));

/**
 * Adjustments (justeringer): an amount for one unit with its reason, outside the model's criteria.
 * Shown apart from the model's figures; an officer enters them in the table and saves them with a PATCH
 * that sends the adjustments alone.
 */
export function AdjustmentsEditor({
  allocationId,
  scenario,
  canEdit,
  onReload,
}: {
  allocationId: string;
  scenario: ScenarioView;
  canEdit: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateScenario(allocationId, scenario.id);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(scenario));
  const [readAt, setReadAt] = useState(`${scenario.id}:${scenario.version}`);
  // Another version of the scenario on screen: its adjustments replace the rows.
  if (readAt !== `${scenario.id}:${scenario.version}`) {
    setReadAt(`${scenario.id}:${scenario.version}`);
    setRows(rowsOf(scenario));
  }
  const unitName = (id: string) => scenario.result.units.find((u) => u.id === id)?.name ?? id;
  const fieldIds = Object.fromEntries(
    rows.flatMap((_, i) => [
      [`adjustments.${i}.unit`, `adj-${i}-unit`],
      [`adjustments.${i}.amount`, `adj-${i}-amount`],
      [`adjustments.${i}.reason`, `adj-${i}-reason`],
    ]),
  );
  const form = useContractForm({
    fieldIds: { ...fieldIds, adjustments: 'adj-add', version: 'adj-add' },
    fallbackPath: 'adjustments',
    onStale: true,
    schema: updateScenarioSchema,
    values: () => ({
      version: scenario.version,
      adjustments: rows.map((r) => ({ unit: r.unit, amount: amountOf(r.amount) ?? '', reason: r.reason })),
    }),
    submit: (data) => update.mutateAsync(data),
  });
  const set = (key: number, patch: Partial<Row>) => setRows((prev) => prev.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const editable = canEdit && !scenario.adopted;

  if (!editable) {
    if (scenario.adjustments.length === 0) return null;
    return (
      <section aria-labelledby="adj-h">
        <Heading level={2} data-size="sm" id="adj-h">
          {t('allocation.adjustments')}
        </Heading>
        <Table>
          <caption className="visually-hidden">{t('allocation.adjustments')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('allocation.unit')}</Table.HeaderCell>
              <Table.HeaderCell>{t('allocation.adjustmentAmount')}</Table.HeaderCell>
              <Table.HeaderCell>{t('allocation.adjustmentReason')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {scenario.adjustments.map((a, i) => (
              <Table.Row key={i}>
                <Table.HeaderCell scope="row">{unitName(a.unit)}</Table.HeaderCell>
                <Table.Cell className="num">{signed.format(a.amount)}</Table.Cell>
                <Table.Cell>{a.reason}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </section>
    );
  }
  return (
    <section aria-labelledby="adj-h" className="panel">
      <Heading level={2} data-size="sm" id="adj-h">
        {t('allocation.adjustments')}
      </Heading>
      <Paragraph data-size="sm">{t('allocation.adjustmentsHelp')}</Paragraph>
      <StaleNotice
        stale={form.stale}
        onReload={() => {
          form.clearStale();
          onReload();
        }}
      />
      {form.summary}
      {form.done && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('allocation.updated')}</Paragraph>
        </Alert>
      )}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        {rows.length > 0 && (
          <Table>
            <caption className="visually-hidden">{t('allocation.adjustments')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('allocation.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('allocation.adjustmentAmount')}</Table.HeaderCell>
                <Table.HeaderCell>{t('allocation.adjustmentReason')}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('allocation.remove')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((r, i) => (
                <Table.Row key={r.key}>
                  <Table.Cell>
                    <SelectField
                      id={`adj-${i}-unit`}
                      name={`unit-${i}`}
                      label={t('allocation.adjustmentUnitN', { n: i + 1 })}
                      value={r.unit}
                      onChange={(e) => set(r.key, { unit: e.target.value })}
                      options={scenario.result.units.map((u) => ({ value: u.id, label: u.name }))}
                      error={form.error(`adjustments.${i}.unit`)}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Textfield
                      id={`adj-${i}-amount`}
                      inputMode="numeric"
                      label={t('allocation.adjustmentAmountN', { n: i + 1 })}
                      value={r.amount}
                      onChange={(e) => set(r.key, { amount: e.target.value })}
                      error={form.error(`adjustments.${i}.amount`)}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Textfield
                      id={`adj-${i}-reason`}
                      label={t('allocation.adjustmentReasonN', { n: i + 1 })}
                      value={r.reason}
                      onChange={(e) => set(r.key, { reason: e.target.value })}
                      error={form.error(`adjustments.${i}.reason`)}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      onClick={() => setRows((prev) => prev.filter((x) => x.key !== r.key))}
                    >
                      {t('allocation.removeAdjustment', { n: i + 1 })}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        <div className="row">
          <Button
            id="adj-add"
            type="button"
            variant="secondary"
            onClick={() =>
              setRows((prev) => [...prev, { key: nextKey++, unit: scenario.result.units[0]?.id ?? '', amount: '', reason: '' }])
            }
          >
            {t('allocation.addAdjustment')}
          </Button>
          <Button type="submit" loading={form.pending}>
            {t('allocation.saveAdjustments')}
          </Button>
        </div>
      </form>
    </section>
  );
}
