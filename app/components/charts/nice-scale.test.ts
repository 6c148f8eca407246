import { describe, expect, it } from "vitest";
import { niceScale } from "./nice-scale";

describe("niceScale", () => {
  it("puts round ticks around every value, the baseline and the target included", () => {
    expect(niceScale([6.19, 7.05, 5.5, 7.2])).toEqual({ domain: [5.5, 7.5], ticks: [5.5, 6, 6.5, 7, 7.5] });
    expect(niceScale([68, 80, 72.4])).toEqual({ domain: [65, 80], ticks: [65, 70, 75, 80] });
  });

  it("steps by 1, 2, 2.5 or 5 times a power of ten", () => {
    const { ticks } = niceScale([68, 80, 72.4]);
    const step = ticks[1]! - ticks[0]!;
    expect([1, 2, 2.5, 5, 10].map((m) => m * 10 ** Math.floor(Math.log10(step)))).toContainEqual(step);
    expect(ticks[0]).toBeLessThanOrEqual(68);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(80);
    expect(niceScale([-12, 40, 25])).toEqual({ domain: [-20, 40], ticks: [-20, 0, 20, 40] });
  });

  it("gives a flat or empty series a range to draw in, without float noise", () => {
    expect(niceScale([3, 3])).toEqual({ domain: [2, 4], ticks: [2, 2.5, 3, 3.5, 4] });
    expect(niceScale([0.1, 0.3])).toEqual({ domain: [0.1, 0.3], ticks: [0.1, 0.15, 0.2, 0.25, 0.3] });
    expect(niceScale([]).ticks.length).toBeGreaterThan(1);
  });
});
