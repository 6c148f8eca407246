import { addMonths } from "date-fns";

/** Join codes, vote statistics and the disagreement rule of the live workshop. Pure functions. */

/** No 0/O, 1/I/L, 5/S or 2/Z: codes are read off a projector and typed on phones. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY346789";
export const JOIN_CODE_LENGTH = 6;

/**
 * A code drawn one character at a time with `randomIndex(max)`, an integer uniform in [0, max):
 * `crypto.randomInt` in the app. A byte modulo 27 made 13 characters 11% likelier than the rest.
 */
export function joinCodeFrom(randomIndex: (max: number) => number): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomIndex(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** What a person typed, as a code: case-insensitive, spaces and dashes ignored. */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export function isJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

/** Median of the values; with an even count, the mean of the two middle ones (may end in .5). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Levels are whole numbers: 2.5 becomes 3 (half up), as INTERFACES says for gaps.csv. */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5);
}

/** Distance between the lowest and the highest vote (0–3). */
export function spread(values: readonly number[]): number {
  return values.length ? Math.max(...values) - Math.min(...values) : 0;
}

/** Votes two or more levels apart: the room does not agree, so discuss this one first. */
export const DISAGREEMENT_SPREAD = 2;

export type Vote = { current: number | null; ideal: number | null };

export type VoteSummary = {
  /** Participants who rated current or ideal. */
  votes: number;
  medianCurrent: number | null;
  medianIdeal: number | null;
  spreadCurrent: number;
  spreadIdeal: number;
  disagreement: boolean;
  /** Votes per level 1–4, current and ideal. */
  distributionCurrent: [number, number, number, number];
  distributionIdeal: [number, number, number, number];
};

function distribution(values: readonly number[]): [number, number, number, number] {
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  for (const v of values) counts[v - 1] = (counts[v - 1] ?? 0) + 1;
  return counts;
}

export function summarizeVotes(votes: readonly Vote[]): VoteSummary {
  const current = votes.flatMap((v) => (v.current === null ? [] : [v.current]));
  const ideal = votes.flatMap((v) => (v.ideal === null ? [] : [v.ideal]));
  const spreadCurrent = spread(current);
  const spreadIdeal = spread(ideal);
  return {
    votes: votes.filter((v) => v.current !== null || v.ideal !== null).length,
    medianCurrent: median(current),
    medianIdeal: median(ideal),
    spreadCurrent,
    spreadIdeal,
    disagreement: spreadCurrent >= DISAGREEMENT_SPREAD || spreadIdeal >= DISAGREEMENT_SPREAD,
    distributionCurrent: distribution(current),
    distributionIdeal: distribution(ideal),
  };
}

/** The next assessment is due six months after the lock (date-fns clamps 31 Aug → 28/29 Feb). */
export function nextAssessmentDue(lockedAt: Date): Date {
  return addMonths(lockedAt, 6);
}
