import { describe, expect, it } from "vitest";
import { answerPoints, bandFor, BANDS, bestAnswer, MAX_SCORE, MIN_SCORE, QUIZ_QUESTIONS, scoreAnswers, type QuizAnswers } from "./quiz";

// SPEC §2, written out here rather than derived from the module under test.
const POINTS = { a: 1, b: 2, c: 3, d: 4 } as const;
const THREE = ["a", "b", "c"] as const;
const FOUR = ["a", "b", "c", "d"] as const;

function expectedBand(total: number): string {
  if (total >= 4 && total <= 6) return "long-way";
  if (total >= 7 && total <= 10) return "good-job";
  if (total >= 11 && total <= 13) return "on-top";
  throw new Error(`no band for ${total}`);
}

const combinations: QuizAnswers[] = THREE.flatMap((q1) =>
  THREE.flatMap((q2) => THREE.flatMap((q3) => FOUR.map((q4) => ({ q1, q2, q3, q4 })))),
);

describe("quiz scoring", () => {
  it("has the questions and options of SPEC §2", () => {
    expect(QUIZ_QUESTIONS).toEqual({ q1: THREE, q2: THREE, q3: THREE, q4: FOUR });
    expect([MIN_SCORE, MAX_SCORE]).toEqual([4, 13]);
    expect(BANDS.map((b) => [b.key, b.min, b.max])).toEqual([
      ["long-way", 4, 6],
      ["good-job", 7, 10],
      ["on-top", 11, 13],
    ]);
  });

  it("scores an answer by its position", () => {
    for (const [answer, points] of Object.entries(POINTS)) expect(answerPoints(answer)).toBe(points);
  });

  it("enumerates all 108 answer combinations", () => {
    expect(combinations).toHaveLength(3 * 3 * 3 * 4);
    expect(new Set(combinations.map((c) => `${c.q1}${c.q2}${c.q3}${c.q4}`)).size).toBe(108);
  });

  it.each(combinations.map((answers) => [`${answers.q1}${answers.q2}${answers.q3}${answers.q4}`, answers] as const))(
    "scores %s by the SPEC table",
    (_name, answers) => {
      const total = POINTS[answers.q1] + POINTS[answers.q2] + POINTS[answers.q3] + POINTS[answers.q4];
      const score = scoreAnswers(answers);
      expect(score).toBe(total);
      expect(bandFor(score)).toBe(expectedBand(total));
    },
  );

  it("reaches every total from 4 to 13 and every band", () => {
    const totals = new Set(combinations.map(scoreAnswers));
    expect([...totals].sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const perBand = { "long-way": 0, "good-job": 0, "on-top": 0 } as Record<string, number>;
    for (const answers of combinations) perBand[bandFor(scoreAnswers(answers))]! += 1;
    // Per total: 4→1 5→4 6→10 | 7→17 8→22 9→22 10→17 | 11→10 12→4 13→1.
    expect(perBand).toEqual({ "long-way": 15, "good-job": 78, "on-top": 15 });
  });

  it("puts the band boundaries where the SPEC does", () => {
    expect([4, 6, 7, 10, 11, 13].map(bandFor)).toEqual(["long-way", "long-way", "good-job", "good-job", "on-top", "on-top"]);
  });

  it.each([0, 3, 14, -1, 6.5, 10.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses to band the score %s", (score) => {
    expect(() => bandFor(score)).toThrow(RangeError);
  });
});

describe("bestAnswer", () => {
  it("is the last, most mature option of each question", () => {
    expect(bestAnswer("q1")).toBe("c");
    expect(bestAnswer("q2")).toBe("c");
    expect(bestAnswer("q3")).toBe("c");
    expect(bestAnswer("q4")).toBe("d");
  });

  it("scores the maximum when every answer is the best one", () => {
    const best: QuizAnswers = { q1: bestAnswer("q1"), q2: bestAnswer("q2"), q3: bestAnswer("q3"), q4: bestAnswer("q4") } as QuizAnswers;
    expect(scoreAnswers(best)).toBe(13);
  });
});
