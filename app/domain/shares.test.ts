import { describe, expect, it } from "vitest";
import { wholePercents } from "./shares";

describe("wholePercents", () => {
  it("adds up to 100 where rounding each share alone would not", () => {
    expect(wholePercents([5, 3])).toEqual([63, 37]);
    expect(wholePercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(wholePercents([1, 1, 1, 1, 1, 1, 1])).toEqual([15, 15, 14, 14, 14, 14, 14]);
  });

  it("keeps exact shares and zeros as they are", () => {
    expect(wholePercents([1, 1])).toEqual([50, 50]);
    expect(wholePercents([0, 4, 0])).toEqual([0, 100, 0]);
    expect(wholePercents([0, 0])).toEqual([0, 0]);
  });

  it("always sums to 100 for any non-empty total", () => {
    for (let a = 0; a < 30; a += 1)
      for (let b = 0; b < 30; b += 1)
        for (const c of [0, 1, 7, 13]) {
          if (a + b + c === 0) continue;
          const shares = wholePercents([a, b, c]);
          expect(shares.reduce((s, x) => s + x, 0)).toBe(100);
          shares.forEach((s, i) => expect(Math.abs(s - ([a, b, c][i]! * 100) / (a + b + c))).toBeLessThan(1));
        }
  });
});
