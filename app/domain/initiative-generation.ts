import { addMonthsToDate, firstOfNextMonth, type IsoDate } from "./dates";
import type { Effort, Priority, Staffing } from "./initiative.schema";
import type { MetricKey } from "./metric-keys";

/**
 * "Generate initiatives" (SPEC §5, issue 11): for every capability with a gap, the library's
 * initiatives for each level from the current one + 1 up to the target, ranked by the gap's
 * priority. Pure: the caller brings the gap rows (services/gap-analysis.server.ts) and the library
 * (utils/content.server.ts).
 */

/** A gap row as `getCapabilityGaps` gives it: one per capability, in model order. */
export type GapForGeneration = {
  capabilityKey: string;
  current: number | null;
  ideal: number | null;
  importance: number;
  gap: number | null;
  priority: number | null;
};

/** What generation needs of a library initiative; the library's own type carries the texts too. */
export type LibraryEntry = {
  key: string;
  capability: string;
  level: number;
  months: number;
  effort: Effort;
  staffing: Staffing;
  metrics: readonly MetricKey[];
};

/** Why an initiative is proposed, as data: the page words it in the reader's language. */
export type ProposalReason = {
  current: number;
  target: number;
  gap: number;
  importance: number;
  /** gap × importance, 1–9. */
  gapPriority: number;
  /** The level this initiative helps reach. */
  level: number;
};

export type InitiativeProposal<L extends LibraryEntry = LibraryEntry> = {
  /** The library initiative's key: the same proposal always has the same key, so a second run can skip it. */
  libraryKey: string;
  capabilityKey: string;
  initiative: L;
  reason: ProposalReason;
  /** The initiative's priority (1 high – 3 low), from the gap's priority. */
  priority: Priority;
};

/**
 * The gap's priority (gap × importance, 0–9) on the initiative's scale of 1 (high) to 3 (low), in
 * thirds: 6–9 high, 3–5 medium, 1–2 low. With the default importance of 2 a gap of 3 is high, 2
 * medium and 1 low; an importance of 3 lifts each gap one step and an importance of 1 lowers it.
 */
export function priorityFromGap(gapPriority: number): Priority {
  if (gapPriority >= 6) return 1;
  if (gapPriority >= 3) return 2;
  return 3;
}

/**
 * Every proposal, highest gap priority first; ties in model order (the order of `gaps`), then by
 * level to reach, then in library order. A capability without a rating on both sides, or without
 * a gap, gets none; a level the library has nothing for is skipped.
 */
export function proposeInitiatives<L extends LibraryEntry>(gaps: readonly GapForGeneration[], library: readonly L[]): InitiativeProposal<L>[] {
  const ranked = gaps
    .map((row, order) => ({ row, order }))
    .filter(({ row }) => row.current !== null && row.ideal !== null && row.gap !== null && row.priority !== null && row.gap > 0)
    .sort((a, b) => b.row.priority! - a.row.priority! || a.order - b.order);
  return ranked.flatMap(({ row }) => {
    const current = row.current!;
    const target = row.ideal!;
    return library
      .filter((entry) => entry.capability === row.capabilityKey && entry.level > current && entry.level <= target)
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => a.entry.level - b.entry.level || a.index - b.index)
      .map(({ entry }) => ({
        libraryKey: entry.key,
        capabilityKey: row.capabilityKey,
        initiative: entry,
        reason: { current, target, gap: row.gap!, importance: row.importance, gapPriority: row.priority!, level: entry.level },
        priority: priorityFromGap(row.priority!),
      }));
  });
}

/**
 * Idempotence: only the proposals whose library key is not already among the organization's
 * initiatives (pass every library key its initiatives came from, whatever their status, so a
 * second run adds nothing twice and a dismissed proposal that is kept does not come back).
 */
export function newProposals<P extends { libraryKey: string }>(proposals: readonly P[], existingLibraryKeys: Iterable<string>): P[] {
  const existing = new Set(existingLibraryKeys);
  return proposals.filter((proposal) => !existing.has(proposal.libraryKey));
}

export type AcceptedDefaults = { status: "planned"; start: IsoDate; target: IsoDate; priority: Priority };

/**
 * What accepting a proposal sets: `planned`, starting on the first day of next month, with a
 * target the library's typical duration later (a 4-month initiative accepted on 10 June runs
 * 1 July → 1 November), and the priority from its gap.
 */
export function acceptedDefaults(entry: Pick<LibraryEntry, "months">, gapPriority: number, today: IsoDate): AcceptedDefaults {
  const start = firstOfNextMonth(today);
  return { status: "planned", start, target: addMonthsToDate(start, entry.months), priority: priorityFromGap(gapPriority) };
}
