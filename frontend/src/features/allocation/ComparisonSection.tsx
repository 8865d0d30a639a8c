import { Heading, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ComparisonRow } from './api.js';
import { nok, pct, signed } from './format.js';

/** Each unit of a scenario against another scenario or the budget, in kroner and per cent. */
export function ComparisonSection({ units, scenarioName }: { units: ComparisonRow[]; scenarioName: string | undefined }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cmp-h">
      <Heading level={2} data-size="sm" id="cmp-h">
        {t('allocation.compare')}
      </Heading>
      <Table>
        <caption className="visually-hidden">{t('allocation.compare')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('allocation.unit')}</Table.HeaderCell>
            <Table.HeaderCell>{scenarioName}</Table.HeaderCell>
            <Table.HeaderCell>{t('allocation.compare')}</Table.HeaderCell>
            <Table.HeaderCell>{t('allocation.difference')}</Table.HeaderCell>
            <Table.HeaderCell>{t('allocation.differencePct')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {units.map((u) => (
            <Table.Row key={u.unitId}>
              <Table.HeaderCell scope="row">{u.name}</Table.HeaderCell>
              <Table.Cell className="num">{nok.format(u.total)}</Table.Cell>
              <Table.Cell className="num">{u.against === null ? '–' : nok.format(u.against)}</Table.Cell>
              <Table.Cell className="num">{u.diffNok === null ? '–' : signed.format(u.diffNok)}</Table.Cell>
              <Table.Cell className="num">{u.diffPct === null ? '–' : `${pct.format(u.diffPct)} %`}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </section>
  );
}
