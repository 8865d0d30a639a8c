import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Measure } from '@samrad/shared/contracts';
import type { PeerComparisonResult, SavingsPlanResult, SfoScenarioResult, StructureScenarioResult } from '@samrad/shared/engine';
import { kr, num, share, signedKr } from './format.js';
import { PeerChart } from './PeerChart.js';
import { ScrollBox } from '../../components/ScrollBox.js';

/** The plan against the target per year, and the measures with their yearly effects and consequence assessments. */
export function SavingsView({ result, measures }: { result: SavingsPlanResult; measures: Measure[] }) {
  const { t } = useTranslation();
  const gapText = (gap: number) =>
    gap > 0 ? t('analysis.gapShort', { amount: kr(gap) }) : gap < 0 ? t('analysis.gapOver', { amount: kr(-gap) }) : t('analysis.gapNone');
  return (
    <>
      <section aria-labelledby="plan-h">
        <Heading level={2} data-size="sm" id="plan-h">
          {t('analysis.plan')}
        </Heading>
        <ScrollBox label={t('analysis.plan')}>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('analysis.year')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.target')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.effect')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.gap')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {result.years.map((y) => (
                <Table.Row key={y.year}>
                  <Table.HeaderCell scope="row">{y.year}</Table.HeaderCell>
                  <Table.Cell>{kr(y.target)}</Table.Cell>
                  <Table.Cell>{kr(y.effect)}</Table.Cell>
                  <Table.Cell>{gapText(y.gap)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollBox>
      </section>
      <section aria-labelledby="measures-h">
        <Heading level={2} data-size="sm" id="measures-h">
          {t('analysis.measures')}
        </Heading>
        <ul className="card-list">
          {measures.map((m) => (
            <li key={m.id} className="stack">
              <Heading level={3} data-size="xs">
                {m.title}
              </Heading>
              <Paragraph data-size="sm">
                {t('analysis.fullYearEffect')}: {kr(Number(m.fullYearEffect))} · {t('analysis.start')}: {m.startMonth} ·{' '}
                {t('analysis.owner')}: {m.owner || '–'} · {t('analysis.measureStatus')}: {t(`analysis.statuses.${m.status}`)}
              </Paragraph>
              <Paragraph data-size="sm">
                {result.years.map((y) => `${y.year}: ${kr(y.measures.find((x) => x.id === m.id)?.effect ?? 0)}`).join(' · ')}
              </Paragraph>
              {m.scenarioId && (
                <Paragraph data-size="sm">
                  {t('analysis.scenarioLink')}: {m.scenarioId}
                </Paragraph>
              )}
              {(m.assessment.pupils || m.assessment.parents || m.assessment.staff) && (
                <dl className="assessment">
                  <dt>{t('analysis.forPupils')}</dt>
                  <dd>{m.assessment.pupils || '–'}</dd>
                  <dt>{t('analysis.forParents')}</dt>
                  <dd>{m.assessment.parents || '–'}</dd>
                  <dt>{t('analysis.forStaff')}</dt>
                  <dd>{m.assessment.staff || '–'}</dd>
                </dl>
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function SfoView({ result }: { result: SfoScenarioResult }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="sfo-places-h">
        <Heading level={2} data-size="sm" id="sfo-places-h">
          {t('analysis.sfoPlaces')}
        </Heading>
        <ScrollBox label={t('analysis.sfoPlaces')}>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('analysis.placeKind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.placesBefore')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.priceBefore')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.placesAfter')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.priceAfter')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {result.before.map((k, i) => (
                <Table.Row key={k.id}>
                  <Table.HeaderCell scope="row">{k.label}</Table.HeaderCell>
                  <Table.Cell>{num(k.places)}</Table.Cell>
                  <Table.Cell>{kr(k.monthlyPrice)}</Table.Cell>
                  <Table.Cell>{num(result.after[i]!.places)}</Table.Cell>
                  <Table.Cell>{kr(result.after[i]!.monthlyPrice)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollBox>
      </section>
      <section aria-labelledby="sfo-changes-h">
        <Heading level={2} data-size="sm" id="sfo-changes-h">
          {t('analysis.changes')}
        </Heading>
        <ScrollBox label={t('analysis.changes')}>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('analysis.change')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.extraIncome')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {result.changes.map((c) => (
                <Table.Row key={c.index}>
                  <Table.HeaderCell scope="row">
                    {c.label ?? c.type}
                    {c.pupilsMoved !== undefined && ` (${t('analysis.moved', { count: c.pupilsMoved })})`}
                    {c.fromMovedPupils !== undefined &&
                      c.fromMovedPupils !== 0 &&
                      ` (${t('analysis.fromMoved', { original: kr(c.fromOriginalPlaces ?? 0), moved: kr(c.fromMovedPupils) })})`}
                  </Table.HeaderCell>
                  <Table.Cell>{kr(c.extraIncome)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollBox>
        <Paragraph>{t('analysis.totalExtra', { amount: kr(result.totalExtraIncome) })}</Paragraph>
      </section>
      {result.eleventhTerm && (
        <section aria-labelledby="sfo-term-h">
          <Heading level={2} data-size="sm" id="sfo-term-h">
            {t('analysis.eleventhTerm')}
          </Heading>
          <Paragraph>
            {t('analysis.breakEven', {
              share: share(result.eleventhTerm.breakEvenShare),
              income: kr(result.eleventhTerm.income),
              cost: kr(result.eleventhTerm.costPerUser),
            })}
          </Paragraph>
          {result.eleventhTerm.netAtExpectedShare !== null && (
            <Paragraph>{t('analysis.termNet', { amount: signedKr(result.eleventhTerm.netAtExpectedShare) })}</Paragraph>
          )}
        </section>
      )}
    </>
  );
}

const pct = (n: number | null) => (n === null ? '–' : `${String(n).replace('.', ',')} %`);
const oneDecimal = (n: number | null) => (n === null ? '–' : String(n).replace('.', ','));

export function StructureView({ result }: { result: StructureScenarioResult }) {
  const { t } = useTranslation();
  const over = result.schools.filter((s) => result.overCapacityAfter.includes(s.id)).map((s) => s.name);
  const byGrade = result.schools.some((s) => s.before.pupilsPerGrade !== null);
  return (
    <>
      <section aria-labelledby="schools-h">
        <Heading level={2} data-size="sm" id="schools-h">
          {t('analysis.schools')}
        </Heading>
        <Paragraph>{t('analysis.totalFree', { before: num(result.totals.before.free), after: num(result.totals.after.free) })}</Paragraph>
        {over.length > 0 && <Paragraph>{t('analysis.overCapacity', { schools: over.join(', ') })}</Paragraph>}
        <ScrollBox label={t('analysis.schools')}>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('analysis.school')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.capacity')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.pupilsBefore')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.freeBefore')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.utilisationBefore')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.pupilsAfter')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.freeAfter')}</Table.HeaderCell>
                <Table.HeaderCell>{t('analysis.utilisation')}</Table.HeaderCell>
                {byGrade && <Table.HeaderCell>{t('analysis.perGradeBefore')}</Table.HeaderCell>}
                {byGrade && <Table.HeaderCell>{t('analysis.perGradeAfter')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {result.schools.map((s) => (
                <Table.Row key={s.id}>
                  <Table.HeaderCell scope="row">{s.name}</Table.HeaderCell>
                  <Table.Cell>{num(s.capacity)}</Table.Cell>
                  <Table.Cell>{num(s.before.pupils)}</Table.Cell>
                  <Table.Cell>{num(s.before.free)}</Table.Cell>
                  <Table.Cell>{pct(s.before.utilisation)}</Table.Cell>
                  <Table.Cell>{num(s.after.pupils)}</Table.Cell>
                  <Table.Cell>{num(s.after.free)}</Table.Cell>
                  <Table.Cell>{pct(s.after.utilisation)}</Table.Cell>
                  {byGrade && <Table.Cell>{oneDecimal(s.before.pupilsPerGrade)}</Table.Cell>}
                  {byGrade && <Table.Cell>{oneDecimal(s.after.pupilsPerGrade)}</Table.Cell>}
                </Table.Row>
              ))}
              <Table.Row>
                <Table.HeaderCell scope="row">{t('analysis.total')}</Table.HeaderCell>
                <Table.Cell>{num(result.totals.capacity)}</Table.Cell>
                <Table.Cell>{num(result.totals.before.pupils)}</Table.Cell>
                <Table.Cell>{num(result.totals.before.free)}</Table.Cell>
                <Table.Cell>–</Table.Cell>
                <Table.Cell>{num(result.totals.after.pupils)}</Table.Cell>
                <Table.Cell>{num(result.totals.after.free)}</Table.Cell>
                <Table.Cell>–</Table.Cell>
                {byGrade && <Table.Cell>–</Table.Cell>}
                {byGrade && <Table.Cell>–</Table.Cell>}
              </Table.Row>
            </Table.Body>
          </Table>
        </ScrollBox>
      </section>
      {result.forecastTotals.length > 0 && (
        <section aria-labelledby="forecast-h">
          <Heading level={2} data-size="sm" id="forecast-h">
            {t('analysis.forecast')}
          </Heading>
          <ScrollBox label={t('analysis.forecast')}>
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('analysis.school')}</Table.HeaderCell>
                  {result.forecastTotals.map((y) => (
                    <Table.HeaderCell key={y.year}>{t('analysis.forecastYear', { year: y.year })}</Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {result.schools
                  .filter((s) => s.forecast.length > 0)
                  .map((s) => (
                    <Table.Row key={s.id}>
                      <Table.HeaderCell scope="row">{s.name}</Table.HeaderCell>
                      {result.forecastTotals.map((y) => {
                        const f = s.forecast.find((x) => x.year === y.year);
                        return (
                          <Table.Cell key={y.year}>
                            {f ? t('analysis.pupilsFree', { pupils: num(f.pupils), free: num(f.free) }) : '–'}
                          </Table.Cell>
                        );
                      })}
                    </Table.Row>
                  ))}
                <Table.Row>
                  <Table.HeaderCell scope="row">{t('analysis.total')}</Table.HeaderCell>
                  {result.forecastTotals.map((y) => (
                    <Table.Cell key={y.year}>{t('analysis.pupilsFree', { pupils: num(y.pupils), free: num(y.free) })}</Table.Cell>
                  ))}
                </Table.Row>
              </Table.Body>
            </Table>
          </ScrollBox>
        </section>
      )}
    </>
  );
}

export function PeersView({ result }: { result: PeerComparisonResult }) {
  const { t } = useTranslation();
  const fit = result.fit;
  return (
    <section aria-labelledby="peers-h">
      <Heading level={2} data-size="sm" id="peers-h">
        {t('analysis.peersTable')}
      </Heading>
      <ScrollBox label={t('analysis.peersTable')}>
        <Table zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('analysis.municipality')}</Table.HeaderCell>
              <Table.HeaderCell>{t('analysis.costPerChild')}</Table.HeaderCell>
              <Table.HeaderCell>{t('analysis.difference')}</Table.HeaderCell>
              <Table.HeaderCell>{t('analysis.peerEffect')}</Table.HeaderCell>
              <Table.HeaderCell>{t('analysis.pupilsPerSchool')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            <Table.Row>
              <Table.HeaderCell scope="row">{t('analysis.own', { name: result.own.name })}</Table.HeaderCell>
              <Table.Cell>{kr(result.own.costPerChild)}</Table.Cell>
              <Table.Cell>–</Table.Cell>
              <Table.Cell>–</Table.Cell>
              <Table.Cell>{result.own.pupilsPerSchool ?? '–'}</Table.Cell>
            </Table.Row>
            {result.peers.map((p) => (
              <Table.Row key={p.name}>
                <Table.HeaderCell scope="row">{p.name}</Table.HeaderCell>
                <Table.Cell>{kr(p.costPerChild)}</Table.Cell>
                <Table.Cell>{signedKr(p.difference)}</Table.Cell>
                <Table.Cell>{signedKr(p.effect)}</Table.Cell>
                <Table.Cell>{p.pupilsPerSchool ?? '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </ScrollBox>
      {/* A result stored before peers could be left unchosen has no `others`. */}
      {(result.others ?? []).length > 0 && (
        <Paragraph data-size="sm">{t('analysis.othersInFit', { names: result.others.map((o) => o.name).join(', ') })}</Paragraph>
      )}
      {fit && fit.ownResidual !== null && (
        <Paragraph>
          {t('analysis.fit', {
            a: num(fit.intercept),
            sign: fit.slope < 0 ? '−' : '+',
            b: num(Math.abs(fit.slope)),
            r2: fit.rSquared.toFixed(2).replace('.', ','),
            name: result.own.name,
            residual: signedKr(fit.ownResidual),
          })}
        </Paragraph>
      )}
      {fit && (
        <PeerChart
          result={result}
          title={t('analysis.chartTitle')}
          description={t('analysis.chartDescription')}
          axes={{ x: t('analysis.pupilsPerSchool'), y: t('analysis.costPerChild') }}
        />
      )}
    </section>
  );
}
