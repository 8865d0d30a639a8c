import { Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { AllocationResult } from '@samrad/shared/engine';
import { nok } from './format.js';

/** Units × criteria of a result, in kroner or per pupil. */
export function ResultTable({ result, perPupil, caption }: { result: AllocationResult; perPupil: boolean; caption: string }) {
  const { t } = useTranslation();
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
                  {nok.format((perPupil ? u.criteria[c.id]?.perPupil : u.criteria[c.id]?.amount) ?? 0)}
                </Table.Cell>
              ))}
              <Table.Cell className="num">{nok.format((perPupil ? u.totalPerPupil : u.total) ?? 0)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
