import type { PeerComparisonResult } from '@samrad/shared/engine';

/**
 * Cost per child against pupils per school, with the fitted logarithmic curve. A picture of the table beside it
 * (the own municipality a filled square, the chosen peers filled circles, the others only in the fit open circles, each labelled by name), so it is not a second source of facts.
 */
export function PeerChart({
  result,
  title,
  description,
  axes,
}: {
  result: PeerComparisonResult;
  title: string;
  description: string;
  axes: { x: string; y: string };
}) {
  const fit = result.fit!;
  const points = [
    { name: result.own.name, x: result.own.pupilsPerSchool, y: result.own.costPerChild, own: true },
    ...result.peers.map((p) => ({ name: p.name, x: p.pupilsPerSchool, y: p.costPerChild, own: false })),
    ...(result.others ?? []).map((p) => ({ name: p.name, x: p.pupilsPerSchool, y: p.costPerChild, own: false, other: true })),
  ].filter((p): p is { name: string; x: number; y: number; own: boolean; other?: boolean } => p.x !== null);
  const w = 640;
  const h = 320;
  const pad = 56;
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs) * 0.9, Math.max(...xs) * 1.1];
  const [y0, y1] = [Math.min(...ys) * 0.95, Math.max(...ys) * 1.05];
  const sx = (x: number) => pad + ((x - x0) / (x1 - x0)) * (w - 2 * pad);
  const sy = (y: number) => h - pad - ((y - y0) / (y1 - y0)) * (h - 2 * pad);
  const curve = Array.from({ length: 41 }, (_, i) => x0 + ((x1 - x0) * i) / 40)
    .map((x) => `${sx(x).toFixed(1)},${sy(fit.intercept + fit.slope * Math.log(x)).toFixed(1)}`)
    .join(' ');
  return (
    <figure className="chart">
      <svg role="img" aria-label={`${title}. ${description}`} viewBox={`0 0 ${w} ${h}`} width="100%">
        <line x1={pad} y1={h - pad} x2={w - pad} y2={h - pad} stroke="#444" />
        <line x1={pad} y1={pad / 2} x2={pad} y2={h - pad} stroke="#444" />
        <polyline points={curve} fill="none" stroke="#1e5aa0" strokeWidth={2} strokeDasharray="6 4" />
        {points.map((p) => (
          <g key={p.name}>
            {p.own ? (
              <rect x={sx(p.x) - 6} y={sy(p.y) - 6} width={12} height={12} fill="#c0392b" />
            ) : p.other ? (
              <circle cx={sx(p.x)} cy={sy(p.y)} r={4} fill="none" stroke="#595959" strokeWidth={1.5} />
            ) : (
              <circle cx={sx(p.x)} cy={sy(p.y)} r={5} fill="#2f8f5b" />
            )}
            <text x={sx(p.x) + 8} y={sy(p.y) - 8} fontSize={12}>
              {p.name}
            </text>
          </g>
        ))}
        <text x={w / 2} y={h - 16} fontSize={12} textAnchor="middle">
          {axes.x}
        </text>
        <text x={14} y={h / 2} fontSize={12} textAnchor="middle" transform={`rotate(-90 14 ${h / 2})`}>
          {axes.y}
        </text>
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
