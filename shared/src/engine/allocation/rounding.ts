import { floorDiv } from './fixed.js';

const byKey = (keys: readonly string[]) => (a: number, b: number) => {
  const x = keys[a]!;
  const y = keys[b]!;
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Rounds amounts in øre to whole kroner so that they add up to `target` kroner exactly
 * (largest-remainder method). The largest remainders get a krone first; ties go to the smallest
 * key (unit id), so the order of the values never changes the result. When the target is below the
 * sum of the floors, the smallest remainders give one back.
 */
export function largestRemainder(øre: readonly number[], target: number, keys: readonly string[]): number[] {
  const n = øre.length;
  const result = new Array<number>(n);
  const fracs = new Array<number>(n);
  const counts = new Array<number>(100).fill(0);
  let floorSum = 0;
  for (let i = 0; i < n; i++) {
    const f = floorDiv(øre[i]!, 100);
    result[i] = f;
    floorSum += f;
    const frac = øre[i]! - f * 100;
    fracs[i] = frac;
    counts[frac]!++;
  }
  let remaining = target - floorSum;
  if (n === 0 || remaining === 0) return result;

  if (remaining > 0) {
    // Whole rounds first (only when the target is far above the floors), then the largest remainders.
    const rounds = Math.floor(remaining / n);
    if (rounds > 0) for (let i = 0; i < n; i++) result[i]! += rounds;
    remaining -= rounds * n;
    if (remaining === 0) return result;
    let cut = 99;
    let above = 0;
    while (above + counts[cut]! < remaining) above += counts[cut--]!;
    const ties: number[] = [];
    for (let i = 0; i < n; i++) {
      if (fracs[i]! > cut) result[i]! += 1;
      else if (fracs[i] === cut) ties.push(i);
    }
    ties.sort(byKey(keys));
    for (let k = 0; k < remaining - above; k++) result[ties[k]!]! += 1;
    return result;
  }

  // Take one krone each from the smallest remainders (the largest key first among equals).
  let take = Math.min(-remaining, n);
  let cut = 0;
  let below = 0;
  while (below + counts[cut]! < take) below += counts[cut++]!;
  const ties: number[] = [];
  for (let i = 0; i < n; i++) {
    if (fracs[i]! < cut) result[i]! -= 1;
    else if (fracs[i] === cut) ties.push(i);
  }
  ties.sort(byKey(keys)).reverse();
  take -= below;
  for (let k = 0; k < take; k++) result[ties[k]!]! -= 1;
  return result;
}
