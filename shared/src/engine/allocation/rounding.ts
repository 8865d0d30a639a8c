import { Dec } from './decimal.js';

/**
 * Rounds each value to a whole number so that the rounded values add up to `target` exactly
 * (largest-remainder method). Ties are broken by `keys` (unit ids), so the order of the values
 * never changes the result.
 */
export function largestRemainder(values: readonly Dec[], target: Dec, keys: readonly string[]): Dec[] {
  const floors = values.map((v) => v.floor());
  const floorSum = floors.reduce((s, f) => s.plus(f), new Dec(0));
  let remaining = target.minus(floorSum).toNumber();
  const order = values
    .map((v, i) => ({ i, frac: v.minus(floors[i]!), key: keys[i]! }))
    .sort((a, b) => {
      const c = b.frac.comparedTo(a.frac);
      if (c !== 0) return c;
      return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    });
  const result = floors.slice();
  // When the target is below the floors (it cannot be when target = round(sum)), take from the smallest fractions.
  if (remaining < 0) {
    for (let k = order.length - 1; k >= 0 && remaining < 0; k--, remaining++) {
      const { i } = order[k]!;
      result[i] = result[i]!.minus(1);
    }
    return result;
  }
  for (let k = 0; remaining > 0; k = (k + 1) % order.length, remaining--) {
    const { i } = order[k]!;
    result[i] = result[i]!.plus(1);
  }
  return result;
}
