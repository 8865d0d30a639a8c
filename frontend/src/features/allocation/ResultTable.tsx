import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { AllocationResult } from '@samrad/shared/engine';
import { nok, signed } from './format.js';

const perPupilOf = (amount: number, pupils: number) => (pupils > 0 ? amount / pupils : null);

/**
 * Units × criteria of a result, in kroner or per pupil, with the adjustments in a column of their own
 * (they are the officer's choices, not the model's) and a totals row.
 */
export function ResultTable({ result, perPupil, caption }: { result: AllocationResult; perPupil: boolean; caption: string }) {
  const { t } = useTranslation();
  const withAdjustments = result.units.some((u) => u.adjustments.length > 0);
  const show = (v: number | null | undefined) => nok.format(v ?? 0);
  return (
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
                  {show(perPupil ? u.criteria[c.id]?.perPupil : u.criteria[c.id]?.amount)}
                </Table.Cell>
              ))}
              {withAdjustments && (
                <Table.Cell className="num" title={u.adjustments.map((a) => a.reason).join('; ') || undefined}>
                  {u.adjustments.length === 0
                    ? '–'
                    : signed.format((perPupil ? perPupilOf(u.adjustmentsTotal, u.pupils) : u.adjustmentsTotal) ?? 0)}
                </Table.Cell>
              )}
              <Table.Cell className="num">{show(perPupil ? u.totalPerPupil : u.total)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
        <Table.Foot>
          <Table.Row>
            <Table.HeaderCell scope="row">{perPupil ? t('allocation.averageRow') : t('allocation.totalRow')}</Table.HeaderCell>
            <Table.Cell className="num">{nok.format(result.pupils)}</Table.Cell>
            {result.criteria.map((c) => (
              <Table.Cell key={c.id} className="num">
                {show(perPupil ? c.perPupil : c.amount)}
              </Table.Cell>
            ))}
            {withAdjustments && (
              <Table.Cell className="num">
                {signed.format((perPupil ? perPupilOf(result.adjustmentsTotal, result.pupils) : result.adjustmentsTotal) ?? 0)}
              </Table.Cell>
            )}
            <Table.Cell className="num">{show(perPupil ? perPupilOf(result.total, result.pupils) : result.total)}</Table.Cell>
          </Table.Row>
        </Table.Foot>
      </Table>
    </div>
  );
}
