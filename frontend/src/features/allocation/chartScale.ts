/** A «nice» step (1, 2 or 5 × 10ⁿ) that splits 0..max into about `count` intervals. */
export function niceStep(max: number, count = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Ticks from 0 (or a lower bound) to at least `max`, a nice step apart, for a chart's value axis. */
export function niceTicks(max: number, min = 0, count = 5): number[] {
  const step = niceStep(Math.max(max - min, 0) || Math.abs(max) || 1, count);
  const start = Math.floor(min / step) * step;
  const end = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return ticks.length >= 2 ? ticks : [start, start + step];
}
