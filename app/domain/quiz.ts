/**
 * The CEM maturity quiz: four questions, an answer scores its position (a=1 … d=4), the total
 * (4–13) falls in one of three bands.
 */
export const QUIZ_QUESTIONS = {
  q1: ["a", "b", "c"],
  q2: ["a", "b", "c"],
  q3: ["a", "b", "c"],
  q4: ["a", "b", "c", "d"],
} as const;

export type QuestionId = keyof typeof QUIZ_QUESTIONS;
export type QuizAnswers = { [Q in QuestionId]: (typeof QUIZ_QUESTIONS)[Q][number] };

export const QUESTION_IDS = Object.keys(QUIZ_QUESTIONS) as QuestionId[];

export const BANDS = [
  { key: "long-way", min: 4, max: 6 },
  { key: "good-job", min: 7, max: 10 },
  { key: "on-top", min: 11, max: 13 },
] as const;

export type BandKey = (typeof BANDS)[number]["key"];

export const MIN_SCORE = 4;
export const MAX_SCORE = 13;

export function answerPoints(answer: string): number {
  return answer.charCodeAt(0) - "a".charCodeAt(0) + 1;
}

export function scoreAnswers(answers: QuizAnswers): number {
  return QUESTION_IDS.reduce((total, id) => total + answerPoints(answers[id]), 0);
}

export function bandFor(score: number): BandKey {
  const band = BANDS.find((b) => score >= b.min && score <= b.max);
  if (!band) throw new RangeError(`Quiz score out of range: ${score}`);
  return band.key;
}

/** The most mature answer of a question: its last option. */
export function bestAnswer(id: QuestionId): QuizAnswers[QuestionId] {
  const options = QUIZ_QUESTIONS[id];
  return options[options.length - 1]!;
}

export type QuizSummary = {
  total: number;
  /** Mean score, or null with no answers. */
  average: number | null;
  byBand: { key: BandKey; count: number }[];
  byQuestion: { id: QuestionId; counts: { answer: string; count: number }[] }[];
};

/** The executives' distribution of one organization: per band, the mean, and per question. */
export function summarizeQuiz(results: (QuizAnswers & { score: number })[]): QuizSummary {
  const total = results.length;
  return {
    total,
    average: total ? results.reduce((sum, r) => sum + r.score, 0) / total : null,
    byBand: BANDS.map((band) => ({ key: band.key, count: results.filter((r) => bandFor(r.score) === band.key).length })),
    byQuestion: QUESTION_IDS.map((id) => ({
      id,
      counts: QUIZ_QUESTIONS[id].map((answer) => ({ answer, count: results.filter((r) => r[id] === answer).length })),
    })),
  };
}
