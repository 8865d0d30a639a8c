import type { AllocationResult } from './result.js';

const nb = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const nbInt = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

function pad(text: string, width: number, right = false): string {
  return right ? text.padStart(width) : text.padEnd(width);
}

/**
 * The report's Figur 4-1 as a text table: NOK 1,000 per pupil for each criterion and unit,
 * the unit's total per pupil, and the average over all pupils on the last row.
 */
export function formatFigure41(result: AllocationResult): string {
  const ids = result.criteria.map((c) => c.id);
  const short = (label: string) => (label.length > 16 ? `${label.slice(0, 15)}…` : label);
  const headers = ['Enhet', 'Elever', ...result.criteria.map((c) => short(c.label)), 'Sum'];
  const k = (v: number | null) => (v === null ? '–' : nb.format(v / 1000));
  const rows = result.units.map((u) => [
    u.name,
    nbInt.format(u.pupils),
    ...ids.map((id) => k(u.criteria[id]?.perPupil ?? null)),
    k(u.totalPerPupil),
  ]);
  const avgTotal = result.pupils === 0 ? null : result.total / result.pupils;
  rows.push(['Snitt', nbInt.format(result.pupils), ...ids.map((id) => k(result.average[id] ?? null)), k(avgTotal)]);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
  const out = [
    'Tildeling i 1000 kr per elev, per kriterium (jf. Figur 4-1)',
    line(headers),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.slice(0, -1).map(line),
    widths.map((w) => '-'.repeat(w)).join('  '),
    line(rows[rows.length - 1]!),
    '',
    `Modus: ${result.mode === 'distribution' ? 'fordeling' : 'tildeling'}  Skaleringsfaktor: ${result.scaleExact.slice(0, 12)}  Ramme: ${nbInt.format(result.frame)} kr`,
  ];
  return out.join('\n');
}
