import { Heading, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComparisonTotals } from '@samrad/shared/engine';
import type { ComparisonRow } from './api.js';
import { nok, pct, signed } from './format.js';

/**
 * Each unit of a scenario against another scenario or the budget, in kroner and per cent; both sides
 * are named in the headings, and the server's totals row (`comparisonTotals`) closes the table.
 */
export function ComparisonSection({
  units,
  totals,
  scenarioName,
  againstName,
  heading,
}: {
  units: ComparisonRow[];
  totals: ComparisonTotals;
  scenarioName: string;
  againstName: string;
  heading?: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const title = heading ?? t('allocation.comparisonTitle', { a: scenarioName, b: againstName });
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {title}
      </Heading>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
        <Table>
          <caption className="visually-hidden">{title}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('allocation.unit')}</Table.HeaderCell>
              <Table.HeaderCell>{scenarioName}</Table.HeaderCell>
              <Table.HeaderCell>{againstName}</Table.HeaderCell>
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
          <Table.Foot>
            <Table.Row>
              <Table.HeaderCell scope="row">{t('allocation.totalRow')}</Table.HeaderCell>
              <Table.Cell className="num">{nok.format(totals.total)}</Table.Cell>
              <Table.Cell className="num">{totals.against === null ? '–' : nok.format(totals.against)}</Table.Cell>
              <Table.Cell className="num">{totals.diffNok === null ? '–' : signed.format(totals.diffNok)}</Table.Cell>
              <Table.Cell className="num">{totals.diffPct === null ? '–' : `${pct.format(totals.diffPct)} %`}</Table.Cell>
            </Table.Row>
          </Table.Foot>
        </Table>
      </div>
    </section>
  );
}
