/**
 * Whole-percent shares of a total that add up to exactly 100 (largest remainder): 5 of 8 and
 * 3 of 8 read 63 % and 38 % when each is rounded alone, 101 % together. Each share is floored,
 * then the points left go to the largest remainders (the earlier count on a tie). All zero: zeros.
 */
export function wholePercents(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((c) => (c * 100) / total);
  const shares = exact.map(Math.floor);
  let left = 100 - shares.reduce((sum, s) => sum + s, 0);
  const byRemainder = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}
