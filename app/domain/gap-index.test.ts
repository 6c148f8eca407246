import { describe, expect, it } from "vitest";
import { delta, gapOf, maturityIndex, mean, rankGaps, toGapRow } from "./gaps";

// gaps.test.ts covers gapOf, priorityOf and toGapRow one by one; this file covers the indices,
// the deltas, the ranking and how the pieces behave together with missing votes.

const CATEGORIES = ["business-process", "talent", "infrastructure"] as const;

type Row = { categoryKey: string; current: number | null; ideal: number | null };
const row = (categoryKey: string, current: number | null, ideal: number | null): Row => ({ categoryKey, current, ideal });

describe("mean", () => {
  it("is the arithmetic mean, or null for no values", () => {
    expect(mean([1, 2, 4])).toBeCloseTo(7 / 3, 12);
    expect(mean([3])).toBe(3);
    expect(mean([])).toBeNull();
  });
});

describe("maturityIndex", () => {
  it("averages current and ideal per category, in the order of the keys given", () => {
    const index = maturityIndex(
      [row("talent", 1, 3), row("business-process", 2, 4), row("talent", 2, 4), row("business-process", 3, 3), row("talent", 4, 4)],
      ["business-process", "talent"],
    );
    expect(index.categories).toEqual([
      { key: "business-process", current: 2.5, ideal: 3.5 },
      { key: "talent", current: 7 / 3, ideal: 11 / 3 },
    ]);
  });

  it("takes the overall index over every rated capability, not over the category means", () => {
    // Category means are 1 and 3 (mean of means 2); the four capabilities average 2.5.
    const index = maturityIndex([row("business-process", 1, 2), row("talent", 3, 4), row("talent", 3, 4), row("talent", 3, 4)], CATEGORIES);
    expect(index.overall.current).toBe(2.5);
    expect(index.overall.ideal).toBe(3.5);
  });

  it("ignores a missing current or ideal on its own side only", () => {
    const index = maturityIndex([row("talent", null, 4), row("talent", 2, null), row("talent", 3, 2)], CATEGORIES);
    const talent = index.categories.find((c) => c.key === "talent")!;
    expect(talent.current).toBe(2.5);
    expect(talent.ideal).toBe(3);
    expect(index.overall).toEqual({ current: 2.5, ideal: 3 });
  });

  it("gives a category with nothing rated a null index (never 0, which would read as a level)", () => {
    const index = maturityIndex([row("talent", 2, 3), row("infrastructure", null, null)], CATEGORIES);
    expect(index.categories).toEqual([
      { key: "business-process", current: null, ideal: null },
      { key: "talent", current: 2, ideal: 3 },
      { key: "infrastructure", current: null, ideal: null },
    ]);
  });

  it("is null everywhere when nothing is rated", () => {
    expect(maturityIndex([], CATEGORIES)).toEqual({
      categories: CATEGORIES.map((key) => ({ key, current: null, ideal: null })),
      overall: { current: null, ideal: null },
    });
  });
});

describe("delta", () => {
  it.each([
    [3, 2, 1],
    [2, 3, -1],
    [2, 2, 0],
    [2.75, 2.25, 0.5],
  ])("from %d to %d is %d", (now, before, change) => {
    expect(delta(now, before)).toBe(change);
  });

  it("counts an earlier value of 0 as known", () => {
    expect(delta(1, 0)).toBe(1);
  });

  it.each([
    [null, 2],
    [2, null],
    [2, undefined],
    [null, undefined],
  ])("is null when a side is unknown (%s, %s)", (now, before) => {
    expect(delta(now, before)).toBeNull();
  });
});

type Ranked = { key: string; gap: number | null; priority: number | null };
const ranked = (key: string, gap: number | null, priority: number | null): Ranked => ({ key, gap, priority });

describe("rankGaps", () => {
  it("orders by priority, largest first", () => {
    const rows = [ranked("a", 1, 2), ranked("b", 3, 9), ranked("c", 2, 4), ranked("d", 1, 3)];
    expect(rankGaps(rows).map((r) => r.key)).toEqual(["b", "c", "d", "a"]);
  });

  it("breaks a tie in priority with the larger raw gap", () => {
    // Priority 6 either as gap 2 × importance 3 or gap 3 × importance 2: the wider gap goes first.
    const rows = [ranked("narrow", 2, 6), ranked("wide", 3, 6), ranked("small", 1, 1)];
    expect(rankGaps(rows).map((r) => r.key)).toEqual(["wide", "narrow", "small"]);
  });

  it("keeps the given (model) order for complete ties", () => {
    const keys = ["k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10", "k11", "k12"];
    const rows = keys.map((key) => ranked(key, 2, 4));
    expect(rankGaps(rows).map((r) => r.key)).toEqual(keys);
    const mixed = [ranked("x1", 1, 2), ranked("y1", 2, 4), ranked("x2", 1, 2), ranked("y2", 2, 4), ranked("x3", 1, 2)];
    expect(rankGaps(mixed).map((r) => r.key)).toEqual(["y1", "y2", "x1", "x2", "x3"]);
  });

  it("leaves out rows with no gap to close or no numbers", () => {
    const rows = [ranked("zero", 0, 0), ranked("negative", -1, -2), ranked("no-gap", null, null), ranked("no-priority", 2, null), ranked("kept", 1, 1)];
    expect(rankGaps(rows).map((r) => r.key)).toEqual(["kept"]);
    expect(rankGaps([ranked("zero", 0, 0)])).toEqual([]);
  });

  it("returns a new array and leaves the rows as given", () => {
    const rows = [ranked("a", 1, 1), ranked("b", 3, 9), ranked("c", 0, 0)];
    const copy = structuredClone(rows);
    const result = rankGaps(rows);
    expect(rows).toEqual(copy);
    expect(result).not.toBe(rows);
    expect(result[0]).toBe(rows[1]);
  });
});

describe("gap rows from levels", () => {
  it("clamps a goal below today to a gap of 0, which the ranking then leaves out", () => {
    expect(gapOf(4, 2)).toBe(0);
    const rows = [
      { key: "behind", ...toGapRow({ current: 1, ideal: 3, importance: 2 }) },
      { key: "ahead", ...toGapRow({ current: 4, ideal: 2, importance: 3 }) },
      { key: "unknown", ...toGapRow({ current: null, ideal: 4, importance: 3 }) },
    ];
    expect(rows.map((r) => [r.key, r.gap, r.priority])).toEqual([
      ["behind", 2, 4],
      ["ahead", 0, 0],
      ["unknown", null, null],
    ]);
    expect(rankGaps(rows).map((r) => r.key)).toEqual(["behind"]);
  });

  it("keeps the known side of a row with a missing level for the indices", () => {
    const gap = toGapRow({ current: null, ideal: 3, importance: 1 });
    expect(gap).toEqual({ current: null, ideal: 3, importance: 1, gap: null, priority: null });
    const index = maturityIndex([{ categoryKey: "talent", ...gap }, { categoryKey: "talent", ...toGapRow({ current: 2, ideal: 2, importance: 2 }) }], ["talent"]);
    expect(index.overall).toEqual({ current: 2, ideal: 2.5 });
  });
});
