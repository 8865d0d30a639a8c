import { Table } from '@digdir/designsystemet-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllocationResult, CellExplanation, CellRef } from '@samrad/shared/engine';
import { AmountButton, CellExplanationPanel } from './CellExplanation.js';
import { nok, signed } from './format.js';

const perPupilOf = (amount: number, pupils: number) => (pupils > 0 ? amount / pupils : null);

const sameRef = (a: CellRef | null, b: CellRef) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Units × criteria of a result, in kroner or per pupil, with the adjustments in a column of their own
 * (they are the officer's choices, not the model's) and a totals row. With `explain`, every amount is a
 * button that shows its formula with the numbers in it below the table.
 */
export function ResultTable({
  result,
  perPupil,
  caption,
  explain,
}: {
  result: AllocationResult;
  perPupil: boolean;
  caption: string;
  explain?: ((ref: CellRef) => CellExplanation | null) | undefined;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<CellRef | null>(null);
  const withAdjustments = result.units.some((u) => u.adjustments.length > 0);
  const show = (v: number | null | undefined) => nok.format(v ?? 0);
  /** An amount, as a button when it can be explained. */
  const amount = (ref: CellRef, value: number | null | undefined, title: string): ReactNode => {
    const text = show(value);
    if (!explain) return text;
    return (
      <AmountButton
        text={text}
        label={t('allocation.explain.open', { title, value: text })}
        selected={sameRef(chosen, ref)}
        onSelect={() => setChosen(ref)}
      />
    );
  };
  let explanation: CellExplanation | null = null;
  if (chosen && explain) {
    try {
      explanation = explain(chosen);
    } catch {
      explanation = null;
    }
  }
  const table = (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table zebra>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('allocation.unit')}</Table.HeaderCell>
            <Table.HeaderCell>{t('allocation.pupils')}</Table.HeaderCell>
            {result.criteria.map((c) => (
              <Table.HeaderCell key={c.id}>{c.label}</Table.HeaderCell>
            ))}
            {withAdjustments && <Table.HeaderCell>{t('allocation.adjustments')}</Table.HeaderCell>}
            <Table.HeaderCell>{t('allocation.total')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {result.units.map((u) => (
            <Table.Row key={u.id}>
              <Table.HeaderCell scope="row">{u.name}</Table.HeaderCell>
              <Table.Cell className="num">{nok.format(u.pupils)}</Table.Cell>
              {result.criteria.map((c) => (
                <Table.Cell key={c.id} className="num">
                  {amount(
                    perPupil ? { kind: 'cellPerPupil', unit: u.id, line: c.id } : { kind: 'cell', unit: u.id, line: c.id },
                    perPupil ? u.criteria[c.id]?.perPupil : u.criteria[c.id]?.amount,
                    `${u.name}, ${c.label}`,
                  )}
                </Table.Cell>
              ))}
              {withAdjustments && (
                <Table.Cell className="num" title={u.adjustments.flatMap((a) => (a.reason ? [a.reason] : [])).join('; ') || undefined}>
                  {u.adjustments.length === 0
                    ? '–'
                    : signed.format((perPupil ? perPupilOf(u.adjustmentsTotal, u.pupils) : u.adjustmentsTotal) ?? 0)}
                </Table.Cell>
              )}
              <Table.Cell className="num">
                {amount(
                  perPupil ? { kind: 'unitTotalPerPupil', unit: u.id } : { kind: 'unitTotal', unit: u.id },
                  perPupil ? u.totalPerPupil : u.total,
                  `${u.name}, ${t('allocation.total')}`,
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
        <Table.Foot>
          <Table.Row>
            <Table.HeaderCell scope="row">{perPupil ? t('allocation.averageRow') : t('allocation.totalRow')}</Table.HeaderCell>
            <Table.Cell className="num">{nok.format(result.pupils)}</Table.Cell>
            {result.criteria.map((c) => (
              <Table.Cell key={c.id} className="num">
                {amount(
                  perPupil ? { kind: 'linePerPupil', line: c.id } : { kind: 'lineTotal', line: c.id },
                  perPupil ? c.perPupil : c.amount,
                  `${perPupil ? t('allocation.averageRow') : t('allocation.totalRow')}, ${c.label}`,
                )}
              </Table.Cell>
            ))}
            {withAdjustments && (
              <Table.Cell className="num">
                {signed.format((perPupil ? perPupilOf(result.adjustmentsTotal, result.pupils) : result.adjustmentsTotal) ?? 0)}
              </Table.Cell>
            )}
            <Table.Cell className="num">
              {perPupil
                ? show(perPupilOf(result.total, result.pupils))
                : amount({ kind: 'total' }, result.total, `${t('allocation.totalRow')}, ${t('allocation.total')}`)}
            </Table.Cell>
          </Table.Row>
        </Table.Foot>
      </Table>
    </div>
  );
  if (!explain) return table;
  return (
    <>
      {table}
      <CellExplanationPanel explanation={explanation} onClose={() => setChosen(null)} />
    </>
  );
}
