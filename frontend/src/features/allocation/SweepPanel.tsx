import { Alert, Button, Details, Heading, Label, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sweepSchema, type Answer } from '@samrad/shared/contracts';
import type { RateInput, Stage } from '@samrad/shared/engine';
import { SelectField } from '../../components/SelectField.js';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { useAllocationMutation, useSweep, type ScenarioView, type SweepView } from './api.js';
import { niceTicks } from './chartScale.js';
import { nok } from './format.js';
import { amountOf } from '../../lib/numbers.js';
import { rateValue } from './rateEdits.js';

const COLORS = ['#1e5aa0', '#e08a2b', '#2f8f5b', '#9b59b6', '#c0392b', '#4e9bd6', '#7f8c8d', '#d4ac0d', '#16a085', '#8e44ad'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3'];

/**
 * A sensitivity analysis (følsomhetsanalyse): one rate varied from–to in steps, run by the worker with
 * progress, and each unit's total drawn against the rate (with the numbers in a table beside it).
 */
export function SweepPanel({ scenario }: { scenario: ScenarioView }) {
  const { t } = useTranslation();
  const parameters = scenario.input.criteria.flatMap((c) =>
    (Object.entries(c.rate) as [Stage, RateInput][]).map(([stage, rate]) => ({
      value: `${c.id}|${stage}`,
      label: `${c.label} – ${t(`allocation.stage.${stage}`)} (${t(`allocation.rateUnit.${rateValue(rate).unit}`)})`,
      current: rateValue(rate).value,
    })),
  );
  const [param, setParam] = useState(parameters[0]?.value ?? '');
  const chosen = parameters.find((p) => p.value === param);
  const [sweepId, setSweepId] = useState<string | null>(null);
  const sweep = useSweep(sweepId);
  const start = useAllocationMutation(keys.scenarios.sweep(null), (input: Record<string, unknown>) =>
    api<Answer<'POST /api/scenarios/:id/sweeps'>>(`/api/scenarios/${scenario.id}/sweeps`, { method: 'POST', body: input }),
  );
  useEffect(() => setSweepId(null), [scenario.id]);
  const ids = { criterion: 'sweep-parameter', stage: 'sweep-parameter', from: 'sweep-from', to: 'sweep-to', steps: 'sweep-steps' };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'criterion',
    schema: sweepSchema,
    values: (f) => {
      const [criterion = '', stage = ''] = String(f.get('parameter') ?? '').split('|');
      return {
        criterion,
        stage,
        from: amountOf(f.get('from')) ?? '',
        to: amountOf(f.get('to')) ?? '',
        steps: amountOf(f.get('steps')) ?? '',
      };
    },
    submit: async (data) => {
      setSweepId(null);
      const r = await start.mutateAsync(data);
      setSweepId(r.id);
    },
  });
  const status = sweep.data?.status;
  const progress = sweep.data?.progress ?? 0;
  const progressId = useId();
  const round = (v: number) => Math.round(v * 100) / 100;
  return (
    <section aria-labelledby="sweep-h" className="panel">
      <Heading level={2} data-size="sm" id="sweep-h">
        {t('allocation.sweep')}
      </Heading>
      <Paragraph data-size="sm">{t('allocation.sweepHelp')}</Paragraph>
      <form onSubmit={form.onSubmit} noValidate className="stack narrow">
        {form.summary}
        <SelectField
          id={ids.criterion}
          name="parameter"
          label={t('allocation.sweepParameter')}
          value={param}
          onChange={(e) => setParam(e.target.value)}
          options={parameters.map((p) => ({ value: p.value, label: p.label }))}
          error={form.error('criterion') ?? form.error('stage')}
        />
        {chosen && (
          <Paragraph data-size="sm">{t('allocation.sweepCurrent', { value: String(chosen.current).replace('.', ',') })}</Paragraph>
        )}
        <div className="row" key={param}>
          <Textfield
            id={ids.from}
            name="from"
            inputMode="decimal"
            label={t('allocation.sweepFrom')}
            defaultValue={chosen ? String(round(chosen.current * 0.8)).replace('.', ',') : ''}
            error={form.error('from')}
          />
          <Textfield
            id={ids.to}
            name="to"
            inputMode="decimal"
            label={t('allocation.sweepTo')}
            defaultValue={chosen ? String(round(chosen.current * 1.2)).replace('.', ',') : ''}
            error={form.error('to')}
          />
          <Textfield
            id={ids.steps}
            name="steps"
            inputMode="numeric"
            label={t('allocation.sweepSteps')}
            defaultValue="11"
            error={form.error('steps')}
          />
        </div>
        <div>
          <Button type="submit" loading={form.pending || status === 'queued' || status === 'running'}>
            {t('allocation.sweepStart')}
          </Button>
        </div>
      </form>
      {sweepId && (status === undefined || status === 'queued' || status === 'running') && (
        <div className="stack" role="status">
          <Label htmlFor={progressId}>{t('allocation.sweepProgress', { pct: progress })}</Label>
          <progress id={progressId} max={100} value={progress} />
        </div>
      )}
      {status === 'failed' && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t('allocation.sweepFailed', { error: sweep.data?.error ?? '' })}</Paragraph>
        </Alert>
      )}
      {status === 'done' && sweep.data?.result && (
        <SweepChart
          sweep={sweep.data}
          scenario={scenario}
          parameterLabel={
            parameters.find((p) => p.value === `${String(sweep.data.parameter.criterion)}|${String(sweep.data.parameter.stage)}`)?.label ??
            ''
          }
        />
      )}
    </section>
  );
}

/** Each unit's total (1000 kr) against the varied rate: a line per unit, dashed in turn so colour is not the only difference. */
export function SweepChart({ sweep, scenario, parameterLabel }: { sweep: SweepView; scenario: ScenarioView; parameterLabel: string }) {
  const { t } = useTranslation();
  const points = sweep.result?.points ?? [];
  const units = scenario.result.units;
  if (points.length === 0) return null;
  const values = points.flatMap((p) => units.map((u) => (p.units[u.id] ?? 0) / 1000));
  const ticks = niceTicks(Math.max(1, ...values), Math.min(0, ...values));
  const [lo, hi] = [ticks[0]!, ticks.at(-1)!];
  const xs = points.map((p) => p.value);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const w = 640;
  const h = 280;
  const left = 70;
  const x = (v: number) => left + ((v - x0) / (x1 - x0 || 1)) * (w - left - 20);
  const y = (v: number) => 10 + (h - 40) * (1 - (v - lo) / (hi - lo || 1));
  const title = t('allocation.sweepChart', { parameter: parameterLabel });
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-label={`${title}. ${t('allocation.sweepChartDescription')}`}
        viewBox={`0 0 ${w} ${h}`}
        width="100%"
        style={{ maxWidth: `${w}px` }}
      >
        {ticks.map((v) => (
          <g key={v}>
            <line x1={left - 4} x2={w - 10} y1={y(v)} y2={y(v)} stroke="#ddd" />
            <text x={left - 8} y={y(v) + 4} fontSize="11" textAnchor="end">
              {nok.format(v)}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          i % Math.ceil(points.length / 8) === 0 || i === points.length - 1 ? (
            <text key={p.value} x={x(p.value)} y={h - 14} fontSize="11" textAnchor="middle">
              {nok.format(p.value)}
            </text>
          ) : null,
        )}
        <line x1={left} x2={left} y1={10} y2={h - 30} stroke="#444" />
        <line x1={left} x2={w - 10} y1={h - 30} y2={h - 30} stroke="#444" />
        {units.map((u, i) => (
          <polyline
            key={u.id}
            fill="none"
            stroke={COLORS[i % COLORS.length]}
            strokeDasharray={DASHES[i % DASHES.length] || undefined}
            strokeWidth="2"
            points={points.map((p) => `${x(p.value)},${y((p.units[u.id] ?? 0) / 1000)}`).join(' ')}
          />
        ))}
      </svg>
      <figcaption>
        {title}
        <ul className="legend">
          {units.map((u, i) => (
            <li key={u.id}>
              <span className="legend__swatch" style={{ background: COLORS[i % COLORS.length] }} aria-hidden="true" /> {u.name}
            </li>
          ))}
        </ul>
      </figcaption>
      <Details>
        <Details.Summary>{t('allocation.sweepTable')}</Details.Summary>
        <Details.Content>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('allocation.sweepTable')}>
            <Table>
              <caption className="visually-hidden">{t('allocation.sweepTable')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('allocation.sweepValue')}</Table.HeaderCell>
                  {units.map((u) => (
                    <Table.HeaderCell key={u.id}>{u.name}</Table.HeaderCell>
                  ))}
                  <Table.HeaderCell>{t('allocation.total')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {points.map((p) => (
                  <Table.Row key={p.value}>
                    <Table.HeaderCell scope="row">{String(p.value).replace('.', ',')}</Table.HeaderCell>
                    {units.map((u) => (
                      <Table.Cell key={u.id} className="num">
                        {nok.format(p.units[u.id] ?? 0)}
                      </Table.Cell>
                    ))}
                    <Table.Cell className="num">{nok.format(p.total)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </Details.Content>
      </Details>
    </figure>
  );
}
