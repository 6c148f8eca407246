import { z } from "zod";
import { honeypotField } from "~/utils/forms";
import { QUIZ_QUESTIONS } from "./quiz";

const answer = <T extends readonly [string, ...string[]]>(options: T) =>
  z.enum(options, { error: (issue) => (issue.input === undefined || issue.input === "" ? "quiz.error.required" : "quiz.error.invalid") });

/** Shared by the quiz form and POST /quiz; messages are i18n keys, translated where shown. */
export const QuizAnswersSchema = z.object({
  q1: answer(QUIZ_QUESTIONS.q1),
  q2: answer(QUIZ_QUESTIONS.q2),
  q3: answer(QUIZ_QUESTIONS.q3),
  q4: answer(QUIZ_QUESTIONS.q4),
  invite: z.string().trim().max(100).optional(),
  website: honeypotField,
});
