/** Gap maths of SPEC §4: gap = ideal − current (0–3), priority = gap × importance. */

/** An ideal at or below today leaves nothing to close, so the gap never goes below 0. */
export function gapOf(current: number, ideal: number): number {
  return Math.max(0, ideal - current);
}

export function priorityOf(gap: number, importance: number): number {
  return gap * importance;
}

export type GapInput = { current: number | null; ideal: number | null; importance: number };
export type GapRow = GapInput & { gap: number | null; priority: number | null };

export function toGapRow(input: GapInput): GapRow {
  if (input.current === null || input.ideal === null) return { ...input, gap: null, priority: null };
  const gap = gapOf(input.current, input.ideal);
  return { ...input, gap, priority: priorityOf(gap, input.importance) };
}

export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export type IndexPair = { current: number | null; ideal: number | null };
export type MaturityIndex = { categories: ({ key: string } & IndexPair)[]; overall: IndexPair };

type Rated = { categoryKey: string; current: number | null; ideal: number | null };

/** Category index = mean of its rated capabilities; the overall index is the mean of every rated capability. */
export function maturityIndex(rows: readonly Rated[], categoryKeys: readonly string[]): MaturityIndex {
  const pair = (subset: readonly Rated[]): IndexPair => ({
    current: mean(subset.flatMap((r) => (r.current === null ? [] : [r.current]))),
    ideal: mean(subset.flatMap((r) => (r.ideal === null ? [] : [r.ideal]))),
  });
  return {
    categories: categoryKeys.map((key) => ({ key, ...pair(rows.filter((r) => r.categoryKey === key)) })),
    overall: pair(rows),
  };
}

/** Change since the previous cycle, or null when either side is unknown. */
export function delta(now: number | null, before: number | null | undefined): number | null {
  return now === null || before == null ? null : now - before;
}

/** Largest weighted gaps first; ties by raw gap, then in model order (a stable sort keeps it). */
export function rankGaps<T extends { gap: number | null; priority: number | null }>(rows: readonly T[]): T[] {
  return rows
    .filter((r): r is T & { gap: number; priority: number } => r.gap !== null && r.priority !== null && r.gap > 0)
    .sort((a, b) => b.priority - a.priority || b.gap - a.gap);
}
