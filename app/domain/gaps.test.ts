import { describe, expect, it } from "vitest";
import { gapOf, priorityOf, toGapRow } from "./gaps";

describe("gapOf", () => {
  it.each([
    [1, 4, 3],
    [2, 3, 1],
    [3, 3, 0],
    [1, 1, 0],
  ])("from %i to %i is %i", (current, ideal, gap) => {
    expect(gapOf(current, ideal)).toBe(gap);
  });

  it("is never negative when the goal is below today", () => {
    expect(gapOf(4, 1)).toBe(0);
    expect(gapOf(3, 2)).toBe(0);
  });
});

describe("priorityOf", () => {
  it.each([
    [3, 3, 9],
    [2, 3, 6],
    [3, 1, 3],
    [1, 2, 2],
    [0, 3, 0],
  ])("gap %i × importance %i = %i", (gap, importance, priority) => {
    expect(priorityOf(gap, importance)).toBe(priority);
  });
});

describe("toGapRow", () => {
  it("adds gap and priority to a complete row", () => {
    expect(toGapRow({ current: 1, ideal: 3, importance: 3 })).toEqual({ current: 1, ideal: 3, importance: 3, gap: 2, priority: 6 });
    expect(toGapRow({ current: 2, ideal: 4, importance: 1 })).toEqual({ current: 2, ideal: 4, importance: 1, gap: 2, priority: 2 });
  });

  it("gives a goal below today a gap and priority of 0", () => {
    expect(toGapRow({ current: 4, ideal: 2, importance: 3 })).toEqual({ current: 4, ideal: 2, importance: 3, gap: 0, priority: 0 });
  });

  it.each([
    { current: null, ideal: 3, importance: 2 },
    { current: 2, ideal: null, importance: 2 },
    { current: null, ideal: null, importance: 3 },
  ])("leaves gap and priority empty without both levels: %j", (input) => {
    expect(toGapRow(input)).toEqual({ ...input, gap: null, priority: null });
  });
});
