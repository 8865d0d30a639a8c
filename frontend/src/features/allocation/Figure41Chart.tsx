import type { AllocationResult } from '@samrad/shared/engine';

const COLORS = ['#1e5aa0', '#4e9bd6', '#e08a2b', '#2f8f5b', '#9b59b6', '#c0392b', '#7f8c8d', '#d4ac0d'];

/**
 * The report's Figur 4-1: a stacked bar per unit of NOK 1,000 per pupil by criterion. A picture of
 * the table beside it, so it carries a text alternative and is not a second source of facts.
 */
export function Figure41Chart({ result, title, description }: { result: AllocationResult; title: string; description: string }) {
  const ids = result.criteria.map((c) => c.id);
  const perPupil = (u: AllocationResult['units'][number]) => ids.map((id) => (u.criteria[id]?.perPupil ?? 0) / 1000);
  const max = Math.max(1, ...result.units.map((u) => perPupil(u).reduce((s, v) => s + v, 0)));
  const barW = 44;
  const gap = 16;
  const h = 260;
  const width = result.units.length * (barW + gap) + 60;
  const scale = (v: number) => (v / max) * (h - 20);
  return (
    <figure className="chart">
      <svg
        role="img"
        aria-label={`${title}. ${description}`}
        viewBox={`0 0 ${width} ${h + 70}`}
        width="100%"
        style={{ maxWidth: `${width}px` }}
      >
        {result.units.map((u, i) => {
          let y = h;
          const x = 50 + i * (barW + gap);
          return (
            <g key={u.id}>
              {perPupil(u).map((v, ci) => {
                const bh = scale(v);
                y -= bh;
                return <rect key={ids[ci]} x={x} y={y} width={barW} height={bh} fill={COLORS[ci % COLORS.length]} />;
              })}
              <text x={x + barW / 2} y={h + 14} fontSize="11" textAnchor="end" transform={`rotate(-35 ${x + barW / 2} ${h + 14})`}>
                {u.name}
              </text>
            </g>
          );
        })}
        <line x1="45" x2={width} y1={h} y2={h} stroke="#444" />
        <text x="0" y="12" fontSize="11">
          {max.toFixed(0)}
        </text>
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
