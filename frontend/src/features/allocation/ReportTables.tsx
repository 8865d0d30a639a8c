import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  reportTables,
  type AllocationInput,
  type AllocationResult,
  type BudgetTable,
  type ReportTables as Tables,
} from '@samrad/shared/engine';
import { nok, pct, signed } from './format.js';

const kr2 = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signed2 = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const dash = '–';
const plain = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
const showPct = (v: number | null) => (v === null ? dash : `${pct.format(v)} %`);
/** A share, never signed. */
const showShare = (v: number | null) => (v === null ? dash : `${plain.format(v)} %`);

/** A table with its heading, caption (its accessible name) and a scrolling region of the same name. */
function ReportTable({
  title,
  help,
  head,
  children,
  foot,
}: {
  title: string;
  help?: ReactNode;
  head: ReactNode;
  children: ReactNode;
  foot: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {title}
      </Heading>
      {help}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
        <Table>
          <caption className="visually-hidden">{title}</caption>
          <Table.Head>{head}</Table.Head>
          <Table.Body>{children}</Table.Body>
          <Table.Foot>{foot}</Table.Foot>
        </Table>
      </div>
    </section>
  );
}

/** Tabell 4-3 (4-5 after a frame change): the scenario against a budget, both sides named in the headers. */
function BudgetSection({
  table,
  title,
  scenarioName,
  budgetName,
}: {
  table: BudgetTable;
  title: string;
  scenarioName: string;
  budgetName: string;
}) {
  const { t } = useTranslation();
  return (
    <ReportTable
      title={title}
      help={!table.complete && <Paragraph data-size="sm">{t('allocation.report.budgetIncomplete')}</Paragraph>}
      head={
        <Table.Row>
          <Table.HeaderCell>{t('allocation.unit')}</Table.HeaderCell>
          <Table.HeaderCell>{scenarioName}</Table.HeaderCell>
          <Table.HeaderCell>{budgetName}</Table.HeaderCell>
          <Table.HeaderCell>{t('allocation.report.diffNok')}</Table.HeaderCell>
          <Table.HeaderCell>{t('allocation.report.diffPct')}</Table.HeaderCell>
        </Table.Row>
      }
      foot={
        <Table.Row>
          <Table.HeaderCell scope="row">{t('allocation.totalRow')}</Table.HeaderCell>
          <Table.Cell className="num">{nok.format(table.totals.model)}</Table.Cell>
          <Table.Cell className="num">{nok.format(table.totals.budget)}</Table.Cell>
          <Table.Cell className="num">{signed.format(table.totals.diffNok)}</Table.Cell>
          <Table.Cell className="num">{showPct(table.totals.diffPct)}</Table.Cell>
        </Table.Row>
      }
    >
      {table.rows.map((r) => (
        <Table.Row key={r.id}>
          <Table.HeaderCell scope="row">{r.name}</Table.HeaderCell>
          <Table.Cell className="num">{nok.format(r.model)}</Table.Cell>
          <Table.Cell className="num">{r.budget === null ? dash : nok.format(r.budget)}</Table.Cell>
          <Table.Cell className="num">{r.diffNok === null ? dash : signed.format(r.diffNok)}</Table.Cell>
          <Table.Cell className="num">{showPct(r.diffPct)}</Table.Cell>
        </Table.Row>
      ))}
    </ReportTable>
  );
}

/**
 * The report's tables of a scenario (`reportTables` of the shared engine, the same function the XLSX export
 * uses), in the report's order: the rates before and after a frame change (Tabell 4-4) with the effect on each
 * unit; the model against the current budget (Tabell 4-3, or 4-5 after a frame change) and last year's; and
 * each criterion's share of the frame. Every table ends with a totals row.
 */
export function ReportTables({ input, result, scenarioName }: { input: AllocationInput; result: AllocationResult; scenarioName: string }) {
  const { t } = useTranslation();
  const tables = useMemo((): Tables | null => {
    try {
      return reportTables(input, result);
    } catch {
      return null;
    }
  }, [input, result]);
  if (!tables) return null;
  const fc = tables.frameChange;
  const before = t('allocation.report.before');
  const keyLabel = (kind: string, key: string) =>
    kind === 'pot' ? t(`allocation.report.potKey.${key}`, { defaultValue: key }) : t(`allocation.stage.${key}`, { defaultValue: key });
  return (
    <>
      {fc && (
        <>
          <ReportTable
            title={t('allocation.report.rates')}
            help={
              <Paragraph data-size="sm">
                {t('allocation.report.ratesHelp', {
                  change: signed.format(fc.change),
                  before: nok.format(fc.frameBefore),
                  after: nok.format(fc.frameAfter),
                  pct: pct.format(fc.ratePct),
                })}
              </Paragraph>
            }
            head={
              <Table.Row>
                <Table.HeaderCell>{t('allocation.report.criterion')}</Table.HeaderCell>
                <Table.HeaderCell>{t('allocation.report.key')}</Table.HeaderCell>
                <Table.HeaderCell>{t('allocation.report.rateBefore')}</Table.HeaderCell>
                <Table.HeaderCell>{t('allocation.report.rateAfter', { name: scenarioName })}</Table.HeaderCell>
                <Table.HeaderCell>{t('allocation.report.diffNok')}</Table.HeaderCell>
              </Table.Row>
            }
            foot={
              <Table.Row>
                <Table.HeaderCell scope="row">{t('allocation.report.allRates')}</Table.HeaderCell>
                <Table.Cell />
                <Table.Cell />
                <Table.Cell />
                <Table.Cell className="num">{`${pct.format(fc.ratePct)} %`}</Table.Cell>
              </Table.Row>
            }
          >
            {fc.rates.map((r) => (
              <Table.Row key={`${r.criterion}:${r.key}`}>
                <Table.HeaderCell scope="row">{r.label}</Table.HeaderCell>
                <Table.Cell>{keyLabel(r.kind, r.key)}</Table.Cell>
                <Table.Cell className="num">{kr2.format(r.before)}</Table.Cell>
                <Table.Cell className="num">{kr2.format(r.after)}</Table.Cell>
                <Table.Cell className="num">{signed2.format(r.diffNok)}</Table.Cell>
              </Table.Row>
            ))}
          </ReportTable>
          <ReportTable
            title={t('allocation.report.effect')}
            head={
              <Table.Row>
                <Table.HeaderCell>{t('allocation.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{before}</Table.HeaderCell>
                <Table.HeaderCell>{scenarioName}</Table.HeaderCell>
                <Table.HeaderCell>{t('allocation.report.diffNok')}</Table.HeaderCell>
                <Table.HeaderCell>{t('allocation.report.diffPct')}</Table.HeaderCell>
              </Table.Row>
            }
            foot={
              <Table.Row>
                <Table.HeaderCell scope="row">{t('allocation.totalRow')}</Table.HeaderCell>
                <Table.Cell className="num">{nok.format(fc.totals.before)}</Table.Cell>
                <Table.Cell className="num">{nok.format(fc.totals.after)}</Table.Cell>
                <Table.Cell className="num">{signed.format(fc.totals.diffNok)}</Table.Cell>
                <Table.Cell className="num">{showPct(fc.totals.diffPct)}</Table.Cell>
              </Table.Row>
            }
          >
            {fc.units.map((u) => (
              <Table.Row key={u.id}>
                <Table.HeaderCell scope="row">{u.name}</Table.HeaderCell>
                <Table.Cell className="num">{nok.format(u.before)}</Table.Cell>
                <Table.Cell className="num">{nok.format(u.after)}</Table.Cell>
                <Table.Cell className="num">{signed.format(u.diffNok)}</Table.Cell>
                <Table.Cell className="num">{showPct(u.diffPct)}</Table.Cell>
              </Table.Row>
            ))}
          </ReportTable>
        </>
      )}
      {tables.againstBudget && (
        <BudgetSection
          table={tables.againstBudget}
          title={fc ? t('allocation.report.budgetAfterChange') : t('allocation.report.budget')}
          scenarioName={scenarioName}
          budgetName={t('allocation.compareBudget')}
        />
      )}
      {tables.againstLastYear && (
        <BudgetSection
          table={tables.againstLastYear}
          title={t('allocation.report.lastYear')}
          scenarioName={scenarioName}
          budgetName={t('allocation.compareLastYear')}
        />
      )}
      <ReportTable
        title={t('allocation.report.shares')}
        help={<Paragraph data-size="sm">{t('allocation.report.sharesHelp')}</Paragraph>}
        head={
          <Table.Row>
            <Table.HeaderCell>{t('allocation.report.criterion')}</Table.HeaderCell>
            <Table.HeaderCell>{t('allocation.report.amount')}</Table.HeaderCell>
            <Table.HeaderCell>{t('allocation.report.share')}</Table.HeaderCell>
            <Table.HeaderCell>{t('allocation.perPupil')}</Table.HeaderCell>
          </Table.Row>
        }
        foot={
          <Table.Row>
            <Table.HeaderCell scope="row">{t('allocation.totalRow')}</Table.HeaderCell>
            <Table.Cell className="num">{nok.format(tables.shares.totals.amount)}</Table.Cell>
            <Table.Cell className="num">{showShare(tables.shares.totals.sharePct)}</Table.Cell>
            <Table.Cell className="num">
              {tables.shares.totals.perPupil === null ? dash : nok.format(tables.shares.totals.perPupil)}
            </Table.Cell>
          </Table.Row>
        }
      >
        {tables.shares.rows.map((r) => (
          <Table.Row key={r.id}>
            <Table.HeaderCell scope="row">{r.kind === 'adjustments' ? t('allocation.adjustments') : r.label}</Table.HeaderCell>
            <Table.Cell className="num">{nok.format(r.amount)}</Table.Cell>
            <Table.Cell className="num">{showShare(r.sharePct)}</Table.Cell>
            <Table.Cell className="num">{r.perPupil === null ? dash : nok.format(r.perPupil)}</Table.Cell>
          </Table.Row>
        ))}
      </ReportTable>
    </>
  );
}
