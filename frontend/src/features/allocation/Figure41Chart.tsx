import type { AllocationResult } from '@samrad/shared/engine';
import { niceTicks } from './chartScale.js';
import { nok } from './format.js';

const COLORS = ['#1e5aa0', '#4e9bd6', '#e08a2b', '#2f8f5b', '#9b59b6', '#c0392b', '#7f8c8d', '#d4ac0d'];

/**
 * The report's Figur 4-1: a stacked bar per unit of NOK 1,000 per pupil by criterion, on a value axis
 * with ticks and grid lines. A picture of the table beside it, so it carries a text alternative and is
 * not a second source of facts.
 */
export function Figure41Chart({
  result,
  title,
  description,
  axisLabel,
}: {
  result: AllocationResult;
  title: string;
  description: string;
  axisLabel: string;
}) {
  const ids = result.criteria.map((c) => c.id);
  const perPupil = (u: AllocationResult['units'][number]) => ids.map((id) => Math.max(0, u.criteria[id]?.perPupil ?? 0) / 1000);
  const ticks = niceTicks(Math.max(1, ...result.units.map((u) => perPupil(u).reduce((s, v) => s + v, 0))));
  const top = ticks.at(-1)!;
  const barW = 44;
  const gap = 16;
  const h = 260;
  const left = 64;
  const width = result.units.length * (barW + gap) + left + 10;
  const y = (v: number) => 10 + (h - 10) * (1 - v / top);
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-label={`${title}. ${description}`}
        viewBox={`0 0 ${width} ${h + 70}`}
        width="100%"
        style={{ maxWidth: `${width}px` }}
      >
        <text x="12" y={h / 2} fontSize="11" textAnchor="middle" transform={`rotate(-90 12 ${h / 2})`}>
          {axisLabel}
        </text>
        {ticks.map((v) => (
          <g key={v} data-testid="y-tick">
            <line x1={left - 4} x2={width} y1={y(v)} y2={y(v)} stroke={v === 0 ? '#444' : '#ddd'} />
            <text x={left - 8} y={y(v) + 4} fontSize="11" textAnchor="end">
              {nok.format(v)}
            </text>
          </g>
        ))}
        {result.units.map((u, i) => {
          let acc = 0;
          const x = left + 8 + i * (barW + gap);
          return (
            <g key={u.id}>
              {perPupil(u).map((v, ci) => {
                const y0 = y(acc);
                acc += v;
                return <rect key={ids[ci]} x={x} y={y(acc)} width={barW} height={y0 - y(acc)} fill={COLORS[ci % COLORS.length]} />;
              })}
              <text x={x + barW / 2} y={h + 14} fontSize="11" textAnchor="end" transform={`rotate(-35 ${x + barW / 2} ${h + 14})`}>
                {u.name}
              </text>
            </g>
          );
        })}
        <line x1={left} x2={left} y1={y(top)} y2={h} stroke="#444" />
      </svg>
      <figcaption>
        {title}
        <ul className="legend">
          {result.criteria.map((c, i) => (
            <li key={c.id}>
              <span className="legend__swatch" style={{ background: COLORS[i % COLORS.length] }} aria-hidden="true" /> {c.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
