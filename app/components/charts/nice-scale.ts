/**
 * An axis of round numbers around every value it must show: a step of 1, 2, 2.5 or 5 times a power
 * of ten, about `count` intervals, ends on whole steps. A metric chart's values, baseline and target
 * together, so the ticks read 5.0 / 5.5 / 6.0, not 5.4 / 5.9 / 6.3.
 */
export function niceScale(values: readonly number[], count = 4): { domain: [number, number]; ticks: number[] } {
  const finite = values.filter(Number.isFinite);
  let min = Math.min(...finite);
  let max = Math.max(...finite);
  if (finite.length === 0) [min, max] = [0, 1];
  if (min === max) [min, max] = [min - 1, max + 1];
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  // Rounded to the step's own precision, so 0.1 + 0.2 never shows as 0.30000000000000004.
  const round = (n: number) => Number(n.toPrecision(12));
  const lo = round(Math.floor(min / step) * step);
  const hi = round(Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let tick = lo; tick <= hi + step / 2; tick = round(tick + step)) ticks.push(tick);
  return { domain: [lo, hi], ticks };
}
