/**
 * What a reference to an earlier case or decision names, read from the text an officer wrote:
 * an archive number («sak 2026/12»: year, then the case's number that year) or a committee number
 * («sak 7/21», «PS 41/26»: the body's number that year, then the year's last two digits). The first
 * number in the text counts; a text without one names nothing (it is shown as text).
 */
export type CaseReferenceTarget = { kind: 'archive'; year: number; seq: number } | { kind: 'committee'; number: string } | null;

export function parseCaseReference(text: string): CaseReferenceTarget {
  const m = /(?<![\d/])(\d{1,4})\s*\/\s*(\d{1,6})(?![\d/])/.exec(text);
  if (!m) return null;
  const [first, second] = [m[1]!, m[2]!];
  if (first.length === 4 && Number(first) >= 1900 && Number(first) <= 2100 && Number(second) > 0)
    return { kind: 'archive', year: Number(first), seq: Number(second) };
  if (second.length === 2 && Number(first) > 0) return { kind: 'committee', number: `${Number(first)}/${second}` };
  return null;
}
