import { Heading, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decimalOf, optionalDecimalOf, showDecimal } from '../../lib/numbers.js';
import type { SavingsInput, ToolView } from './api.js';
import { fieldId, patchRow, rowKey, useInputForm } from './draft.js';
import { AddButton, Cell, ListError, RemoveButton, SaveRow } from './EditCells.js';

interface TargetDraft {
  key: number;
  year: string;
  amount: string;
}

/** The savings plan's target per year (and the base budget it is measured against); the measures are kept as they are. */
export function TargetsForm({ tool }: { tool: ToolView<'savings'> }) {
  const { t } = useTranslation();
  const input = tool.input as unknown as SavingsInput;
  const [baseBudget, setBaseBudget] = useState(showDecimal(input.baseBudget));
  const [targets, setTargets] = useState<TargetDraft[]>(() =>
    input.targets.map((x) => ({ key: rowKey(), year: String(x.year), amount: showDecimal(x.amount) })),
  );
  const form = useInputForm(tool, () => {
    const base = optionalDecimalOf(baseBudget);
    return {
      ...(base === undefined ? {} : { baseBudget: base }),
      targets: targets.map((x) => ({ year: decimalOf(x.year), amount: decimalOf(x.amount) })),
      // The measures as last saved (with what the officer's measure form and the unit leaders added).
      measures: (tool.input as unknown as SavingsInput).measures,
    };
  });
  const { err } = form;
  const set = (key: number, patch: Partial<TargetDraft>) => setTargets((xs) => patchRow(xs, key, patch));
  const cols = { year: t('analysis.year'), amount: t('analysis.form.targetAmount') };
  return (
    <section aria-labelledby="targets-form-h">
      <Heading level={2} data-size="sm" id="targets-form-h">
        {t('analysis.form.targetsTitle')}
      </Heading>
      <form onSubmit={form.onSubmit} className="stack narrow" noValidate>
        {form.summary}
        <Textfield
          id={fieldId('input.baseBudget')}
          label={t('analysis.form.baseBudget')}
          inputMode="decimal"
          value={baseBudget}
          onChange={(e) => setBaseBudget(e.target.value)}
          error={err('baseBudget')}
        />
        <div className="table-scroll">
          <Table>
            <caption>{t('analysis.form.targetsCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{cols.year}</Table.HeaderCell>
                <Table.HeaderCell>{cols.amount}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('analysis.form.remove')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {targets.map((x, i) => {
                const row = x.year.trim() || t('analysis.form.rowN', { n: i + 1 });
                return (
                  <Table.Row key={x.key}>
                    <Table.Cell>
                      <Cell
                        path={`targets[${i}].year`}
                        label={`${cols.year} – ${t('analysis.form.rowN', { n: i + 1 })}`}
                        value={x.year}
                        onChange={(v) => set(x.key, { year: v })}
                        error={err(`targets[${i}].year`)}
                      />
                    </Table.Cell>
                    <Table.Cell>
                      <Cell
                        path={`targets[${i}].amount`}
                        label={`${cols.amount} – ${row}`}
                        value={x.amount}
                        onChange={(v) => set(x.key, { amount: v })}
                        error={err(`targets[${i}].amount`)}
                      />
                    </Table.Cell>
                    <Table.Cell>
                      <RemoveButton
                        label={t('analysis.form.removeRow', { name: row })}
                        onClick={() => setTargets((xs) => xs.filter((y) => y.key !== x.key))}
                      />
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
        <ListError path="targets" error={err('targets')} />
        <AddButton
          label={t('analysis.form.addTarget')}
          onClick={() =>
            setTargets((xs) => {
              const last = Math.max(0, ...xs.map((x) => Number(x.year) || 0));
              return [...xs, { key: rowKey(), year: last ? String(last + 1) : '', amount: '' }];
            })
          }
        />
        <SaveRow pending={form.pending} stale={form.stale !== null} done={form.done} />
      </form>
    </section>
  );
}
