import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  DISAGREEMENT_SPREAD,
  isJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  joinCodeFrom,
  median,
  nextAssessmentDue,
  normalizeJoinCode,
  roundHalfUp,
  spread,
  summarizeVotes,
  type Vote,
} from "./workshop";

describe("median", () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[3], 3],
    [[4, 1, 3], 3],
    [[2, 2, 4, 1, 1], 2],
    [[1, 4], 2.5],
    [[4, 1, 2, 3], 2.5],
    [[3, 1, 3, 1], 2],
    [[1, 1, 1, 4], 1],
  ])("of %j is %s", (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it("does not reorder the caller's array", () => {
    const values = [4, 1, 3];
    median(values);
    expect(values).toEqual([4, 1, 3]);
  });

  it("sorts numerically, not as text", () => {
    // A default (string) sort would put 10 before 9 and give 10 as the middle value.
    expect(median([9, 10, 2])).toBe(9);
  });
});

describe("roundHalfUp", () => {
  it.each([
    [2.5, 3],
    [1.5, 2],
    [3.5, 4],
    [3, 3],
    [1, 1],
    [2.25, 2],
    [2.75, 3],
  ])("rounds %s to %s", (value, expected) => {
    expect(roundHalfUp(value)).toBe(expected);
  });

  it("never rounds a half to even (banker's rounding would give 2 for 2.5)", () => {
    expect([0.5, 1.5, 2.5, 3.5].map(roundHalfUp)).toEqual([1, 2, 3, 4]);
  });
});

describe("spread", () => {
  it.each<[number[], number]>([
    [[], 0],
    [[2], 0],
    [[3, 3, 3], 0],
    [[1, 2], 1],
    [[4, 2, 3], 2],
    [[1, 4, 2], 3],
  ])("of %j is %s", (values, expected) => {
    expect(spread(values)).toBe(expected);
  });
});

describe("summarizeVotes", () => {
  const vote = (current: number | null, ideal: number | null): Vote => ({ current, ideal });

  it("summarizes no votes as empty", () => {
    expect(summarizeVotes([])).toEqual({
      votes: 0,
      medianCurrent: null,
      medianIdeal: null,
      spreadCurrent: 0,
      spreadIdeal: 0,
      disagreement: false,
      distributionCurrent: [0, 0, 0, 0],
      distributionIdeal: [0, 0, 0, 0],
    });
  });

  it("counts votes per level and takes medians and spreads per field", () => {
    const summary = summarizeVotes([vote(1, 3), vote(2, 3), vote(2, 4), vote(3, 4)]);
    expect(summary).toEqual({
      votes: 4,
      medianCurrent: 2,
      medianIdeal: 3.5,
      spreadCurrent: 2,
      spreadIdeal: 1,
      disagreement: true,
      distributionCurrent: [1, 2, 1, 0],
      distributionIdeal: [0, 0, 2, 2],
    });
  });

  it("ignores nulls in the statistics; a participant counts when either field is set", () => {
    const summary = summarizeVotes([vote(null, null), vote(2, null), vote(null, 4), vote(3, 3)]);
    expect(summary.votes).toBe(3);
    expect(summary.medianCurrent).toBe(2.5);
    expect(summary.medianIdeal).toBe(3.5);
    expect(summary.distributionCurrent).toEqual([0, 1, 1, 0]);
    expect(summary.distributionIdeal).toEqual([0, 0, 1, 1]);
    expect(summary.spreadCurrent).toBe(1);
    expect(summary.spreadIdeal).toBe(1);
  });

  it("a skipped capability (both null) has no medians and no distribution", () => {
    const summary = summarizeVotes([vote(null, null), vote(null, null)]);
    expect(summary).toMatchObject({ votes: 0, medianCurrent: null, medianIdeal: null, distributionCurrent: [0, 0, 0, 0], disagreement: false });
  });

  it("uses two levels as the disagreement threshold", () => {
    expect(DISAGREEMENT_SPREAD).toBe(2);
  });

  it.each<[string, boolean, Vote[]]>([
    ["all agree", false, [vote(2, 3), vote(2, 3), vote(2, 3)]],
    ["one level apart on both", false, [vote(2, 3), vote(3, 4), vote(2, 4)]],
    ["two levels apart today", true, [vote(1, 3), vote(3, 3)]],
    ["two levels apart on the goal", true, [vote(2, 2), vote(2, 4)]],
    ["three levels apart today", true, [vote(1, 4), vote(4, 4)]],
    ["a lone outlier among many", true, [vote(3, 3), vote(3, 3), vote(3, 3), vote(3, 3), vote(1, 3)]],
    ["nulls do not widen the spread", false, [vote(3, null), vote(null, 1), vote(3, 1)]],
    ["a single vote", false, [vote(1, 4)]],
  ])("when %s, disagreement is %s", (_name, expected, votes) => {
    expect(summarizeVotes(votes).disagreement).toBe(expected);
  });
});

describe("join codes", () => {
  it(`are ${JOIN_CODE_LENGTH} characters long`, () => {
    expect(JOIN_CODE_LENGTH).toBe(6);
    expect(joinCodeFrom(() => 0)).toHaveLength(6);
    expect(joinCodeFrom(crypto.randomInt)).toHaveLength(6);
  });

  it("use an alphabet without look-alike characters", () => {
    for (const lookAlike of ["0", "O", "1", "I", "L", "5", "S", "2", "Z"]) {
      expect(JOIN_CODE_ALPHABET, lookAlike).not.toContain(lookAlike);
    }
    expect(JOIN_CODE_ALPHABET).toMatch(/^[A-Z0-9]+$/);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
    // Enough symbols that a random code is hard to guess: 27^6 ≈ 387 million codes.
    expect(JOIN_CODE_ALPHABET.length).toBeGreaterThanOrEqual(24);
  });

  it("draw each character as one uniform index into the alphabet (no modulo of a byte)", () => {
    const asked: number[] = [];
    const indexes = [0, 1, 2, 26, 13, 7];
    const code = joinCodeFrom((max) => {
      asked.push(max);
      return indexes[asked.length - 1]!;
    });
    expect(asked).toEqual(Array(JOIN_CODE_LENGTH).fill(JOIN_CODE_ALPHABET.length));
    expect(code).toBe(indexes.map((i) => JOIN_CODE_ALPHABET[i]).join(""));
  });

  it("are unbiased: every character is as likely as any other (chi-square over 300,000 draws)", () => {
    const n = JOIN_CODE_ALPHABET.length;
    const counts = new Map<string, number>();
    const codes = 50_000;
    for (let i = 0; i < codes; i++) for (const c of joinCodeFrom(crypto.randomInt)) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = (codes * JOIN_CODE_LENGTH) / n;
    const chiSquare = [...JOIN_CODE_ALPHABET].reduce((sum, c) => sum + ((counts.get(c) ?? 0) - expected) ** 2 / expected, 0);
    // 26 degrees of freedom: above 80 happens by chance less than once in a million runs. `b % 27`
    // over random bytes (10 chances in 256 for 13 characters, 9 for the rest) scores about 900.
    expect(chiSquare).toBeLessThan(80);
  });

  it("only ever contain alphabet characters, whatever the draws", () => {
    for (let i = 0; i < 1000; i += 1) expect(isJoinCode(joinCodeFrom(crypto.randomInt))).toBe(true);
    expect(isJoinCode(joinCodeFrom((max) => max - 1))).toBe(true);
  });

  it.each([
    ["abc346", "ABC346"],
    ["ABC346", "ABC346"],
    [" abc 346 ", "ABC346"],
    ["abc-346", "ABC346"],
    ["ab-c3 4-6", "ABC346"],
    ["\tabc\n346", "ABC346"],
    ["", ""],
  ])("normalize %j to %j", (input, expected) => {
    expect(normalizeJoinCode(input)).toBe(expected);
  });

  it.each([
    ["ABC346", true],
    ["XY9876", true],
    ["abc346", false],
    ["ABC34", false],
    ["ABC3467", false],
    ["ABC3O6", false],
    ["ABCDE1", false],
    ["ABCDEL", false],
    ["ABCDES", false],
    ["ABC-34", false],
    ["", false],
  ])("isJoinCode(%j) is %s", (code, expected) => {
    expect(isJoinCode(code)).toBe(expected);
  });

  it("accept what a person types once normalized", () => {
    expect(isJoinCode(normalizeJoinCode("xy9-876"))).toBe(true);
  });
});

describe("nextAssessmentDue", () => {
  // Local-time dates: date-fns works in local time, and so does a facilitator's calendar.
  it("is six months after the lock", () => {
    expect(nextAssessmentDue(new Date(2026, 2, 15, 10, 30))).toEqual(new Date(2026, 8, 15, 10, 30));
  });

  it("crosses the year end", () => {
    expect(nextAssessmentDue(new Date(2026, 9, 1))).toEqual(new Date(2027, 3, 1));
  });

  it("clamps 31 August to the end of February", () => {
    expect(nextAssessmentDue(new Date(2026, 7, 31))).toEqual(new Date(2027, 1, 28));
    expect(nextAssessmentDue(new Date(2027, 7, 31))).toEqual(new Date(2028, 1, 29));
  });

  it("does not change the lock date it was given", () => {
    const lockedAt = new Date(2026, 0, 31);
    nextAssessmentDue(lockedAt);
    expect(lockedAt).toEqual(new Date(2026, 0, 31));
  });
});
