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
